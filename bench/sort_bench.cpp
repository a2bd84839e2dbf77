// Sorting what people read in their alphabet (issue 20): ICU sort keys for lists of names, in
// Swedish and Danish, against a plain byte-order sort of the same names.
// Build: cmake --build --preset release --target samtryg_sort_bench
// Run:   build/release/samtryg_sort_bench
#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/i18n/locale_format.hpp"

namespace {

// Names as lists hold them: indicators, areas and people, with å ä ö æ ø and Aa.
std::vector<std::string> names(std::size_t count) {
  static const char* const kStems[] = {"Ärenden",  "Åtgärdade", "Öppna",     "Unga",
                                       "Aalborg",  "Ølstykke",  "Æbelø",     "Landskrona",
                                       "Trygghet", "Klotter",   "Belysning", "Tryghedsindeks"};
  std::vector<std::string> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    out.push_back(std::string(kStems[i % std::size(kStems)]) + " " +
                  std::to_string(i * 7919 % count));
  }
  return out;
}

void BM_SortByName(benchmark::State& state, samtryg::i18n::Language language) {
  const auto source = names(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto list = source;
    samtryg::i18n::sort_by_name(list, language,
                                [](const std::string& name) -> const std::string& { return name; });
    benchmark::DoNotOptimize(list.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_SortBytes(benchmark::State& state) {
  const auto source = names(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto list = source;
    std::sort(list.begin(), list.end());
    benchmark::DoNotOptimize(list.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

}  // namespace

BENCHMARK_CAPTURE(BM_SortByName, sv, samtryg::i18n::Language::sv)->Arg(50)->Arg(1000)->Arg(10000);
BENCHMARK_CAPTURE(BM_SortByName, da, samtryg::i18n::Language::da)->Arg(50)->Arg(1000)->Arg(10000);
BENCHMARK(BM_SortBytes)->Arg(50)->Arg(1000)->Arg(10000);

BENCHMARK_MAIN();
