// Safety walks through a real server as the coordinator, the staff on the walk and a council
// member use them, on SQLite and PostgreSQL: plan, count, record, act, follow up, publish.
#include <gtest/gtest.h>

#include "support/factories.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace samtryg::walks {
namespace {

using testing::HttpClient;
using testing::id_from_location;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class WalkServer : public testing::ServerTest {
 protected:
  static std::string plan_walk(HttpClient& http, const std::string& indicator) {
    http.get("/walks/new");
    const auto response = http.post_form("/walks", {{"_csrf", http.csrf()},
                                                    {"area", "Centrum – Norra Långgatan"},
                                                    {"year", "2016"},
                                                    {"season", "spring"},
                                                    {"walk_date", "2016-04-26"},
                                                    {"start_time", "18:00"},
                                                    {"meeting_point", "Rådhustorget"},
                                                    {"recruitment_posters", "1"},
                                                    {"recruitment_blue_jackets", "1"},
                                                    {"group_1_name", "Grupp 1"},
                                                    {"group_1_guide", "Trygghetssamordnaren"},
                                                    {"indicator_id", indicator}});
    EXPECT_EQ(response.status, 303) << response.body;
    return id_from_location(response);
  }
};

TEST_P(WalkServer, TheCoordinatorPlansAndCountsAndThePerEventTargetFollows) {
  auto http = signed_in("samordnare@landskrona.se", "coordinator");
  const auto plan = testing::create_plan(http);
  const auto indicator = testing::create_indicator(
      http, plan, {.name = "Deltagare per trygghetsvandring", .frequency = "event"});
  const auto walk = plan_walk(http, indicator);
  auto page = http.get("/walks/" + walk).body;
  EXPECT_TRUE(contains(page, "Centrum – Norra Långgatan, foråret 2016")) << page;
  EXPECT_TRUE(contains(page, "Natteravne"));
  EXPECT_TRUE(contains(page, "Trygghetssamordnaren"));

  // A follow-up dated before the walk is refused next to its field; nothing changes.
  auto response = http.post_form("/walks/" + walk + "/edit", {{"_csrf", http.csrf()},
                                                              {"area", "Centrum"},
                                                              {"year", "2016"},
                                                              {"season", "spring"},
                                                              {"walk_date", "2016-04-26"},
                                                              {"follow_up_date", "2016-04-01"},
                                                              {"row_version", "1"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Den opfølgende vandring skal ligge efter vandringen"));
  EXPECT_TRUE(contains(http.get("/walks").body, "Centrum – Norra Långgatan"));

  response = http.post_form("/walks/" + walk + "/counts", {{"_csrf", http.csrf()},
                                                           {"residents", "17"},
                                                           {"workers", "3"},
                                                           {"municipality", "6"},
                                                           {"police", "2"},
                                                           {"property_owners", "3"},
                                                           {"others", "1"},
                                                           {"row_version", "1"}});
  ASSERT_EQ(response.status, 303) << response.body;
  page = http.get("/walks/" + walk).body;
  EXPECT_TRUE(contains(page, "21 talt med i målet om mindst 20")) << page;
  EXPECT_TRUE(contains(page, "mål nået"));
  const auto indicator_page = http.get("/indicators/" + indicator).body;
  EXPECT_TRUE(contains(indicator_page, "26. april 2016")) << indicator_page;

  response = http.post_form("/walks/" + walk + "/counts",
                            {{"_csrf", http.csrf()}, {"residents", "-4"}, {"row_version", "2"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Skriv et helt tal fra 0 til 10000"));

  response = http.post_form("/walks/" + walk + "/status",
                            {{"_csrf", http.csrf()}, {"to", "published"}, {"row_version", "2"}});
  EXPECT_EQ(response.status, 422) << "a planned walk is not published";
  response = http.post_form("/walks/" + walk + "/status",
                            {{"_csrf", http.csrf()}, {"to", "walked"}, {"row_version", "2"}});
  EXPECT_EQ(response.status, 303) << response.body;
}

TEST_P(WalkServer, StaffRecordFindingsTheCoordinatorAssignsActionsAndOwnersSeeThem) {
  auto coordinator = signed_in("samordnare@landskrona.se", "coordinator");
  const auto walk = plan_walk(coordinator, "");
  auto lead = signed_in("gata@landskrona.se", "initiative_lead");
  lead.get("/walks/" + walk);
  auto response =
      lead.post_form("/walks/" + walk + "/findings", {{"_csrf", lead.csrf()},
                                                      {"place", ""},
                                                      {"latitude", "91"},
                                                      {"longitude", "12,84"},
                                                      {"category", "lighting"},
                                                      {"severity", "high"},
                                                      {"description", "Mörk gångtunnel"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Mörk gångtunnel")) << "what was typed is kept";
  response = lead.post_form("/walks/" + walk + "/findings", {{"_csrf", lead.csrf()},
                                                             {"place", "Gångtunneln vid stationen"},
                                                             {"latitude", "55,8771"},
                                                             {"longitude", "12.8413"},
                                                             {"category", "lighting"},
                                                             {"severity", "high"},
                                                             {"description", "Mörk gångtunnel"},
                                                             {"client_key", "phone-1"}});
  ASSERT_EQ(response.status, 303) << response.body;
  lead.post_form("/walks/" + walk + "/findings", {{"_csrf", lead.csrf()},
                                                  {"place", "Gångtunneln vid stationen"},
                                                  {"category", "lighting"},
                                                  {"severity", "high"},
                                                  {"description", "Mörk gångtunnel"},
                                                  {"client_key", "phone-1"}});
  auto page = coordinator.get("/walks/" + walk).body;
  EXPECT_TRUE(contains(page, "55,87710, 12,84130")) << page;
  const auto at = page.find("id=\"finding-");
  ASSERT_NE(at, std::string::npos);
  const auto finding = page.substr(at + 12, page.find('"', at + 12) - at - 12);
  EXPECT_EQ(page.find("id=\"finding-", at + 1), std::string::npos) << "sent twice, kept once";

  EXPECT_EQ(lead.post_form("/walks/" + walk + "/findings/" + finding + "/actions",
                           {{"_csrf", lead.csrf()}, {"description", "Byta armaturer"}})
                .status,
            403);
  coordinator.get("/walks/" + walk + "/findings/" + finding + "/actions/new");
  response = coordinator.post_form("/walks/" + walk + "/findings/" + finding + "/actions",
                                   {{"_csrf", coordinator.csrf()},
                                    {"description", "Byta armaturer i gångtunneln"},
                                    {"responsible_party", "Teknik- och serviceförvaltningen"},
                                    {"owner_user_id", user_id("gata@landskrona.se")},
                                    {"due_date", "2016-09-30"},
                                    {"status", "open"}});
  ASSERT_EQ(response.status, 303) << response.body;
  auto start = lead.get("/").body;
  EXPECT_TRUE(contains(start, "Dine handlinger fra tryghedsvandringer")) << start;
  EXPECT_TRUE(contains(start, "Byta armaturer i gångtunneln"));
  EXPECT_TRUE(contains(start, "overskredet"));
  const auto link = start.find("/walk-actions/");
  ASSERT_NE(link, std::string::npos);
  const auto action = start.substr(link + 14, start.find('/', link + 14) - link - 14);

  lead.get("/walk-actions/" + action + "/edit");
  response = lead.post_form("/walk-actions/" + action + "/edit",
                            {{"_csrf", lead.csrf()}, {"status", "declined"}, {"row_version", "1"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Skriv hvorfor handlingen blev afvist"));
  response = lead.post_form("/walk-actions/" + action + "/edit", {{"_csrf", lead.csrf()},
                                                                  {"status", "referred"},
                                                                  {"status_note", "Trafikverket"},
                                                                  {"row_version", "1"}});
  EXPECT_EQ(response.status, 303) << response.body;
  EXPECT_FALSE(contains(lead.get("/").body, "Byta armaturer i gångtunneln"));
  page = coordinator.get("/walks/" + walk).body;
  EXPECT_TRUE(contains(page, "Videresendt til anden aktør")) << page;
  EXPECT_TRUE(contains(page, "0 udbedret, 1 lukket uden udbedring")) << "closed is not fixed";

  auto viewer = signed_in("byraad@landskrona.se", "viewer");
  EXPECT_EQ(viewer.get("/walks/" + walk).status, 404) << "not published yet";
  EXPECT_EQ(viewer.get("/walk-actions/" + action + "/edit").status, 403);
}

TEST_P(WalkServer, TheFollowUpWalkChecksEachFinding) {
  auto coordinator = signed_in("samordnare@landskrona.se", "coordinator");
  const auto walk = plan_walk(coordinator, "");
  auto response = coordinator.post_form("/walks/" + walk + "/findings",
                                        {{"_csrf", coordinator.csrf()},
                                         {"place", "Lekplatsen i Karlslund"},
                                         {"category", "vegetation"},
                                         {"severity", "medium"},
                                         {"description", "Buskage skymmer gångvägen"}});
  ASSERT_EQ(response.status, 303);
  const auto location = response.header("location");
  const auto finding = location.substr(location.find("#finding-") + 9);
  response = coordinator.post_form(
      "/walks/" + walk + "/findings/" + finding + "/check",
      {{"_csrf", coordinator.csrf()}, {"follow_up", "fixed"}, {"row_version", "1"}});
  EXPECT_EQ(response.status, 422) << "the walk has not taken place";
  coordinator.post_form("/walks/" + walk + "/counts",
                        {{"_csrf", coordinator.csrf()}, {"residents", "22"}, {"row_version", "1"}});
  coordinator.post_form("/walks/" + walk + "/status",
                        {{"_csrf", coordinator.csrf()}, {"to", "walked"}, {"row_version", "2"}});
  response = coordinator.post_form("/walks/" + walk + "/findings/" + finding + "/check",
                                   {{"_csrf", coordinator.csrf()},
                                    {"follow_up", "partly"},
                                    {"follow_up_note", "Buskaget är beskuret, belysning saknas"},
                                    {"row_version", "1"}});
  ASSERT_EQ(response.status, 303) << response.body;
  const auto page = coordinator.get("/walks/" + walk).body;
  EXPECT_TRUE(contains(page, "Delvist udbedret")) << page;
  EXPECT_TRUE(contains(page, "Buskaget är beskuret"));
}

SAMTRYG_ON_EVERY_BACKEND(WalkServer);

}  // namespace
}  // namespace samtryg::walks
