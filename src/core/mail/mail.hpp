#pragma once
// E-mail out through the SMTP server the settings name (smtp_url), sent with libcurl: plain
// SMTP, SMTPS, or STARTTLS when the server offers it. Messages are UTF-8 text; the headers
// carry Danish and Swedish letters as RFC 2047 encoded words.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace samtryg::mail {

struct MailError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Settings {
  std::string url;  // smtp://host:port or smtps://host:port; empty: e-mail is off
  std::string user;
  std::string password;
  std::string from;  // "samtryg <tryg@aalborg.dk>" or a bare address
};

// A file sent with a message: an invitation's iCalendar text, an agenda as PDF.
struct Attachment {
  std::string file_name;     // ASCII, no quotes: "invitation.ics"
  std::string content_type;  // "text/calendar; charset=UTF-8; method=REQUEST"
  std::string content;       // the bytes
};

struct Message {
  std::string to;       // address
  std::string to_name;  // display name, may be empty
  std::string subject;
  std::string body;  // plain text
  // For a list's messages: where one click unsubscribes (RFC 2369 List-Unsubscribe with RFC
  // 8058's List-Unsubscribe-Post, so mail programs offer an unsubscribe button). Empty: none.
  std::string unsubscribe_url{};
  // With attachments the message is multipart/mixed: the text first, then each file.
  std::vector<Attachment> attachments{};
};

// The address inside "Name <address>", or the text itself.
std::string address_of(std::string_view mailbox);
// The message as RFC 5322 text: Date, From, To, Subject, Message-ID, MIME headers and the
// body in base64. `date` is an RFC 5322 date; `message_id` without angle brackets.
std::string format_message(const Settings& settings, const Message& message, std::string_view date,
                           std::string_view message_id);

// Sends one message; throws MailError with the server's or the network's reason.
void send(const Settings& settings, const Message& message);

// Sends many messages over one SMTP connection, opened on the first and kept between them
// (libcurl reuses it), so a queue is not held up by a handshake per message.
class Connection {
 public:
  explicit Connection(Settings settings);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Throws MailError as send() does; the connection stays usable for the next message.
  void send(const Message& message);

 private:
  Settings settings_;
  void* curl_ = nullptr;  // CURL*, kept out of the header
};

}  // namespace samtryg::mail
