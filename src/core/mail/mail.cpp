#include "core/mail/mail.hpp"

#include <curl/curl.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <memory>
#include <utility>

#include "core/util/crypto.hpp"

namespace samtryg::mail {

namespace {

bool plain_ascii(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 || byte < 0x20) return false;
  }
  return true;
}

// RFC 2047: non-ASCII header text as =?UTF-8?B?…?= words. Each word carries whole UTF-8
// characters and stays within the 75-character limit.
std::string header_text(std::string_view text) {
  if (plain_ascii(text)) return std::string(text);
  constexpr std::size_t kBytesPerWord = 39;  // 52 base64 characters: lines under 78
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = std::min(text.size(), start + kBytesPerWord);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) --end;
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + crypto::base64_encode(text.substr(start, end - start)) + "?=";
    start = end;
  }
  return out;
}

// Base64 body lines of 76 characters.
std::string body_lines(std::string_view body) {
  const auto encoded = crypto::base64_encode(body);
  std::string out;
  for (std::size_t at = 0; at < encoded.size(); at += 76) {
    out += encoded.substr(at, 76);
    out += "\r\n";
  }
  return out;
}

// A file name inside a quoted header parameter: ASCII letters, digits, '.', '-', '_'.
std::string safe_file_name(std::string_view name) {
  std::string out;
  for (const char c : name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '-' || c == '_';
    out += plain ? c : '_';
  }
  return out.empty() ? std::string("attachment") : out;
}

// A header value the program wrote, kept on one line whatever it holds.
std::string header_value(std::string_view value) {
  std::string out;
  for (const char c : value) {
    if (c != '\r' && c != '\n') out += c;
  }
  return out;
}

std::string rfc5322_now() {
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &utc);
  return buffer;
}

struct Upload {
  std::string text;
  std::size_t sent = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const auto n = std::min(size * count, upload->text.size() - upload->sent);
  // libcurl's buffer holds bytes, not a C string: no terminator wanted.
  std::copy_n(upload->text.data() + upload->sent, n, buffer);
  upload->sent += n;
  return n;
}

}  // namespace

std::string address_of(std::string_view mailbox) {
  const auto open = mailbox.rfind('<');
  const auto close = mailbox.rfind('>');
  if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
    return std::string(mailbox.substr(open + 1, close - open - 1));
  }
  return std::string(mailbox);
}

std::string format_message(const Settings& settings, const Message& message, std::string_view date,
                           std::string_view message_id) {
  std::string from = settings.from;
  if (const auto open = from.rfind('<'); open != std::string::npos && open > 0) {
    auto name = from.substr(0, open);
    while (!name.empty() && name.back() == ' ') name.pop_back();
    from = header_text(name) + " <" + address_of(settings.from) + ">";
  }
  const auto to = message.to_name.empty()
                      ? message.to
                      : fmt::format("{} <{}>", header_text(message.to_name), message.to);
  // An address is ASCII by construction (the callers checked it); CR and LF never reach a
  // header from it.
  std::string list_headers;
  if (!message.unsubscribe_url.empty() &&
      message.unsubscribe_url.find_first_of("\r\n<>") == std::string::npos) {
    list_headers = fmt::format(
        "List-Unsubscribe: <{}>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n",
        message.unsubscribe_url);
  }
  const auto headers = fmt::format(
      "Date: {}\r\nFrom: {}\r\nTo: {}\r\nSubject: {}\r\nMessage-ID: <{}>\r\n{}"
      "MIME-Version: 1.0\r\n",
      date, from, to, header_text(message.subject), message_id, list_headers);
  constexpr std::string_view kText =
      "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n";
  if (message.attachments.empty())
    return fmt::format("{}{}{}", headers, kText, body_lines(message.body));
  // Base64 lines never hold "=_", so the boundary cannot occur inside a part.
  const auto boundary = fmt::format("=_samtryg_{}", message_id.substr(0, message_id.find('@')));
  auto out = fmt::format("{}Content-Type: multipart/mixed; boundary=\"{}\"\r\n\r\n--{}\r\n{}{}",
                         headers, boundary, boundary, kText, body_lines(message.body));
  for (const auto& attachment : message.attachments) {
    const auto name = safe_file_name(attachment.file_name);
    out += fmt::format(
        "--{}\r\nContent-Type: {}; name=\"{}\"\r\nContent-Disposition: attachment; "
        "filename=\"{}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}",
        boundary, header_value(attachment.content_type), name, name,
        body_lines(attachment.content));
  }
  out += fmt::format("--{}--\r\n", boundary);
  return out;
}

void send(const Settings& settings, const Message& message) {
  Connection connection(settings);
  connection.send(message);
}

Connection::Connection(Settings settings) : settings_(std::move(settings)) {
  if (settings_.url.empty()) throw MailError("no SMTP server is configured (smtp_url)");
  static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  if (!initialised) throw MailError("libcurl could not start");
  curl_ = curl_easy_init();
  if (curl_ == nullptr) throw MailError("libcurl could not start");
}

Connection::~Connection() {
  curl_easy_cleanup(static_cast<CURL*>(curl_));
}

void Connection::send(const Message& message) {
  const auto from_address = address_of(settings_.from);
  const auto id = fmt::format("{}@samtryg", crypto::random_token(12));
  Upload upload{format_message(settings_, message, rfc5322_now(), id), 0};
  const auto recipient_address = "<" + message.to + ">";
  const std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(
      curl_slist_append(nullptr, recipient_address.c_str()), curl_slist_free_all);
  const auto from_envelope = "<" + from_address + ">";
  char error[CURL_ERROR_SIZE] = {};
  auto* handle = static_cast<CURL*>(curl_);
  curl_easy_setopt(handle, CURLOPT_URL, settings_.url.c_str());
  curl_easy_setopt(handle, CURLOPT_MAIL_FROM, from_envelope.c_str());
  curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(handle, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
  curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, 15L);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT, 60L);
  // STARTTLS whenever the server offers it; smtps:// is TLS from the start.
  curl_easy_setopt(handle, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_TRY));
  if (!settings_.user.empty()) {
    curl_easy_setopt(handle, CURLOPT_USERNAME, settings_.user.c_str());
    curl_easy_setopt(handle, CURLOPT_PASSWORD, settings_.password.c_str());
  }
  const auto result = curl_easy_perform(handle);
  // The handle keeps pointers to this call's buffers; none may outlive it.
  curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, nullptr);
  curl_easy_setopt(handle, CURLOPT_READDATA, nullptr);
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, nullptr);
  if (result != CURLE_OK) {
    throw MailError(fmt::format("sending to {} failed: {}", message.to,
                                error[0] != '\0' ? error : curl_easy_strerror(result)));
  }
}

}  // namespace samtryg::mail
