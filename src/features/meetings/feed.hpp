#pragma once
// Meetings, action due days and the other features' dated entries (form deadlines, reporting
// periods, walks) as iCalendar (core/documents/icalendar): every meeting an event with a stable
// UID (its id and workspace), its SEQUENCE raised on each change that matters, cancelled ones
// kept as STATUS:CANCELLED so clients remove them; an action item or a dated entry an all-day
// event. No I/O.
#include <map>
#include <string>
#include <vector>

#include "core/documents/icalendar.hpp"
#include "features/meetings/dated_sources.hpp"
#include "features/meetings/model.hpp"
#include "features/meetings/store.hpp"

namespace samtryg::meetings {

struct FeedContent {
  long long workspace_id = 0;
  std::string name;       // what a client calls the calendar
  std::string time_zone;  // the workspace's
  std::vector<Meeting> meetings;
  std::map<long long, std::string> bodies;  // group id → name, for the description
  std::vector<store::OwnedAction> actions;  // personal feeds: the person's open actions
  std::vector<DatedEntry> dated;            // deadlines, reporting periods, walks (DatedSources)
  std::string base_url;                     // for links back to samtryg; may be empty
  std::string action_prefix;                // "Opgave: ", in the reader's language
};

std::string feed_text(const FeedContent& content);

// The invitation to one meeting (RFC 5546 METHOD:REQUEST), or its cancellation (METHOD:CANCEL,
// when the meeting is cancelled), under the same UID as in the feeds, from `organizer` to
// `attendees`.
struct InvitationContent {
  Meeting meeting;
  std::string body;  // the group's name, may be empty
  std::string time_zone;
  std::string base_url;
  documents::CalendarPerson organizer;
  std::vector<documents::CalendarPerson> attendees;
};
std::string invitation_text(const InvitationContent& content);

}  // namespace samtryg::meetings
