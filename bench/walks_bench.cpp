// Safety walks, measured in-process (no sockets), side by side in one run:
//   - saving a finding with one 4 MB photo (the photo decoded, stripped, resized, re-encoded,
//     with its thumbnail, and stored);
//   - the walk page of a walk with 100 findings, each with an action;
//   - the walk report as PDF for a walk with 40 findings and 20 photos.
// Build: cmake --build --preset release --target samtryg_walks_bench;
// run: build/release/samtryg_walks_bench
#include <benchmark/benchmark.h>
#include <vips/vips.h>

#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>

#include "bench/support.hpp"
#include "core/auth/store.hpp"
#include "core/documents/pdf.hpp"
#include "core/util/crypto.hpp"
#include "core/util/time.hpp"
#include "core/web/context.hpp"
#include "features/walks/commands.hpp"
#include "features/walks/report.hpp"

namespace {

namespace walks = samtryg::walks;

samtryg::app::Runtime& runtime() {
  return samtryg::bench::runtime("samtryg-walks-bench.db");
}

// A phone photo of about 4 MB: 3,400 × 2,550 pixels of fine detail, JPEG quality 92.
const std::string& four_megabyte_photo() {
  static const std::string bytes = [] {
    if (VIPS_INIT("samtryg-bench") != 0) throw std::runtime_error("libvips did not start");
    VipsImage* noise = nullptr;
    VipsImage* bands = nullptr;
    VipsImage* image = nullptr;
    vips_gaussnoise(&noise, 3400, 2550, "mean", 128.0, "sigma", 18.0, nullptr);
    VipsImage* three[] = {noise, noise, noise};
    vips_bandjoin(three, &bands, 3, nullptr);
    vips_cast_uchar(bands, &image, nullptr);
    void* buffer = nullptr;
    std::size_t length = 0;
    vips_jpegsave_buffer(image, &buffer, &length, "Q", 92, nullptr);
    std::string out(static_cast<const char*>(buffer), length);
    g_free(buffer);
    g_object_unref(image);
    g_object_unref(bands);
    g_object_unref(noise);
    return out;
  }();
  return bytes;
}

using Fixture = samtryg::bench::Coordinator;

Fixture coordinator() {
  return samtryg::bench::coordinator(runtime());
}

// A walk with `findings` findings spread over Landskrona's centre, each with an action, and a
// photo on each of the first `photos`.
long long walk_with(const Fixture& fixture, int findings, int photos) {
  auto& database = runtime().database();
  walks::Walk walk;
  walk.area = "Centrum – Norra Långgatan";
  walk.year = 2016;
  walk.walk_date = "2016-04-20";
  const auto id = walks::create_walk(database, fixture.actor, walk, {});
  for (int i = 0; i < findings; ++i) {
    walks::Finding finding;
    finding.place = fmt::format("Plats {}", i + 1);
    finding.latitude = 55.865 + 0.0002 * (i % 10);
    finding.longitude = 12.825 + 0.0003 * static_cast<double>(i / 10);
    finding.category = "lighting";
    finding.description = "Mörk gångväg där flera undviker att gå på kvällen; belysningen saknas.";
    const auto finding_id = walks::add_finding(database, fixture.actor, id, finding);
    walks::Action action;
    action.finding_id = finding_id;
    action.description = "Komplettera belysningen";
    action.responsible_party = "Teknik- och serviceförvaltningen";
    action.due_date = "2016-09-30";
    walks::add_action(database, fixture.actor, id, action);
    if (i < photos) {
      walks::add_photo(database, fixture.actor, id, finding_id, four_megabyte_photo(),
                       walks::Photo{});
    }
  }
  return id;
}

void BM_SaveFindingWith4MbPhoto(benchmark::State& state) {
  static const auto fixture = coordinator();
  static const auto walk = walk_with(fixture, 0, 0);
  auto& database = runtime().database();
  state.counters["photo_MB"] = static_cast<double>(four_megabyte_photo().size()) / 1e6;
  for (auto _ : state) {
    walks::Finding finding;
    finding.place = "Gångtunneln vid stationen";
    finding.description = "Mörk och nedklottrad";
    const auto id = walks::add_finding(database, fixture.actor, walk, finding);
    benchmark::DoNotOptimize(
        walks::add_photo(database, fixture.actor, walk, id, four_megabyte_photo(), walks::Photo{}));
  }
}

void BM_WalkPage100Findings(benchmark::State& state) {
  static const auto fixture = coordinator();
  static const auto walk = walk_with(fixture, 100, 0);
  auto& app = runtime().app();
  const auto path = fmt::format("/walks/{}", walk);
  for (auto _ : state) {
    samtryg::http::Request request;
    request.set_target(path);
    request.headers["Cookie"] = fixture.cookie;
    request.client_address = "127.0.0.1";
    auto response = app.handle(request);
    if (response.status != 200) state.SkipWithError("the walk page did not answer 200");
    benchmark::DoNotOptimize(response);
  }
}

void BM_WalkReportPdf40Findings20Photos(benchmark::State& state) {
  static const auto fixture = coordinator();
  static const auto walk = walk_with(fixture, 40, 20);
  auto& database = runtime().database();
  const auto& catalog = samtryg::i18n::Catalog::get(samtryg::i18n::Language::sv);
  std::size_t bytes = 0;
  for (auto _ : state) {
    const auto pdf =
        samtryg::documents::to_pdf(walks::walk_report(database, fixture.actor, walk, catalog));
    bytes = pdf.size();
    benchmark::DoNotOptimize(pdf);
  }
  state.counters["pdf_kB"] = static_cast<double>(bytes) / 1e3;
}

}  // namespace

BENCHMARK(BM_SaveFindingWith4MbPhoto)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WalkPage100Findings)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WalkReportPdf40Findings20Photos)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
