#pragma once
// E-mail that must not hold up a request (confirmation links, notifications to subscribers)
// waits in the database's outbox; the server's background queue sends it, over one SMTP
// connection per run, and tries again later when the SMTP server cannot take it. Several
// servers may share one database: each run claims the messages it sends, so none goes twice.
#include <soci/soci.h>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/db/database.hpp"
#include "core/mail/mail.hpp"
#include "core/module/jobs.hpp"

namespace samtryg::mail {

// Written into a queued body where the recipient's own unsubscribe address belongs.
inline constexpr std::string_view kUnsubscribeSlot = "{unsubscribe_url}";
// Attempts before a message is given up (the last about 4 hours after the first).
inline constexpr int kMaxAttempts = 8;

struct Outgoing {
  std::string recipient;
  std::string subject;
  std::string body;
  std::string unsubscribe_url{};
  std::vector<Attachment> attachments{};
};

// Queues one message in the caller's transaction: it is sent only if that commits. Returns the
// kept message's id (see queued_state).
long long enqueue(soci::session& sql, const Outgoing& message, std::string_view now);
// Keeps the text of a message many will receive, once; the caller adds a row per recipient to
// mail_outbox with its id (one INSERT … SELECT for a list of subscribers).
long long keep_message(soci::session& sql, const std::string& subject, const std::string& body,
                       std::string_view now);

// How long to wait after `attempts` failed tries: a minute, doubling.
std::chrono::seconds retry_delay(int attempts);
// The ISO UTC time `delay` after `now` (an ISO UTC time).
std::string later_than(std::string_view now, std::chrono::seconds delay);

struct Delivery {
  int sent = 0;
  int retried = 0;  // failed, to be tried again
  int dropped = 0;  // failed for the last time
};

// Sends up to `batch` due messages, oldest first, and removes each once the SMTP server took
// it; a failure counts an attempt and waits retry_delay(). `now`: an ISO UTC time.
Delivery deliver_due(db::Database& database, const Settings& settings, std::size_t batch,
                     std::string_view now);

// The server's queue: every two seconds, everything due, in batches over one connection each.
// None when no SMTP server is set.
std::vector<module::Job> outbox_jobs(const config::Config& settings);

// Where a queued message stands: waiting (with its failed attempts and the last error), or
// gone from the queue (sent, or given up after kMaxAttempts; the log says which).
struct QueuedState {
  bool waiting = false;
  int attempts = 0;
  std::string last_error;
};
QueuedState queued_state(soci::session& sql, long long message_id);

// Messages waiting, due or not.
long long waiting(soci::session& sql);

}  // namespace samtryg::mail
