// Surveys, measured in-process (no sockets), side by side in one run:
//   - a survey's page as a coordinator opens it: Landskrona's size (3 questions, 3 waves, one
//     area) and a large one, 10 questions of 5 answers, 8 waves, 10 areas (800 results, every
//     one with its distribution, share and response rate);
//   - a statistics table of 8 waves × 10 areas × 5 answers imported for one question linked to
//     an indicator: the preview worked out, then 80 results stored and 80 shares passed on to
//     the indicator in one transaction.
// Build: cmake --build --preset release --target samtryg_surveys_bench;
// run: build/release/samtryg_surveys_bench
#include <benchmark/benchmark.h>

#include <fmt/format.h>

#include "bench/support.hpp"
#include "features/indicators/commands.hpp"
#include "features/statistics/reader.hpp"
#include "features/surveys/commands.hpp"

namespace {

namespace surveys = samtryg::surveys;
namespace indicators = samtryg::indicators;

constexpr int kWaves = 8;
constexpr int kAreas = 10;
constexpr int kQuestions = 10;
const std::vector<std::string> kAnswers{"Mycket trygg", "Ganska trygg", "Ganska otrygg",
                                        "Mycket otrygg", "Går aldrig ut"};

samtryg::app::Runtime& runtime() {
  return samtryg::bench::runtime("samtryg-surveys-bench.db");
}

const samtryg::bench::Coordinator& coordinator() {
  static const auto signed_in = samtryg::bench::coordinator(runtime());
  return signed_in;
}

std::vector<long long> areas() {
  static const auto ids = [] {
    std::vector<long long> out;
    for (int index = 0; index < kAreas; ++index) {
      indicators::Area area;
      area.name = fmt::format("Stadsdel {}", index + 1);
      area.kind = "city_district";
      out.push_back(indicators::create_area(runtime().database(), coordinator().actor, area));
    }
    return out;
  }();
  return ids;
}

surveys::Question question(int number, std::optional<long long> indicator = std::nullopt) {
  surveys::Question out;
  out.text = fmt::format("Fråga {}: hur trygg känner du dig ute sent en kväll?", number);
  out.share_label = "känner sig trygga";
  for (std::size_t index = 0; index < kAnswers.size(); ++index) {
    out.options.push_back({kAnswers[index], index < 2});
  }
  out.indicator_id = indicator;
  return out;
}

// A survey of `questions` questions, `waves` waves and `area_count` areas, every result typed in.
long long survey_of(int questions, int wave_count, int area_count) {
  auto& database = runtime().database();
  const auto& actor = coordinator().actor;
  surveys::Survey survey;
  survey.name = fmt::format("Trygghetsmätningen, {} frågor", questions);
  const auto id = surveys::create_survey(database, actor, survey);
  std::vector<long long> waves;
  for (int year = 0; year < wave_count; ++year) {
    waves.push_back(
        surveys::add_wave(database, actor, id, {0, 0, std::to_string(2010 + year), "hösten", ""}));
  }
  const auto all_areas = areas();
  const std::vector<long long> used(all_areas.begin(), all_areas.begin() + area_count);
  for (int number = 1; number <= questions; ++number) {
    const auto question_id = surveys::add_question(database, actor, id, question(number));
    for (const auto wave : waves) {
      for (const auto area : used) {
        surveys::Result result;
        result.wave_id = wave;
        result.question_id = question_id;
        result.area_id = area;
        result.respondents = 600 + number;
        result.invited = 1500;
        result.percents = {22, 45.5, 21, 8, 3.5};
        surveys::save_result(database, actor, id, result);
      }
    }
  }
  return id;
}

// state.range(0) questions × range(1) waves × range(2) areas.
void BM_SurveyPage(benchmark::State& state) {
  const auto survey = survey_of(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)),
                                static_cast<int>(state.range(2)));
  auto& app = runtime().app();
  const auto path = fmt::format("/surveys/{}", survey);
  for (auto _ : state) {
    samtryg::http::Request request;
    request.set_target(path);
    request.client_address = "127.0.0.1";
    request.headers["Cookie"] = coordinator().cookie;
    auto response = app.handle(request);
    if (response.status != 200) state.SkipWithError("the survey page did not answer 200");
    benchmark::DoNotOptimize(response);
  }
  state.counters["results"] = static_cast<double>(state.range(0) * state.range(1) * state.range(2));
}

std::string table_csv() {
  std::string csv = "År;Område;Svar;Andel\n";
  for (int year = 0; year < kWaves; ++year) {
    for (int area = 0; area < kAreas; ++area) {
      for (const auto& answer : kAnswers) {
        csv += fmt::format("{};Stadsdel {};{};{}\n", 2010 + year, area + 1, answer, 20);
      }
    }
  }
  return csv;
}

void BM_ImportTableFeedingAnIndicator(benchmark::State& state) {
  auto& database = runtime().database();
  const auto& actor = coordinator().actor;
  static const auto indicator = [&] {
    indicators::Indicator share;
    share.name = "Andel trygga ute på kvällen per stadsdel";
    share.unit = "percent";
    return indicators::create_indicator(database, actor, share, {});
  }();
  static const auto survey = [&] {
    surveys::Survey made;
    made.name = "Trygghetsmätningen, import";
    return surveys::create_survey(database, actor, made);
  }();
  static const auto question_id =
      surveys::add_question(database, actor, survey, question(1, indicator));
  const auto csv = table_csv();
  std::vector<surveys::AreaName> names;
  for (int index = 0; index < kAreas; ++index) {
    names.push_back(
        {areas()[static_cast<std::size_t>(index)], fmt::format("Stadsdel {}", index + 1), ""});
  }
  for (auto _ : state) {
    const auto table = samtryg::stats::read_table(csv, "trygghet.csv");
    const auto record = surveys::survey_record(database, actor, survey);
    surveys::ImportMapping mapping{
        table.dimensions[0].id, table.dimensions[1].id, table.dimensions[2].id, "", {}};
    const auto preview = surveys::preview(table, mapping, record.questions.front(), names, {});
    const auto outcome = surveys::import_results(database, actor, survey, question_id, preview);
    if (outcome.results != kWaves * kAreas) state.SkipWithError("not every result was stored");
  }
  state.counters["results"] = kWaves * kAreas;
}

}  // namespace

// Landskrona's trygghetsmätning in the demo, and a survey of every district over eight years.
BENCHMARK(BM_SurveyPage)
    ->Args({3, 3, 1})
    ->Args({kQuestions, kWaves, kAreas})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ImportTableFeedingAnIndicator)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
