// libFuzzer target: any bytes either read as a CSV table or fail with ParseError.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "features/statistics/csv.hpp"
#include "features/statistics/jsonstat.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    const auto table = samtryg::stats::read_csv(bytes);
    const auto back = samtryg::stats::read_jsonstat(samtryg::stats::write_jsonstat(table));
    if (back.values.size() != table.values.size()) __builtin_trap();
  } catch (const samtryg::stats::ParseError&) {
  }
  return 0;
}
