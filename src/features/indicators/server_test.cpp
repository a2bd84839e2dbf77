// Indicators through a real server as coordinators, leads and viewers use them, on SQLite and
// PostgreSQL: define, set a target, type values, read the status and its explanation, export.
#include <gtest/gtest.h>

#include <regex>

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace samtryg::indicators {
namespace {

using testing::HttpClient;
using testing::id_from_location;
using testing::kPassword;

// ICU writes a no-break space before the per cent sign.
const std::string kPercent = "\u00a0%";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class IndicatorServer : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    scratch_ = std::make_unique<testing::ScratchDatabase>(GetParam());
    SAMTRYG_REQUIRE_BACKEND(*scratch_);
    server_ = std::make_unique<testing::TestServer>(scratch_->url());
  }

  HttpClient signed_in(const std::string& email, const std::string& role) {
    user_ids_[email] = server_->add_user(email, role);
    HttpClient http(server_->port());
    EXPECT_EQ(http.log_in(email, kPassword).status, 303);
    http.get("/plans");
    return http;
  }

  // A plan with one initiative led by `lead` (a user id or ""); returns {plan, initiative}.
  std::pair<std::string, std::string> plan_with_initiative(HttpClient& http,
                                                           const std::string& lead) {
    auto response = http.post_form(
        "/plans", {{"_csrf", http.csrf()},
                   {"name", "Överenskommelse om samverkan för ökad trygghet i Landskrona 2016"},
                   {"kind", "cooperation_agreement"},
                   {"period_start", "2016-01-01"},
                   {"period_end", "2016-12-31"},
                   {"published", "1"}});
    EXPECT_EQ(response.status, 303) << response.body;
    const auto plan = id_from_location(response);
    response = http.post_form("/plans/" + plan + "/initiatives", {{"_csrf", http.csrf()},
                                                                  {"name", "Attraktiv stad"},
                                                                  {"lead_user_id", lead},
                                                                  {"status", "active"},
                                                                  {"in_plan", "1"},
                                                                  {"published", "1"}});
    EXPECT_EQ(response.status, 303) << response.body;
    return {plan, id_from_location(response)};
  }

  std::string create_indicator(HttpClient& http, const std::string& plan,
                               const std::string& initiative) {
    http.get("/plans/" + plan + "/indicators/new");
    const auto response =
        http.post_form("/plans/" + plan + "/indicators",
                       {{"_csrf", http.csrf()},
                        {"name", "Andel nöjda med insatser mot klotter och skadegörelse"},
                        {"unit", "percent"},
                        {"decimals", "1"},
                        {"direction", "higher"},
                        {"source", "survey"},
                        {"source_note", "Polisens trygghetsmätning"},
                        {"frequency", "year"},
                        {"initiative_id", initiative},
                        {"published", "1"}});
    EXPECT_EQ(response.status, 303) << response.body;
    return id_from_location(response);
  }

  std::unique_ptr<testing::ScratchDatabase> scratch_;
  std::unique_ptr<testing::TestServer> server_;
  std::map<std::string, long long> user_ids_;
};

TEST_P(IndicatorServer, CoordinatorDefinesATargetTypesValuesAndSeesTheStatusExplained) {
  auto http = signed_in("samordnare@landskrona.se", "coordinator");
  const auto [plan, initiative] = plan_with_initiative(http, "");
  const auto id = create_indicator(http, plan, initiative);
  ASSERT_FALSE(id.empty());

  http.get("/indicators/" + id + "/targets/new");
  auto response = http.post_form("/indicators/" + id + "/targets", {{"_csrf", http.csrf()},
                                                                    {"comparator", "ge"},
                                                                    {"value", "70"},
                                                                    {"period_start", "2016-01-01"},
                                                                    {"period_end", "2016-12-31"}});
  ASSERT_EQ(response.status, 303) << response.body;

  // A value that is not a number is refused next to its field, and nothing is stored.
  response = http.post_form(
      "/indicators/" + id + "/values",
      {{"_csrf", http.csrf()}, {"period", "2016"}, {"value", "N/A"}, {"status", "final"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Skriv et tal")) << response.body;
  EXPECT_TRUE(contains(response.body, "value=\"N/A\"")) << "what was typed stays";
  response = http.post_form(
      "/indicators/" + id + "/values",
      {{"_csrf", http.csrf()}, {"period", "2016M13"}, {"value", "71"}, {"status", "final"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Skriv en periode, der passer"));
  EXPECT_TRUE(contains(http.get("/indicators/" + id).body, "Ingen værdier endnu."));

  // Decimal comma; the Danish quarter code K is understood too.
  response = http.post_form(
      "/indicators/" + id + "/values",
      {{"_csrf", http.csrf()}, {"period", "2016"}, {"value", "68,5"}, {"status", "final"}});
  ASSERT_EQ(response.status, 303) << response.body;
  auto page = http.get("/indicators/" + id).body;
  EXPECT_TRUE(contains(page, "68,5" + kPercent));
  EXPECT_TRUE(contains(page, "Ikke nået"));
  EXPECT_TRUE(contains(page, "Seneste værdi 68,5" + kPercent + " (2016) holdt op mod målet ≥ 70,0" +
                                 kPercent + " (2016)"));
  EXPECT_TRUE(contains(page, "<svg")) << "the chart";
  EXPECT_TRUE(contains(page, "<title id=\"indicator-" + id + "-title\">"));
  EXPECT_TRUE(contains(page, "Tallene bag grafen")) << "the data table beside it";

  // The same period again replaces the value instead of adding a second one.
  response = http.post_form(
      "/indicators/" + id + "/values",
      {{"_csrf", http.csrf()}, {"period", "2016"}, {"value", "71"}, {"status", "final"}});
  ASSERT_EQ(response.status, 303);
  page = http.get("/indicators/" + id).body;
  EXPECT_FALSE(contains(page, "68,5" + kPercent));
  EXPECT_TRUE(contains(page, "Nået"));

  const auto dashboard = http.get("/plans/" + plan + "/indicators").body;
  EXPECT_TRUE(contains(dashboard, "Samlet status: <span class=\"status status-met\">"))
      << dashboard;
  EXPECT_TRUE(contains(dashboard, "1 af 1 indikatorer med status"));

  const auto csv = http.get("/indicators/" + id + "/export/csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_TRUE(contains(csv.header("content-disposition"), "attachment"));
  EXPECT_TRUE(contains(csv.body,
                       "Andel nöjda med insatser mot klotter och skadegörelse;Procent;"
                       "2016;;71;"));
  const auto xlsx = http.get("/plans/" + plan + "/indicators/export/xlsx");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK") << "a zip container";
  EXPECT_TRUE(contains(xlsx.body, "xl/worksheets/sheet1.xml"));
}

TEST_P(IndicatorServer, LeadsEnterValuesForTheirInitiativesOnlyAndViewersOnlyRead) {
  auto coordinator = signed_in("samordnare@landskrona.se", "coordinator");
  auto lead = signed_in("lead@landskrona.se", "initiative_lead");
  auto other_lead = signed_in("other@landskrona.se", "initiative_lead");
  auto viewer = signed_in("viewer@landskrona.se", "viewer");
  const auto [plan, initiative] =
      plan_with_initiative(coordinator, std::to_string(user_ids_["lead@landskrona.se"]));
  const auto id = create_indicator(coordinator, plan, initiative);

  const auto value = [&](HttpClient& http) {
    http.get("/indicators/" + id);
    return http.post_form(
        "/indicators/" + id + "/values",
        {{"_csrf", http.csrf()}, {"period", "2016"}, {"value", "71"}, {"status", "final"}});
  };
  EXPECT_EQ(value(lead).status, 303);
  EXPECT_EQ(value(other_lead).status, 403);
  EXPECT_EQ(value(viewer).status, 403);
  EXPECT_TRUE(contains(viewer.get("/indicators/" + id).body, "71,0" + kPercent));
  EXPECT_FALSE(contains(viewer.get("/indicators/" + id).body, "Indtast en værdi"));
  lead.get("/indicators/" + id);
  EXPECT_EQ(lead.post_form("/indicators/" + id + "/targets",
                           {{"_csrf", lead.csrf()}, {"comparator", "ge"}, {"value", "70"}})
                .status,
            403)
      << "targets are the coordinators'";
}

TEST_P(IndicatorServer, DeletingAValueAsksFirstAndIsRecordedInTheHistory) {
  auto http = signed_in("samordnare@landskrona.se", "coordinator");
  const auto [plan, initiative] = plan_with_initiative(http, "");
  const auto id = create_indicator(http, plan, initiative);
  http.post_form(
      "/indicators/" + id + "/values",
      {{"_csrf", http.csrf()}, {"period", "2016"}, {"value", "71"}, {"status", "final"}});
  std::smatch match;
  const auto page = http.get("/indicators/" + id).body;
  ASSERT_TRUE(std::regex_search(page, match, std::regex(R"(/values/(\d+)/delete)")));
  const auto confirm = http.get("/indicators/" + id + "/values/" + match[1].str() + "/delete");
  EXPECT_EQ(confirm.status, 200);
  EXPECT_TRUE(contains(confirm.body, "Slet værdien for 2016?"));
  EXPECT_TRUE(contains(http.get("/indicators/" + id).body, "71,0" + kPercent))
      << "asking deletes nothing";
  const auto response = http.post_form(
      "/indicators/" + id + "/values/" + match[1].str() + "/delete", {{"_csrf", http.csrf()}});
  EXPECT_EQ(response.status, 303);
  EXPECT_TRUE(contains(http.get("/indicators/" + id).body, "Ingen værdier endnu."));
  const auto history = http.get("/history/indicator/" + id).body;
  EXPECT_TRUE(contains(history, "Værdi gemt"));
  EXPECT_TRUE(contains(history, "Værdi slettet"));
}

INSTANTIATE_TEST_SUITE_P(Backends, IndicatorServer, ::testing::ValuesIn(testing::backends()),
                         testing::backend_name);

}  // namespace
}  // namespace samtryg::indicators
