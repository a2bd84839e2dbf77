#include "features/meetings/feed.hpp"

#include <algorithm>
#include <map>

#include "core/documents/icalendar.hpp"

namespace samtryg::meetings {

namespace {

std::string uid(std::string_view kind, long long id, long long workspace_id) {
  return std::string(kind) + "-" + std::to_string(id) + ".w" + std::to_string(workspace_id) +
         "@samtryg";
}

// A meeting of a series with a kept rule is one occurrence of the series' recurring event: the
// series' UID with the start the rule gave it. Calendars (and invitations) know it so.
documents::CalendarEvent meeting_event(const Meeting& meeting, const std::string& body,
                                       const std::string& base_url) {
  documents::CalendarEvent event;
  if (has_series_rule(meeting)) {
    event.uid = uid("series", *meeting.series_id, meeting.workspace_id);
    event.recurrence_id = meeting.occurrence_at;
  } else {
    event.uid = uid("meeting", meeting.id, meeting.workspace_id);
  }
  event.sequence = meeting.sequence;
  event.summary = meeting.title;
  event.description = body;
  if (!meeting.video_url.empty()) {
    event.description += (event.description.empty() ? "" : "\n") + meeting.video_url;
  }
  event.location = meeting.place.empty() ? meeting.video_url : meeting.place;
  if (!base_url.empty()) event.url = base_url + "/meetings/" + std::to_string(meeting.id);
  event.starts = meeting.starts_at;
  event.ends = meeting.ends_at;
  event.cancelled = meeting.status == "cancelled";
  event.changed = meeting.updated_at;
  event.categories = {"meeting"};
  return event;
}

documents::CalendarEvent action_event(const FeedContent& content, const store::OwnedAction& owned) {
  documents::CalendarEvent event;
  event.uid = uid("action", owned.action.id, content.workspace_id);
  event.summary = content.action_prefix + owned.action.title;
  event.description = owned.meeting_title;
  if (!content.base_url.empty()) {
    event.url = content.base_url + "/meetings/" + std::to_string(owned.action.meeting_id);
  }
  event.starts = owned.action.due_on;
  event.all_day = true;
  event.changed = owned.action.updated_at;
  event.categories = {"action"};
  return event;
}

documents::CalendarEvent dated_event(const FeedContent& content, const DatedEntry& entry) {
  documents::CalendarEvent event;
  event.uid = entry.key + ".w" + std::to_string(content.workspace_id) + "@samtryg";
  event.summary = entry.title;
  if (!content.base_url.empty()) event.url = content.base_url + entry.path;
  event.starts = entry.first_day;
  if (entry.last_day != entry.first_day) event.ends = entry.last_day;
  event.all_day = true;
  // A source without a change time (none recorded) still gives a valid DTSTAMP.
  event.changed = entry.changed.empty() ? std::string("2000-01-01T00:00:00Z") : entry.changed;
  event.categories = {entry.kind};
  return event;
}

// The series' recurring event: the rule from its planned start, as long as its first planned
// meeting lasted; occurrences whose meeting was deleted are excluded (EXDATE). Each meeting then
// follows as its own occurrence (RECURRENCE-ID), so a moved, renamed or cancelled one reads
// as it is.
documents::CalendarEvent series_event(const std::vector<const Meeting*>& series,
                                      const std::string& body, const std::string& base_url) {
  const auto& first = **std::min_element(series.begin(), series.end(), [](auto* a, auto* b) {
    return a->occurrence_at < b->occurrence_at;
  });
  auto event = meeting_event(first, body, base_url);
  event.recurrence_id.clear();
  event.url.clear();
  event.cancelled = false;
  event.starts = first.series_start;
  // The planned day's end at the first meeting's closing time (a meeting over several days
  // keeps no end here: each occurrence says its own).
  const bool one_day = first.starts_at.substr(0, 10) == first.ends_at.substr(0, 10);
  event.ends = one_day ? first.series_start.substr(0, 11) + first.ends_at.substr(11) : "";
  if (!event.ends.empty() && event.ends < event.starts) event.ends = event.starts;
  event.rrule = series_rule(first);
  int sequence = 0;
  std::string changed = first.updated_at;
  for (const auto* meeting : series) {
    sequence = std::max(sequence, meeting->sequence);
    changed = std::max(changed, meeting->updated_at);
  }
  event.sequence = sequence;
  event.changed = changed;
  for (const auto& start : series_occurrences(first)) {
    const bool held = std::any_of(series.begin(), series.end(), [&](const Meeting* meeting) {
      return meeting->occurrence_at == start;
    });
    if (!held) event.exdates.push_back(start);
  }
  return event;
}

}  // namespace

std::string feed_text(const FeedContent& content) {
  documents::Calendar calendar;
  calendar.name = content.name;
  calendar.time_zone = content.time_zone;
  const auto body_of = [&](const Meeting& meeting) {
    if (!meeting.group_id) return std::string();
    const auto found = content.bodies.find(*meeting.group_id);
    return found == content.bodies.end() ? std::string() : found->second;
  };
  std::map<long long, std::vector<const Meeting*>> series;
  for (const auto& meeting : content.meetings) {
    if (has_series_rule(meeting)) series[*meeting.series_id].push_back(&meeting);
  }
  for (const auto& [id, members] : series) {
    calendar.events.push_back(series_event(members, body_of(*members.front()), content.base_url));
  }
  for (const auto& meeting : content.meetings) {
    calendar.events.push_back(meeting_event(meeting, body_of(meeting), content.base_url));
  }
  for (const auto& owned : content.actions) calendar.events.push_back(action_event(content, owned));
  for (const auto& entry : content.dated) calendar.events.push_back(dated_event(content, entry));
  return documents::icalendar_text(calendar);
}

std::string invitation_text(const InvitationContent& content) {
  documents::Calendar calendar;
  calendar.name = content.meeting.title;
  calendar.time_zone = content.time_zone;
  const bool cancelled = content.meeting.status == "cancelled";
  calendar.method = cancelled ? "CANCEL" : "REQUEST";
  auto event = meeting_event(content.meeting, content.body, content.base_url);
  event.organizer = content.organizer;
  event.attendees = content.attendees;
  calendar.events.push_back(std::move(event));
  return documents::icalendar_text(calendar);
}

}  // namespace samtryg::meetings
