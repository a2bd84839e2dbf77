#include "core/documents/icalendar.hpp"

#include <libical/ical.h>
#include <unicode/vtzone.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <stdexcept>

#include "core/util/strings.hpp"

namespace samtryg::documents {

namespace {

constexpr const char* kProductId = "-//samtryg//samtryg//EN";

struct ComponentFree {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

std::invalid_argument bad(const CalendarEvent& event, const std::string& what) {
  return std::invalid_argument("calendar event " + event.uid + ": " + what);
}

// "2014-01-22", "2014-01-22T16:00" or "2014-01-22T16:00:30" as a time with no zone attached (the
// TZID parameter names it); nothing when the text is none of these.
std::optional<icaltimetype> local_time(std::string_view text, bool date_only) {
  const auto number = [&](std::size_t at, std::size_t length) -> std::optional<int> {
    if (text.size() < at + length) return std::nullopt;
    const auto parsed = parse_integer(text.substr(at, length));
    if (!parsed) return std::nullopt;
    return static_cast<int>(*parsed);
  };
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto time = icaltime_null_time();
  const auto year = number(0, 4);
  const auto month = number(5, 2);
  const auto day = number(8, 2);
  if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1 ||
      *day > icaltime_days_in_month(*month, *year)) {
    return std::nullopt;
  }
  time.year = *year;
  time.month = *month;
  time.day = *day;
  if (date_only) {
    if (text.size() != 10) return std::nullopt;
    time.is_date = 1;
    return time;
  }
  if (text.size() != 16 && text.size() != 19) return std::nullopt;
  const auto hour = number(11, 2);
  const auto minute = number(14, 2);
  const auto second = text.size() == 19 ? number(17, 2) : std::optional<int>(0);
  if (text[10] != 'T' || text[13] != ':' || !hour || !minute || !second || *hour > 23 ||
      *minute > 59 || *second > 59) {
    return std::nullopt;
  }
  time.hour = *hour;
  time.minute = *minute;
  time.second = *second;
  return time;
}

icaltimetype utc_time(const CalendarEvent& event) {
  // "2026-11-22T10:15:03Z" → 20261122T101503Z
  std::string compact;
  for (const char c : event.changed) {
    if (c != '-' && c != ':') compact += c;
  }
  if (compact.size() > 16) compact = compact.substr(0, 15) + "Z";  // drop fractions
  const auto time = icaltime_from_string(compact.c_str());
  if (icaltime_is_null_time(time) || !icaltime_is_valid_time(time)) {
    throw bad(event, "changed is no UTC time: " + event.changed);
  }
  return time;
}

void add_time(icalcomponent* component, icalproperty* property, const std::string& zone) {
  if (!zone.empty()) icalproperty_add_parameter(property, icalparameter_new_tzid(zone.c_str()));
  icalcomponent_add_property(component, property);
}

void add_times(icalcomponent* component, const CalendarEvent& event, const std::string& zone) {
  const auto start = local_time(event.starts, event.all_day);
  if (!start) throw bad(event, "starts is no time: " + event.starts);
  if (event.all_day) {
    auto last = event.ends.empty() ? start : local_time(event.ends, true);
    if (!last) throw bad(event, "ends is no day: " + event.ends);
    auto end = *last;
    icaltime_adjust(&end, 1, 0, 0, 0);  // DTEND of a day is exclusive
    icalcomponent_add_property(component, icalproperty_new_dtstart(*start));
    icalcomponent_add_property(component, icalproperty_new_dtend(end));
    return;
  }
  add_time(component, icalproperty_new_dtstart(*start), zone);
  if (!event.ends.empty()) {
    const auto end = local_time(event.ends, false);
    if (!end) throw bad(event, "ends is no time: " + event.ends);
    if (icaltime_compare(*end, *start) < 0) throw bad(event, "ends before it starts");
    add_time(component, icalproperty_new_dtend(*end), zone);
  }
}

void add_text(icalcomponent* component, icalproperty* (*make)(const char*),
              const std::string& value) {
  if (!value.empty()) icalcomponent_add_property(component, make(value.c_str()));
}

void add_people(icalcomponent* vevent, const CalendarEvent& event) {
  if (!event.organizer.email.empty()) {
    auto* organizer = icalproperty_new_organizer(("mailto:" + event.organizer.email).c_str());
    if (!event.organizer.name.empty()) {
      icalproperty_add_parameter(organizer, icalparameter_new_cn(event.organizer.name.c_str()));
    }
    icalcomponent_add_property(vevent, organizer);
  }
  for (const auto& person : event.attendees) {
    auto* attendee = icalproperty_new_attendee(("mailto:" + person.email).c_str());
    if (!person.name.empty()) {
      icalproperty_add_parameter(attendee, icalparameter_new_cn(person.name.c_str()));
    }
    icalproperty_add_parameter(attendee, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
    icalproperty_add_parameter(attendee, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
    icalproperty_add_parameter(attendee, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
    icalcomponent_add_property(vevent, attendee);
  }
}

Component event_component(const CalendarEvent& event, const std::string& zone) {
  Component component(icalcomponent_new(ICAL_VEVENT_COMPONENT));
  auto* vevent = component.get();
  icalcomponent_add_property(vevent, icalproperty_new_uid(event.uid.c_str()));
  const auto changed = utc_time(event);
  icalcomponent_add_property(vevent, icalproperty_new_dtstamp(changed));
  icalcomponent_add_property(vevent, icalproperty_new_lastmodified(changed));
  icalcomponent_add_property(vevent, icalproperty_new_sequence(event.sequence));
  add_text(vevent, icalproperty_new_summary, event.summary);
  add_text(vevent, icalproperty_new_description, event.description);
  add_text(vevent, icalproperty_new_location, event.location);
  add_text(vevent, icalproperty_new_url, event.url);
  add_times(vevent, event, zone);
  if (!event.rrule.empty()) {
    const auto rule = icalrecurrencetype_from_string(event.rrule.c_str());
    if (rule.freq == ICAL_NO_RECURRENCE) throw bad(event, "no recurrence rule: " + event.rrule);
    icalcomponent_add_property(vevent, icalproperty_new_rrule(rule));
  }
  for (const auto& exdate : event.exdates) {
    const auto time = local_time(exdate, event.all_day);
    if (!time) throw bad(event, "exdate is no time: " + exdate);
    add_time(vevent, icalproperty_new_exdate(*time), event.all_day ? std::string() : zone);
  }
  if (!event.recurrence_id.empty()) {
    const auto time = local_time(event.recurrence_id, event.all_day);
    if (!time) throw bad(event, "recurrence_id is no time: " + event.recurrence_id);
    add_time(vevent, icalproperty_new_recurrenceid(*time), event.all_day ? std::string() : zone);
  }
  add_people(vevent, event);
  icalcomponent_add_property(
      vevent,
      icalproperty_new_status(event.cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
  for (const auto& category : event.categories) {
    icalcomponent_add_property(vevent, icalproperty_new_categories(category.c_str()));
  }
  return component;
}

// Milliseconds since 1970 at the start of the day `time` falls on (UTC), for ICU.
double day_start_millis(const icaltimetype& time) {
  // Days from civil (Howard Hinnant's algorithm).
  const int year = time.year - (time.month <= 2 ? 1 : 0);
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int year_of_era = year - era * 400;
  const int month = time.month;
  const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + time.day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  const long long days = static_cast<long long>(era) * 146097 + day_of_era - 719468;
  return static_cast<double>(days) * 86'400'000.0;
}

// The zone's VTIMEZONE with the rules in force around `from` and after, as ICU writes it.
Component timezone_component(const std::string& zone, const icaltimetype& from) {
  std::unique_ptr<icu::VTimeZone> vtimezone(
      icu::VTimeZone::createVTimeZoneByID(icu::UnicodeString::fromUTF8(zone)));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString written;
  // From a year before the earliest event, so the event falls after an onset of the rules
  // (a time before every onset has no defined offset).
  constexpr double kYearAndADay = 367 * 86'400'000.0;
  if (vtimezone) vtimezone->write(day_start_millis(from) - kYearAndADay, written, status);
  std::string text;
  written.toUTF8String(text);
  if (!vtimezone || U_FAILURE(status) || text.find("TZID:" + zone) == std::string::npos) {
    throw std::invalid_argument("calendar: unknown time zone " + zone);
  }
  Component component(icalparser_parse_string(text.c_str()));
  if (!component) throw std::invalid_argument("calendar: unreadable VTIMEZONE for " + zone);
  return component;
}

void add_calendar_properties(icalcomponent* calendar, const Calendar& about) {
  icalcomponent_add_property(calendar, icalproperty_new_version("2.0"));
  icalcomponent_add_property(calendar, icalproperty_new_prodid(kProductId));
  icalcomponent_add_property(calendar, icalproperty_new_calscale("GREGORIAN"));
  if (about.method == "REQUEST") {
    icalcomponent_add_property(calendar, icalproperty_new_method(ICAL_METHOD_REQUEST));
  } else if (about.method == "CANCEL") {
    icalcomponent_add_property(calendar, icalproperty_new_method(ICAL_METHOD_CANCEL));
  }
  const auto add_x = [&](const char* name, const std::string& value) {
    if (value.empty()) return;
    auto* property = icalproperty_new_x(value.c_str());
    icalproperty_set_x_name(property, name);
    icalcomponent_add_property(calendar, property);
  };
  add_x("X-WR-CALNAME", about.name);
  add_x("X-WR-TIMEZONE", about.time_zone);
}

}  // namespace

std::string icalendar_text(const Calendar& calendar) {
  Component root(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
  add_calendar_properties(root.get(), calendar);
  // The zone is written once, with its rules from the earliest timed event on.
  std::optional<icaltimetype> earliest;
  for (const auto& event : calendar.events) {
    if (event.all_day) continue;
    if (const auto start = local_time(event.starts, false)) {
      if (!earliest || icaltime_compare(*start, *earliest) < 0) earliest = start;
    }
  }
  const bool zoned = earliest.has_value() && !calendar.time_zone.empty();
  if (zoned) {
    icalcomponent_add_component(root.get(),
                                timezone_component(calendar.time_zone, *earliest).release());
  }
  for (const auto& event : calendar.events) {
    icalcomponent_add_component(
        root.get(), event_component(event, zoned ? calendar.time_zone : std::string()).release());
  }
  char* written = icalcomponent_as_ical_string_r(root.get());
  std::string text(written);
  std::free(written);  // NOLINT(cppcoreguidelines-no-malloc): libical allocates with malloc
  return text;
}

}  // namespace samtryg::documents
