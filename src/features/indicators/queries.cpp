#include "features/indicators/queries.hpp"

#include <algorithm>
#include <map>

#include "features/indicators/store.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::indicators {

Indicator indicator_in_workspace(soci::session& sql, const Actor& actor, long long id) {
  auto found = store::find_indicator(sql, actor.workspace_id, id);
  if (!found) throw validation::NotFound();
  return *found;
}

bool may_enter_values(soci::session& sql, const Actor& actor, const std::vector<Link>& links) {
  if (actor.edit_all) return true;
  if (!actor.edit_own || !actor.user_id) return false;
  for (const auto& link : links) {
    if (link.initiative_id) {
      const auto initiative = strategy::find_initiative(sql, actor, *link.initiative_id);
      if (initiative && strategy::may_edit(sql, actor, *initiative)) return true;
    } else if (link.focus_area_id) {
      // An indicator of a focus area follows up every initiative under it (following_up), so
      // the lead of any of them may enter its figures from their form.
      for (const auto& row : strategy::initiatives(
               sql, actor, strategy::InitiativeFilter{.focus_area_id = *link.focus_area_id})) {
        if (strategy::may_edit(sql, actor, row.initiative)) return true;
      }
    }
  }
  return false;
}

std::vector<Area> areas(soci::session& sql, const Actor& actor) {
  return store::areas(sql, actor.workspace_id);
}

std::map<long long, std::string> area_names(soci::session& sql, const Actor& actor) {
  std::map<long long, std::string> names;
  for (const auto& area : areas(sql, actor)) names[area.id] = area.name;
  return names;
}

std::set<long long> indicator_areas(soci::session& sql, const Actor& actor,
                                    const Indicator& indicator) {
  if (indicator.workspace_id != actor.workspace_id) return {};
  return store::areas_in_use(sql, indicator.id);
}

ImportTargets import_targets(db::Database& database, const Actor& actor, long long plan_id) {
  auto sql = database.session();
  return {store::indicators(sql, actor.workspace_id, plan_id),
          store::areas(sql, actor.workspace_id)};
}

bool visible(soci::session& sql, const Actor& actor, const Indicator& indicator) {
  if (actor.read_all) return true;
  if (!indicator.published) return false;
  return !indicator.plan_id || strategy::find_plan(sql, actor, *indicator.plan_id).has_value();
}

namespace {

// What a viewer may not see of the links: those to unpublished initiatives or to focus areas
// of unpublished plans (their names would show).
void drop_hidden_links(soci::session& sql, const Actor& actor, std::vector<Link>& links) {
  if (actor.read_all) return;
  std::map<long long, bool> shown_initiatives;
  std::map<long long, bool> shown_areas;
  std::erase_if(links, [&](const Link& link) {
    if (link.initiative_id) {
      const auto [at, fresh] = shown_initiatives.try_emplace(*link.initiative_id, false);
      if (fresh)
        at->second = strategy::find_initiative(sql, actor, *link.initiative_id).has_value();
      return !at->second;
    }
    if (link.focus_area_id) {
      const auto [at, fresh] = shown_areas.try_emplace(*link.focus_area_id, false);
      if (fresh)
        at->second = strategy::find_focus_area(sql, actor, *link.focus_area_id).has_value();
      return !at->second;
    }
    return false;
  });
}

}  // namespace

IndicatorRecord readable_indicator(db::Database& database, const Actor& actor, long long id,
                                   std::string_view today) {
  auto sql = database.session();
  auto indicator = indicator_in_workspace(sql, actor, id);
  if (!visible(sql, actor, indicator)) throw validation::NotFound();
  IndicatorRecord record;
  record.indicator = std::move(indicator);
  const auto scope = store::Scope::indicator(id);
  record.links = store::links(sql, scope);
  drop_hidden_links(sql, actor, record.links);
  record.targets = store::targets(sql, scope);
  record.values = store::values(sql, scope);
  record.assessment = assess_indicator(record.indicator, record.targets, record.values, today);
  record.may_enter_values = may_enter_values(sql, actor, record.links);
  return record;
}

std::vector<IndicatorRecord> plan_indicators(db::Database& database, const Actor& actor,
                                             long long plan_id, std::string_view today) {
  auto sql = database.session();
  return plan_indicators(sql, actor, plan_id, today);
}

std::vector<IndicatorRecord> plan_indicators(soci::session& sql, const Actor& actor,
                                             long long plan_id, std::string_view today) {
  std::vector<IndicatorRecord> records;
  std::map<long long, std::size_t> index;
  std::map<long long, bool> shown_plans;
  const auto plan_shown = [&](const Indicator& indicator) {
    if (actor.read_all || !indicator.plan_id) return true;
    const auto [at, fresh] = shown_plans.try_emplace(*indicator.plan_id, false);
    if (fresh) at->second = strategy::find_plan(sql, actor, *indicator.plan_id).has_value();
    return at->second;
  };
  for (auto& indicator : store::indicators(sql, actor.workspace_id, plan_id)) {
    if (!actor.read_all && (!indicator.published || !plan_shown(indicator))) continue;
    index[indicator.id] = records.size();
    records.push_back({std::move(indicator), {}, {}, {}, {}, actor.edit_all});
  }
  const auto scope = store::Scope::plan(actor.workspace_id, plan_id);
  const auto owner = [&](long long indicator_id) -> IndicatorRecord* {
    const auto found = index.find(indicator_id);
    return found == index.end() ? nullptr : &records[found->second];
  };
  for (auto& link : store::links(sql, scope)) {
    if (auto* record = owner(link.indicator_id)) record->links.push_back(link);
  }
  for (auto& target : store::targets(sql, scope)) {
    if (auto* record = owner(target.indicator_id)) record->targets.push_back(target);
  }
  for (auto& value : store::values(sql, scope)) {
    if (auto* record = owner(value.indicator_id)) record->values.push_back(std::move(value));
  }
  for (auto& record : records) {
    drop_hidden_links(sql, actor, record.links);
    record.assessment = assess_indicator(record.indicator, record.targets, record.values, today);
  }
  return records;
}

std::vector<IndicatorRecord> following_up(std::vector<IndicatorRecord> records,
                                          long long initiative_id,
                                          std::optional<long long> focus_area_id) {
  std::erase_if(records, [&](const IndicatorRecord& record) {
    return std::none_of(record.links.begin(), record.links.end(), [&](const Link& link) {
      return link.initiative_id == initiative_id ||
             (focus_area_id && link.focus_area_id == focus_area_id);
    });
  });
  return records;
}

Rollup initiative_rollup(const std::vector<IndicatorRecord>& records, long long initiative_id) {
  std::vector<RollupPart> parts;
  for (const auto& record : records) {
    for (const auto& link : record.links) {
      if (link.initiative_id != initiative_id) continue;
      parts.push_back(
          {record.indicator.id, record.indicator.name, link.weight, record.assessment.status});
    }
  }
  return roll_up(std::move(parts));
}

Rollup plan_rollup(const std::vector<IndicatorRecord>& records) {
  std::vector<RollupPart> parts;
  parts.reserve(records.size());
  for (const auto& record : records) {
    parts.push_back({record.indicator.id, record.indicator.name, 1, record.assessment.status});
  }
  return roll_up(std::move(parts));
}

}  // namespace samtryg::indicators
