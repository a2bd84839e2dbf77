#pragma once
// Reads of walks as an actor sees them: the one place that decides what a viewer (who reads
// published content only) sees of them. Pages, the API and other features read walks here.
#include <soci/soci.h>

#include <string>
#include <vector>

#include "core/auth/actor.hpp"
#include "core/db/database.hpp"
#include "features/walks/model.hpp"
#include "features/walks/store.hpp"

namespace samtryg::walks {

using auth::Actor;

// Members and up see every walk of their workspace; viewers the published ones.
bool visible(const Actor& actor, const Walk& walk);
// Whoever walks with a notebook records findings and checks them on the follow-up walk:
// leads, coordinators and admins. Coordinators and admins plan walks and keep the action list.
bool may_record(const Actor& actor);
// The owner of an action may move it along (in progress, done …) besides the coordinators.
bool may_update(const Actor& actor, const Action& action);

std::vector<Walk> walks(soci::session& sql, const Actor& actor);
// Throws validation::NotFound when the walk is not the actor's workspace's or not visible.
Walk readable_walk(soci::session& sql, const Actor& actor, long long id);

// A walk as the list shows it: how many findings, and its actions to tally.
struct WalkSummary {
  Walk walk;
  std::size_t findings = 0;
  std::vector<Action> actions;
};
// A workspace holds a few walks a year, so each walk's findings and actions are read on their
// own.
std::vector<WalkSummary> walk_summaries(soci::session& sql, const Actor& actor);

// A walk with everything its page shows.
struct WalkRecord {
  Walk walk;
  std::vector<Group> groups;
  std::vector<Finding> findings;
  std::vector<Action> actions;
  std::vector<Photo> photos;
};
WalkRecord walk_record(soci::session& sql, const Actor& actor, long long id);
// The same on a connection of its own, given back before it returns (a page then draws on its
// own connection).
WalkRecord walk_record(db::Database& database, const Actor& actor, long long id);
// What the public site shows of a walk: a published walk's findings marked public, their
// actions, and the photos marked public of those findings (no groups: guides are named there).
// validation::NotFound for a walk not published.
WalkRecord public_record(soci::session& sql, const Actor& actor, long long id);
// The published walks, for the public site's list and sitemap.
std::vector<Walk> published_walks(soci::session& sql, const Actor& actor);
// A photo marked public of a finding marked public of a published walk; validation::NotFound
// otherwise.
Photo public_photo(soci::session& sql, const Actor& actor, long long id);
// The walk's finding `id`; validation::NotFound when it is not one of the walk's.
const Finding& finding_in(const WalkRecord& record, long long id);

// An action of a walk the actor sees, with the walk's id; validation::NotFound otherwise.
store::ActionOfWalk readable_action(soci::session& sql, const Actor& actor, long long id);

// A photo of a walk the actor sees, with the walk's id; validation::NotFound otherwise.
store::PhotoOfWalk readable_photo(soci::session& sql, const Actor& actor, long long id);

// The workspace's base map as its shapes, when it has one; every signed-in reader sees it.
std::optional<BaseMap> base_map_of(soci::session& sql, const Actor& actor);

// The actions the actor owns that are still open, the earliest due first.
std::vector<store::OwnedAction> my_open_actions(soci::session& sql, const Actor& actor);

// How the walk's actions stand: how many there are, are fixed (done), closed without a fix
// (declined, referred), open and overdue.
struct ActionTally {
  int total = 0;
  int fixed = 0;
  int closed_unfixed = 0;
  int open = 0;
  int overdue = 0;
};
ActionTally tally(const std::vector<Action>& actions, std::string_view today);

}  // namespace samtryg::walks
