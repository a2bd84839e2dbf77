// libFuzzer target: any bytes either read as a PX table or fail with ParseError; a table that
// is read also survives the trip through JSON-stat.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "features/statistics/jsonstat.hpp"
#include "features/statistics/px.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    const auto table = samtryg::stats::read_px(bytes);
    const auto back = samtryg::stats::read_jsonstat(samtryg::stats::write_jsonstat(table));
    if (back.values.size() != table.values.size()) __builtin_trap();
  } catch (const samtryg::stats::ParseError&) {
  }
  return 0;
}
