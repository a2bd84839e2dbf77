#pragma once
// The HTTP/1.1 server: Beast + Asio C++20 coroutines on a few network threads; every request
// is handed to a separate worker pool so database calls never block the network threads.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

#include "core/http/message.hpp"

namespace samtryg::http {

struct ListenError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port (tests)
  std::size_t network_threads = 1;
  std::size_t worker_threads = 4;
  std::size_t max_body_bytes = std::size_t{10} * 1024 * 1024;
  std::size_t max_header_bytes = std::size_t{16} * 1024;
  std::chrono::seconds request_timeout{30};  // to read one request, and to write its answer
  std::chrono::seconds idle_timeout{60};     // between requests on a kept-alive connection
  // Open connections served at once; a connection past it is answered 503 and closed, so the
  // server keeps file descriptors for its database and files.
  std::size_t max_connections = 1000;
  bool access_log = true;
  // The answer to a request that could not be read (400, 413, 431) or could not be taken on
  // (503), before anything is known of its sender; defaults to a plain-text status line.
  std::function<Response(int status)> refusal;
  // Receives one line per request; defaults to standard error.
  std::function<void(const std::string&)> log_line;
};

// Runs on a worker thread. Must not throw; a throw becomes a bare 500.
using Dispatcher = std::function<Response(Request&)>;

class Server {
 public:
  Server(ServerOptions options, Dispatcher dispatcher);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. Throws ListenError with a message a person can act on.
  void listen();
  std::uint16_t port() const;

  // Serves until stop() or, with `handle_signals`, SIGINT/SIGTERM. Requests being handled
  // finish and get their answer; idle connections close; new connections are refused.
  void run(bool handle_signals);
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace samtryg::http
