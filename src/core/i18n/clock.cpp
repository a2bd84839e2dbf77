#include "core/i18n/clock.hpp"

#include <unicode/timezone.h>

#include <memory>

namespace samtryg::i18n {

namespace {

std::string& thread_zone() {
  thread_local std::string zone(kDefaultTimeZone);
  return zone;
}

}  // namespace

bool is_time_zone(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.find('/') == std::string_view::npos) {
    return name == "UTC";
  }
  const auto id = icu::UnicodeString::fromUTF8(
      icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
  const std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(id));
  // ICU answers an unknown id with a zone named "Etc/Unknown" rather than an error.
  icu::UnicodeString known;
  zone->getID(known);
  return known == id && *zone != icu::TimeZone::getUnknown();
}

const std::string& current_time_zone() {
  return thread_zone();
}

ClockScope::ClockScope(std::string_view zone) : previous_(thread_zone()) {
  if (!zone.empty()) thread_zone() = std::string(zone);
}

ClockScope::~ClockScope() {
  thread_zone() = std::move(previous_);
}

}  // namespace samtryg::i18n
