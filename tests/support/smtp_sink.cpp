#include "support/smtp_sink.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>

#include "core/util/crypto.hpp"

namespace samtryg::testing {

namespace {

// Base64 over several lines, as mail bodies and encoded words carry it.
std::string decode_base64(std::string_view text) {
  std::string joined;
  for (const char c : text) {
    if (c != '\r' && c != '\n' && c != ' ') joined += c;
  }
  return crypto::base64_decode(joined).value_or("(not base64)");
}

// "=?UTF-8?B?…?=" words (folded over lines) back to text.
std::string decode_header(const std::string& value) {
  std::string out;
  std::size_t at = 0;
  while (at < value.size()) {
    const auto start = value.find("=?UTF-8?B?", at);
    if (start == std::string::npos) {
      out += value.substr(at);
      break;
    }
    const auto gap = value.substr(at, start - at);
    if (gap.find_first_not_of(" \r\n\t") != std::string::npos) out += gap;
    const auto end = value.find("?=", start + 10);
    out += decode_base64(value.substr(start + 10, end - start - 10));
    at = end + 2;
  }
  return out;
}

std::string header(const std::string& data, const std::string& name) {
  const auto start = data.find("\r\n" + name + ": ");
  if (start == std::string::npos) return "";
  auto end = start + 2;
  // Folded lines continue with a space.
  while (true) {
    end = data.find("\r\n", end);
    if (end == std::string::npos || end + 2 >= data.size() || data[end + 2] != ' ') break;
    end += 2;
  }
  return data.substr(start + name.size() + 4, end - start - name.size() - 4);
}

bool send_line(int client, const std::string& line) {
  const auto text = line + "\r\n";
  return ::send(client, text.data(), text.size(), MSG_NOSIGNAL) ==
         static_cast<ssize_t>(text.size());
}

}  // namespace

SmtpSink::SmtpSink() {
  listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (listener_ < 0) throw std::runtime_error("smtp sink: no socket");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listener_, 8) != 0) {
    throw std::runtime_error("smtp sink: cannot listen");
  }
  socklen_t length = sizeof address;
  ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { serve(); });
}

SmtpSink::~SmtpSink() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ::shutdown(listener_, SHUT_RDWR);
  ::close(listener_);
  thread_.join();
}

void SmtpSink::refuse_recipients(bool refuse) {
  const std::lock_guard lock(mutex_);
  refuse_ = refuse;
}

std::vector<SentMail> SmtpSink::wait_for(std::size_t count, int seconds) {
  std::unique_lock lock(mutex_);
  arrived_.wait_for(lock, std::chrono::seconds(seconds), [&] { return messages_.size() >= count; });
  return messages_;
}

std::vector<SentMail> SmtpSink::messages() {
  const std::lock_guard lock(mutex_);
  return messages_;
}

void SmtpSink::serve() {
  while (true) {
    const int client = ::accept(listener_, nullptr, nullptr);
    if (client < 0) {
      const std::lock_guard lock(mutex_);
      if (stopping_) return;
      continue;
    }
    converse(client);
    ::close(client);
  }
}

// One SMTP conversation, just enough of RFC 5321 for libcurl: EHLO, MAIL, RCPT, DATA, QUIT.
void SmtpSink::converse(int client) {
  std::string buffer;
  const auto read_line = [&](std::string& line) {
    while (true) {
      const auto end = buffer.find("\r\n");
      if (end != std::string::npos) {
        line = buffer.substr(0, end);
        buffer.erase(0, end + 2);
        return true;
      }
      char chunk[4096];
      const auto n = ::recv(client, chunk, sizeof chunk, 0);
      if (n <= 0) return false;
      buffer.append(chunk, static_cast<std::size_t>(n));
    }
  };
  send_line(client, "220 sink.test ESMTP");
  SentMail mail;
  std::string line;
  while (read_line(line)) {
    const auto verb = line.substr(0, 4);
    if (verb == "EHLO" || verb == "HELO") {
      send_line(client, "250 sink.test");
    } else if (verb == "MAIL") {
      mail = SentMail{};
      const auto open = line.find('<');
      mail.from = line.substr(open + 1, line.find('>') - open - 1);
      send_line(client, "250 OK");
    } else if (verb == "RCPT") {
      bool refuse = false;
      {
        const std::lock_guard lock(mutex_);
        refuse = refuse_;
      }
      if (refuse) {
        send_line(client, "550 5.1.1 mailbox unavailable");
        continue;
      }
      const auto open = line.find('<');
      mail.to.push_back(line.substr(open + 1, line.find('>') - open - 1));
      send_line(client, "250 OK");
    } else if (verb == "DATA") {
      send_line(client, "354 go ahead");
      std::string data = "\r\n";
      while (read_line(line) && line != ".") {
        data += (line.starts_with("..") ? line.substr(1) : line) + "\r\n";
      }
      mail.data = data;
      mail.subject = decode_header(header(data, "Subject"));
      const auto body_start = data.find("\r\n\r\n");
      mail.body = body_start == std::string::npos ? "" : decode_base64(data.substr(body_start + 4));
      {
        const std::lock_guard lock(mutex_);
        messages_.push_back(mail);
      }
      arrived_.notify_all();
      send_line(client, "250 OK queued");
    } else if (verb == "QUIT") {
      send_line(client, "221 bye");
      return;
    } else if (verb == "RSET" || verb == "NOOP") {
      send_line(client, "250 OK");
    } else {
      send_line(client, "502 not implemented");
    }
  }
}

}  // namespace samtryg::testing
