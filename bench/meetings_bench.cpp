// Meetings, measured in-process (no sockets), side by side in one run:
//   - a person's calendar feed with 500 events (meetings of their body over the years and their
//     open action items), asked by a calendar program with the secret address (target < 10 ms);
//   - the same feed asked again by a program without its ETag (the text kept for the workspace's
//     data version), and built anew after a change (an action item marked done or open);
//   - the same feed asked again with the ETag it got: 304;
//   - a meeting's page with 12 agenda items, their minutes, 24 decisions and 24 action items;
//   - the agenda proposed from live status for a body whose workspace has 60 initiatives (each
//     changed status since the previous meeting and reports in a round with its deadline in the
//     period) and 20 indicators with targets and 12 figures each over 5 focus areas (target
//     < 30 ms);
//   - the year wheel's SVG for a year of 50 meetings, 12 reporting periods and deadlines, 20
//     walks and 200 action items (target < 10 ms), and the year wheel's page and the agenda as
//     PDF through the server.
// Build: cmake --build --preset release --target samtryg_meetings_bench;
// run: build/release/samtryg_meetings_bench
#include <benchmark/benchmark.h>

#include <fmt/format.h>

#include "bench/support.hpp"
#include "features/indicators/commands.hpp"
#include "features/meetings/commands.hpp"
#include "features/meetings/year_wheel.hpp"
#include "features/reporting/commands.hpp"
#include "features/strategy/commands.hpp"

namespace {

namespace meetings = samtryg::meetings;

samtryg::app::Runtime& runtime() {
  return samtryg::bench::runtime("samtryg-meetings-bench.db");
}

const samtryg::bench::Coordinator& coordinator() {
  static const auto signed_in = samtryg::bench::coordinator(runtime());
  return signed_in;
}

// The plan of the agenda benchmark: 60 initiatives over 5 focus areas, each made active on
// 1 March 2036 and reporting in a round due 15 March; 20 indicators with a target and 12 figures.
void add_live_status(samtryg::db::Database& database, const samtryg::auth::Actor& actor) {
  namespace strategy = samtryg::strategy;
  namespace indicators = samtryg::indicators;
  strategy::Plan plan;
  plan.name = "Tryg Aalborg 2036";
  plan.period_start = "2036-01-01";
  plan.period_end = "2037-12-31";
  const auto plan_id = strategy::create_plan(database, actor, plan);
  std::vector<long long> areas;
  for (int index = 0; index < 5; ++index) {
    strategy::FocusArea area;
    area.plan_id = plan_id;
    area.name = fmt::format("Fokusområde {}", index + 1);
    areas.push_back(strategy::create_focus_area(database, actor, area));
  }
  std::vector<long long> initiatives;
  for (int index = 0; index < 60; ++index) {
    strategy::Initiative initiative;
    initiative.plan_id = plan_id;
    initiative.focus_area_id = areas[static_cast<std::size_t>(index % 5)];
    initiative.name = fmt::format("Indsats {}", index + 1);
    initiatives.push_back(strategy::create_initiative(database, actor, initiative));
    strategy::change_initiative_status(database, actor, initiatives.back(), 1, "active",
                                       "2036-03-01", "Sat i gang af styregruppen");
  }
  samtryg::reporting::RoundInput round;
  round.plan_id = plan_id;
  round.name = "1. kvartal 2036";
  round.period_start = "2036-01-01";
  round.period_end = "2036-03-31";
  round.deadline = "2036-03-15";
  round.template_key = "afrapportering_da";
  round.initiative_ids = initiatives;
  samtryg::reporting::create_round(database, actor, round);
  for (int index = 0; index < 20; ++index) {
    indicators::Indicator indicator;
    indicator.plan_id = plan_id;
    indicator.name = fmt::format("Anmeldte indbrud, område {}", index + 1);
    indicator.frequency = "month";
    indicator.direction = "lower";
    indicators::Link link;
    link.focus_area_id = areas[static_cast<std::size_t>(index % 5)];
    const auto id = indicators::create_indicator(database, actor, indicator, {link});
    indicators::Target target;
    target.indicator_id = id;
    target.comparator = "le";
    target.value = 40;
    target.period_end = "2036-12-31";
    indicators::add_target(database, actor, target);
    for (int month = 1; month <= 12; ++month) {
      indicators::Value value;
      value.indicator_id = id;
      value.period = fmt::format("2035-{:02}", month);
      value.value = 30 + (index + month) % 25;
      indicators::save_value(database, actor, value);
    }
  }
}

// A body the coordinator belongs to, with 450 meetings and 50 open action items for them.
struct Fixture {
  std::string feed_path;
  long long meeting = 0;
  long long action = 0;          // one of the open action items, changed to make the feed new
  long long agenda_meeting = 0;  // the steering group's of 20 April 2036, after 20 January's
};

const Fixture& fixture() {
  static const Fixture made = [] {
    auto& database = runtime().database();
    const auto& actor = coordinator().actor;
    samtryg::strategy::Group council;
    council.kind = "council";
    council.name = "Lokalrådet";
    samtryg::strategy::GroupMember member;
    member.group_id = samtryg::strategy::create_group(database, actor, council);
    member.user_id = actor.user_id;
    member.title = "Tovholder";
    samtryg::strategy::add_group_member(database, actor, member);
    Fixture out;
    for (int index = 0; index < 450; ++index) {
      meetings::Meeting meeting;
      meeting.group_id = member.group_id;
      meeting.title = fmt::format("Ordinært møde {}", index + 1);
      meeting.starts_at = fmt::format("{:04}-{:02}-15T14:00", 2000 + index / 12, index % 12 + 1);
      meeting.ends_at = meeting.starts_at.substr(0, 11) + "16:00";
      meeting.place = "Aalborg Rådhus";
      const auto id = meetings::create_meeting(database, actor, meeting);
      if (index == 449) out.meeting = id;
    }
    for (int index = 0; index < 12; ++index) {
      meetings::Item item;
      item.title = fmt::format("Punkt {}: kriminalitetsbilledet", index + 1);
      item.minutes = std::string(400, 'x');
      const auto item_id = meetings::add_item(database, actor, out.meeting, item);
      for (int decision_index = 0; decision_index < 2; ++decision_index) {
        meetings::Decision decision;
        decision.item_id = item_id;
        decision.text = "Lokalrådet tager orienteringen til efterretning.";
        meetings::add_decision(database, actor, out.meeting, decision);
      }
      for (int action_index = 0; action_index < 2; ++action_index) {
        meetings::Action action;
        action.item_id = item_id;
        action.title = "Følg op til næste møde";
        action.owner_user_id = *actor.user_id;
        action.due_on = "2037-06-30";
        const auto action_id = meetings::add_action(database, actor, out.meeting, action);
        if (out.action == 0) out.action = action_id;
      }
    }
    out.feed_path = "/calendar/feed.ics?token=" + meetings::new_calendar_token(database, actor);
    add_live_status(database, actor);
    samtryg::strategy::Group steering;
    steering.kind = "steering";
    steering.name = "Styregruppen";
    const auto steering_id = samtryg::strategy::create_group(database, actor, steering);
    for (const auto* day : {"2036-01-20", "2036-04-20"}) {
      meetings::Meeting meeting;
      meeting.group_id = steering_id;
      meeting.title = "Lokalrådets kvartalsmøde";
      meeting.starts_at = fmt::format("{}T14:00", day);
      meeting.ends_at = fmt::format("{}T16:00", day);
      out.agenda_meeting = meetings::create_meeting(database, actor, meeting);
    }
    return out;
  }();
  return made;
}

samtryg::http::Response ask(const std::string& path, const std::string& etag = {},
                            bool signed_in = false) {
  samtryg::http::Request request;
  request.set_target(path);
  request.client_address = "127.0.0.1";
  if (!etag.empty()) request.headers["If-None-Match"] = etag;
  if (signed_in) request.headers["Cookie"] = coordinator().cookie;
  return runtime().app().handle(request);
}

void BM_PersonalFeed500Events(benchmark::State& state) {
  const auto& path = fixture().feed_path;
  std::size_t events = 0;
  for (auto _ : state) {
    auto response = ask(path);
    if (response.status != 200) state.SkipWithError("the feed did not answer 200");
    benchmark::DoNotOptimize(response);
    state.PauseTiming();
    events = 0;
    for (std::size_t at = response.body.find("BEGIN:VEVENT"); at != std::string::npos;
         at = response.body.find("BEGIN:VEVENT", at + 1)) {
      ++events;
    }
    state.ResumeTiming();
  }
  state.counters["events"] = static_cast<double>(events);
}

// Built anew: before each ask, an action item is marked done or open again, which raises the
// workspace's data version, so the feed kept for the version before cannot answer.
void BM_PersonalFeed500EventsAfterAChange(benchmark::State& state) {
  const auto& path = fixture().feed_path;
  auto& database = runtime().database();
  bool done = false;
  for (auto _ : state) {
    state.PauseTiming();
    done = !done;
    meetings::set_action_done(database, coordinator().actor, fixture().action, done, "2037-01-01");
    state.ResumeTiming();
    auto response = ask(path);
    if (response.status != 200) state.SkipWithError("the feed did not answer 200");
    benchmark::DoNotOptimize(response);
  }
  if (done) {
    meetings::set_action_done(database, coordinator().actor, fixture().action, false, "");
  }
}

void BM_PersonalFeedUnchanged304(benchmark::State& state) {
  const auto& path = fixture().feed_path;
  const auto etag = ask(path).headers["ETag"];
  for (auto _ : state) {
    auto response = ask(path, etag);
    if (response.status != 304) state.SkipWithError("the feed did not answer 304");
    benchmark::DoNotOptimize(response);
  }
}

void BM_MeetingPage(benchmark::State& state) {
  const auto path = fmt::format("/meetings/{}", fixture().meeting);
  for (auto _ : state) {
    auto response = ask(path, {}, true);
    if (response.status != 200) state.SkipWithError("the meeting page did not answer 200");
    benchmark::DoNotOptimize(response);
  }
}

void BM_AgendaFromLiveStatus(benchmark::State& state) {
  const auto path = fmt::format("/meetings/{}/suggestions", fixture().agenda_meeting);
  std::size_t proposals = 0;
  for (auto _ : state) {
    auto response = ask(path, {}, true);
    if (response.status != 200) state.SkipWithError("the proposals did not answer 200");
    benchmark::DoNotOptimize(response);
    state.PauseTiming();
    proposals = 0;
    for (std::size_t at = response.body.find("name=\"pick\""); at != std::string::npos;
         at = response.body.find("name=\"pick\"", at + 1)) {
      ++proposals;
    }
    state.ResumeTiming();
  }
  state.counters["proposals"] = static_cast<double>(proposals);
}

std::vector<meetings::DatedEntry> busy_year() {
  std::vector<meetings::DatedEntry> entries;
  const auto add = [&](const char* kind, int count, int length) {
    for (int index = 0; index < count; ++index) {
      const int day = 1 + (index * 7) % 28;
      const int month = 1 + index % 12;
      entries.push_back({fmt::format("{}-{}", kind, index), kind,
                         fmt::format("{} {}: Ordinært møde i Lokalrådet", kind, index + 1),
                         fmt::format("2036-{:02}-{:02}", month, day),
                         fmt::format("2036-{:02}-{:02}", month, std::min(28, day + length)),
                         "/meetings/1", "2036-01-01T00:00:00Z"});
    }
  };
  add("meeting", 50, 0);
  add("reporting_period", 12, 27);
  add("deadline", 12, 0);
  add("walk", 20, 0);
  add("action", 200, 0);
  return entries;
}

void BM_YearWheelSvg(benchmark::State& state) {
  const auto entries = busy_year();
  meetings::WheelTexts texts;
  texts.title = "Årshjul 2036";
  texts.description = "Årets møder, perioder, frister, vandringer og opgaver.";
  texts.months = {"jan", "feb", "mar", "apr", "maj", "jun",
                  "jul", "aug", "sep", "okt", "nov", "dec"};
  for (const auto kind : meetings::kDatedKinds) texts.kinds[std::string(kind)] = std::string(kind);
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto svg = meetings::year_wheel_svg(2036, entries, texts);
    bytes = svg.size();
    benchmark::DoNotOptimize(svg);
  }
  state.counters["entries"] = static_cast<double>(entries.size());
  state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_YearWheelPage(benchmark::State& state) {
  fixture();
  for (auto _ : state) {
    auto response = ask("/year-wheel?year=2036", {}, true);
    if (response.status != 200) state.SkipWithError("the year wheel did not answer 200");
    benchmark::DoNotOptimize(response);
  }
}

void BM_AgendaPdf(benchmark::State& state) {
  const auto path = fmt::format("/meetings/{}/agenda/pdf", fixture().meeting);
  for (auto _ : state) {
    auto response = ask(path, {}, true);
    if (response.status != 200) state.SkipWithError("the agenda did not answer 200");
    benchmark::DoNotOptimize(response);
  }
}

}  // namespace

BENCHMARK(BM_YearWheelSvg)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_YearWheelPage)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AgendaPdf)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PersonalFeed500Events)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PersonalFeed500EventsAfterAChange)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PersonalFeedUnchanged304)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MeetingPage)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AgendaFromLiveStatus)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
