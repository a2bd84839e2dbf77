#pragma once
// Use cases of meetings, shared by the pages, the JSON API and the demo: check rights → validate
// everything → one transaction (store + audit). Failures: validation::Invalid (field errors),
// NotFound, Forbidden, Conflict.
//
// Coordinators and admins plan meetings, write agendas and minutes and record decisions and
// action items; the owner of an action item marks it done.
#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "core/mail/outbox.hpp"
#include "features/meetings/queries.hpp"

namespace samtryg::meetings {

// With `repeat_months` > 0, `count` meetings (at most kMaxSeries) that many months apart, as
// one series (each its own meeting, so each can move or be cancelled alone). Returns the first.
long long create_meeting(db::Database& database, const Actor& actor, Meeting meeting,
                         int repeat_months = 0, int count = 1);
// A change to time, place, title or status raises the meeting's calendar SEQUENCE.
void update_meeting(db::Database& database, const Actor& actor, Meeting meeting);
// With its agenda, minutes, decisions and action items.
void delete_meeting(db::Database& database, const Actor& actor, long long id);

long long add_item(db::Database& database, const Actor& actor, long long meeting_id, Item item);
// Several at once at the end of the agenda, in their order: all or none. An item taking up a
// proposed theme must take one of the meeting's body that is open for this meeting.
void add_items(db::Database& database, const Actor& actor, long long meeting_id,
               std::vector<Item> items);
// The item's title, description and minutes (row_version checked).
void update_item(db::Database& database, const Actor& actor, long long meeting_id, Item item);
// One place up (`up`) or down the agenda; at either end nothing changes.
void move_item(db::Database& database, const Actor& actor, long long meeting_id, long long item_id,
               bool up);
// With its decisions; its action items stay with the meeting.
void delete_item(db::Database& database, const Actor& actor, long long meeting_id,
                 long long item_id);

// Numbered after the meeting's last decision.
long long add_decision(db::Database& database, const Actor& actor, long long meeting_id,
                       Decision decision);
void delete_decision(db::Database& database, const Actor& actor, long long meeting_id,
                     long long decision_id);

// The owner must be a person of the workspace.
long long add_action(db::Database& database, const Actor& actor, long long meeting_id,
                     Action action);
// The owner or a coordinator: open ↔ done (done on `today`).
void set_action_done(db::Database& database, const Actor& actor, long long action_id, bool done,
                     const std::string& today);
void delete_action(db::Database& database, const Actor& actor, long long meeting_id,
                   long long action_id);

// The signed-in person approves the minutes: one of the body's members (anyone who reads
// meetings, for a meeting of no body), once the meeting has begun (`local_now`, the workspace's
// wall clock) and unless it was cancelled. A second approval keeps the first one's time.
void approve_minutes(db::Database& database, const Actor& actor, long long meeting_id,
                     const std::string& local_now);
// Coordinators: the minutes approved at a later meeting of the same body, or no longer
// (`approving_meeting_id` empty).
void set_minutes_approved_at(db::Database& database, const Actor& actor, long long meeting_id,
                             std::optional<long long> approving_meeting_id);

// One queued invitation (or cancellation) for one person.
struct InvitationMail {
  std::optional<long long> user_id;
  mail::Outgoing message;
};
// Coordinators: queues the messages (all or none) and records that the meeting's version
// `sequence` went out, as `method` (REQUEST or CANCEL). validation::Conflict when the meeting
// changed after the messages were written; Invalid (field `invitees`) when nobody can get one.
void send_invitations(db::Database& database, const Actor& actor, long long meeting_id,
                      int sequence, const std::string& method,
                      const std::vector<InvitationMail>& mails);

// Proposed themes (theme_commands.cpp). Members and up propose one for a body of the workspace,
// for one of its meetings not yet held and not cancelled (or, with no meeting, for its next);
// they are its proposer.
long long propose_theme(db::Database& database, const Actor& actor, Theme theme,
                        const std::string& local_now);
// Coordinators: declined with a reply (row_version checked); one on an agenda or answered
// already cannot be.
void decline_theme(db::Database& database, const Actor& actor, long long theme_id,
                   const std::string& reply, long long row_version);
// The proposer or a coordinator, while it waits (Conflict once on an agenda or answered): it
// goes.
void withdraw_theme(db::Database& database, const Actor& actor, long long theme_id);

// A new secret address for the person's calendar feed; the old one stops working. Returns the
// token, shown once; only its hash is kept.
std::string new_calendar_token(db::Database& database, const Actor& actor);
void revoke_calendar_token(db::Database& database, const Actor& actor);

}  // namespace samtryg::meetings
