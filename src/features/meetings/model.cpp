#include "features/meetings/model.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "core/util/strings.hpp"
#include "core/validation/fields.hpp"

namespace samtryg::meetings {

using validation::Errors;

namespace {

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

std::optional<int> number_at(std::string_view text, std::size_t at, std::size_t length) {
  if (text.size() < at + length) return std::nullopt;
  const auto value = parse_integer(text.substr(at, length));
  if (!value) return std::nullopt;
  return static_cast<int>(*value);
}

bool is_web_address(std::string_view text) {
  return text.starts_with("https://") || text.starts_with("http://");
}

}  // namespace

bool is_local_time(std::string_view text) {
  if (text.size() != 16 && text.size() != 19) return false;
  if (!validation::is_iso_date(text.substr(0, 10)) || text[10] != 'T' || text[13] != ':') {
    return false;
  }
  const auto hour = number_at(text, 11, 2);
  const auto minute = number_at(text, 14, 2);
  const auto second = text.size() == 19 ? number_at(text, 17, 2) : std::optional<int>(0);
  if (text.size() == 19 && text[16] != ':') return false;
  return hour && minute && second && *hour <= 23 && *minute <= 59 && *second <= 59;
}

Errors validate_meeting(const Meeting& meeting) {
  Errors errors;
  validation::require(errors, "title", meeting.title, kMaxTitle);
  if (!is_local_time(meeting.starts_at)) errors.add("starts_at", "meeting_time_invalid");
  if (!is_local_time(meeting.ends_at)) {
    errors.add("ends_at", "meeting_time_invalid");
  } else if (is_local_time(meeting.starts_at) && meeting.ends_at <= meeting.starts_at) {
    // Same format and zone: the texts compare as the times do.
    errors.add("ends_at", "meeting_ends_before_start");
  }
  validation::limit(errors, "place", meeting.place, kMaxTitle);
  validation::limit(errors, "video_url", meeting.video_url, 500);
  if (!meeting.video_url.empty() && !is_web_address(meeting.video_url)) {
    errors.add("video_url", "meeting_video_url_invalid");
  }
  validation::choice(errors, "status", meeting.status, kStatuses);
  return errors;
}

Errors validate_item(const Item& item) {
  Errors errors;
  validation::require(errors, "title", item.title, kMaxTitle);
  validation::limit(errors, "description", item.description, kMaxText);
  validation::limit(errors, "minutes", item.minutes, kMaxMinutes);
  for (const auto& figure : item.figures) {
    if (!is_figure(figure)) errors.add("figures", "meeting_figure_invalid");
  }
  return errors;
}

Errors validate_theme(const Theme& theme) {
  Errors errors;
  validation::require(errors, "title", theme.title, kMaxTitle);
  validation::limit(errors, "reason", theme.reason, kMaxText);
  validation::limit(errors, "reply", theme.reply, kMaxText);
  return errors;
}

std::string_view theme_status(const Theme& theme) {
  if (theme.item_id) return "on_agenda";
  if (!theme.declined_at.empty()) return "declined";
  return "proposed";
}

bool is_open_for(const Theme& theme, long long meeting_id, std::optional<long long> group_id,
                 std::string_view meeting_day) {
  if (theme_status(theme) != "proposed" || !group_id || theme.group_id != group_id) return false;
  if (theme.meeting_id) return *theme.meeting_id == meeting_id;
  return meeting_day >= std::string_view(theme.created_at).substr(0, 10);
}

Errors validate_decision(const Decision& decision) {
  Errors errors;
  validation::require(errors, "text", decision.text, kMaxText);
  return errors;
}

Errors validate_action(const Action& action) {
  Errors errors;
  validation::require(errors, "title", action.title, 500);
  if (action.owner_user_id <= 0) errors.add("owner_user_id", "meeting_action_needs_owner");
  if (action.due_on.empty()) {
    errors.add("due_on", "field_required");
  } else {
    validation::optional_date(errors, "due_on", action.due_on);
  }
  validation::choice(errors, "status", action.status, kActionStatuses);
  if (!action.done_on.empty()) validation::optional_date(errors, "done_on", action.done_on);
  return errors;
}

std::optional<Meeting> shifted(const Meeting& meeting, int months) {
  if (!is_local_time(meeting.starts_at) || !is_local_time(meeting.ends_at)) return std::nullopt;
  const auto shift = [months](const std::string& time) {
    const int year = *number_at(time, 0, 4);
    const int month = *number_at(time, 5, 2);
    const int day = *number_at(time, 8, 2);
    const int index = (year * 12 + month - 1) + months;
    const int new_year = index / 12;
    const int new_month = index % 12 + 1;
    const int new_day = std::min(day, days_in_month(new_year, new_month));
    return fmt::format("{:04}-{:02}-{:02}{}", new_year, new_month, new_day, time.substr(10));
  };
  Meeting out = meeting;
  out.starts_at = shift(meeting.starts_at);
  out.ends_at = shift(meeting.ends_at);
  return out;
}

bool has_series_rule(const Meeting& meeting) {
  if (!meeting.series_id || meeting.series_months <= 0 || meeting.series_count <= 0 ||
      !is_local_time(meeting.series_start) || !is_local_time(meeting.occurrence_at)) {
    return false;
  }
  // The 29th and 30th become the month's last day in shorter months; only BYSETPOS could say
  // so, and calendar programs read it differently: such a series stays separate events.
  const int day = number_at(meeting.series_start, 8, 2).value_or(1);
  return day <= 28 || day == 31;
}

std::string series_rule(const Meeting& meeting) {
  auto rule =
      fmt::format("FREQ=MONTHLY;INTERVAL={};COUNT={}", meeting.series_months, meeting.series_count);
  // The 31st: the month's last day, which is where `shifted` puts it in shorter months.
  if (number_at(meeting.series_start, 8, 2) == 31) rule += ";BYMONTHDAY=-1";
  return rule;
}

std::vector<std::string> series_occurrences(const Meeting& meeting) {
  std::vector<std::string> out;
  Meeting first = meeting;
  first.starts_at = meeting.series_start;
  first.ends_at = meeting.series_start;
  for (int index = 0; index < meeting.series_count; ++index) {
    const auto next = shifted(first, index * meeting.series_months);
    if (!next) break;
    out.push_back(next->starts_at);
  }
  return out;
}

bool is_overdue(const Action& action, std::string_view today) {
  return action.status == "open" && !action.due_on.empty() && action.due_on < today;
}

int next_number(const std::vector<Decision>& decisions) {
  int last = 0;
  for (const auto& decision : decisions) last = std::max(last, decision.number);
  return last + 1;
}

int next_position(const std::vector<Item>& items) {
  int last = 0;
  for (const auto& item : items) last = std::max(last, item.position);
  return last + 1;
}

bool changes_calendar(const Meeting& before, const Meeting& after) {
  return before.starts_at != after.starts_at || before.ends_at != after.ends_at ||
         before.place != after.place || before.video_url != after.video_url ||
         before.status != after.status || before.title != after.title;
}

bool needs_invitation(const Meeting& meeting) {
  return meeting.invited_sequence < meeting.sequence;
}

bool is_figure(const Figure& figure) {
  if (figure.svg.size() > kMaxFigureBytes) return false;
  const auto start = figure.svg.find("<svg");
  return start != std::string::npos && figure.svg.find("</svg>", start) != std::string::npos;
}

}  // namespace samtryg::meetings
