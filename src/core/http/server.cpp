#include "core/http/server.hpp"

#include <fmt/format.h>
#include <boost/asio.hpp>
#include <boost/asio/as_tuple.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "core/util/time.hpp"

namespace samtryg::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
constexpr auto as_tuple_awaitable = asio::as_tuple(asio::use_awaitable);

namespace {

// One open connection, as the shutdown path sees it. The executor is fixed at the start and may
// be read anywhere; stream and idle are touched only on the connection's strand (the executor).
struct Connection {
  asio::any_io_executor executor;
  beast::tcp_stream* stream = nullptr;
  bool idle = true;
};

Request to_request(bhttp::request<bhttp::string_body>&& message, const std::string& client) {
  Request request;
  request.method = method_from_string(std::string_view(message.method_string()));
  request.client_address = client;
  request.keep_alive = message.keep_alive();
  for (const auto& field : message) {
    auto [it, inserted] =
        request.headers.emplace(std::string(field.name_string()), std::string(field.value()));
    if (!inserted) it->second.append(", ").append(field.value());
  }
  request.body = std::move(message.body());
  if (!request.set_target(std::string_view(message.target()))) request.path.clear();
  return request;
}

// Access log lines are collected and written in batches: one write(2) per request would cost
// more than many requests themselves. A timer flushes an idle server's last lines.
class AccessLog {
 public:
  void append(const std::string& line) {
    const std::lock_guard lock(mutex_);
    buffer_ += line;
    if (buffer_.size() >= kFlushBytes) flush_locked();
  }
  void flush() {
    const std::lock_guard lock(mutex_);
    flush_locked();
  }

 private:
  static constexpr std::size_t kFlushBytes = std::size_t{16} * 1024;
  void flush_locked() {
    if (buffer_.empty()) return;
    std::fwrite(buffer_.data(), 1, buffer_.size(), stderr);
    std::fflush(stderr);
    buffer_.clear();
  }
  std::mutex mutex_;
  std::string buffer_;
};

// The timestamp changes once a second; formatting it once per second per thread is enough.
const std::string& current_timestamp() {
  thread_local std::string text;
  thread_local Clock::time_point::rep second = -1;
  const auto now = std::chrono::floor<std::chrono::seconds>(Clock::now());
  if (now.time_since_epoch().count() != second) {
    second = now.time_since_epoch().count();
    text = to_iso_utc(now);
  }
  return text;
}

Response plain_error(int status) {
  return Response::text(fmt::format("{} {}\n", status, reason_phrase(status)), status);
}

}  // namespace

struct Server::Impl {
  ServerOptions options;
  Dispatcher dispatcher;
  asio::io_context io;
  asio::thread_pool workers;
  tcp::acceptor acceptor;
  std::atomic<bool> stopping{false};
  std::mutex connections_mutex;
  std::unordered_set<std::shared_ptr<Connection>> connections;
  AccessLog access_log;
  asio::steady_timer log_timer{io};
  asio::signal_set* signals = nullptr;  // set while run() waits for SIGINT/SIGTERM

  Impl(ServerOptions opts, Dispatcher dispatch)
      : options(std::move(opts)),
        dispatcher(std::move(dispatch)),
        io(static_cast<int>(options.network_threads)),
        workers(options.worker_threads),
        acceptor(io) {}

  void log(const Request& request, int status, std::size_t bytes,
           std::chrono::steady_clock::duration took) {
    if (!options.access_log) return;
    const double ms = std::chrono::duration<double, std::milli>(took).count();
    auto line =
        fmt::format("time={} method={} path={:?} status={} bytes={} duration_ms={:.3f} client={}\n",
                    current_timestamp(), to_string(request.method), request.path, status, bytes, ms,
                    request.client_address);
    if (options.log_line) {
      options.log_line(line);
      return;
    }
    access_log.append(line);
  }

  asio::awaitable<void> flush_log_periodically() {
    while (!stopping) {
      log_timer.expires_after(std::chrono::milliseconds(500));
      co_await log_timer.async_wait(as_tuple_awaitable);
      access_log.flush();
    }
  }

  // The head is written by hand (http::serialize_head) and sent with the body in one gathered
  // write: Beast's response fields and serializer cost more than the rest of a small request.
  asio::awaitable<void> write(beast::tcp_stream& stream, Response&& response, bool head,
                              bool keep_alive, beast::error_code& ec) {
    const auto head_text = serialize_head(response, keep_alive);
    const std::array<asio::const_buffer, 2> buffers{
        asio::buffer(head_text), head ? asio::const_buffer() : asio::buffer(response.body)};
    stream.expires_after(options.request_timeout);
    auto [error, written] = co_await asio::async_write(stream, buffers, as_tuple_awaitable);
    ec = error;
  }

  // The answer to a request that could not be read, or 0 when the client just went away.
  static int read_error_status(const beast::error_code& ec) {
    if (ec == bhttp::error::end_of_stream) return 0;
    if (ec == bhttp::error::body_limit) return 413;
    if (ec == bhttp::error::header_limit) return 431;
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category()) return 400;
    return 0;
  }

  Response refusal(int status) const {
    return options.refusal ? options.refusal(status) : plain_error(status);
  }

  // Handlers block on the database, so they run on the worker pool, never on the network threads.
  asio::awaitable<Response> respond(Request& request) {
    if (request.path.empty()) co_return plain_error(400);
    co_return co_await asio::co_spawn(
        workers,
        [this, &request]() -> asio::awaitable<Response> {
          try {
            co_return dispatcher(request);
          } catch (...) {
            co_return plain_error(500);
          }
        },
        asio::use_awaitable);
  }

  asio::awaitable<void> serve_connection(tcp::socket socket) {
    beast::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    const auto client = socket.remote_endpoint(ignored).address().to_string();
    beast::tcp_stream stream(std::move(socket));
    auto state = std::make_shared<Connection>();
    state->executor = stream.get_executor();
    state->stream = &stream;
    {
      const std::lock_guard lock(connections_mutex);
      connections.insert(state);
    }
    beast::flat_buffer buffer;
    bool first = true;
    while (!stopping) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
      parser.body_limit(options.max_body_bytes);
      stream.expires_after(first ? options.request_timeout : options.idle_timeout);
      first = false;
      state->idle = true;
      auto [ec, read] = co_await bhttp::async_read(stream, buffer, parser, as_tuple_awaitable);
      state->idle = false;
      if (ec) {
        const int status = read_error_status(ec);
        if (status != 0) {
          beast::error_code write_error;
          co_await write(stream, refusal(status), false, false, write_error);
        }
        break;
      }
      const auto started = std::chrono::steady_clock::now();
      auto request = to_request(parser.release(), client);
      const bool head = request.method == Method::head;
      auto response = co_await respond(request);
      const bool keep_alive = request.keep_alive && !stopping;
      const int status = response.status;
      const auto bytes = response.body.size();
      beast::error_code write_error;
      co_await write(stream, std::move(response), head, keep_alive, write_error);
      log(request, status, head ? 0 : bytes, std::chrono::steady_clock::now() - started);
      if (write_error || !keep_alive) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    state->stream = nullptr;
    const std::lock_guard lock(connections_mutex);
    connections.erase(state);
  }

  std::size_t open_connections() {
    const std::lock_guard lock(connections_mutex);
    return connections.size();
  }

  // Past max_connections: a short answer that says to come back, then the connection closes.
  asio::awaitable<void> refuse_connection(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    auto response = refusal(503);
    response.header("Retry-After", "5");
    beast::error_code ignored;
    co_await write(stream, std::move(response), false, false, ignored);
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  asio::awaitable<void> accept_loop() {
    asio::steady_timer backoff(acceptor.get_executor());
    auto pause = std::chrono::milliseconds(10);
    while (!stopping) {
      auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(io), as_tuple_awaitable);
      if (ec) {
        if (ec == asio::error::operation_aborted || !acceptor.is_open()) break;
        // Out of file descriptors, most likely: the pending connection stays in the backlog and
        // accepting again at once would spin. Wait, longer each time, and serve what is open.
        backoff.expires_after(pause);
        co_await backoff.async_wait(as_tuple_awaitable);
        pause = std::min(pause * 2, std::chrono::milliseconds(1000));
        continue;
      }
      pause = std::chrono::milliseconds(10);
      auto executor = socket.get_executor();
      if (open_connections() >= options.max_connections) {
        asio::co_spawn(executor, refuse_connection(std::move(socket)), asio::detached);
        continue;
      }
      asio::co_spawn(executor, serve_connection(std::move(socket)), asio::detached);
    }
  }

  void begin_shutdown() {
    if (stopping.exchange(true)) return;
    asio::post(io, [this] {
      beast::error_code ignored;
      acceptor.close(ignored);
      // Once shutdown begins neither the signal wait nor the log timer may keep the loop alive.
      if (signals != nullptr) signals->cancel(ignored);
      log_timer.cancel();
    });
    const std::lock_guard lock(connections_mutex);
    for (const auto& connection : connections) {
      asio::post(connection->executor, [connection] {
        if (connection->stream != nullptr && connection->idle) connection->stream->cancel();
      });
    }
  }
};

Server::Server(ServerOptions options, Dispatcher dispatcher)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(dispatcher))) {}

Server::~Server() {
  stop();
  impl_->workers.join();
}

void Server::listen() {
  beast::error_code ec;
  const auto address = asio::ip::make_address(impl_->options.address, ec);
  if (ec) {
    throw ListenError(
        fmt::format("'{}' is not a valid IP address to listen on", impl_->options.address));
  }
  const tcp::endpoint endpoint(address, impl_->options.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (ec == asio::error::address_in_use) {
    throw ListenError(fmt::format(
        "port {} is already in use on {}; stop the other program or choose another port "
        "with --port",
        impl_->options.port, impl_->options.address));
  }
  if (ec == asio::error::access_denied) {
    throw ListenError(fmt::format("no permission to listen on port {} of {}; use a port above 1023",
                                  impl_->options.port, impl_->options.address));
  }
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw ListenError(fmt::format("cannot listen on {}:{}: {}", impl_->options.address,
                                  impl_->options.port, ec.message()));
  }
}

std::uint16_t Server::port() const {
  return impl_->acceptor.local_endpoint().port();
}

void Server::run(bool handle_signals) {
  auto& io = impl_->io;
  asio::signal_set signals(io);
  if (handle_signals) {
    signals.add(SIGINT);
    signals.add(SIGTERM);
    signals.async_wait([this](const beast::error_code& ec, int) {
      if (!ec) impl_->begin_shutdown();
    });
  }
  impl_->signals = &signals;
  asio::co_spawn(io, impl_->accept_loop(), asio::detached);
  if (impl_->options.access_log) {
    asio::co_spawn(io, impl_->flush_log_periodically(), asio::detached);
  }
  std::vector<std::thread> extra;
  for (std::size_t i = 1; i < impl_->options.network_threads; ++i) {
    extra.emplace_back([&io] { io.run(); });
  }
  io.run();
  for (auto& thread : extra) thread.join();
  impl_->signals = nullptr;
  impl_->access_log.flush();
}

void Server::stop() {
  impl_->begin_shutdown();
}

}  // namespace samtryg::http
