#pragma once
// iCalendar (RFC 5545) for calendar feeds and invitations: meetings, form deadlines, reporting
// periods, safety walks and action due dates. libical builds the components and writes them
// (escaping, CRLF, lines folded at 75 octets without splitting a character); ICU writes the
// time zone's VTIMEZONE with its rules from the earliest event on, under the zone's own id
// ("Europe/Copenhagen"), so clients show local times as the partnership meant them.
#include <optional>
#include <string>
#include <vector>

namespace samtryg::documents {

// Someone an invitation (RFC 5546) is from or to.
struct CalendarPerson {
  std::string name;
  std::string email;
};

struct CalendarEvent {
  // Stable for the life of the thing the event is ("meeting-12@tryg.aalborg.dk"): a client
  // replaces the event it has under that id.
  std::string uid;
  // Raised whenever the time, place or status changes, so clients take the new version.
  int sequence = 0;
  std::string summary;
  std::string description;
  std::string location;
  std::string url;
  // Wall-clock times in the calendar's zone, "2014-01-22T16:00" (seconds optional); or, for an
  // all-day event, days "2014-01-22" with `ends` the last day (inclusive) or empty for one day.
  std::string starts;
  std::string ends;
  bool all_day = false;
  // A recurrence rule as RFC 5545 writes it ("FREQ=MONTHLY;INTERVAL=3;COUNT=4"), or empty.
  std::string rrule;
  // Starts (as `starts` writes them) the rule gives that do not happen: deleted occurrences.
  std::vector<std::string> exdates;
  // For one occurrence of a recurring event told apart from the rule (moved, renamed,
  // cancelled): the start the rule gave it. The event has the recurring event's UID.
  std::string recurrence_id;
  bool cancelled = false;
  // Invitations only: the organiser and the people asked (ATTENDEE, RSVP).
  CalendarPerson organizer;
  std::vector<CalendarPerson> attendees;
  std::string changed;  // UTC "2026-11-22T10:15:03Z": DTSTAMP and LAST-MODIFIED
  std::vector<std::string> categories;
};

struct Calendar {
  std::string name;       // X-WR-CALNAME: what a client calls the subscribed calendar
  std::string time_zone;  // IANA id, e.g. "Europe/Copenhagen"
  // "" for a feed; "REQUEST" for an invitation, "CANCEL" for its cancellation (RFC 5546).
  std::string method;
  std::vector<CalendarEvent> events;
};

// Throws std::invalid_argument naming the event and member when a time, zone or rule cannot be
// read: the callers build events from validated records, so this is a programming error.
std::string icalendar_text(const Calendar& calendar);

}  // namespace samtryg::documents
