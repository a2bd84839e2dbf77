#pragma once
// A small blocking HTTP/1.1 client for tests: talks to the real server over loopback and keeps
// cookies like a browser, so tests log in, follow forms and check answers as a person would.
#include <cstdint>
#include <map>
#include <memory>
#include <string>

namespace samtryg::testing {

struct HttpResponse {
  int status = 0;
  std::multimap<std::string, std::string> headers;  // names lower-cased
  std::string body;

  std::string header(const std::string& name) const;
};

// The record id a redirect points at: "/plans/12?notice=…" or "/indicators/7#targets" → "12",
// "7"; empty when the location ends in no id.
std::string id_from_location(const HttpResponse& response);

class HttpClient {
 public:
  explicit HttpClient(std::uint16_t port);
  ~HttpClient();
  HttpClient(HttpClient&&) noexcept;
  HttpClient& operator=(HttpClient&&) noexcept;

  HttpResponse get(const std::string& target);
  HttpResponse post_form(const std::string& target,
                         const std::map<std::string, std::string>& fields);
  HttpResponse request(const std::string& method, const std::string& target,
                       const std::string& body = {}, const std::string& content_type = {},
                       const std::map<std::string, std::string>& extra_headers = {});

  // The _csrf value of the first form on the last page fetched.
  std::string csrf() const { return csrf_; }
  std::map<std::string, std::string>& cookies() { return cookies_; }

  // Logs in through the real form; returns the POST's answer.
  HttpResponse log_in(const std::string& email, const std::string& password);

 private:
  struct Connection;
  std::uint16_t port_;
  std::unique_ptr<Connection> connection_;
  std::map<std::string, std::string> cookies_;
  std::string csrf_;
};

std::string form_encode(const std::map<std::string, std::string>& fields);

// A multipart/form-data body as a browser sends a file upload: `fields`, then one file.
// Send it with kMultipartType.
inline constexpr const char* kMultipartType = "multipart/form-data; boundary=XyZsamtryg";
std::string multipart_body(const std::map<std::string, std::string>& fields,
                           const std::string& file_field, const std::string& filename,
                           const std::string& content);

}  // namespace samtryg::testing
