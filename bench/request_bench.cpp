// In-process cost of answering a request, without sockets: what App::handle spends on the
// login page (session-less, rendered), on /healthz (one database round trip), and on a plan's
// indicator dashboard with 100 indicators (signed in as a coordinator).
// Build: cmake --build --preset release --target samtryg_bench; run: build/release/samtryg_bench
#include <benchmark/benchmark.h>

#include <filesystem>

#include <fmt/format.h>

#include "app/serve.hpp"
#include "core/auth/store.hpp"
#include "core/util/crypto.hpp"
#include "core/util/time.hpp"
#include "core/web/context.hpp"
#include "features/indicators/commands.hpp"
#include "features/strategy/commands.hpp"

namespace {

samtryg::app::Runtime& runtime() {
  static samtryg::app::Runtime instance = [] {
    samtryg::crypto::initialise();
    samtryg::config::Config settings;
    const auto path = std::filesystem::temp_directory_path() / "samtryg-request-bench.db";
    settings.database = "sqlite:" + path.string();
    settings.port = 0;
    settings.access_log = false;
    return samtryg::app::Runtime(settings);
  }();
  return instance;
}

void answer(benchmark::State& state, const char* target) {
  auto& app = runtime().app();
  std::size_t bytes = 0;
  for (auto _ : state) {
    samtryg::http::Request request;
    request.set_target(target);
    request.client_address = "127.0.0.1";
    auto response = app.handle(request);
    bytes += response.body.size();
    benchmark::DoNotOptimize(response);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}

// A plan with 100 yearly indicators, each with a target and ten years of values, and a signed-in
// coordinator; returns the dashboard's path and the session cookie.
std::pair<std::string, std::string> dashboard_with_100_indicators() {
  namespace ind = samtryg::indicators;
  auto& database = runtime().database();
  long long workspace = 0;
  long long user = 0;
  const std::string token = samtryg::crypto::random_token();
  const auto now = samtryg::now_iso_utc();
  database.in_transaction([&](soci::session& sql) {
    workspace = samtryg::auth::insert_workspace(
        sql, fmt::format("Bench {}", samtryg::crypto::random_token().substr(0, 8)), "da", now);
    samtryg::auth::User coordinator;
    coordinator.name = "Tovholder";
    coordinator.email = fmt::format("bench-{}@example.dk", workspace);
    coordinator.language = "da";
    user = samtryg::auth::insert_user(sql, coordinator, now);
    samtryg::auth::set_membership(sql, workspace, user, samtryg::auth::Role::coordinator, now);
    samtryg::auth::insert_session(sql, token, user, workspace, "csrf", now, "2999-01-01T00:00:00Z");
  });
  const auto actor = samtryg::auth::Actor::for_role(workspace, {user, "bench"}, user,
                                                    samtryg::auth::Role::coordinator);
  samtryg::strategy::Plan plan;
  plan.workspace_id = workspace;
  plan.name = "Tryg Aalborg – strategi 2016-2019";
  plan.period_start = "2016-01-01";
  plan.period_end = "2019-12-31";
  const auto plan_id = samtryg::strategy::create_plan(database, actor, plan);
  ind::Preview preview;
  for (int i = 0; i < 100; ++i) {
    ind::Indicator indicator;
    indicator.workspace_id = workspace;
    indicator.plan_id = plan_id;
    indicator.name = fmt::format("Indikator {:03}", i);
    indicator.unit = i % 2 == 0 ? "percent" : "count";
    indicator.decimals = 1;
    indicator.source = "survey";
    indicator.frequency = "year";
    const auto id = ind::create_indicator(database, actor, indicator, {});
    ind::Target target;
    target.indicator_id = id;
    target.comparator = "ge";
    target.value = 60;
    ind::add_target(database, actor, target);
    for (int year = 2010; year < 2020; ++year) {
      ind::PreviewValue value;
      value.indicator_id = id;
      value.period = std::to_string(year);
      value.value = 50 + (i + year) % 20;
      preview.values.push_back(value);
    }
  }
  ind::import_values(database, actor, preview, "bench.px", "BENCH");
  return {fmt::format("/plans/{}/indicators", plan_id),
          fmt::format("{}={}", samtryg::web::kSessionCookie, token)};
}

void BM_Dashboard100Indicators(benchmark::State& state) {
  static const auto [path, cookie] = dashboard_with_100_indicators();
  auto& app = runtime().app();
  std::size_t bytes = 0;
  for (auto _ : state) {
    samtryg::http::Request request;
    request.set_target(path);
    request.headers["Cookie"] = cookie;
    request.client_address = "127.0.0.1";
    auto response = app.handle(request);
    if (response.status != 200) state.SkipWithError("the dashboard did not answer 200");
    bytes += response.body.size();
    benchmark::DoNotOptimize(response);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}

void BM_LoginPage(benchmark::State& state) {
  answer(state, "/login");
}
void BM_Healthz(benchmark::State& state) {
  answer(state, "/healthz");
}
void BM_NotFoundPage(benchmark::State& state) {
  answer(state, "/no/such/page");
}

}  // namespace

BENCHMARK(BM_LoginPage);
BENCHMARK(BM_Healthz);
BENCHMARK(BM_NotFoundPage);
BENCHMARK(BM_Dashboard100Indicators)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
