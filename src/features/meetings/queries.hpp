#pragma once
// Reads of meetings as an actor sees them: the one place that decides who reads what. Meetings,
// their agendas, minutes and action items are the members' (viewers — politicians following the
// partnership — read none of them); a decision marked published is readable by viewers too,
// through the decision search.
#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/actor.hpp"
#include "core/db/database.hpp"
#include "core/mail/outbox.hpp"
#include "features/meetings/model.hpp"
#include "features/meetings/store.hpp"

namespace samtryg::meetings {

using auth::Actor;

// Members and up: every meeting of the workspace, earliest first; viewers none.
std::vector<Meeting> meetings(soci::session& sql, const Actor& actor);
// validation::NotFound when not the actor's workspace's or not theirs to read.
Meeting readable_meeting(soci::session& sql, const Actor& actor, long long id);

// A meeting with everything its page shows.
struct MeetingRecord {
  Meeting meeting;
  std::string body;  // the group's name, "" when none
  std::vector<Item> items;
  std::vector<Decision> decisions;
  std::vector<Action> actions;
  // Open actions from the body's earlier meetings: they stay on its agenda until done.
  std::vector<store::OwnedAction> carried;
  std::map<long long, std::string> people;  // user id → name, for owners
  std::vector<long long> invitees;          // the body's members with an account
  std::vector<Approval> approvals;          // the members' approvals of the minutes
  std::optional<Meeting> approving;         // the later meeting that approved them, if one did
  // The invitations sent, newest first, each with where its message stands in the mail queue.
  struct SentInvitation {
    store::Invitation invitation;
    mail::QueuedState state;
  };
  std::vector<SentInvitation> invitations;
};
MeetingRecord meeting_record(soci::session& sql, const Actor& actor, long long id);
MeetingRecord meeting_record(db::Database& database, const Actor& actor, long long id);
const Item& item_in(const MeetingRecord& record, long long id);

// Decisions whose text, agenda item or meeting contains every word of `query` (letters folded
// as ICU folds them: "NYTORV" finds "Nytorv", "ÅBEN" finds "åben"); viewers find published
// ones only. An empty query finds the latest.
std::vector<store::FoundDecision> search_decisions(soci::session& sql, const Actor& actor,
                                                   std::string_view query, std::size_t limit);

// Members and up: the workspace's proposed themes, the newest first; viewers none.
std::vector<Theme> themes(soci::session& sql, const Actor& actor);

// The signed-in person's open action items, by due day.
std::vector<store::OwnedAction> my_open_actions(soci::session& sql, const Actor& actor);

// Who the meeting is for: the body's members with an account (user ids).
std::vector<long long> invitees(soci::session& sql, const Actor& actor, const Meeting& meeting);
// The meetings of the bodies `user_id` is a member of, earliest first: a person's calendar.
std::vector<Meeting> meetings_of_member(soci::session& sql, const Actor& actor, long long user_id);

}  // namespace samtryg::meetings
