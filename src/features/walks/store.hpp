#pragma once
// Every SQL statement of the walks feature. Functions take a borrowed session, so the caller
// decides the transaction; walks are looked up within a workspace, and a walk's findings,
// groups and actions through their walk.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "features/walks/base_map.hpp"
#include "features/walks/model.hpp"

namespace samtryg::walks::store {

long long insert_walk(soci::session& sql, const Walk& walk);
// Every field but the id and workspace; false when the stored row_version differs.
bool update_walk(soci::session& sql, const Walk& walk);
std::optional<Walk> find_walk(soci::session& sql, long long workspace_id, long long id);
// The newest first.
std::vector<Walk> walks(soci::session& sql, long long workspace_id);

void replace_groups(soci::session& sql, long long walk_id, const std::vector<Group>& groups);
std::vector<Group> groups(soci::session& sql, long long walk_id);

long long insert_finding(soci::session& sql, const Finding& finding);
bool update_finding(soci::session& sql, const Finding& finding);
std::optional<Finding> find_finding(soci::session& sql, long long walk_id, long long id);
std::optional<Finding> find_finding_by_client_key(soci::session& sql, long long walk_id,
                                                  const std::string& client_key);
// By number.
std::vector<Finding> findings(soci::session& sql, long long walk_id);
int highest_number(soci::session& sql, long long walk_id);

long long insert_action(soci::session& sql, const Action& action);
bool update_action(soci::session& sql, const Action& action);
// An action of one of the workspace's walks, with that walk's id.
struct ActionOfWalk {
  Action action;
  long long walk_id = 0;
};
std::optional<ActionOfWalk> find_action(soci::session& sql, long long workspace_id, long long id);
// The actions of a walk's findings, by finding number and then in the order added.
std::vector<Action> actions(soci::session& sql, long long walk_id);

// An action that is still open, with where it comes from, for its owner's start page.
struct OwnedAction {
  Action action;
  long long walk_id = 0;
  int finding_number = 0;
  std::string area;
  int year = 0;
  std::string season;
};
// The open (not closed) actions `user_id` owns in the workspace, the earliest due first.
std::vector<OwnedAction> open_actions_of(soci::session& sql, long long workspace_id,
                                         long long user_id);
// The workspace's open actions whose due day is before `today` (ISO day), the earliest first.
std::vector<OwnedAction> overdue_actions(soci::session& sql, long long workspace_id,
                                         const std::string& today);

// An open, dated action whose owner can be reminded, with what the e-mail names.
struct ReminderCandidate {
  OwnedAction owned;
  std::string owner_name;
  std::string owner_email;
  std::string owner_language;
  std::string workspace_name;
  RemindersSent sent;
};
std::vector<ReminderCandidate> reminder_candidates(soci::session& sql);
// Records a reminder before it is sent; false when another server recorded it first.
bool claim_reminder(soci::session& sql, long long action_id, const std::string& kind,
                    const std::string& recipient);
// Takes the record back when the mail server refused, so the next check tries again.
void release_reminder(soci::session& sql, long long action_id, const std::string& kind);

// Photos: their facts, and their pixels (base64 JPEG) read only to be served or exported.
long long insert_photo(soci::session& sql, const Photo& photo, const std::string& image_base64,
                       const std::string& thumbnail_base64);
// The photos of a walk's findings, by finding number and then in the order taken.
std::vector<Photo> photos(soci::session& sql, long long walk_id);
struct PhotoOfWalk {
  Photo photo;
  long long walk_id = 0;
};
std::optional<PhotoOfWalk> find_photo(soci::session& sql, long long workspace_id, long long id);
// The kept JPEG (or its thumbnail) as base64.
std::string photo_content(soci::session& sql, long long id, bool thumbnail);
void set_photo_public(soci::session& sql, long long id, bool is_public);
void delete_photo(soci::session& sql, long long id);

// The workspace's base map (store_base_map.cpp): at most one, replaced whole.
void put_base_map(soci::session& sql, long long workspace_id, const KeptBaseMap& kept,
                  const std::string& geojson);
std::optional<KeptBaseMap> base_map_info(soci::session& sql, long long workspace_id);
std::optional<std::string> base_map_geojson(soci::session& sql, long long workspace_id);
void delete_base_map(soci::session& sql, long long workspace_id);

}  // namespace samtryg::walks::store
