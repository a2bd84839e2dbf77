#include "core/util/time.hpp"

#include <fmt/chrono.h>

namespace samtryg {

std::string to_iso_utc(Clock::time_point when) {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(when));
}

}  // namespace samtryg
