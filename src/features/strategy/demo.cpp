#include "features/strategy/demo.hpp"

#include "features/strategy/commands.hpp"

namespace samtryg::strategy {

void seed_demo(demo::Seed& seed) {
  if (!seed.fresh) return;
  auto& database = seed.database;
  const auto actor = seed.actor();
  std::optional<Plan> first;
  {
    auto sql = database.session();
    for (const auto& plan : plans(sql, actor)) {
      if (plan.kind == "strategy" && plan.version == 1) first = plan;
    }
  }
  if (!first) return;
  const auto second_id = new_plan_version(database, actor, first->id);
  Plan second = readable_plan(database, actor, second_id);
  // Seed 000 says only that the work goes on "i næste Byrådsperiode" (2018–2021); it gives
  // no adoption date, so none is shown.
  second.period_start = "2018-01-01";
  second.period_end = "2021-12-31";
  second.adopted_on = "";
  second.summary =
      "Version 2 er mere dynamisk: indsatser, der ikke længere indgår i strategiarbejdet, kan "
      "udgå, andre kan justeres, og nye prioriterede indsatser kan komme til efter behov.";
  update_plan(database, actor, second);
  std::vector<InitiativeRow> beside;
  {
    auto sql = database.session();
    beside = initiatives(sql, actor, InitiativeFilter{.plan_id = second_id, .in_plan = 0});
  }
  for (auto row : beside) {
    row.initiative.in_plan = true;
    update_initiative(database, actor, row.initiative);
  }
}

}  // namespace samtryg::strategy
