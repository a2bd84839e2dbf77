#pragma once
// The time zone times are shown in. A workspace chooses its own (Greenland's and the Faroes'
// municipalities do not keep Danish time); it holds for the length of one request or command,
// on the thread that runs it, so the formatting functions need no zone argument threaded
// through every page.
#include <string>
#include <string_view>

namespace samtryg::i18n {

inline constexpr std::string_view kDefaultTimeZone = "Europe/Copenhagen";

// An IANA time zone ICU knows ("Europe/Stockholm", "America/Nuuk"); not abbreviations or
// offsets such as "CET", which mean different things in different places.
bool is_time_zone(std::string_view name);

// The zone of this thread's current request or command.
const std::string& current_time_zone();

// Shows times in `zone` on this thread until the scope ends. An unknown zone shows the
// default's times (see locale_format.cpp), so a damaged setting never stops a page.
class ClockScope {
 public:
  explicit ClockScope(std::string_view zone);
  ~ClockScope();
  ClockScope(const ClockScope&) = delete;
  ClockScope& operator=(const ClockScope&) = delete;
  ClockScope(ClockScope&&) = delete;
  ClockScope& operator=(ClockScope&&) = delete;

 private:
  std::string previous_;
};

}  // namespace samtryg::i18n
