// The public site, measured in-process (no sockets): a public initiative page of a workspace
// with 60 published initiatives (each with 4 activities, 12 of them followed up by an indicator
// with 12 figures) built after a change (the workspace's data version raised before each ask),
// the same page as a citizen's browser asks for it again (kept for the version), and answered
// 304 to one that has it. The side-by-side comparison with nginx over real connections that
// issue 25 names is not here yet.
// Build: cmake --build --preset release --target samtryg_site_bench;
// run: build/release/samtryg_site_bench
#include <benchmark/benchmark.h>

#include <fmt/format.h>

#include "bench/support.hpp"
#include "features/indicators/commands.hpp"
#include "features/site/commands.hpp"
#include "features/strategy/commands.hpp"

namespace {

using namespace samtryg;

app::Runtime& runtime() {
  return bench::runtime("samtryg-site-bench.db");
}

const bench::Coordinator& coordinator() {
  static const bench::Coordinator made = bench::coordinator(runtime());
  return made;
}

struct Fixture {
  std::string page;  // a public initiative page with activities and an indicator
  long long initiative = 0;
};

const Fixture& fixture() {
  static const Fixture made = [] {
    auto& database = runtime().database();
    const auto& actor = coordinator().actor;
    strategy::Plan plan;
    plan.name = "Trygghet i Landskrona 2016";
    plan.period_start = "2016-01-01";
    plan.period_end = "2016-12-31";
    const auto plan_id = strategy::create_plan(database, actor, plan);
    Fixture out;
    for (int index = 0; index < 60; ++index) {
      strategy::Initiative initiative;
      initiative.plan_id = plan_id;
      initiative.name = fmt::format("Insats {}", index + 1);
      initiative.goals = std::string(300, 'm');
      initiative.background = std::string(600, 'b');
      initiative.already_done = std::string(600, 'd');
      initiative.focus = std::string(600, 'f');
      const auto id = strategy::create_initiative(database, actor, initiative);
      if (index == 0) out.initiative = id;
      for (int activity_index = 0; activity_index < 4; ++activity_index) {
        strategy::Activity activity;
        activity.initiative_id = id;
        activity.title = fmt::format("Aktivitet {}", activity_index + 1);
        activity.status = activity_index % 2 == 0 ? "done" : "planned";
        strategy::create_activity(database, actor, activity);
      }
      if (index % 5 != 0) continue;
      indicators::Indicator indicator;
      indicator.plan_id = plan_id;
      indicator.name = fmt::format("Anmälda brott {}", index + 1);
      indicators::Link link;
      link.initiative_id = id;
      const auto indicator_id = indicators::create_indicator(database, actor, indicator, {link});
      for (int year = 2005; year < 2017; ++year) {
        indicators::Value value;
        value.indicator_id = indicator_id;
        value.period = std::to_string(year);
        value.value = 100.0 + year % 7;
        indicators::save_value(database, actor, value);
      }
    }
    site::Settings settings;
    settings.enabled = true;
    settings.slug = "landskrona";
    settings.responsible = "Landskrona stad och Polisen";
    site::save_settings(database, actor, settings);
    out.page = fmt::format("/p/landskrona/initiatives/{}", out.initiative);
    return out;
  }();
  return made;
}

http::Response ask(const std::string& path, const std::string& etag = {}) {
  http::Request request;
  request.set_target(path);
  request.client_address = "127.0.0.1";
  if (!etag.empty()) request.headers["If-None-Match"] = etag;
  return runtime().app().handle(request);
}

void BM_PublicInitiativePageAfterAChange(benchmark::State& state) {
  const auto& made = fixture();
  auto& database = runtime().database();
  int round = 0;
  for (auto _ : state) {
    state.PauseTiming();
    // Another initiative changes: the workspace's data version rises, nothing kept serves.
    auto initiative =
        strategy::readable_initiative(database, coordinator().actor, made.initiative + 1);
    initiative.purpose = fmt::format("Syfte {}", ++round);
    strategy::update_initiative(database, coordinator().actor, initiative);
    state.ResumeTiming();
    auto response = ask(made.page);
    if (response.status != 200) state.SkipWithError("the page did not answer 200");
    benchmark::DoNotOptimize(response);
  }
}

void BM_PublicInitiativePageKept(benchmark::State& state) {
  const auto& made = fixture();
  for (auto _ : state) {
    auto response = ask(made.page);
    if (response.status != 200) state.SkipWithError("the page did not answer 200");
    benchmark::DoNotOptimize(response);
  }
}

void BM_PublicInitiativePageUnchanged304(benchmark::State& state) {
  const auto& made = fixture();
  const auto etag = ask(made.page).headers["ETag"];
  for (auto _ : state) {
    auto response = ask(made.page, etag);
    if (response.status != 304) state.SkipWithError("the page did not answer 304");
    benchmark::DoNotOptimize(response);
  }
}

}  // namespace

BENCHMARK(BM_PublicInitiativePageAfterAChange)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PublicInitiativePageKept)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PublicInitiativePageUnchanged304)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
