#include "core/http/message.hpp"

#include <algorithm>

#include <boost/url/parse.hpp>

#include "core/util/strings.hpp"

namespace samtryg::http {

std::string_view to_string(Method method) {
  switch (method) {
    case Method::get:
      return "GET";
    case Method::head:
      return "HEAD";
    case Method::post:
      return "POST";
    case Method::put:
      return "PUT";
    case Method::patch:
      return "PATCH";
    case Method::delete_:
      return "DELETE";
    case Method::options:
      return "OPTIONS";
    case Method::other:
      break;
  }
  return "OTHER";
}

Method method_from_string(std::string_view text) {
  if (text == "GET") return Method::get;
  if (text == "HEAD") return Method::head;
  if (text == "POST") return Method::post;
  if (text == "PUT") return Method::put;
  if (text == "PATCH") return Method::patch;
  if (text == "DELETE") return Method::delete_;
  if (text == "OPTIONS") return Method::options;
  return Method::other;
}

bool changes_state(Method method) {
  return method == Method::post || method == Method::put || method == Method::patch ||
         method == Method::delete_;
}

bool CaseInsensitiveLess::operator()(std::string_view a, std::string_view b) const {
  const auto n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto x = static_cast<unsigned char>(a[i] >= 'A' && a[i] <= 'Z' ? a[i] + 32 : a[i]);
    const auto y = static_cast<unsigned char>(b[i] >= 'A' && b[i] <= 'Z' ? b[i] + 32 : b[i]);
    if (x != y) return x < y;
  }
  return a.size() < b.size();
}

std::string_view Request::header(std::string_view name) const {
  const auto found = headers.find(std::string(name));
  return found == headers.end() ? std::string_view{} : std::string_view(found->second);
}

bool Request::set_target(std::string_view raw_target) {
  target = std::string(raw_target);
  auto parsed = boost::urls::parse_origin_form(raw_target);
  if (!parsed) return false;
  path = parsed->path();  // decoded
  query = parsed->has_query() ? std::string(parsed->encoded_query()) : std::string();
  return !path.empty() && path.front() == '/';
}

namespace {
Response with_body(std::string body, int status, std::string content_type) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  response.header("Content-Type", std::move(content_type));
  return response;
}
}  // namespace

Response Response::html(std::string body, int status) {
  return with_body(std::move(body), status, "text/html; charset=utf-8");
}

Response Response::text(std::string body, int status) {
  return with_body(std::move(body), status, "text/plain; charset=utf-8");
}

Response Response::json(std::string body, int status) {
  return with_body(std::move(body), status, "application/json");
}

Response Response::redirect(std::string location, int status) {
  Response response;
  response.status = status;
  response.header("Location", std::move(location));
  return response;
}

namespace {

void append_header(std::string& out, std::string_view name, std::string_view value) {
  const auto start = out.size();
  out.append(name).append(": ").append(value);
  std::replace_if(
      out.begin() + static_cast<std::ptrdiff_t>(start), out.end(),
      [](char c) { return c == '\r' || c == '\n'; }, ' ');
  out.append("\r\n");
}

}  // namespace

std::string serialize_head(const Response& response, bool keep_alive) {
  std::string out;
  out.reserve(256);
  out.append("HTTP/1.1 ")
      .append(std::to_string(response.status))
      .append(" ")
      .append(reason_phrase(response.status))
      .append("\r\n");
  for (const auto& [name, value] : response.headers) {
    // Ours to set, however a handler spelled them.
    if (iequals_ascii(name, "Content-Length") || iequals_ascii(name, "Connection")) continue;
    append_header(out, name, value);
  }
  for (const auto& cookie : response.set_cookies) append_header(out, "Set-Cookie", cookie);
  if (!keep_alive) out.append("Connection: close\r\n");
  if (response.status != 304 && response.status != 204) {
    out.append("Content-Length: ").append(std::to_string(response.body.size())).append("\r\n");
  }
  out.append("\r\n");
  return out;
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 204:
      return "No Content";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 411:
      return "Length Required";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    default:
      return "Unknown";
  }
}

bool matches_etag(std::string_view if_none_match, std::string_view etag) {
  std::size_t at = 0;
  while (at < if_none_match.size()) {
    auto end = if_none_match.find(',', at);
    if (end == std::string_view::npos) end = if_none_match.size();
    auto tag = if_none_match.substr(at, end - at);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
    at = end + 1;
  }
  return false;
}

}  // namespace samtryg::http
