// Reading statistics tables: cells per second on a generated 1-million-cell PX file and the
// time for the real 466 KB Norwegian table (issue 5's figures; docs/performance.md).
// Build: cmake --build --preset release --target samtryg_stats_bench
// Run:   build/release/samtryg_stats_bench
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "core/auth/store.hpp"
#include "core/db/database.hpp"
#include "core/db/migrations.hpp"
#include "core/util/time.hpp"
#include "features/indicators/commands.hpp"
#include "features/indicators/store.hpp"
#include "features/statistics/jsonstat.hpp"
#include "features/statistics/px.hpp"

namespace {

// 1,000 areas × 100 periods × 10 contents = 1,000,000 cells, with decimals and some symbols,
// written the way offices write them (one stub row per line).
const std::string& generated_px() {
  static const std::string text = [] {
    std::string px =
        "CHARSET=\"ANSI\";\nLANGUAGE=\"sv\";\nMATRIX=\"BENCH1M\";\nSUBJECT-CODE=\"LE\";\n"
        "SUBJECT-AREA=\"Levnadsförhållanden\";\nTITLE=\"Generated\";\nCONTENTS=\"Index\";\n"
        "UNITS=\"index\";\nDECIMALS=1;\nSTUB=\"område\";\nHEADING=\"tid\",\"mått\";\n";
    px += "VALUES(\"område\")=";
    for (int a = 0; a < 1000; ++a) px += fmt::format("{}\"Område {}\"", a == 0 ? "" : ",", a);
    px += ";\nVALUES(\"tid\")=";
    for (int t = 0; t < 100; ++t) px += fmt::format("{}\"{}\"", t == 0 ? "" : ",", 1920 + t);
    px += ";\nVALUES(\"mått\")=";
    for (int m = 0; m < 10; ++m) px += fmt::format("{}\"Mått {}\"", m == 0 ? "" : ",", m);
    px += ";\nTIMEVAL(\"tid\")=TLIST(A1),";
    for (int t = 0; t < 100; ++t) px += fmt::format("{}\"{}\"", t == 0 ? "" : ",", 1920 + t);
    px += ";\nDATA=\n";
    for (int a = 0; a < 1000; ++a) {
      for (int c = 0; c < 1000; ++c) {
        if ((a + c) % 97 == 0) {
          px += "\"..\" ";
        } else {
          px += fmt::format("{}.{} ", (a * 7 + c * 13) % 5000, c % 10);
        }
      }
      px += '\n';
    }
    px += ";\n";
    return px;
  }();
  return text;
}

void BM_ParseGeneratedPx1M(benchmark::State& state) {
  const std::string& px = generated_px();
  std::size_t cells = 0;
  for (auto _ : state) {
    auto table = samtryg::stats::read_px(px);
    cells += table.values.size();
    benchmark::DoNotOptimize(table);
  }
  state.counters["cells/s"] =
      benchmark::Counter(static_cast<double>(cells), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * px.size()));
}
BENCHMARK(BM_ParseGeneratedPx1M)->Unit(benchmark::kMillisecond);

void BM_ParseTransmengde(benchmark::State& state) {
  const auto path = std::filesystem::path(SAMTRYG_SOURCE_DIR) /
                    "../shared/fixtures/px/statisticssweden-pxweb/datanotecell/Transmengde.px";
  std::ifstream file(path, std::ios::binary);
  std::stringstream bytes;
  bytes << file.rdbuf();
  const std::string px = bytes.str();
  if (px.empty()) {
    state.SkipWithError("the shared fixture is missing");
    return;
  }
  for (auto _ : state) {
    auto table = samtryg::stats::read_px(px);
    benchmark::DoNotOptimize(table);
  }
}
BENCHMARK(BM_ParseTransmengde)->Unit(benchmark::kMillisecond);

void BM_WriteJsonStat1M(benchmark::State& state) {
  const auto table = samtryg::stats::read_px(generated_px());
  for (auto _ : state) {
    auto text = samtryg::stats::write_jsonstat(table);
    benchmark::DoNotOptimize(text);
  }
}
BENCHMARK(BM_WriteJsonStat1M)->Unit(benchmark::kMillisecond);

// 1,000,000 values (1,000 areas × 1,000 monthly periods of one indicator) confirmed as one
// import into a fresh SQLite file: validation, the all-or-nothing transaction, the writes.
// `state.range(0)` = 1 imports the same values a second time (all unchanged).
void BM_StoreValues1MSqlite(benchmark::State& state) {
  namespace fs = std::filesystem;
  namespace ind = samtryg::indicators;
  for (auto _ : state) {
    state.PauseTiming();
    const fs::path file = fs::temp_directory_path() / "samtryg-values-bench.db";
    const auto remove_files = [&] {
      fs::remove(file);
      fs::remove(file.string() + "-wal");
      fs::remove(file.string() + "-shm");
    };
    remove_files();
    auto database =
        samtryg::db::Database::open(samtryg::db::parse_database_url("sqlite:" + file.string()), 1);
    samtryg::db::migrate(*database);
    long long workspace = 0;
    ind::Preview preview;
    database->in_transaction([&](soci::session& sql) {
      workspace = samtryg::auth::insert_workspace(sql, "bench", "da", samtryg::now_iso_utc());
      ind::Indicator indicator;
      indicator.workspace_id = workspace;
      indicator.name = "bench";
      indicator.frequency = "month";
      const auto indicator_id = ind::store::insert_indicator(sql, indicator);
      for (int a = 0; a < 1000; ++a) {
        ind::Area area;
        area.workspace_id = workspace;
        area.name = fmt::format("Område {}", a);
        const auto area_id = ind::store::insert_area(sql, area);
        for (int p = 0; p < 1000; ++p) {
          ind::PreviewValue value;
          value.indicator_id = indicator_id;
          value.period = fmt::format("{}M{:02}", 1940 + p / 12, p % 12 + 1);
          value.area_id = area_id;
          value.value = static_cast<double>(a % 97) + p / 10.0;
          preview.values.push_back(std::move(value));
        }
      }
    });
    const auto actor = samtryg::auth::Actor::tool(workspace, "bench");
    if (state.range(0) == 1) ind::import_values(*database, actor, preview, "bench.px", "BENCH");
    state.ResumeTiming();
    const auto outcome = ind::import_values(*database, actor, preview, "bench.px", "BENCH");
    state.PauseTiming();
    if (outcome.inserted + outcome.unchanged != 1'000'000) state.SkipWithError("values lost");
    database.reset();
    remove_files();
    state.ResumeTiming();
  }
  state.counters["values/s"] = benchmark::Counter(1e6 * static_cast<double>(state.iterations()),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_StoreValues1MSqlite)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
