// Dialogues through a real server, on SQLite and PostgreSQL: the coordinator records one with
// its themes and the safety walk it took as input, a refused form keeps what was typed, a
// viewer sees published dialogues only, deleting asks first, and the API reads and writes them.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <regex>

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace samtryg::dialogues {
namespace {

using testing::HttpClient;
using testing::id_from_location;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class DialogueServer : public testing::ServerTest {
 protected:
  static std::string plan_walk(HttpClient& http) {
    http.get("/walks/new");
    const auto response = http.post_form("/walks", {{"_csrf", http.csrf()},
                                                    {"area", "Centrum – Norra Långgatan"},
                                                    {"year", "2016"},
                                                    {"season", "spring"},
                                                    {"walk_date", "2016-04-20"}});
    EXPECT_EQ(response.status, 303) << response.body;
    auto walk = id_from_location(response);
    http.get("/walks/" + walk);
    const auto finding =
        http.post_form("/walks/" + walk + "/findings", {{"_csrf", http.csrf()},
                                                        {"place", "Saluhallstorget"},
                                                        {"category", "litter_graffiti"},
                                                        {"severity", "medium"},
                                                        {"description", "Klotter på elskåpen"}});
    EXPECT_EQ(finding.status, 303) << finding.body;
    return walk;
  }

  static std::string record_dialogue(HttpClient& http, const std::string& walk,
                                     const std::string& published) {
    http.get("/dialogues/new");
    const auto response = http.post_form("/dialogues", {{"_csrf", http.csrf()},
                                                        {"title", "Dialog efter vandringen"},
                                                        {"held_on", "2016-05-10"},
                                                        {"format", "meeting"},
                                                        {"place", "Norra Långgatan"},
                                                        {"partners", "Lokalpolisområde Landskrona"},
                                                        {"count_residents", "21"},
                                                        {"count_police", "2"},
                                                        {"walk_id", walk},
                                                        {"published", published}});
    EXPECT_EQ(response.status, 303) << response.body;
    return id_from_location(response);
  }
};

TEST_P(DialogueServer, TheCoordinatorRecordsADialogueWithThemesAndTheWalksFindings) {
  auto http = signed_in("samordnare@landskrona.se", "coordinator");
  const auto walk = plan_walk(http);
  const auto dialogue = record_dialogue(http, walk, "");
  auto page = http.get("/dialogues/" + dialogue).body;
  EXPECT_TRUE(contains(page, "Dialog efter vandringen")) << page;
  EXPECT_TRUE(contains(page, "Lokalpolisområde Landskrona"));
  EXPECT_TRUE(contains(page, "23 i alt")) << "21 residents and 2 police";
  EXPECT_TRUE(contains(page, "/walks/" + walk));
  EXPECT_TRUE(contains(page, "Klotter på elskåpen")) << "the walk's finding as input";

  auto response = http.post_form("/dialogues/" + dialogue + "/themes",
                                 {{"_csrf", http.csrf()},
                                  {"label", "Polisiær synlighed"},
                                  {"mentions", "14"},
                                  {"summary", "Flere vil se politi til fods"}});
  ASSERT_EQ(response.status, 303) << response.body;
  response = http.post_form("/dialogues/" + dialogue + "/themes",
                            {{"_csrf", http.csrf()}, {"label", "Klotter"}, {"rank", "1"}});
  ASSERT_EQ(response.status, 303) << response.body;
  page = http.get("/dialogues/" + dialogue).body;
  EXPECT_LT(page.find("Klotter</h3>"), page.find("Polisiær synlighed</h3>")) << "ranked first";
  EXPECT_TRUE(contains(page, "rejst af 14"));

  std::smatch match;
  ASSERT_TRUE(std::regex_search(page, match, std::regex("/themes/(\\d+)/delete")));
  const auto theme_path = "/dialogues/" + dialogue + "/themes/" + match[1].str();
  const auto confirm = http.get(theme_path + "/delete");
  EXPECT_EQ(confirm.status, 200);
  EXPECT_TRUE(contains(confirm.body, "action=\"" + theme_path + "/delete\"")) << confirm.body;
  EXPECT_EQ(http.post_form(theme_path + "/delete", {{"_csrf", http.csrf()}}).status, 303);
  EXPECT_EQ(http.get(theme_path + "/edit").status, 404);
}

TEST_P(DialogueServer, RefusedInputIsShownAgainAsTyped) {
  auto http = signed_in("samordnare@landskrona.se", "coordinator");
  http.get("/dialogues/new");
  auto response = http.post_form("/dialogues", {{"_csrf", http.csrf()},
                                                {"title", "Dialog i skolan"},
                                                {"held_on", "2016-02-30"},
                                                {"format", "school"},
                                                {"count_young_people", "many"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "value=\"Dialog i skolan\"")) << response.body;
  EXPECT_TRUE(contains(response.body, "value=\"many\""));
  EXPECT_TRUE(contains(response.body, "Skriv et helt tal fra 0 til 100000"));
  EXPECT_FALSE(contains(http.get("/dialogues").body, "Dialog i skolan"));

  const auto dialogue = record_dialogue(http, "", "1");
  response = http.post_form("/dialogues/" + dialogue + "/themes",
                            {{"_csrf", http.csrf()}, {"label", "Trafik"}, {"rank", "0"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "value=\"Trafik\"")) << response.body;
  EXPECT_TRUE(contains(response.body, "Skriv en rangering fra 1 til 100"));
}

TEST_P(DialogueServer, AViewerSeesPublishedDialoguesOnlyAndChangesNothing) {
  auto coordinator = signed_in("samordnare@landskrona.se", "coordinator");
  const auto walk = plan_walk(coordinator);
  const auto hidden = record_dialogue(coordinator, "", "");
  const auto shown = record_dialogue(coordinator, walk, "1");
  auto viewer = signed_in("byraad@landskrona.se", "viewer");
  EXPECT_EQ(viewer.get("/dialogues/" + hidden).status, 404);
  const auto page = viewer.get("/dialogues/" + shown);
  EXPECT_EQ(page.status, 200);
  EXPECT_FALSE(contains(page.body, "Klotter på elskåpen")) << "the walk is not published";
  EXPECT_FALSE(contains(page.body, "/dialogues/" + shown + "/edit"));
  const auto list = viewer.get("/dialogues").body;
  EXPECT_TRUE(contains(list, "/dialogues/" + shown));
  EXPECT_FALSE(contains(list, "/dialogues/" + hidden + "\""));
  EXPECT_EQ(viewer.post_form("/dialogues/" + shown + "/delete", {{"_csrf", viewer.csrf()}}).status,
            403);
}

TEST_P(DialogueServer, TheHistoryNamesTheFormAndTheWalk) {
  auto http = signed_in("samordnare@landskrona.se", "coordinator");
  const auto walk = plan_walk(http);
  const auto dialogue = record_dialogue(http, "", "");
  http.get("/dialogues/" + dialogue + "/edit");
  const auto response =
      http.post_form("/dialogues/" + dialogue + "/edit", {{"_csrf", http.csrf()},
                                                          {"title", "Dialog efter vandringen"},
                                                          {"held_on", "2016-05-10"},
                                                          {"format", "online"},
                                                          {"walk_id", walk},
                                                          {"row_version", "1"}});
  ASSERT_EQ(response.status, 303) << response.body;
  const auto history = http.get("/history/dialogue/" + dialogue).body;
  // The codes meeting and online in words.
  EXPECT_TRUE(contains(history, "Møde")) << history;
  EXPECT_TRUE(contains(history, "Online"));
  EXPECT_TRUE(contains(history, "Centrum – Norra Långgatan, foråret 2016"));
}

TEST_P(DialogueServer, DeletingADialogueAsksFirst) {
  auto http = signed_in("samordnare@landskrona.se", "coordinator");
  const auto dialogue = record_dialogue(http, "", "");
  const auto confirm = http.get("/dialogues/" + dialogue + "/delete");
  EXPECT_EQ(confirm.status, 200);
  EXPECT_EQ(http.get("/dialogues/" + dialogue).status, 200) << "nothing deleted by asking";
  const auto response =
      http.post_form("/dialogues/" + dialogue + "/delete", {{"_csrf", http.csrf()}});
  EXPECT_EQ(response.status, 303);
  EXPECT_EQ(http.get("/dialogues/" + dialogue).status, 404);
}

TEST_P(DialogueServer, TheApiRecordsReadsAndRefusesStaleChanges) {
  auto admin = signed_in("admin@landskrona.se", "admin");
  const auto coordinator = server_->add_user("samordnare@landskrona.se", "coordinator");
  admin.get("/api-tokens");
  const auto token = admin.post_form("/api-tokens", {{"_csrf", admin.csrf()},
                                                     {"name", "Dialogapp"},
                                                     {"user_id", std::to_string(coordinator)},
                                                     {"scope", "write"}});
  std::smatch match;
  ASSERT_TRUE(std::regex_search(token.body, match, std::regex(R"((st_[A-Za-z0-9_-]+))")));
  const std::map<std::string, std::string> auth{{"Authorization", "Bearer " + match[1].str()}};
  HttpClient api(server_->port());
  const auto json = [](const testing::HttpResponse& response) {
    return boost::json::parse(response.body).as_object();
  };

  auto response = api.request("POST", "/api/v1/dialogues",
                              R"({"title": "Dialog på torget", "held_on": "2016-03-12",
                                  "format": "street_stand", "participants": {"residents": 58},
                                  "themes": [{"label": "Trafik", "mentions": 9},
                                             {"label": "Synlighet", "rank": 1}]})",
                              "application/json", auth);
  ASSERT_EQ(response.status, 201) << response.body;
  const auto location = response.header("location");
  auto body = json(response);
  ASSERT_EQ(body["themes"].as_array().size(), 2U);
  EXPECT_EQ(body["themes"].as_array()[0].as_object()["label"].as_string(), "Synlighet");

  response = api.request("PUT", location, R"({"summary": "Ett stånd", "row_version": 1})",
                         "application/json", auth);
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(json(response)["themes"].as_array().size(), 2U) << "kept without themes";
  response = api.request("PUT", location, R"({"summary": "x", "row_version": 1})",
                         "application/json", auth);
  EXPECT_EQ(response.status, 409);
  response = api.request("POST", "/api/v1/dialogues",
                         R"({"title": "x", "held_on": "2016-03-12", "colour": 1,
                             "themes": [{"label": ""}]})",
                         "application/json", auth);
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "colour")) << response.body;

  response = api.request("GET", "/api/v1/dialogues", {}, {}, auth);
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(json(response)["total"].as_int64(), 1);
  const auto document = client().get("/api/v1/openapi.json");
  EXPECT_TRUE(contains(document.body, "\"/api/v1/dialogues/{id}\"")) << document.body;
}

SAMTRYG_ON_EVERY_BACKEND(DialogueServer);

}  // namespace
}  // namespace samtryg::dialogues
