#include "support/http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <fmt/format.h>

#include <regex>

#include "core/web/context.hpp"

namespace samtryg::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

struct HttpClient::Connection {
  asio::io_context io;
  beast::tcp_stream stream{io};
  beast::flat_buffer buffer;
  bool open = false;
};

std::string id_from_location(const HttpResponse& response) {
  std::smatch match;
  const auto location = response.header("location");
  if (!std::regex_search(location, match, std::regex(R"(/(\d+)(\?|#|$))"))) return {};
  return match[1];
}

std::string HttpResponse::header(const std::string& name) const {
  const auto found = headers.find(name);
  return found == headers.end() ? std::string() : found->second;
}

std::string form_encode(const std::map<std::string, std::string>& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += web::url_encode(name) + "=" + web::url_encode(value);
  }
  return body;
}

HttpClient::HttpClient(std::uint16_t port)
    : port_(port), connection_(std::make_unique<Connection>()) {}
HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

HttpResponse HttpClient::request(const std::string& method, const std::string& target,
                                 const std::string& body, const std::string& content_type,
                                 const std::map<std::string, std::string>& extra_headers) {
  auto& connection = *connection_;
  if (!connection.open) {
    connection.stream.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_));
    connection.open = true;
  }
  bhttp::request<bhttp::string_body> message(bhttp::string_to_verb(method), target, 11);
  message.set(bhttp::field::host, "127.0.0.1");
  std::string cookie_header;
  for (const auto& [name, value] : cookies_) {
    if (!cookie_header.empty()) cookie_header += "; ";
    cookie_header.append(name).append("=").append(value);
  }
  if (!cookie_header.empty()) message.set(bhttp::field::cookie, cookie_header);
  if (!content_type.empty()) message.set(bhttp::field::content_type, content_type);
  for (const auto& [name, value] : extra_headers) message.set(name, value);
  message.body() = body;
  message.prepare_payload();
  bhttp::write(connection.stream, message);

  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(std::uint64_t{64} * 1024 * 1024);
  if (method == "HEAD") parser.skip(true);
  bhttp::read(connection.stream, connection.buffer, parser);
  auto answer = parser.release();

  HttpResponse response;
  response.status = static_cast<int>(answer.result_int());
  for (const auto& field : answer) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    response.headers.emplace(name, std::string(field.value()));
  }
  response.body = answer.body();
  if (!answer.keep_alive()) {
    beast::error_code ignored;
    connection.stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    connection.stream.close();
    connection.open = false;
    connection.buffer.clear();
  }
  const auto cookies = response.headers.equal_range("set-cookie");
  for (auto it = cookies.first; it != cookies.second; ++it) {
    const auto& text = it->second;
    const auto eq = text.find('=');
    const auto end = text.find(';');
    const auto name = text.substr(0, eq);
    const auto value = text.substr(eq + 1, end - eq - 1);
    if (text.find("Max-Age=0") != std::string::npos) {
      cookies_.erase(name);
    } else {
      cookies_[name] = value;
    }
  }
  static const std::regex csrf_pattern(R"re(name="_csrf" value="([^"]+)")re");
  std::smatch match;
  if (std::regex_search(response.body, match, csrf_pattern)) csrf_ = match[1];
  return response;
}

HttpResponse HttpClient::get(const std::string& target) {
  return request("GET", target);
}

HttpResponse HttpClient::post_form(const std::string& target,
                                   const std::map<std::string, std::string>& fields) {
  return request("POST", target, form_encode(fields), "application/x-www-form-urlencoded");
}

HttpResponse HttpClient::log_in(const std::string& email, const std::string& password) {
  get("/login");
  return post_form("/login", {{"_csrf", csrf_}, {"email", email}, {"password", password}});
}

std::string multipart_body(const std::map<std::string, std::string>& fields,
                           const std::string& file_field, const std::string& filename,
                           const std::string& content) {
  const std::string boundary = "XyZsamtryg";
  std::string body;
  for (const auto& [name, value] : fields) {
    body += fmt::format("--{}\r\nContent-Disposition: form-data; name=\"{}\"\r\n\r\n{}\r\n",
                        boundary, name, value);
  }
  body += fmt::format(
      "--{0}\r\nContent-Disposition: form-data; name=\"{1}\"; filename=\"{2}\"\r\n"
      "Content-Type: application/octet-stream\r\n\r\n{3}\r\n--{0}--\r\n",
      boundary, file_field, filename, content);
  return body;
}

}  // namespace samtryg::testing
