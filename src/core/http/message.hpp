#pragma once
// Plain request and response values. Everything above the server works with these, so no
// other translation unit includes Beast (each that does costs ~20 s to compile).
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace samtryg::http {

enum class Method { get, head, post, put, patch, delete_, options, other };

std::string_view to_string(Method method);
Method method_from_string(std::string_view text);
// POST, PUT, PATCH and DELETE change state and therefore need a CSRF token.
bool changes_state(Method method);

struct CaseInsensitiveLess {
  bool operator()(std::string_view a, std::string_view b) const;
};
using Headers = std::map<std::string, std::string, CaseInsensitiveLess>;

struct Request {
  Method method = Method::get;
  std::string target;  // as sent: path plus query
  std::string path;    // percent-decoded path
  std::string query;   // raw query string without '?'
  Headers headers;
  std::string body;
  std::string client_address;
  bool keep_alive = true;

  std::string_view header(std::string_view name) const;
  // Splits `target` into `path` and `query`. False when the target is not a valid origin-form.
  bool set_target(std::string_view raw_target);
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;

  Response& header(std::string name, std::string value) {
    headers[std::move(name)] = std::move(value);
    return *this;
  }
  // Several Set-Cookie headers cannot share a map key; they are kept apart.
  std::vector<std::string> set_cookies;

  static Response html(std::string body, int status = 200);
  static Response text(std::string body, int status = 200);
  static Response json(std::string body, int status = 200);
  // 303 See Other: after a form POST the browser follows with a GET.
  static Response redirect(std::string location, int status = 303);
};

std::string_view reason_phrase(int status);

// Whether an If-None-Match header names `etag`, as RFC 9110 reads it: a list, weak tags compared
// weakly (a proxy that compresses a page marks its tag weak), "*" for any.
bool matches_etag(std::string_view if_none_match, std::string_view etag);

// The status line and headers of `response` as sent on the wire, ending with the empty line:
// Content-Length (except for 204 and 304), "Connection: close" unless `keep_alive`, and every
// CR or LF inside a name or value replaced by a space, so no value can start a header of its own.
std::string serialize_head(const Response& response, bool keep_alive);

}  // namespace samtryg::http
