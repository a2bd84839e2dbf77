// Citizen promises, measured in-process (no sockets but the SMTP one), side by side in one run:
//   - a follow-up of a public promise with 10,000 confirmed subscribers: saving it queues one
//     e-mail per subscriber in the same transaction (target < 100 ms);
//   - the mail queue delivering to a local SMTP server (the tests' sink), over one connection
//     per batch (target ≥ 200 messages/s);
//   - the public promise page, as a resident without a session asks for it (target < 5 ms).
// Build: cmake --build --preset release --target samtryg_promises_bench;
// run: build/release/samtryg_promises_bench
#include <benchmark/benchmark.h>

#include <fmt/format.h>

#include "bench/support.hpp"
#include "core/mail/outbox.hpp"
#include "core/util/crypto.hpp"
#include "core/util/time.hpp"
#include "features/promises/commands.hpp"
#include "support/smtp_sink.hpp"

namespace {

namespace promises = samtryg::promises;

samtryg::app::Runtime& runtime() {
  return samtryg::bench::runtime("samtryg-promises-bench.db");
}

samtryg::auth::Actor coordinator() {
  return samtryg::bench::coordinator(runtime()).actor;
}

// A public promise like Landskrona's, with `subscribers` confirmed subscribers.
long long public_promise(const samtryg::auth::Actor& actor, int subscribers) {
  auto& database = runtime().database();
  promises::Promise promise;
  promise.title = "Fler poliser till fots i centrum på kvällar och helgnätter";
  promise.body = "Lokalpolisen patrullerar **till fots** i centrum kvällar och helgnätter.";
  promise.period_start = "2016-03-01";
  promise.period_end = "2016-12-31";
  promise.problems = {"Otrygghet i centrum på kvällar", "Våld i offentlig miljö"};
  promise.signatories = {{"police_area_chief", "Lokalpolisområdeschefen"},
                         {"municipal_board_chair", "Kommunstyrelsens ordförande"}};
  promise.commitments = {{"Kvällar per vecka med fotpatrullering", 4, 3},
                         {"Trygghetsvandringar med uppföljning", 2, 2}};
  promise.published = true;
  const auto id = promises::create_promise(database, actor, promise);
  database.in_transaction([&](soci::session& sql) {
    const auto now = samtryg::now_iso_utc();
    for (int index = 0; index < subscribers; ++index) {
      const auto email = fmt::format("boende{}@example.se", index);
      const auto token = samtryg::crypto::random_token();
      sql << "INSERT INTO promise_subscribers (promise_id, email, language, requested_at, "
             "consented_at, unsubscribe_token) VALUES (:p, :e, 'sv', :r, :c, :u)",
          soci::use(id), soci::use(email), soci::use(now), soci::use(now), soci::use(token);
    }
  });
  return id;
}

void clear_outbox() {
  auto sql = runtime().database().session();
  sql << "DELETE FROM mail_outbox";
  sql << "DELETE FROM mail_messages";
}

void BM_FollowUpQueues10000Notifications(benchmark::State& state) {
  static const auto actor = coordinator();
  static const auto promise = public_promise(actor, 10000);
  auto& database = runtime().database();
  long long queued = 0;
  for (auto _ : state) {
    promises::FollowUp follow_up{.period = "2016 T2",
                                 .status = "partly_kept",
                                 .account = "Tre kvällar i veckan i stället för fyra.",
                                 .recorded_on = "2016-10-15"};
    queued =
        promises::add_follow_up(database, actor, promise, follow_up, "https://trygg.landskrona.se")
            .notified;
    state.PauseTiming();
    clear_outbox();
    state.ResumeTiming();
  }
  state.counters["queued"] = static_cast<double>(queued);
}

void BM_QueueDeliversToSmtpSink(benchmark::State& state) {
  static samtryg::testing::SmtpSink sink;
  auto& database = runtime().database();
  const samtryg::mail::Settings settings{sink.url(), "", "", "Trygg Landskrona <trygg@example.se>"};
  constexpr int kMessages = 1000;
  for (auto _ : state) {
    state.PauseTiming();
    const auto now = samtryg::now_iso_utc();
    database.in_transaction([&](soci::session& sql) {
      for (int index = 0; index < kMessages; ++index) {
        samtryg::mail::enqueue(
            sql,
            {fmt::format("boende{}@example.se", index), "Fler poliser till fots: Delvis infriat",
             "Tre kvällar i veckan i stället för fyra.\n\nAvsluta: {unsubscribe_url}",
             fmt::format("https://trygg.landskrona.se/public/subscriptions/unsubscribe?token={}",
                         index)},
            now);
      }
    });
    state.ResumeTiming();
    int sent = 0;
    while (sent < kMessages) {
      const auto delivery = samtryg::mail::deliver_due(database, settings, 200, now);
      if (delivery.sent == 0) {
        state.SkipWithError("the queue sent nothing");
        break;
      }
      sent += delivery.sent;
    }
  }
  state.SetItemsProcessed(state.iterations() * kMessages);
}

void BM_PublicPromisePage(benchmark::State& state) {
  static const auto actor = coordinator();
  static const auto promise = public_promise(actor, 0);
  static const bool followed = [] {
    for (const auto* status : {"on_track", "partly_kept"}) {
      promises::add_follow_up(runtime().database(), actor, promise,
                              {.period = "2016 T1",
                               .status = status,
                               .account = "Fotpatrullering fyra kvällar i veckan sedan mars.",
                               .recorded_on = "2016-05-15"},
                              "https://trygg.landskrona.se");
    }
    return true;
  }();
  benchmark::DoNotOptimize(followed);
  auto& app = runtime().app();
  const auto path = fmt::format("/public/promises/{}", promise);
  for (auto _ : state) {
    samtryg::http::Request request;
    request.set_target(path);
    request.client_address = "127.0.0.1";
    auto response = app.handle(request);
    if (response.status != 200) state.SkipWithError("the public page did not answer 200");
    benchmark::DoNotOptimize(response);
  }
}

}  // namespace

BENCHMARK(BM_FollowUpQueues10000Notifications)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_QueueDeliversToSmtpSink)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PublicPromisePage)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
