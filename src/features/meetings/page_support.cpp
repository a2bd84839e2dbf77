#include "features/meetings/page_support.hpp"

#include <fmt/format.h>
#include <unicode/calendar.h>
#include <unicode/timezone.h>

#include <memory>

#include "core/auth/store.hpp"
#include "core/demo/marks.hpp"
#include "core/i18n/clock.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/time.hpp"
#include "core/web/form_page.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::meetings {

std::string notice_text(const Context& context) {
  return web::notice_text(
      context,
      {"notice_saved", "notice_created", "notice_deleted", "notice_meeting_item_added",
       "notice_meeting_decision_added", "notice_meeting_action_added", "notice_meeting_action_done",
       "notice_meeting_suggestions_added", "notice_meeting_approved", "notice_meeting_invited",
       "notice_calendar_closed", "notice_meeting_cancel_sent", "notice_meeting_theme_proposed",
       "notice_meeting_theme_declined", "notice_meeting_theme_withdrawn"});
}

std::string local_now() {
  const std::unique_ptr<icu::TimeZone> zone(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(i18n::current_time_zone())));
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<icu::Calendar> calendar(icu::Calendar::createInstance(*zone, status));
  if (U_FAILURE(status)) return now_iso_utc().substr(0, 16);
  const auto field = [&](UCalendarDateFields which) { return calendar->get(which, status); };
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}", field(UCAL_YEAR), field(UCAL_MONTH) + 1,
                     field(UCAL_DATE), field(UCAL_HOUR_OF_DAY), field(UCAL_MINUTE));
}

std::string meeting_example_note(const Context& context, soci::session& sql, long long meeting_id) {
  return demo::example_note(
      context.catalog(), "meeting_",
      demo::marks_of(sql, context.actor().workspace_id, "meeting", meeting_id));
}

std::string meeting_path(long long id) {
  return "/meetings/" + std::to_string(id);
}

std::string when_text(const Context& context, const Meeting& meeting) {
  const auto day = i18n::format_iso_date(meeting.starts_at.substr(0, 10), context.language);
  const auto from = meeting.starts_at.substr(11, 5);
  const auto to = meeting.ends_at.substr(11, 5);
  if (meeting.ends_at.substr(0, 10) != meeting.starts_at.substr(0, 10)) {
    return day + " " + from + " – " +
           i18n::format_iso_date(meeting.ends_at.substr(0, 10), context.language) + " " + to;
  }
  return context.catalog().format("meeting_when", {{"day", day}, {"from", from}, {"to", to}});
}

std::vector<web::Option> body_options(const Context& context, soci::session& sql) {
  std::vector<web::Option> options{{"", context.text("choice_none")}};
  for (const auto& group : strategy::groups(sql, context.actor())) {
    options.push_back({std::to_string(group.id), group.name});
  }
  return options;
}

std::vector<web::Option> people_options(const Context& context, soci::session& sql) {
  std::vector<web::Option> options{{"", context.text("meeting_action_choose_owner")}};
  auto people = strategy::people(sql, context.actor());
  i18n::sort_by_name(people, context.language, [](const auto& person) { return person.name; });
  for (const auto& person : people) {
    // Readers (politicians following the partnership) see no meetings, nor their action items.
    if (auth::role_in(sql, context.actor().workspace_id, person.id) == auth::Role::viewer) continue;
    options.push_back({std::to_string(person.id), person.name});
  }
  return options;
}

}  // namespace samtryg::meetings
