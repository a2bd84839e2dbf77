#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace samtryg {

using Clock = std::chrono::system_clock;

// Timestamps are stored as UTC ISO-8601 text ("2026-11-22T10:15:03Z"): both databases
// compare them correctly as strings, and a human can read them in a backup.
std::string to_iso_utc(Clock::time_point when);
inline std::string now_iso_utc() {
  return to_iso_utc(Clock::now());
}
// Today as YYYY-MM-DD (UTC): default dates and "today" in status rules.
inline std::string today_iso_utc() {
  return now_iso_utc().substr(0, 10);
}

// A stored timestamp ("2026-11-22T10:15:03Z") as a time; nothing when it is not one.
std::optional<Clock::time_point> parse_iso_utc(std::string_view text);

// A YYYY-MM-DD text as a calendar day; nothing when it is not one (2017-02-30, 17-01-01).
std::optional<std::chrono::year_month_day> parse_iso_day(std::string_view text);
// The day as YYYY-MM-DD.
std::string iso_day(std::chrono::year_month_day day);
// An ISO UTC time as HTTP writes dates (RFC 9110 IMF-fixdate: "Tue, 22 Jan 2014 13:00:00 GMT");
// "" when it cannot be read.
std::string http_date(std::string_view iso_utc);

}  // namespace samtryg
