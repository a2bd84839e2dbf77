// Surveys through a real server, on SQLite and PostgreSQL: the coordinator records a survey, a
// wave and a question linked to an indicator, types a result and sees it on the survey page and
// as the indicator's value; a refused figure is shown again as typed; a table is imported
// through upload, mapping, preview and confirm; a viewer reads and changes nothing; the API reads
// and writes surveys.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <regex>

#include "support/factories.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace samtryg::surveys {
namespace {

using testing::HttpClient;
using testing::id_from_location;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class SurveyServer : public testing::ServerTest {
 protected:
  static std::string record_survey(HttpClient& http) {
    http.get("/surveys/new");
    const auto response = http.post_form("/surveys", {{"_csrf", http.csrf()},
                                                      {"name", "Polisens trygghetsmätning"},
                                                      {"kind", "police_survey"},
                                                      {"publisher", "Polisen"}});
    EXPECT_EQ(response.status, 303) << response.body;
    auto survey = id_from_location(response);
    http.get("/surveys/" + survey + "/waves/new");
    const auto wave = http.post_form("/surveys/" + survey + "/waves",
                                     {{"_csrf", http.csrf()}, {"period", "2016"}});
    EXPECT_EQ(wave.status, 303) << wave.body;
    return survey;
  }

  static std::string add_question(HttpClient& http, const std::string& survey,
                                  const std::string& indicator) {
    http.get("/surveys/" + survey + "/questions/new");
    const auto response = http.post_form("/surveys/" + survey + "/questions",
                                         {{"_csrf", http.csrf()},
                                          {"text", "Hur trygg känner du dig ute på kvällen?"},
                                          {"option_1", "Mycket trygg"},
                                          {"option_1_share", "1"},
                                          {"option_2", "Ganska trygg"},
                                          {"option_2_share", "1"},
                                          {"option_3", "Otrygg"},
                                          {"share_label", "känner sig trygga"},
                                          {"indicator_id", indicator}});
    EXPECT_EQ(response.status, 303) << response.body;
    std::smatch match;
    const auto location = response.header("location");
    EXPECT_TRUE(std::regex_search(location, match, std::regex("question-(\\d+)"))) << location;
    return match[1].str();
  }
};

TEST_P(SurveyServer, TheCoordinatorTypesAResultAndTheIndicatorFollows) {
  auto http = signed_in("samordnare@landskrona.se", "coordinator");
  const auto plan = testing::create_plan(http);
  const auto indicator = testing::create_indicator(http, plan,
                                                   {.name = "Andel trygga ute på kvällen",
                                                    .unit = "percent",
                                                    .decimals = "1",
                                                    .direction = "higher"});
  const auto survey = record_survey(http);
  const auto question = add_question(http, survey, indicator);
  const auto base = "/surveys/" + survey + "/questions/" + question + "/results";

  auto form = http.get(base + "/new");
  ASSERT_EQ(form.status, 200) << form.body;
  std::smatch match;
  ASSERT_TRUE(
      std::regex_search(form.body, match, std::regex(R"re(<option value="(\d+)" selected)re")))
      << form.body;
  const auto wave = match[1].str();
  auto response = http.post_form(base, {{"_csrf", http.csrf()},
                                        {"wave_id", wave},
                                        {"respondents", "655"},
                                        {"invited", "1500"},
                                        {"percent_1", "25"},
                                        {"percent_2", "47,5"},
                                        {"percent_3", "27,5"}});
  ASSERT_EQ(response.status, 303) << response.body;
  const auto page = http.get("/surveys/" + survey).body;
  EXPECT_TRUE(contains(page, "Hur trygg känner du dig ute på kvällen?")) << page;
  EXPECT_TRUE(contains(page, "72,5")) << "the share of the two safe answers";
  EXPECT_TRUE(contains(page, "43,7")) << "655 of 1500 answered";
  EXPECT_TRUE(contains(page, "/indicators/" + indicator));
  const auto indicator_page = http.get("/indicators/" + indicator).body;
  EXPECT_TRUE(contains(indicator_page, "72,5")) << indicator_page;

  // Over 100 % is refused next to the figures and shown again as typed.
  response = http.post_form(base, {{"_csrf", http.csrf()},
                                   {"wave_id", wave},
                                   {"percent_1", "80"},
                                   {"percent_2", "abc"},
                                   {"percent_3", "40"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "value=\"abc\"")) << response.body;
  EXPECT_TRUE(contains(response.body, "id=\"percent_2-error\"")) << response.body;
  EXPECT_TRUE(contains(http.get("/surveys/" + survey).body, "72,5")) << "nothing changed";

  // A wave's details are changed without touching its results.
  const auto wave_path = "/surveys/" + survey + "/waves/" + wave + "/edit";
  EXPECT_EQ(http.get(wave_path).status, 200);
  response = http.post_form(
      wave_path,
      {{"_csrf", http.csrf()}, {"period", "2016"}, {"fielded", "september–oktober 2016"}});
  ASSERT_EQ(response.status, 303) << response.body;
  EXPECT_TRUE(contains(http.get("/surveys/" + survey).body, "september–oktober 2016"));

  // Deleting asks first.
  ASSERT_TRUE(std::regex_search(page, match, std::regex("/results/(\\d+)/delete")));
  const auto delete_path = "/surveys/" + survey + "/results/" + match[1].str() + "/delete";
  EXPECT_TRUE(contains(http.get(delete_path).body, "action=\"" + delete_path + "\""));
  EXPECT_EQ(http.post_form(delete_path, {{"_csrf", http.csrf()}}).status, 303);
  EXPECT_FALSE(contains(http.get("/surveys/" + survey).body, "72,5"));
}

constexpr std::string_view kTable =
    "År;Område;Svar;Andel\n"
    "2015;Hela;Mycket trygg;24\n"
    "2015;Hela;Ganska trygg;46\n"
    "2015;Hela;Otrygg;30\n"
    "2015;Hela;Antal svarande;640\n"
    "2016;Hela;Mycket trygg;26\n"
    "2016;Hela;Ganska trygg;48\n"
    "2016;Hela;Otrygg;26\n"
    "2016;Hela;Antal svarande;655\n"
    "2017;Hela;Mycket trygg;70\n"
    "2017;Hela;Ganska trygg;60\n"
    "2017;Hela;Otrygg;0\n";

TEST_P(SurveyServer, ATableIsImportedThroughMappingPreviewAndConfirm) {
  auto http = signed_in("samordnare@landskrona.se", "coordinator");
  const auto survey = record_survey(http);
  const auto question = add_question(http, survey, "");
  http.get("/surveys/" + survey + "/import?question=" + question);
  auto response =
      http.request("POST", "/surveys/" + survey + "/import",
                   testing::multipart_body({{"_csrf", http.csrf()}, {"question_id", question}},
                                           "file", "trygghet.csv", std::string(kTable)),
                   testing::kMultipartType);
  ASSERT_EQ(response.status, 303) << response.body;
  const auto mapping_path = response.header("location");
  auto page = http.get(mapping_path);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "trygghet.csv"));

  EXPECT_TRUE(contains(page.body, "<option value=\"Antal svarande\" selected"))
      << "the respondents' category is guessed";

  // Dimensions by position: year, area, answer; the area dimension left out (the whole survey),
  // so it is fixed to its one category.
  page = http.get(mapping_path + "&time=0&area=&answers=2&respondents=Antal+svarande");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "id=\"preview\"")) << page.body;
  EXPECT_TRUE(contains(page.body, "2 resultater gemmes; 1 ny runde tilføjes")) << page.body;
  EXPECT_TRUE(contains(page.body, "2017: Andelene giver tilsammen mere end 100 %."))
      << "a row the rules refuse is listed, and the rest still imports";
  const auto confirm = mapping_path.substr(0, mapping_path.find('?')) + "/confirm";
  response = http.post_form(confirm, {{"_csrf", http.csrf()},
                                      {"question", question},
                                      {"time", "0"},
                                      {"area", ""},
                                      {"answers", "2"},
                                      {"respondents", "Antal svarande"}});
  ASSERT_EQ(response.status, 303) << response.body;
  const auto survey_page = http.get("/surveys/" + survey).body;
  EXPECT_TRUE(contains(survey_page, "74,0")) << survey_page;
  EXPECT_TRUE(contains(survey_page, "640"));
  EXPECT_EQ(http.get(mapping_path).status, 404) << "the staged file is gone once stored";
}

TEST_P(SurveyServer, AViewerReadsAndChangesNothing) {
  auto coordinator = signed_in("samordnare@landskrona.se", "coordinator");
  const auto survey = record_survey(coordinator);
  auto viewer = signed_in("bra@landskrona.se", "viewer");
  EXPECT_TRUE(contains(viewer.get("/surveys").body, "Polisens trygghetsmätning"));
  const auto page = viewer.get("/surveys/" + survey).body;
  EXPECT_TRUE(contains(page, "Polisen"));
  EXPECT_FALSE(contains(page, "/edit"));
  for (const auto& path : {std::string("/surveys/new"), "/surveys/" + survey + "/edit",
                           "/surveys/" + survey + "/delete", "/surveys/" + survey + "/import"}) {
    EXPECT_EQ(viewer.get(path).status, 403) << path;
  }
  auto member = signed_in("medlem@landskrona.se", "member");
  member.get("/surveys");
  EXPECT_EQ(member.post_form("/surveys/" + survey + "/delete", {{"_csrf", member.csrf()}}).status,
            403);
  EXPECT_EQ(coordinator.get("/surveys/999999").status, 404);
}

TEST_P(SurveyServer, TheApiReadsAndWritesSurveys) {
  auto admin = signed_in("admin@landskrona.se", "admin");
  const auto coordinator = server_->add_user("samordnare@landskrona.se", "coordinator");
  admin.get("/api-tokens");
  const auto token = admin.post_form("/api-tokens", {{"_csrf", admin.csrf()},
                                                     {"name", "Enkätverktyg"},
                                                     {"user_id", std::to_string(coordinator)},
                                                     {"scope", "write"}});
  std::smatch match;
  ASSERT_TRUE(std::regex_search(token.body, match, std::regex(R"((st_[A-Za-z0-9_-]+))")));
  const std::map<std::string, std::string> auth{{"Authorization", "Bearer " + match[1].str()}};
  HttpClient api(server_->port());
  const auto json = [](const testing::HttpResponse& response) {
    return boost::json::parse(response.body).as_object();
  };
  auto response =
      api.request("POST", "/api/v1/surveys", R"({"name": "NTU", "kind": "national_survey"})",
                  "application/json", auth);
  ASSERT_EQ(response.status, 201) << response.body;
  const auto id = std::to_string(json(response)["id"].as_int64());
  response = api.request("POST", "/api/v1/surveys/" + id + "/waves", R"({"period": "2017K3"})",
                         "application/json", auth);
  ASSERT_EQ(response.status, 201) << response.body;
  const auto wave = json(response)["waves"].as_array()[0].as_object();
  EXPECT_EQ(wave.at("period").as_string(), "2017Q3");
  response = api.request(
      "POST", "/api/v1/surveys/" + id + "/questions",
      R"({"text": "Oro för brott", "options": [{"label": "Ja", "in_share": true}, {"label": "Nej"}]})",
      "application/json", auth);
  ASSERT_EQ(response.status, 201) << response.body;
  const auto question = json(response)["questions"].as_array()[0].as_object();
  response = api.request("PUT", "/api/v1/surveys/" + id + "/results",
                         R"({"wave_id": )" + std::to_string(wave.at("id").as_int64()) +
                             R"(, "question_id": )" + std::to_string(question.at("id").as_int64()) +
                             R"(, "respondents": 200, "invited": 400, "percents": [31.5, 68.5]})",
                         "application/json", auth);
  ASSERT_EQ(response.status, 200) << response.body;
  const auto result =
      json(response)["questions"].as_array()[0].as_object().at("results").as_array()[0].as_object();
  EXPECT_DOUBLE_EQ(result.at("share").to_number<double>(), 31.5);
  EXPECT_DOUBLE_EQ(result.at("response_rate").to_number<double>(), 50);

  response = api.request("POST", "/api/v1/surveys", R"({"name": "", "colour": 1})",
                         "application/json", auth);
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "colour")) << response.body;
  response = api.request("GET", "/api/v1/surveys", {}, {}, auth);
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(json(response)["total"].as_int64(), 1);
  const auto document = client().get("/api/v1/openapi.json");
  EXPECT_TRUE(contains(document.body, "\"/api/v1/surveys/{id}/results\"")) << document.body;
}

SAMTRYG_ON_EVERY_BACKEND(SurveyServer);

}  // namespace
}  // namespace samtryg::surveys
