#include "features/walks/queries.hpp"

#include <set>

#include "core/validation/validation.hpp"

namespace samtryg::walks {

bool visible(const Actor& actor, const Walk& walk) {
  return actor.read_all || walk.status == "published";
}

bool may_record(const Actor& actor) {
  return actor.edit_own || actor.edit_all;
}

bool may_update(const Actor& actor, const Action& action) {
  return actor.edit_all || (actor.edit_own && actor.user_id && action.owner_user_id &&
                            *actor.user_id == *action.owner_user_id);
}

std::vector<Walk> walks(soci::session& sql, const Actor& actor) {
  std::vector<Walk> out;
  for (auto& walk : store::walks(sql, actor.workspace_id)) {
    if (visible(actor, walk)) out.push_back(std::move(walk));
  }
  return out;
}

Walk readable_walk(soci::session& sql, const Actor& actor, long long id) {
  auto walk = store::find_walk(sql, actor.workspace_id, id);
  if (!walk || !visible(actor, *walk)) throw validation::NotFound();
  return std::move(*walk);
}

std::vector<WalkSummary> walk_summaries(soci::session& sql, const Actor& actor) {
  std::vector<WalkSummary> out;
  for (auto& walk : walks(sql, actor)) {
    const auto id = walk.id;
    out.push_back({std::move(walk), store::findings(sql, id).size(), store::actions(sql, id)});
  }
  return out;
}

WalkRecord walk_record(soci::session& sql, const Actor& actor, long long id) {
  WalkRecord record;
  record.walk = readable_walk(sql, actor, id);
  record.groups = store::groups(sql, id);
  record.findings = store::findings(sql, id);
  record.actions = store::actions(sql, id);
  record.photos = store::photos(sql, id);
  return record;
}

store::ActionOfWalk readable_action(soci::session& sql, const Actor& actor, long long id) {
  auto found = store::find_action(sql, actor.workspace_id, id);
  if (!found) throw validation::NotFound();
  readable_walk(sql, actor, found->walk_id);
  return std::move(*found);
}

store::PhotoOfWalk readable_photo(soci::session& sql, const Actor& actor, long long id) {
  auto found = store::find_photo(sql, actor.workspace_id, id);
  if (!found) throw validation::NotFound();
  readable_walk(sql, actor, found->walk_id);
  return std::move(*found);
}

WalkRecord walk_record(db::Database& database, const Actor& actor, long long id) {
  auto sql = database.session();
  return walk_record(sql, actor, id);
}

std::vector<Walk> published_walks(soci::session& sql, const Actor& actor) {
  auto out = walks(sql, actor);
  std::erase_if(out, [](const Walk& walk) { return walk.status != "published"; });
  return out;
}

WalkRecord public_record(soci::session& sql, const Actor& actor, long long id) {
  WalkRecord record;
  record.walk = readable_walk(sql, actor, id);
  if (record.walk.status != "published") throw validation::NotFound();
  std::set<long long> shown;
  for (auto& finding : store::findings(sql, id)) {
    if (!finding.is_public) continue;
    shown.insert(finding.id);
    record.findings.push_back(std::move(finding));
  }
  for (auto& action : store::actions(sql, id)) {
    if (shown.contains(action.finding_id)) record.actions.push_back(std::move(action));
  }
  for (auto& photo : store::photos(sql, id)) {
    if (photo.is_public && shown.contains(photo.finding_id)) {
      record.photos.push_back(std::move(photo));
    }
  }
  return record;
}

Photo public_photo(soci::session& sql, const Actor& actor, long long id) {
  const auto found = readable_photo(sql, actor, id);
  const auto record = public_record(sql, actor, found.walk_id);
  for (const auto& photo : record.photos) {
    if (photo.id == id) return photo;
  }
  throw validation::NotFound();
}

const Finding& finding_in(const WalkRecord& record, long long id) {
  for (const auto& finding : record.findings) {
    if (finding.id == id) return finding;
  }
  throw validation::NotFound();
}

std::vector<store::OwnedAction> my_open_actions(soci::session& sql, const Actor& actor) {
  if (!actor.user_id) return {};
  return store::open_actions_of(sql, actor.workspace_id, *actor.user_id);
}

ActionTally tally(const std::vector<Action>& actions, std::string_view today) {
  ActionTally out;
  for (const auto& action : actions) {
    ++out.total;
    if (is_fixed(action.status)) {
      ++out.fixed;
    } else if (is_closed(action.status)) {
      ++out.closed_unfixed;
    } else {
      ++out.open;
      if (is_overdue(action, today)) ++out.overdue;
    }
  }
  return out;
}

std::optional<BaseMap> base_map_of(soci::session& sql, const Actor& actor) {
  const auto kept = store::base_map_geojson(sql, actor.workspace_id);
  if (!kept) return std::nullopt;
  auto outcome = read_base_map(*kept, CoordinateSystem::wgs84);
  // What was kept was written by to_geojson: reading it back cannot fail unless the database
  // was changed by hand.
  if (outcome.problem != BaseMapProblem::none) return std::nullopt;
  return std::move(outcome.map);
}

}  // namespace samtryg::walks
