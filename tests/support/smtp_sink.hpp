#pragma once
// A local SMTP server for tests: accepts every message on a free loopback port and keeps it,
// so a test can check what samtryg sent (envelope and the decoded subject and body).
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace samtryg::testing {

struct SentMail {
  std::string from;             // MAIL FROM address
  std::vector<std::string> to;  // RCPT TO addresses
  std::string data;             // the message as received (headers and body)
  std::string subject;          // decoded from RFC 2047
  std::string body;             // decoded from base64
};

class SmtpSink {
 public:
  SmtpSink();
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  std::uint16_t port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }
  // Refuse every recipient (550), to test what happens when the server says no.
  void refuse_recipients(bool refuse);
  // The messages received so far; waits up to `seconds` for at least `count`.
  std::vector<SentMail> wait_for(std::size_t count, int seconds = 10);
  std::vector<SentMail> messages();

 private:
  void serve();
  void converse(int client);

  int listener_ = -1;
  std::uint16_t port_ = 0;
  bool refuse_ = false;
  bool stopping_ = false;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<SentMail> messages_;
  std::thread thread_;
};

}  // namespace samtryg::testing
