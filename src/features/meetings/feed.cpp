#include "features/meetings/feed.hpp"

#include "core/documents/icalendar.hpp"

namespace samtryg::meetings {

namespace {

std::string uid(std::string_view kind, long long id, long long workspace_id) {
  return std::string(kind) + "-" + std::to_string(id) + ".w" + std::to_string(workspace_id) +
         "@samtryg";
}

documents::CalendarEvent meeting_event(const Meeting& meeting, const std::string& body,
                                       const std::string& base_url) {
  documents::CalendarEvent event;
  event.uid = uid("meeting", meeting.id, meeting.workspace_id);
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

}  // namespace

std::string feed_text(const FeedContent& content) {
  documents::Calendar calendar;
  calendar.name = content.name;
  calendar.time_zone = content.time_zone;
  for (const auto& meeting : content.meetings) {
    std::string body;
    if (meeting.group_id) {
      const auto found = content.bodies.find(*meeting.group_id);
      if (found != content.bodies.end()) body = found->second;
    }
    calendar.events.push_back(meeting_event(meeting, body, content.base_url));
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
