#pragma once
// Records made through the web forms, as a person makes them; each checks that the form
// accepted its input (303) and returns the new record's id.
#include <string>
#include <utility>

#include "support/http_client.hpp"

namespace samtryg::testing {

// The seed's strategy by default (Tryg Aalborg, 4th reporting period).
struct PlanForm {
  std::string name = "Tryg Aalborg – en mere tryg kommune";
  std::string kind = "strategy";
  std::string period_start = "2017-01-21";
  std::string period_end = "2018-01-14";
  bool published = true;
};

// An active initiative, written into the plan and published.
struct InitiativeForm {
  std::string name = "Et trygt natteliv";
  std::string lead{};  // a user id, or "" for none
  std::string purpose{};
  bool published = true;
  std::string focus_area{};  // a focus area id of the plan, or ""
};

// A yearly count from the police's statistics, published, by default.
struct IndicatorForm {
  std::string name;
  std::string initiative{};  // the initiative it follows up (an id), or ""
  std::string focus_area{};  // or the focus area it follows up (an id), or ""
  std::string unit = "count";
  std::string decimals = "0";
  std::string direction = "lower";
  std::string source = "police_statistics";
  std::string source_note{};
  std::string frequency = "year";
  bool published = true;
};

// A plan, published unless the form says otherwise.
std::string create_plan(HttpClient& http, const PlanForm& plan = {});
std::string create_initiative(HttpClient& http, const std::string& plan_id,
                              const InitiativeForm& initiative = {});
std::string create_indicator(HttpClient& http, const std::string& plan_id,
                             const IndicatorForm& indicator);
// {plan id, initiative id}
std::pair<std::string, std::string> plan_with_initiative(HttpClient& http,
                                                         const PlanForm& plan = {},
                                                         const InitiativeForm& initiative = {});

}  // namespace samtryg::testing
