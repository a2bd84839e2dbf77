#pragma once
// Every SQL statement of the meetings feature. Functions take a borrowed session, so the caller
// decides the transaction; meetings are looked up within a workspace, their parts through their
// meeting.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "features/meetings/model.hpp"

namespace samtryg::meetings::store {

long long insert_meeting(soci::session& sql, const Meeting& meeting);
void set_series(soci::session& sql, long long id, long long series_id);
void set_approved_at_meeting(soci::session& sql, long long id,
                             std::optional<long long> approving_meeting_id);
void set_invited(soci::session& sql, long long id, int sequence, const std::string& at);
// A member's approval; a second one of the same person keeps the first's time.
void add_approval(soci::session& sql, long long meeting_id, const Approval& approval);
// In the order given.
std::vector<Approval> approvals(soci::session& sql, long long meeting_id);

// An invitation or cancellation queued for a person.
struct Invitation {
  std::optional<long long> user_id;
  std::string recipient;
  std::string method;  // REQUEST, CANCEL
  int sequence = 0;
  std::string queued_at;
  long long mail_message_id = 0;
};
void insert_invitation(soci::session& sql, long long meeting_id, const Invitation& invitation);
// The newest first.
std::vector<Invitation> invitations(soci::session& sql, long long meeting_id);

void insert_figure(soci::session& sql, long long item_id, int position, const Figure& figure);
// A figure of one of the meeting's items.
std::optional<Figure> find_figure(soci::session& sql, long long meeting_id, long long id);
// False when the stored row_version differs.
bool update_meeting(soci::session& sql, const Meeting& meeting);
std::optional<Meeting> find_meeting(soci::session& sql, long long workspace_id, long long id);
// By start, the earliest first.
std::vector<Meeting> meetings(soci::session& sql, long long workspace_id);
// With its items, decisions and actions.
void delete_meeting(soci::session& sql, long long workspace_id, long long id);

long long insert_item(soci::session& sql, const Item& item);
bool update_item(soci::session& sql, const Item& item);
void set_position(soci::session& sql, long long meeting_id, long long item_id, int position);
// In agenda order, with their figures.
std::vector<Item> items(soci::session& sql, long long meeting_id);
// With its decisions; its actions stay with the meeting.
void delete_item(soci::session& sql, long long meeting_id, long long id);

long long insert_decision(soci::session& sql, const Decision& decision);
// In number order.
std::vector<Decision> decisions(soci::session& sql, long long meeting_id);
void delete_decision(soci::session& sql, long long meeting_id, long long id);

// A decision found by a search, with where it was taken.
struct FoundDecision {
  Decision decision;
  std::string meeting_title;
  std::string meeting_starts_at;
  std::string item_title;
  std::optional<long long> group_id;
};
// Every decision of the workspace with where it was taken, the newest meeting first;
// `published_only` for viewers. (A partnership takes hundreds, not millions: the search folds
// case in C++, where ICU knows æ, ø, å and ä, ö.)
std::vector<FoundDecision> workspace_decisions(soci::session& sql, long long workspace_id,
                                               bool published_only);

long long insert_action(soci::session& sql, const Action& action);
// By due day.
std::vector<Action> actions(soci::session& sql, long long meeting_id);
std::optional<Action> find_action(soci::session& sql, long long workspace_id, long long id);
void set_action_status(soci::session& sql, long long id, const std::string& status,
                       const std::string& done_on);
void delete_action(soci::session& sql, long long meeting_id, long long id);
// A person's open actions in the workspace, by due day, with their meeting's title.
struct OwnedAction {
  Action action;
  std::string meeting_title;
};
std::vector<OwnedAction> open_actions_of(soci::session& sql, long long workspace_id,
                                         long long user_id);
// The open actions of the body's meetings that start before `before`, by due day.
std::vector<OwnedAction> open_actions_of_body(soci::session& sql, long long workspace_id,
                                              long long group_id, const std::string& before);

// Every action item of the workspace due first_day..last_day (ISO days), open or done, by due day.
std::vector<OwnedAction> actions_due_between(soci::session& sql, long long workspace_id,
                                             const std::string& first_day,
                                             const std::string& last_day);

// The start of the body's latest meeting (cancelled ones aside) before `before`; "" when none.
// Meetings without a body have no earlier one.
std::string previous_meeting_start(soci::session& sql, long long workspace_id, long long group_id,
                                   const std::string& before);

// Proposed themes (theme_store.cpp), each read with the agenda item that took it up, if one did.
long long insert_theme(soci::session& sql, const Theme& theme);
// The newest first.
std::vector<Theme> themes(soci::session& sql, long long workspace_id);
std::optional<Theme> find_theme(soci::session& sql, long long workspace_id, long long id);
// Declined with its reply and time; false when the stored row_version differs.
bool decline_theme(soci::session& sql, const Theme& theme);
// An imported theme's agenda item names it again.
void set_item_theme(soci::session& sql, long long item_id, long long theme_id);
// Items that took it up no longer name it.
void delete_theme(soci::session& sql, long long workspace_id, long long id);

// The workspace's data_version, which every audited change raises (core/audit): a feed built
// from audited records is unchanged while it is.
long long workspace_version(soci::session& sql, long long workspace_id);

// A person's calendar feed: one token per person and workspace, kept as its hash.
void replace_calendar_token(soci::session& sql, long long workspace_id, long long user_id,
                            const std::string& token_hash, const std::string& now);
void delete_calendar_token(soci::session& sql, long long workspace_id, long long user_id);
bool has_calendar_token(soci::session& sql, long long workspace_id, long long user_id);
struct TokenOwner {
  long long workspace_id = 0;
  long long user_id = 0;
};
std::optional<TokenOwner> calendar_token_owner(soci::session& sql, const std::string& token_hash);

}  // namespace samtryg::meetings::store
