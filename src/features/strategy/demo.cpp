#include "features/strategy/demo.hpp"

#include "features/strategy/commands.hpp"
#include "features/strategy/store.hpp"

namespace samtryg::strategy {

void seed_demo(demo::Seed& seed) {
  if (!seed.fresh) return;
  auto& database = seed.database;
  const auto actor = seed.actor();
  std::optional<Plan> first;
  {
    auto sql = database.session();
    for (const auto& plan : store::plans(sql, seed.workspace_id)) {
      if (plan.kind == "strategy" && plan.version == 1) first = plan;
    }
  }
  if (!first) return;
  const auto second_id = new_plan_version(database, actor, first->id);
  Plan second = readable_plan(database, actor, second_id);
  second.period_start = "2018-01-15";
  second.period_end = "2021-12-31";
  second.adopted_on = "2018-03-01";
  second.summary =
      "Version 2 er mere dynamisk: indsatser, der ikke længere indgår i strategiarbejdet, kan "
      "udgå, andre kan justeres, og nye prioriterede indsatser kan komme til efter behov.";
  update_plan(database, actor, second);
  store::InitiativeFilter filter;
  filter.workspace_id = seed.workspace_id;
  filter.plan_id = second_id;
  filter.in_plan = 0;
  std::vector<store::InitiativeRow> beside;
  {
    auto sql = database.session();
    beside = store::initiatives(sql, filter);
  }
  for (auto row : beside) {
    row.initiative.in_plan = true;
    update_initiative(database, actor, row.initiative);
  }
}

}  // namespace samtryg::strategy
