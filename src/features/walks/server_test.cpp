// Safety walks through a real server as the coordinator, the staff on the walk and a council
// member use them, on SQLite and PostgreSQL: plan, count, record, act, follow up, publish.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <regex>

#include "support/factories.hpp"
#include "support/http_client.hpp"
#include "support/images.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
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
  static std::string create_token(HttpClient& admin, const std::string& user_id) {
    admin.get("/api-tokens");
    const auto response = admin.post_form(
        "/api-tokens",
        {{"_csrf", admin.csrf()}, {"name", "Kartapp"}, {"user_id", user_id}, {"scope", "write"}});
    EXPECT_EQ(response.status, 201);
    std::smatch match;
    EXPECT_TRUE(std::regex_search(response.body, match, std::regex(R"((st_[A-Za-z0-9_-]+))")));
    return match[1];
  }

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

TEST_P(WalkServer, TheRouteAndAreaAreTypedOrClickedAndDrawnOnTheMapAndInTheReport) {
  auto http = signed_in("samordnare@landskrona.se", "coordinator");
  const auto walk = plan_walk(http, "");
  auto form = http.get("/walks/" + walk + "/edit").body;
  EXPECT_TRUE(contains(form, "/static/js/walk-draw.js")) << "the map to click on";
  EXPECT_TRUE(contains(form, "name=\"route_line\""));
  const std::map<std::string, std::string> plan{{"_csrf", http.csrf()},
                                                {"area", "Centrum"},
                                                {"year", "2016"},
                                                {"season", "spring"},
                                                {"row_version", "1"}};
  auto typed = plan;
  typed["route_line"] = "55.8705, 12.8305\nNorra Långgatan";
  auto response = http.post_form("/walks/" + walk + "/edit", typed);
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Linje 2 er ikke en position")) << response.body;
  EXPECT_TRUE(contains(response.body, "Norra Långgatan</textarea>")) << "shown again to correct";

  typed["route_line"] = "55.8705, 12.8305\n55,8738 12,8386";
  typed["area_outline"] = "55.869, 12.829\n55.875, 12.829\n55.875, 12.840";
  response = http.post_form("/walks/" + walk + "/edit", typed);
  ASSERT_EQ(response.status, 303) << response.body;
  const auto page = http.get("/walks/" + walk).body;
  EXPECT_TRUE(contains(page, "data-route=\"[[55.870500,12.830500],[55.873800,12.838600]]\""))
      << page;
  form = http.get("/walks/" + walk + "/edit").body;
  EXPECT_TRUE(contains(form, "55.870500, 12.830500\n55.873800, 12.838600</textarea>")) << form;
  const auto html = http.get("/walks/" + walk + "/report/html").body;
  EXPECT_TRUE(contains(html, "stroke-dasharray=\"8 6\"")) << "the route in the report's map";
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

TEST_P(WalkServer, PhotosAreKeptWithoutTheirPositionAndServedWithAnETag) {
  auto coordinator = signed_in("samordnare@landskrona.se", "coordinator");
  const auto walk = plan_walk(coordinator, "");
  auto response = coordinator.post_form("/walks/" + walk + "/findings",
                                        {{"_csrf", coordinator.csrf()},
                                         {"place", "Saluhallstorget"},
                                         {"category", "litter_graffiti"},
                                         {"severity", "medium"},
                                         {"description", "Klotter på elskåpet"}});
  const auto location = response.header("location");
  const auto finding = location.substr(location.find("#finding-") + 9);
  const auto upload = "/walks/" + walk + "/findings/" + finding + "/photos";
  coordinator.get(upload);
  response = coordinator.request(
      "POST", upload,
      testing::multipart_body({{"_csrf", coordinator.csrf()}, {"stage", "walk"}}, "photo",
                              "IMG_0001.jpg", "not a photo at all"),
      testing::kMultipartType);
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Filen er ikke et JPEG-, PNG- eller WebP-foto"));

  response = coordinator.request(
      "POST", upload,
      testing::multipart_body({{"_csrf", coordinator.csrf()}, {"stage", "walk"}}, "photo",
                              "IMG_0002.jpg", testing::sample_jpeg(3000, 2000, true)),
      testing::kMultipartType);
  ASSERT_EQ(response.status, 303) << response.body;
  const auto page = coordinator.get("/walks/" + walk).body;
  const auto at = page.find("/walk-photos/");
  ASSERT_NE(at, std::string::npos) << page;
  const auto photo = page.substr(at + 13, page.find_first_of("/\"", at + 13) - at - 13);
  EXPECT_TRUE(contains(page, "ikke offentlig")) << "photos are not public by default";

  response = coordinator.get("/walk-photos/" + photo);
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.header("content-type"), "image/jpeg");
  EXPECT_FALSE(contains(response.body, "Anna Andersson"));
  const auto etag = response.header("etag");
  EXPECT_FALSE(etag.empty());
  EXPECT_TRUE(contains(response.header("cache-control"), "max-age=31536000"));
  response = coordinator.request("GET", "/walk-photos/" + photo, {}, {}, {{"If-None-Match", etag}});
  EXPECT_EQ(response.status, 304);
  EXPECT_EQ(coordinator.get("/walk-photos/" + photo + "/thumbnail").status, 200);

  auto viewer = signed_in("byraad@landskrona.se", "viewer");
  EXPECT_EQ(viewer.get("/walk-photos/" + photo).status, 404) << "the walk is not published";

  // The walk report carries the finding and its photo, in each format, read by real tools.
  coordinator.post_form("/walks/" + walk + "/findings", {{"_csrf", coordinator.csrf()},
                                                         {"latitude", "55.8738"},
                                                         {"longitude", "12.8386"},
                                                         {"category", "lighting"},
                                                         {"severity", "high"},
                                                         {"description", "Mörk gångväg"}});
  testing::TempDir directory;
  const auto pdf = coordinator.get("/walks/" + walk + "/report/pdf");
  ASSERT_EQ(pdf.status, 200);
  const auto text =
      testing::run_command("pdftotext -enc UTF-8 " + directory.file("walk.pdf", pdf.body) + " -");
  EXPECT_TRUE(contains(text.output, "Klotter på elskåpet")) << text.output;
  EXPECT_TRUE(contains(text.output, "Kort over fundene"));
  const auto docx = coordinator.get("/walks/" + walk + "/report/docx");
  ASSERT_EQ(docx.status, 200);
  const auto xml = testing::run_command("unzip -p " + directory.file("walk.docx", docx.body) +
                                        " word/document.xml");
  EXPECT_TRUE(contains(xml.output, "Mörk gångväg"));
  EXPECT_TRUE(contains(xml.output, "<pic:pic")) << "the map and the photo are pictures";
  const auto html = coordinator.get("/walks/" + walk + "/report/html").body;
  EXPECT_TRUE(contains(html, "data:image/jpeg;base64,"));
  EXPECT_TRUE(contains(html, ">N</text>")) << "the map has its north arrow";
  EXPECT_EQ(viewer.get("/walks/" + walk + "/report/pdf").status, 404);
}

TEST_P(WalkServer, TheApiPlansCountsRecordsAndRefusesStaleChanges) {
  auto admin = signed_in("admin@landskrona.se", "admin");
  const auto coordinator = server_->add_user("samordnare@landskrona.se", "coordinator");
  const std::map<std::string, std::string> auth{
      {"Authorization", "Bearer " + create_token(admin, std::to_string(coordinator))}};
  HttpClient api(server_->port());
  const auto json = [](const testing::HttpResponse& response) {
    return boost::json::parse(response.body).as_object();
  };

  auto response = api.request("POST", "/api/v1/walks",
                              R"({"area": "Centrum", "year": 2016, "season": "spring",
                                  "walk_date": "2016-04-20", "recruitment": ["schools"],
                                  "groups": [{"name": "Grupp 1", "guide": "Kommunpolisen"}]})",
                              "application/json", auth);
  ASSERT_EQ(response.status, 201) << response.body;
  const auto location = response.header("location");
  EXPECT_EQ(json(response)["groups"].as_array().size(), 1U);

  response =
      api.request("PUT", location + "/counts",
                  R"({"residents": 20, "police": 3, "row_version": 1})", "application/json", auth);
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(json(response)["counts"].as_object()["residents"].as_int64(), 20);
  response = api.request("PUT", location + "/counts", R"({"residents": 21, "row_version": 1})",
                         "application/json", auth);
  EXPECT_EQ(response.status, 409) << "a stale version is refused";

  const std::string finding =
      R"({"place": "Gångtunneln", "latitude": 55.8771, "longitude": 12.8413,
          "category": "lighting", "severity": "high", "description": "Mörk",
          "client_key": "phone-7"})";
  response = api.request("POST", location + "/findings", finding, "application/json", auth);
  ASSERT_EQ(response.status, 201) << response.body;
  const auto first = json(response)["id"].as_int64();
  response = api.request("POST", location + "/findings", finding, "application/json", auth);
  EXPECT_EQ(json(response)["id"].as_int64(), first) << "a resent finding is stored once";
  response = api.request("POST", location + "/findings",
                         R"({"latitude": 95, "longitude": 12, "description": "x"})",
                         "application/json", auth);
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "latitude"));
  response = api.request("POST", location + "/findings", R"({"description": "x", "colour": 1})",
                         "application/json", auth);
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "colour"));

  response = api.request("GET", "/api/v1/walks", {}, {}, auth);
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(json(response)["total"].as_int64(), 1);
  response = api.request("GET", location, {}, {}, auth);
  EXPECT_EQ(json(response)["findings"].as_array().size(), 1U);

  const auto document = client().get("/api/v1/openapi.json");
  EXPECT_TRUE(contains(document.body, "\"/api/v1/walks/{id}/findings\"")) << document.body;
  EXPECT_TRUE(contains(document.body, "\"WalkAction\""));
}

SAMTRYG_ON_EVERY_BACKEND(WalkServer);

}  // namespace
}  // namespace samtryg::walks
