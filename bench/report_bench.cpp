// In-process cost of the demo round's compiled report (8 forms, chapters with charts) per
// format, as the server pays it once fonts are loaded: database reads, building the document
// and writing it. SAMTRYG_REPORT_BENCH_DB=URL renders round 1 of another database instead.
// bench/report.sh measures the same through the CLI, with WeasyPrint beside it.
// Build: cmake --build --preset release --target samtryg_report_bench
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

#include "app/workspace.hpp"
#include "core/db/migrations.hpp"
#include "core/util/crypto.hpp"
#include "features/reporting/report.hpp"

namespace {

struct Demo {
  std::unique_ptr<samtryg::db::Database> database;
  samtryg::auth::Actor actor;
};

// The demo workspace in a fresh file, or the database SAMTRYG_REPORT_BENCH_DB names (its
// workspace 1, round 1; bench/report.sh passes the demo with a round of 15 forms).
Demo& demo() {
  static Demo instance = [] {
    samtryg::crypto::initialise();
    Demo made;
    if (const char* url = std::getenv("SAMTRYG_REPORT_BENCH_DB"); url != nullptr) {
      made.database = samtryg::db::Database::open(samtryg::db::parse_database_url(url), 2);
      made.actor = samtryg::auth::Actor::tool(1, "bench");
      return made;
    }
    const auto path = std::filesystem::temp_directory_path() / "samtryg-report-bench.db";
    std::filesystem::remove(path);
    made.database =
        samtryg::db::Database::open(samtryg::db::parse_database_url("sqlite:" + path.string()), 2);
    samtryg::db::migrate(*made.database);
    samtryg::app::load_demo(*made.database, samtryg::auth::HashCost::minimal);
    made.actor = samtryg::auth::Actor::tool(1, "bench");
    return made;
  }();
  return instance;
}

void report(benchmark::State& state, const char* format) {
  auto& setup = demo();
  std::size_t bytes = 0;
  for (auto _ : state) {
    const auto file =
        samtryg::reporting::render_report(*setup.database, {}, setup.actor, 1, format);
    bytes += file.bytes.size();
    benchmark::DoNotOptimize(file);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}

void BM_ReportPdf(benchmark::State& state) {
  report(state, "pdf");
}
void BM_ReportDocx(benchmark::State& state) {
  report(state, "docx");
}
void BM_ReportHtml(benchmark::State& state) {
  report(state, "html");
}
void BM_ReportXlsx(benchmark::State& state) {
  report(state, "xlsx");
}

}  // namespace

BENCHMARK(BM_ReportPdf)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReportDocx)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReportHtml)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReportXlsx)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
