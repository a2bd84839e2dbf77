// Example data: what the demo fills in where the seeds give nothing is said to be example data
// wherever it is shown (the plan, the initiative, the round, its forms, the report, a roll-up
// resting on example figures), travels through the workspace document, is checked on import,
// and stops being example data once a person saves the record.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <regex>

#include "app/workspace.hpp"
#include "core/auth/store.hpp"
#include "core/demo/marks.hpp"
#include "core/demo/seed.hpp"
#include "support/test_server.hpp"

namespace samtryg::app {
namespace {

using testing::HttpClient;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class ExampleData : public testing::ServerTest {
 protected:
  void prepare() override {
    auto& database = server_->runtime().database();
    {
      // The test server's own workspace carries the demo's name; the demo needs it.
      auto sql = database.session();
      sql << "UPDATE workspaces SET name = 'Testområde' WHERE id = :id",
          soci::use(server_->workspace_id());
    }
    load_demo(database, auth::HashCost::minimal);
  }

  HttpClient coordinator() {
    auto http = client();
    EXPECT_EQ(http.log_in("tovholder@demo.samtryg.dk", std::string(demo::kPassword)).status, 303);
    http.get("/plans");
    return http;
  }

  // The id in the first link to `path_prefix` whose text is `name`.
  static std::string linked_id(const std::string& page, const std::string& path_prefix,
                               const std::string& name) {
    std::smatch match;
    const std::regex link("href=\"" + path_prefix + "(\\d+)\"[^>]*>" + name + "<");
    return std::regex_search(page, match, link) ? match[1].str() : std::string();
  }
};

TEST_P(ExampleData, WhatTheSeedsDoNotGiveIsMarkedWhereverItIsShown) {
  auto http = coordinator();
  const auto plans = http.get("/plans").body;
  const auto plan = linked_id(plans, "/plans/", "Tryg Aalborg – en mere tryg kommune");
  ASSERT_FALSE(plan.empty()) << plans;
  auto page = http.get("/plans/" + plan).body;
  EXPECT_TRUE(contains(page, "Eksempeldata – ikke fra kilderne: Periodens start, Periodens slut"))
      << "000 gives the year 2013 only";

  const auto initiative = linked_id(page, "/initiatives/", "Et trygt natteliv");
  ASSERT_FALSE(initiative.empty());
  page = http.get("/initiatives/" + initiative).body;
  EXPECT_TRUE(contains(page, "Eksempeldata – ikke fra kilderne: Startdato, Statusdatoer"));

  const auto rounds = http.get("/plans/" + plan + "/rounds").body;
  std::smatch round;
  ASSERT_TRUE(std::regex_search(rounds, round, std::regex(R"re(href="/rounds/(\d+)")re")));
  const auto round_page = http.get("/rounds/" + round[1].str()).body;
  EXPECT_TRUE(
      contains(round_page, "Frist for indsendelse, Skemaernes status og indsendelsesdatoer"));
  std::smatch form;
  ASSERT_TRUE(std::regex_search(round_page, form, std::regex(R"re(href="/forms/(\d+)")re")));
  EXPECT_TRUE(contains(http.get("/forms/" + form[1].str()).body, "Skemaernes status"));
  EXPECT_TRUE(contains(http.get("/rounds/" + round[1].str() + "/report/html").body,
                       "Eksempeldata – ikke fra kilderne: Frist for indsendelse"));

  // Landskrona's roll-up rests on example figures only, and says so.
  auto swedish = client();
  ASSERT_EQ(swedish.log_in("samordnare@demo.samtryg.se", std::string(demo::kPassword)).status, 303);
  const auto agreement =
      linked_id(swedish.get("/plans").body, "/plans/",
                "Överenskommelse om samverkan för ökad trygghet i Landskrona 2016");
  ASSERT_FALSE(agreement.empty());
  const auto dashboard = swedish.get("/plans/" + agreement + "/indicators").body;
  EXPECT_TRUE(contains(dashboard, "Statusen bygger på exempeldata")) << dashboard;
}

TEST_P(ExampleData, APersonsSaveMakesTheValuesTheirs) {
  auto http = coordinator();
  const auto plan =
      linked_id(http.get("/plans").body, "/plans/", "Tryg Aalborg – en mere tryg kommune");
  const auto initiative =
      linked_id(http.get("/plans/" + plan).body, "/initiatives/", "Et trygt natteliv");
  ASSERT_TRUE(contains(http.get("/initiatives/" + initiative).body, "Eksempeldata"));
  const auto form = http.get("/initiatives/" + initiative + "/edit").body;
  std::smatch version;
  ASSERT_TRUE(
      std::regex_search(form, version, std::regex(R"re(name="row_version" value="(\d+)")re")));
  const auto response =
      http.post_form("/initiatives/" + initiative + "/edit", {{"_csrf", http.csrf()},
                                                              {"row_version", version[1].str()},
                                                              {"name", "Et trygt natteliv"},
                                                              {"start_date", "2014-03-01"},
                                                              {"published", "1"},
                                                              {"in_plan", "1"}});
  ASSERT_EQ(response.status, 303) << response.body;
  EXPECT_FALSE(contains(http.get("/initiatives/" + initiative).body, "Eksempeldata"));
}

TEST_P(ExampleData, MarksTravelInTheDocumentAndAreCheckedOnImport) {
  auto& database = server_->runtime().database();
  auto document = export_workspace(database, std::string(kDemoWorkspace));
  document["workspace"].as_object()["name"] = "Kopi";
  auto& marks = document["example_marks"].as_array();
  ASSERT_FALSE(marks.empty());
  marks.push_back(boost::json::object{{"kind", "initiative"}, {"id", 9999}, {"fields", {"x"}}});
  marks.push_back(boost::json::object{{"kind", "round"}, {"id", 1}, {"fields", {"Deadline!"}}});
  std::vector<exchange::ImportProblem> problems;
  try {
    import_workspace(database, boost::json::serialize(document));
  } catch (const exchange::ImportError& error) {
    problems = error.problems;
  }
  const auto at = [&](const std::string& path) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const auto& problem) { return problem.path == path; });
  };
  const auto last = marks.size() - 1;
  EXPECT_TRUE(at("$.example_marks[" + std::to_string(last - 1) + "].id"));
  EXPECT_TRUE(at("$.example_marks[" + std::to_string(last) + "].fields"));

  marks.pop_back();
  marks.pop_back();
  const auto imported = import_workspace(database, boost::json::serialize(document));
  auto sql = database.session();
  const auto all = demo::marks_of(sql, imported.workspace_id, "initiative");
  EXPECT_GE(all.size(), 16U);
}

SAMTRYG_ON_EVERY_BACKEND(ExampleData);

}  // namespace
}  // namespace samtryg::app
