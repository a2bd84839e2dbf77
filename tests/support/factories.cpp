#include "support/factories.hpp"

#include <gtest/gtest.h>

namespace samtryg::testing {

std::string create_plan(HttpClient& http, const PlanForm& plan) {
  http.get("/plans/new");
  const auto response = http.post_form("/plans", {{"_csrf", http.csrf()},
                                                  {"name", plan.name},
                                                  {"kind", plan.kind},
                                                  {"period_start", plan.period_start},
                                                  {"period_end", plan.period_end},
                                                  {"published", plan.published ? "1" : ""}});
  EXPECT_EQ(response.status, 303) << response.body;
  return id_from_location(response);
}

std::string create_initiative(HttpClient& http, const std::string& plan_id,
                              const InitiativeForm& initiative) {
  http.get("/plans/" + plan_id + "/initiatives/new");
  const auto response = http.post_form("/plans/" + plan_id + "/initiatives",
                                       {{"_csrf", http.csrf()},
                                        {"name", initiative.name},
                                        {"purpose", initiative.purpose},
                                        {"lead_user_id", initiative.lead},
                                        {"focus_area_id", initiative.focus_area},
                                        {"status", "active"},
                                        {"in_plan", "1"},
                                        {"published", initiative.published ? "1" : ""}});
  EXPECT_EQ(response.status, 303) << response.body;
  return id_from_location(response);
}

std::string create_indicator(HttpClient& http, const std::string& plan_id,
                             const IndicatorForm& indicator) {
  http.get("/plans/" + plan_id + "/indicators/new");
  const auto response = http.post_form("/plans/" + plan_id + "/indicators",
                                       {{"_csrf", http.csrf()},
                                        {"name", indicator.name},
                                        {"unit", indicator.unit},
                                        {"decimals", indicator.decimals},
                                        {"direction", indicator.direction},
                                        {"source", indicator.source},
                                        {"source_note", indicator.source_note},
                                        {"frequency", indicator.frequency},
                                        {"initiative_id", indicator.initiative},
                                        {"focus_area_id", indicator.focus_area},
                                        {"published", indicator.published ? "1" : ""}});
  EXPECT_EQ(response.status, 303) << response.body;
  return id_from_location(response);
}

std::pair<std::string, std::string> plan_with_initiative(HttpClient& http, const PlanForm& plan,
                                                         const InitiativeForm& initiative) {
  const auto plan_id = create_plan(http, plan);
  return {plan_id, create_initiative(http, plan_id, initiative)};
}

}  // namespace samtryg::testing
