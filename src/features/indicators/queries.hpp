#pragma once
// Reads of the indicators as an actor sees them: the one place that decides what a viewer (who
// reads published content only) sees of indicators, their targets and values, and who may type
// values. Pages, the API, and reporting read them here, never through the store.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/actor.hpp"
#include "core/db/database.hpp"
#include "features/indicators/model.hpp"

namespace samtryg::indicators {

using auth::Actor;

// The indicator of the actor's workspace, published or not (for commands that change it);
// validation::NotFound otherwise.
Indicator indicator_in_workspace(soci::session& sql, const Actor& actor, long long id);

// Whether the actor sees the indicator: members and up always; viewers when it is published
// and so is its plan. Every read below applies it, and leaves out the links a viewer may not
// see (to unpublished initiatives, or focus areas of unpublished plans).
bool visible(soci::session& sql, const Actor& actor, const Indicator& indicator);

// Whether the actor may type values for an indicator with these links: coordinators, and the
// lead of an initiative the indicator follows up.
bool may_enter_values(soci::session& sql, const Actor& actor, const std::vector<Link>& links);

std::vector<Area> areas(soci::session& sql, const Actor& actor);
std::map<long long, std::string> area_names(soci::session& sql, const Actor& actor);
// The areas `indicator` (one the actor may read) has values or targets for.
std::set<long long> indicator_areas(soci::session& sql, const Actor& actor,
                                    const Indicator& indicator);

// What a statistics table can be mapped onto: the indicators (the workspace's, or one plan's
// for plan_id > 0) and the workspace's areas.
struct ImportTargets {
  std::vector<Indicator> indicators;
  std::vector<Area> areas;
};
ImportTargets import_targets(db::Database& database, const Actor& actor, long long plan_id = 0);

// An indicator with everything its page shows.
struct IndicatorRecord {
  Indicator indicator;
  std::vector<Link> links;
  std::vector<Target> targets;
  std::vector<Value> values;
  TargetAssessment assessment;
  bool may_enter_values = false;
};

// Throws NotFound when the indicator is not in the actor's workspace or not visible to them.
IndicatorRecord readable_indicator(db::Database& database, const Actor& actor, long long id,
                                   std::string_view today);
// The plan's indicators (all of the workspace's for plan_id 0) with their status, by name;
// three queries whatever the number of indicators.
std::vector<IndicatorRecord> plan_indicators(db::Database& database, const Actor& actor,
                                             long long plan_id, std::string_view today);
std::vector<IndicatorRecord> plan_indicators(soci::session& sql, const Actor& actor,
                                             long long plan_id, std::string_view today);

// Those of `records` that follow up `initiative_id`, directly or through its focus area
// (an indicator linked to "Unges misbrug" follows up every initiative under it).
std::vector<IndicatorRecord> following_up(std::vector<IndicatorRecord> records,
                                          long long initiative_id,
                                          std::optional<long long> focus_area_id);

// The roll-up of the indicators that follow up `initiative_id`, weighted by their links.
Rollup initiative_rollup(const std::vector<IndicatorRecord>& records, long long initiative_id);
// The plan's roll-up: every indicator with a status counts once.
Rollup plan_rollup(const std::vector<IndicatorRecord>& records);

}  // namespace samtryg::indicators
