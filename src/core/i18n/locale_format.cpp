#include "core/i18n/locale_format.hpp"

#include <unicode/calendar.h>
#include <unicode/coll.h>
#include <unicode/datefmt.h>
#include <unicode/numfmt.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <stdexcept>

#include "core/i18n/clock.hpp"
#include "core/util/strings.hpp"
#include "core/validation/fields.hpp"

namespace samtryg::i18n {

namespace {

icu::Locale locale_for(Language language) {
  switch (language) {
    case Language::da:
      return icu::Locale("da", "DK");
    case Language::sv:
      return icu::Locale("sv", "SE");
    case Language::en:
      return icu::Locale("en", "GB");
  }
  return icu::Locale("da", "DK");
}

std::size_t index_of(Language language) {
  return static_cast<std::size_t>(language);
}

std::string to_utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU ") + what + ": " + u_errorName(status));
}

// A format of times of day, and the zone it was last set to.
struct ZonedFormat {
  std::unique_ptr<icu::DateFormat> format;
  std::string zone;
};

// ICU formatters are not safe to share between threads; each thread keeps its own.
struct ThreadFormatters {
  std::array<std::unique_ptr<icu::DateFormat>, 3> dates;
  std::array<std::unique_ptr<icu::DateFormat>, 3> months;
  std::array<ZonedFormat, 3> times;
  std::array<ZonedFormat, 3> stamps;
  std::array<std::unique_ptr<icu::NumberFormat>, 3> numbers;
  std::array<std::unique_ptr<icu::NumberFormat>, 3> percents;
  std::array<std::unique_ptr<icu::Collator>, 3> collators;
};

ThreadFormatters& formatters() {
  thread_local ThreadFormatters instance;
  return instance;
}

icu::Collator& collator(Language language) {
  auto& slot = formatters().collators[index_of(language)];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(icu::Collator::createInstance(locale_for(language), status));
    check(status, "collator");
  }
  return *slot;
}

}  // namespace

namespace {

std::string format_with(icu::DateFormat& format, Date date) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> calendar(
      icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), status));
  check(status, "calendar");
  calendar->clear();
  calendar->set(date.year, date.month - 1, date.day);
  const auto when = calendar->getTime(status);
  check(status, "date");
  icu::UnicodeString out;
  format.format(when, out);
  return to_utf8(out);
}

}  // namespace

std::string format_date(Date date, Language language) {
  auto& slot = formatters().dates[index_of(language)];
  if (!slot) {
    slot.reset(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, locale_for(language)));
    if (!slot) throw std::runtime_error("ICU date format unavailable");
    slot->setTimeZone(*icu::TimeZone::getGMT());
  }
  return format_with(*slot, date);
}

namespace {

// The zone of this thread's request or command (see clock.hpp), made once per thread and zone;
// an id ICU does not know gives the default zone.
const icu::TimeZone& local_zone() {
  thread_local std::string made_for;
  thread_local std::unique_ptr<icu::TimeZone> zone;
  const auto& wanted = current_time_zone();
  if (!zone || made_for != wanted) {
    zone.reset(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(wanted)));
    if (*zone == icu::TimeZone::getUnknown()) {
      zone.reset(icu::TimeZone::createTimeZone(
          icu::UnicodeString::fromUTF8(std::string(kDefaultTimeZone))));
    }
    made_for = wanted;
  }
  return *zone;
}

// The instant a UTC timestamp ("2026-11-22T13:32:05Z") names, or nothing when the text is not
// such a timestamp.
std::optional<UDate> utc_instant(std::string_view timestamp) {
  const auto number = [&](std::size_t at) {
    return parse_integer(timestamp.substr(at, 2)).value_or(-1);
  };
  if (timestamp.size() < 19 || !validation::is_iso_date(timestamp.substr(0, 10)) ||
      timestamp[10] != 'T' || number(11) < 0 || number(14) < 0 || number(17) < 0) {
    return std::nullopt;
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> calendar(
      icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), status));
  check(status, "calendar");
  calendar->clear();
  calendar->set(static_cast<int>(*parse_integer(timestamp.substr(0, 4))),
                static_cast<int>(*parse_integer(timestamp.substr(5, 2))) - 1,
                static_cast<int>(*parse_integer(timestamp.substr(8, 2))),
                static_cast<int>(number(11)), static_cast<int>(number(14)),
                static_cast<int>(number(17)));
  const auto when = calendar->getTime(status);
  check(status, "time");
  return when;
}

// The day a UTC timestamp ("2026-12-05T23:30:00Z") falls on by the workspace's clock
// (6 December), or nothing when the text is not such a timestamp.
std::optional<Date> local_day(std::string_view timestamp) {
  const auto when = utc_instant(timestamp);
  if (!when) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> local(icu::Calendar::createInstance(local_zone(), status));
  check(status, "calendar");
  local->setTime(*when, status);
  Date day{local->get(UCAL_YEAR, status), local->get(UCAL_MONTH, status) + 1,
           local->get(UCAL_DATE, status)};
  check(status, "local day");
  return day;
}

}  // namespace

std::string format_iso_date(std::string_view iso, Language language) {
  if (iso.size() < 10 || !validation::is_iso_date(iso.substr(0, 10))) return std::string(iso);
  if (const auto day = local_day(iso)) return format_date(*day, language);
  const auto number = [&](std::size_t at, std::size_t length) {
    return static_cast<int>(*parse_integer(iso.substr(at, length)));
  };
  return format_date({number(0, 4), number(5, 2), number(8, 2)}, language);
}

std::string format_month(int year, int month, Language language) {
  auto& slot = formatters().months[index_of(language)];
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(icu::DateFormat::createInstanceForSkeleton(u"MMMMy", locale_for(language), status));
    check(status, "month format");
    slot->setTimeZone(*icu::TimeZone::getGMT());
  }
  return format_with(*slot, Date{year, month, 1});
}

namespace {

// A UTC timestamp on the workspace's clock, in the pattern ICU makes of `skeleton`.
std::string format_on_local_clock(std::string_view timestamp, Language language, ZonedFormat& slot,
                                  const char16_t* skeleton) {
  const auto when = utc_instant(timestamp);
  if (!when) return std::string(timestamp);
  if (!slot.format) {
    UErrorCode status = U_ZERO_ERROR;
    slot.format.reset(
        icu::DateFormat::createInstanceForSkeleton(skeleton, locale_for(language), status));
    check(status, "time format");
  }
  if (slot.zone != current_time_zone()) {
    slot.format->setTimeZone(local_zone());
    slot.zone = current_time_zone();
  }
  icu::UnicodeString out;
  slot.format->format(*when, out);
  return to_utf8(out);
}

}  // namespace

std::string format_iso_time(std::string_view timestamp, Language language) {
  return format_on_local_clock(timestamp, language, formatters().times[index_of(language)], u"Hm");
}

std::string format_iso_timestamp(std::string_view timestamp, Language language) {
  return format_on_local_clock(timestamp, language, formatters().stamps[index_of(language)],
                               u"yMMMdHm");
}

namespace {

enum class NumberStyle { decimal, percent };

std::string format_with(NumberStyle style, double value, int decimals, Language language) {
  auto& slots = style == NumberStyle::decimal ? formatters().numbers : formatters().percents;
  auto& slot = slots[index_of(language)];
  UErrorCode status = U_ZERO_ERROR;
  if (!slot) {
    slot.reset(style == NumberStyle::decimal
                   ? icu::NumberFormat::createInstance(locale_for(language), status)
                   : icu::NumberFormat::createPercentInstance(locale_for(language), status));
    check(status, "number format");
  }
  slot->setMinimumFractionDigits(decimals);
  slot->setMaximumFractionDigits(decimals);
  icu::UnicodeString out;
  slot->format(value, out);
  return to_utf8(out);
}

}  // namespace

std::string format_number(double value, int decimals, Language language) {
  return format_with(NumberStyle::decimal, value, decimals, language);
}

std::string format_percent(double percent, int decimals, Language language) {
  return format_with(NumberStyle::percent, percent / 100.0, decimals, language);
}

bool collate_less(std::string_view a, std::string_view b, Language language) {
  UErrorCode status = U_ZERO_ERROR;
  const auto result = collator(language).compareUTF8(
      icu::StringPiece(a.data(), static_cast<int32_t>(a.size())),
      icu::StringPiece(b.data(), static_cast<int32_t>(b.size())), status);
  check(status, "collation");
  return result == UCOL_LESS;
}

std::string sort_key(std::string_view text, Language language) {
  const auto unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::string key(64, '\0');
  auto* bytes = reinterpret_cast<uint8_t*>(key.data());
  auto length = collator(language).getSortKey(unicode, bytes, static_cast<int32_t>(key.size()));
  if (length > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<std::size_t>(length));
    bytes = reinterpret_cast<uint8_t*>(key.data());
    length = collator(language).getSortKey(unicode, bytes, length);
  }
  key.resize(length > 0 ? static_cast<std::size_t>(length - 1) : 0);  // without its final NUL
  return key;
}

void sort_names(std::vector<std::string>& names, Language language) {
  std::stable_sort(names.begin(), names.end(), [language](const auto& a, const auto& b) {
    return collate_less(a, b, language);
  });
}

}  // namespace samtryg::i18n
