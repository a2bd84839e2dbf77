// The mail queue on SQLite and PostgreSQL against a local SMTP server: messages go out over
// one connection and are removed, a refused one waits longer each time and is given up after
// its last attempt, and each recipient's unsubscribe address reaches the headers and the body.
#include "core/mail/outbox.hpp"

#include <fmt/format.h>

#include <gtest/gtest.h>

#include "core/util/crypto.hpp"
#include "core/util/time.hpp"
#include "support/databases.hpp"
#include "support/smtp_sink.hpp"

namespace samtryg::mail {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class Outbox : public testing::DatabaseTest {
 protected:
  Settings settings() const { return {sink_.url(), "", "", "Trygg Landskrona <trygg@example.se>"}; }
  long long queue(const Outgoing& message, const std::string& now) {
    long long id = 0;
    database().in_transaction([&](soci::session& sql) { id = enqueue(sql, message, now); });
    return id;
  }
  QueuedState state_of(long long message_id) {
    auto sql = database().session();
    return queued_state(sql, message_id);
  }
  long long queued() {
    auto sql = database().session();
    return waiting(sql);
  }

  testing::SmtpSink sink_;
};

TEST_P(Outbox, DueMessagesGoOutOnceAndAreRemoved) {
  const std::string now = "2026-12-07T10:00:00Z";
  queue({"anna@example.se", "Bekräfta", "Klicka här."}, now);
  queue({"bo@example.se", "Status: Infriat", "Avsluta: {unsubscribe_url}",
         "https://trygg.example.se/public/subscriptions/unsubscribe?token=abc"},
        now);
  queue({"later@example.se", "Inte än", "x"}, "2026-12-07T11:00:00Z");

  const auto delivery = deliver_due(database(), settings(), 10, now);
  EXPECT_EQ(delivery.sent, 2);
  const auto mails = sink_.wait_for(2);
  ASSERT_EQ(mails.size(), 2U);
  EXPECT_EQ(mails[0].to, std::vector<std::string>{"anna@example.se"});
  EXPECT_FALSE(contains(mails[0].data, "List-Unsubscribe"));
  EXPECT_TRUE(contains(mails[1].data,
                       "List-Unsubscribe: "
                       "<https://trygg.example.se/public/subscriptions/unsubscribe?token=abc>\r\n"))
      << mails[1].data;
  EXPECT_TRUE(contains(mails[1].data, "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"));
  EXPECT_EQ(mails[1].body,
            "Avsluta: https://trygg.example.se/public/subscriptions/unsubscribe?token=abc");
  EXPECT_EQ(queued(), 1) << "the later one waits";
  EXPECT_EQ(deliver_due(database(), settings(), 10, now).sent, 0) << "nothing sent twice";
}

TEST_P(Outbox, AttachmentsWaitWithTheMessageAndGoWithIt) {
  const std::string now = "2026-12-07T10:00:00Z";
  const std::string calendar = "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n";
  Outgoing message{"anna@example.se", "Inställt", "Mötet är inställt."};
  message.attachments = {{"cancel.ics", "text/calendar; charset=UTF-8; method=CANCEL", calendar}};
  queue(message, now);
  queue({"bo@example.se", "Utan bilaga", "Text"}, now);
  EXPECT_EQ(deliver_due(database(), settings(), 10, now).sent, 2);
  const auto mails = sink_.wait_for(2);
  ASSERT_EQ(mails.size(), 2U);
  EXPECT_TRUE(contains(mails[0].data, "Content-Type: multipart/mixed")) << mails[0].data;
  EXPECT_TRUE(contains(mails[0].data, "filename=\"cancel.ics\""));
  EXPECT_TRUE(contains(mails[0].data, crypto::base64_encode(calendar).substr(0, 40)));
  EXPECT_FALSE(contains(mails[1].data, "multipart")) << "each message its own files";
  auto sql = database().session();
  long long files = -1;
  sql << "SELECT COUNT(*) FROM mail_attachments", soci::into(files);
  EXPECT_EQ(files, 0) << "sent messages leave no files behind";
}

TEST_P(Outbox, ARefusedMessageWaitsLongerEachTimeAndIsGivenUpAfterItsLastAttempt) {
  EXPECT_EQ(retry_delay(1), std::chrono::seconds(60));
  EXPECT_EQ(retry_delay(2), std::chrono::seconds(120));
  EXPECT_EQ(retry_delay(7), std::chrono::seconds(3840));
  EXPECT_EQ(later_than("2026-12-07T23:59:30Z", std::chrono::seconds(60)), "2026-12-08T00:00:30Z");

  std::string now = "2026-12-07T10:00:00Z";
  const auto message = queue({"anna@example.se", "Status", "Text"}, now);
  EXPECT_TRUE(state_of(message).waiting);
  EXPECT_EQ(state_of(message).attempts, 0);
  sink_.refuse_recipients(true);
  for (int attempt = 1; attempt < kMaxAttempts; ++attempt) {
    const auto delivery = deliver_due(database(), settings(), 10, now);
    EXPECT_EQ(delivery.retried, 1) << attempt;
    EXPECT_EQ(state_of(message).attempts, attempt);
    EXPECT_NE(state_of(message).last_error, "") << "the server's reason is kept";
    EXPECT_EQ(deliver_due(database(), settings(), 10, now).retried, 0) << "not due yet";
    now = later_than(now, retry_delay(attempt));
  }
  EXPECT_EQ(queued(), 1);
  const auto last = deliver_due(database(), settings(), 10, now);
  EXPECT_EQ(last.dropped, 1);
  EXPECT_EQ(queued(), 0);
  EXPECT_FALSE(state_of(message).waiting);

  // A server that takes it again delivers what waits.
  sink_.refuse_recipients(false);
  queue({"bo@example.se", "Status", "Text"}, now);
  EXPECT_EQ(deliver_due(database(), settings(), 10, now).sent, 1);
}

TEST_P(Outbox, AServerThatIsAwayHoldsUpOnlyThreeMessagesOfARun) {
  const std::string now = "2026-12-07T10:00:00Z";
  for (int index = 0; index < 6; ++index) {
    queue({fmt::format("n{}@example.se", index), "S", "B"}, now);
  }
  const Settings away{"smtp://127.0.0.1:1", "", "", "trygg@example.se"};
  const auto delivery = deliver_due(database(), away, 10, now);
  EXPECT_EQ(delivery.retried, 3);
  EXPECT_EQ(delivery.sent, 0);
  // The other three were not tried: they are due at once for the next run.
  EXPECT_EQ(deliver_due(database(), settings(), 10, now).sent, 3);
}

SAMTRYG_ON_EVERY_BACKEND(Outbox);

}  // namespace
}  // namespace samtryg::mail
