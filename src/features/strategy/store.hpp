#pragma once
// Every SQL statement of the strategy register. Functions take a borrowed session, so the
// command decides the transaction; every lookup is scoped to a workspace, so a record of
// another workspace is simply not found.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "features/strategy/lists.hpp"
#include "features/strategy/model.hpp"

namespace samtryg::strategy::store {

using strategy::ActivityFilter;
using strategy::InitiativeFilter;
using strategy::InitiativeRow;
using strategy::Person;
using strategy::SearchHit;

// ---- channels ----
long long insert_channel(soci::session& sql, const Channel& channel);
// By name in the workspace's language.
std::vector<Channel> channels(soci::session& sql, long long workspace_id);

// ---- parties ----
long long insert_party(soci::session& sql, const Party& party);
std::vector<Party> parties(soci::session& sql, long long workspace_id);

// ---- plans ----
long long insert_plan(soci::session& sql, const Plan& plan);
// False when the stored row_version differs from plan.row_version (someone saved first).
bool update_plan(soci::session& sql, const Plan& plan);
std::optional<Plan> find_plan(soci::session& sql, long long workspace_id, long long id);
std::vector<Plan> plans(soci::session& sql, long long workspace_id);
bool plan_name_taken(soci::session& sql, long long workspace_id, const std::string& name,
                     int version, long long except_id);

long long insert_focus_area(soci::session& sql, const FocusArea& area);
std::vector<FocusArea> focus_areas(soci::session& sql, long long plan_id);
void set_focus_area_parent(soci::session& sql, long long id, std::optional<long long> parent);
void set_plan_links(soci::session& sql, long long id, std::optional<long long> parent,
                    std::optional<long long> previous_version);
std::optional<FocusArea> find_focus_area(soci::session& sql, long long workspace_id, long long id);

// ---- initiatives ----

long long insert_initiative(soci::session& sql, const Initiative& initiative);
bool update_initiative(soci::session& sql, const Initiative& initiative);
void set_initiative_parent(soci::session& sql, long long id, std::optional<long long> parent);
std::optional<Initiative> find_initiative(soci::session& sql, long long workspace_id, long long id);
std::vector<InitiativeRow> initiatives(soci::session& sql, const InitiativeFilter& filter);
int count_initiatives(soci::session& sql, const InitiativeFilter& filter);
bool initiative_name_taken(soci::session& sql, long long plan_id,
                           std::optional<long long> parent_id, const std::string& name,
                           long long except_id);

// Following an initiative (or no longer), for the person's start page.
void set_follower(soci::session& sql, long long initiative_id, long long user_id, bool follows,
                  const std::string& now);
bool is_follower(soci::session& sql, long long initiative_id, long long user_id);
// The followers' user ids, in id order.
std::vector<long long> followers(soci::session& sql, long long initiative_id);

long long insert_status_change(soci::session& sql, const StatusChange& change);
std::vector<StatusChange> status_changes(soci::session& sql, long long initiative_id);
// The workspace's status changes dated after `since` ("" for from the start) up to `until`
// (ISO days), by date, each with its initiative's name.
struct NamedStatusChange {
  StatusChange change;
  std::string initiative_name;
};
std::vector<NamedStatusChange> status_changes_between(soci::session& sql, long long workspace_id,
                                                      const std::string& since,
                                                      const std::string& until);

// ---- activities ----

long long insert_activity(soci::session& sql, const Activity& activity);
// Many at once (import): a few multi-row INSERTs instead of one round trip per activity.
// Returns the new ids in the order of `activities`.
std::vector<long long> insert_activities(soci::session& sql,
                                         const std::vector<Activity>& activities);
bool update_activity(soci::session& sql, const Activity& activity);
std::optional<Activity> find_activity(soci::session& sql, long long workspace_id, long long id);
std::vector<Activity> activities(soci::session& sql, const ActivityFilter& filter);
int count_activities(soci::session& sql, const ActivityFilter& filter);

// ---- groups ----
long long insert_group(soci::session& sql, const Group& group);
std::vector<Group> groups(soci::session& sql, long long workspace_id);
std::optional<Group> find_group(soci::session& sql, long long workspace_id, long long id);
long long insert_group_member(soci::session& sql, const GroupMember& member);
std::vector<GroupMember> group_members(soci::session& sql, long long group_id);

// ---- documents ----
long long insert_document(soci::session& sql, const Document& document);
// Without content: for lists.
std::vector<Document> documents(soci::session& sql, long long workspace_id,
                                std::optional<long long> plan_id,
                                std::optional<long long> initiative_id);
// Every document of the workspace with its content, oldest first (export).
std::vector<Document> all_documents(soci::session& sql, long long workspace_id);
std::optional<Document> find_document(soci::session& sql, long long workspace_id, long long id);
void delete_document(soci::session& sql, long long workspace_id, long long id);

// ---- users of a workspace, for lead pickers and checks ----
std::vector<Person> workspace_people(soci::session& sql, long long workspace_id);
bool is_workspace_member(soci::session& sql, long long workspace_id, long long user_id);

// ---- search ----
// Writes one plan, initiative or activity ("plan", "initiative", "activity") to the search
// index as it is stored now; call it in the transaction that changed the record.
void index_record(soci::session& sql, long long workspace_id, std::string_view entity,
                  long long id);
// Every word must occur (prefix match, accents ignored on SQLite). Words are reduced to
// letters and digits first, so the engines' query syntax never reaches them.
std::vector<SearchHit> search(soci::session& sql, db::Backend backend, long long workspace_id,
                              const std::string& query, bool published_only, int limit, int offset);
// Rebuilds the index of a whole workspace with one statement per kind of record (import,
// repair, and when publishing a plan or initiative changes who may find its activities).
void rebuild_search_index(soci::session& sql, long long workspace_id);

}  // namespace samtryg::strategy::store
