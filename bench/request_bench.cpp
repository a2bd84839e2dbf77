// In-process cost of answering a request, without sockets: what App::handle spends on the
// login page (session-less, rendered) and on /healthz (one database round trip).
// Build: cmake --build --preset release --target samtryg_bench; run: build/release/samtryg_bench
#include <benchmark/benchmark.h>

#include <filesystem>

#include "app/serve.hpp"
#include "core/util/crypto.hpp"

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
BENCHMARK_MAIN();
