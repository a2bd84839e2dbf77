#include "core/mail/outbox.hpp"

#include <iostream>
#include <map>
#include <optional>
#include <vector>

#include "core/util/crypto.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"

namespace samtryg::mail {

using soci::into;
using soci::use;

namespace {

// A run holds its messages this long; a server that dies while sending frees them again.
constexpr std::chrono::minutes kClaimTime{10};
// After this many failures in a row the SMTP server is taken to be away: the rest of the run
// waits for the next one instead of each message waiting for a timeout.
constexpr int kFailuresInARow = 3;

struct Queued {
  long long id = 0;
  std::string recipient;
  std::string subject;
  std::string body;
  std::string unsubscribe_url;
  int attempts = 0;
  long long message_id = 0;
  std::vector<Attachment> attachments;
};

// The files of the claimed messages, read once per message however many receive it.
void add_attachments(soci::session& sql, std::vector<Queued>& claimed) {
  std::map<long long, std::vector<Attachment>> files;
  for (const auto& queued : claimed) files.try_emplace(queued.message_id);
  for (auto& [message_id, attachments] : files) {
    long long id = message_id;
    Attachment attachment;
    std::string encoded;
    soci::statement select =
        (sql.prepare << "SELECT file_name, content_type, content_base64 FROM mail_attachments "
                        "WHERE message_id = :m ORDER BY id",
         into(attachment.file_name), into(attachment.content_type), into(encoded), use(id));
    select.execute();
    while (select.fetch()) {
      attachment.content = crypto::base64_decode(encoded).value_or(std::string());
      attachments.push_back(attachment);
    }
  }
  for (auto& queued : claimed) queued.attachments = files[queued.message_id];
}

std::vector<Queued> claim(db::Database& database, std::size_t batch, std::string_view now) {
  const auto token = crypto::random_token(12);
  const auto until = later_than(now, kClaimTime);
  const std::string at(now);
  const auto limit = static_cast<long long>(batch);
  std::vector<Queued> claimed;
  database.in_transaction([&](soci::session& sql) {
    sql << "UPDATE mail_outbox SET claimed_by = :token, claimed_until = :until "
           "WHERE id IN (SELECT id FROM mail_outbox WHERE next_attempt_at <= :now "
           "AND (claimed_until IS NULL OR claimed_until < :now2) ORDER BY id LIMIT :limit) "
           "AND (claimed_until IS NULL OR claimed_until < :now3)",
        use(token), use(until), use(at), use(at), use(limit), use(at);
    Queued row;
    soci::statement select =
        (sql.prepare << "SELECT o.id, o.recipient, m.subject, m.body, o.unsubscribe_url, "
                        "o.attempts, o.message_id FROM mail_outbox o "
                        "JOIN mail_messages m ON m.id = o.message_id "
                        "WHERE o.claimed_by = :token ORDER BY o.id",
         into(row.id), into(row.recipient), into(row.subject), into(row.body),
         into(row.unsubscribe_url), into(row.attempts), into(row.message_id), use(token));
    select.execute();
    while (select.fetch()) claimed.push_back(row);
    add_attachments(sql, claimed);
  });
  return claimed;
}

Message message_of(const Queued& queued) {
  auto body = queued.body;
  replace_all(body, kUnsubscribeSlot, queued.unsubscribe_url);
  return Message{.to = queued.recipient,
                 .to_name = {},
                 .subject = queued.subject,
                 .body = std::move(body),
                 .unsubscribe_url = queued.unsubscribe_url,
                 .attachments = queued.attachments};
}

struct Outcome {
  std::vector<long long> sent;
  std::vector<std::pair<const Queued*, std::string>> failed;
  std::vector<long long> untried;
};

void record(db::Database& database, const Outcome& outcome, std::string_view now,
            Delivery& delivery) {
  database.in_transaction([&](soci::session& sql) {
    for (auto id : outcome.sent) sql << "DELETE FROM mail_outbox WHERE id = :id", use(id);
    for (auto id : outcome.untried) {
      sql << "UPDATE mail_outbox SET claimed_by = NULL, claimed_until = NULL WHERE id = :id",
          use(id);
    }
    for (const auto& [queued, error] : outcome.failed) {
      const auto attempts = queued->attempts + 1;
      auto id = queued->id;
      if (attempts >= kMaxAttempts) {
        sql << "DELETE FROM mail_outbox WHERE id = :id", use(id);
        ++delivery.dropped;
        continue;
      }
      const auto next = later_than(now, retry_delay(attempts));
      sql << "UPDATE mail_outbox SET attempts = :attempts, next_attempt_at = :next, "
             "last_error = :error, claimed_by = NULL, claimed_until = NULL WHERE id = :id",
          use(attempts), use(next), use(error), use(id);
      ++delivery.retried;
    }
    // The text goes once nobody is left to receive it.
    sql << "DELETE FROM mail_messages WHERE NOT EXISTS "
           "(SELECT 1 FROM mail_outbox o WHERE o.message_id = mail_messages.id)";
  });
  delivery.sent += static_cast<int>(outcome.sent.size());
}

}  // namespace

long long keep_message(soci::session& sql, const std::string& subject, const std::string& body,
                       std::string_view now) {
  const std::string at(now);
  long long id = 0;
  sql << "INSERT INTO mail_messages (subject, body, created_at) VALUES (:s, :b, :c) RETURNING id",
      use(subject), use(body), use(at), into(id);
  return id;
}

long long enqueue(soci::session& sql, const Outgoing& message, std::string_view now) {
  const std::string at(now);
  const auto message_id = keep_message(sql, message.subject, message.body, now);
  for (const auto& attachment : message.attachments) {
    const auto encoded = crypto::base64_encode(attachment.content);
    sql << "INSERT INTO mail_attachments (message_id, file_name, content_type, content_base64) "
           "VALUES (:m, :name, :type, :content)",
        use(message_id), use(attachment.file_name), use(attachment.content_type), use(encoded);
  }
  sql << "INSERT INTO mail_outbox (message_id, recipient, unsubscribe_url, next_attempt_at, "
         "created_at) VALUES (:m, :recipient, :unsubscribe, :next, :created)",
      use(message_id), use(message.recipient), use(message.unsubscribe_url), use(at), use(at);
  return message_id;
}

QueuedState queued_state(soci::session& sql, long long message_id) {
  QueuedState state;
  soci::indicator error_indicator = soci::i_null;
  sql << "SELECT attempts, last_error FROM mail_outbox WHERE message_id = :m ORDER BY id",
      use(message_id), into(state.attempts), into(state.last_error, error_indicator);
  state.waiting = sql.got_data();
  return state;
}

std::chrono::seconds retry_delay(int attempts) {
  const int doublings = attempts < 1 ? 0 : (attempts > 12 ? 11 : attempts - 1);
  return std::chrono::seconds(60LL << doublings);
}

std::string later_than(std::string_view now, std::chrono::seconds delay) {
  const auto start = parse_iso_utc(now).value_or(Clock::now());
  return to_iso_utc(start + delay);
}

Delivery deliver_due(db::Database& database, const Settings& settings, std::size_t batch,
                     std::string_view now) {
  Delivery delivery;
  const auto claimed = claim(database, batch, now);
  if (claimed.empty()) return delivery;
  Outcome outcome;
  {
    std::optional<Connection> connection;
    int failures_in_a_row = 0;
    for (const auto& queued : claimed) {
      if (failures_in_a_row >= kFailuresInARow) {
        outcome.untried.push_back(queued.id);
        continue;
      }
      try {
        if (!connection) connection.emplace(settings);
        connection->send(message_of(queued));
        outcome.sent.push_back(queued.id);
        failures_in_a_row = 0;
      } catch (const MailError& error) {
        outcome.failed.emplace_back(&queued, error.what());
        ++failures_in_a_row;
        connection.reset();  // a refused message may leave the conversation in any state
      }
    }
  }
  record(database, outcome, now, delivery);
  if (delivery.dropped > 0) {
    std::cerr << "samtryg: mail queue gave up " << delivery.dropped << " message(s) after "
              << kMaxAttempts << " attempts\n";
  }
  return delivery;
}

std::vector<module::Job> outbox_jobs(const config::Config& settings) {
  if (settings.smtp_url.empty()) return {};
  constexpr std::size_t kBatch = 200;
  return {{"mail queue", std::chrono::seconds(2),
           [](db::Database& database, const config::Config& config) {
             const Settings mail_settings{config.smtp_url, config.smtp_user, config.smtp_password,
                                          config.mail_from};
             // A full batch means more may be due: go on until the queue is drained.
             while (deliver_due(database, mail_settings, kBatch, now_iso_utc()).sent ==
                    static_cast<int>(kBatch)) {
             }
           }}};
}

long long waiting(soci::session& sql) {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM mail_outbox", into(count);
  return count;
}

}  // namespace samtryg::mail
