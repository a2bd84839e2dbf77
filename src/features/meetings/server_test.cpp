// Meetings through a real server, on SQLite and PostgreSQL: the coordinator plans a meeting,
// builds its agenda, writes minutes, records a decision and gives a member an action item,
// which shows on that member's start page until they mark it done there; refused input keeps
// what was typed; calendar feeds answer text/calendar with an ETag and 304, the personal one
// without signing in until its address is revoked; viewers find published decisions only; the
// API reads and plans meetings.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <regex>

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace samtryg::meetings {
namespace {

using testing::HttpClient;
using testing::id_from_location;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class MeetingServer : public testing::ServerTest {
 protected:
  static std::string plan_meeting(HttpClient& http) {
    http.get("/meetings/new");
    const auto response = http.post_form("/meetings", {{"_csrf", http.csrf()},
                                                       {"title", "Ordinært møde i Lokalrådet"},
                                                       {"day", "2014-01-22"},
                                                       {"starts", "14.00"},
                                                       {"ends", "16:00"},
                                                       {"place", "Aalborg Politigård"}});
    EXPECT_EQ(response.status, 303) << response.body;
    return id_from_location(response);
  }

  static std::string add_item(HttpClient& http, const std::string& meeting,
                              const std::string& title) {
    http.get("/meetings/" + meeting + "/items/new");
    const auto response = http.post_form("/meetings/" + meeting + "/items",
                                         {{"_csrf", http.csrf()}, {"title", title}});
    EXPECT_EQ(response.status, 303) << response.body;
    std::smatch match;
    const auto location = response.header("location");
    EXPECT_TRUE(std::regex_search(location, match, std::regex("item-(\\d+)"))) << location;
    return match[1].str();
  }
};

TEST_P(MeetingServer, AnActionItemFromTheMinutesShowsOnItsOwnersStartPageUntilDone) {
  auto coordinator = signed_in("tovholder@aalborg.dk", "coordinator");
  auto member = signed_in("politi@aalborg.dk", "member");
  const auto member_id = user_id("politi@aalborg.dk");
  const auto meeting = plan_meeting(coordinator);
  const auto item = add_item(coordinator, meeting, "Kriminalitetsbilledet pr. fokusområde");
  const auto base = "/meetings/" + meeting + "/items/" + item;

  coordinator.get(base + "/edit");
  auto response =
      coordinator.post_form(base + "/edit", {{"_csrf", coordinator.csrf()},
                                             {"title", "Kriminalitetsbilledet pr. fokusområde"},
                                             {"minutes", "Indbruddene på Nytorv er faldet."},
                                             {"row_version", "1"}});
  ASSERT_EQ(response.status, 303) << response.body;
  coordinator.get(base + "/decisions/new");
  response = coordinator.post_form(base + "/decisions",
                                   {{"_csrf", coordinator.csrf()},
                                    {"text", "Politiet følger op på Nytorv til næste møde."},
                                    {"published", "1"}});
  ASSERT_EQ(response.status, 303) << response.body;
  coordinator.get(base + "/actions/new");
  response = coordinator.post_form(
      base + "/actions",
      {{"_csrf", coordinator.csrf()}, {"title", "Status på Nytorv"}, {"due_on", "2014-04-16"}});
  EXPECT_EQ(response.status, 422) << "an action without an owner";
  EXPECT_TRUE(contains(response.body, "value=\"2014-04-16\"")) << response.body;
  response = coordinator.post_form(base + "/actions", {{"_csrf", coordinator.csrf()},
                                                       {"title", "Status på Nytorv"},
                                                       {"owner_user_id", member_id},
                                                       {"due_on", "2014-04-16"}});
  ASSERT_EQ(response.status, 303) << response.body;

  const auto page = coordinator.get("/meetings/" + meeting).body;
  EXPECT_TRUE(contains(page, "Indbruddene på Nytorv er faldet.")) << page;
  EXPECT_TRUE(contains(page, "Beslutning 1:"));
  EXPECT_TRUE(contains(page, "Status på Nytorv"));
  EXPECT_TRUE(contains(coordinator.get("/decisions?q=NYTORV").body, "følger op på Nytorv"));

  auto start = member.get("/").body;
  ASSERT_TRUE(contains(start, "Status på Nytorv")) << start;
  std::smatch match;
  ASSERT_TRUE(std::regex_search(start, match, std::regex("/meeting-actions/(\\d+)/done")));
  response = member.post_form("/meeting-actions/" + match[1].str() + "/done",
                              {{"_csrf", member.csrf()}, {"done", "1"}, {"return", "/"}});
  ASSERT_EQ(response.status, 303) << response.body;
  EXPECT_FALSE(contains(member.get("/").body, "Status på Nytorv"));
}

TEST_P(MeetingServer, RefusedInputKeepsWhatWasTyped) {
  auto coordinator = signed_in("tovholder@aalborg.dk", "coordinator");
  coordinator.get("/meetings/new");
  const auto response = coordinator.post_form("/meetings", {{"_csrf", coordinator.csrf()},
                                                            {"title", "Temamøde om indbrud"},
                                                            {"day", "2014-03-05"},
                                                            {"starts", "15:00"},
                                                            {"ends", "14:00"},
                                                            {"video_url", "ftp://x"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "value=\"Temamøde om indbrud\"")) << response.body;
  EXPECT_TRUE(contains(response.body, "id=\"ends-error\""));
  EXPECT_TRUE(contains(response.body, "id=\"video_url-error\""));
  EXPECT_FALSE(contains(coordinator.get("/meetings").body, "Temamøde om indbrud"));
}

TEST_P(MeetingServer, CalendarFeedsAnswerWithETagsAndThePersonalOneWithoutSigningIn) {
  auto coordinator = signed_in("tovholder@aalborg.dk", "coordinator");
  plan_meeting(coordinator);
  auto feed = coordinator.get("/meetings/calendar.ics");
  ASSERT_EQ(feed.status, 200) << feed.body;
  EXPECT_TRUE(contains(feed.header("content-type"), "text/calendar"));
  EXPECT_TRUE(contains(feed.body, "SUMMARY:Ordinært møde i Lokalrådet"));
  EXPECT_TRUE(contains(feed.body, "DTSTART;TZID="));
  const auto etag = feed.header("etag");
  ASSERT_FALSE(etag.empty());
  const auto again =
      coordinator.request("GET", "/meetings/calendar.ics", {}, {}, {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);

  coordinator.get("/calendar");
  const auto made = coordinator.post_form("/calendar/new", {{"_csrf", coordinator.csrf()}});
  ASSERT_EQ(made.status, 200);
  std::smatch match;
  ASSERT_TRUE(std::regex_search(made.body, match,
                                std::regex("/calendar/feed\\.ics\\?token=([A-Za-z0-9_-]+)")));
  const auto address = "/calendar/feed.ics?token=" + match[1].str();
  HttpClient calendar_program = client();
  const auto personal = calendar_program.get(address);
  EXPECT_EQ(personal.status, 200) << personal.body;
  EXPECT_TRUE(contains(personal.body, "BEGIN:VCALENDAR"));
  coordinator.get("/calendar");
  coordinator.post_form("/calendar/revoke", {{"_csrf", coordinator.csrf()}});
  EXPECT_EQ(calendar_program.get(address).status, 404);
  EXPECT_EQ(calendar_program.get("/calendar/feed.ics?token=guess").status, 404);
}

TEST_P(MeetingServer, ViewersFindPublishedDecisionsOnlyAndTheApiPlansMeetings) {
  auto coordinator = signed_in("tovholder@aalborg.dk", "coordinator");
  const auto meeting = plan_meeting(coordinator);
  const auto item = add_item(coordinator, meeting, "Handleplan 2014");
  const auto base = "/meetings/" + meeting + "/items/" + item + "/decisions";
  coordinator.get(base + "/new");
  coordinator.post_form(base, {{"_csrf", coordinator.csrf()},
                               {"text", "Handleplanen for 2014 godkendes."},
                               {"published", "1"}});
  coordinator.post_form(base, {{"_csrf", coordinator.csrf()}, {"text", "Internt: budgettet."}});
  auto viewer = signed_in("byraad@aalborg.dk", "viewer");
  EXPECT_EQ(viewer.get("/meetings").status, 403);
  EXPECT_EQ(viewer.get("/meetings/" + meeting).status, 403);
  const auto found = viewer.get("/decisions").body;
  EXPECT_TRUE(contains(found, "Handleplanen for 2014 godkendes.")) << found;
  EXPECT_FALSE(contains(found, "budgettet"));

  auto admin = signed_in("admin@aalborg.dk", "admin");
  const auto coordinator_id = server_->add_user("api@aalborg.dk", "coordinator");
  admin.get("/api-tokens");
  const auto token = admin.post_form("/api-tokens", {{"_csrf", admin.csrf()},
                                                     {"name", "Mødekalender"},
                                                     {"user_id", std::to_string(coordinator_id)},
                                                     {"scope", "write"}});
  std::smatch match;
  ASSERT_TRUE(std::regex_search(token.body, match, std::regex(R"((st_[A-Za-z0-9_-]+))")));
  const std::map<std::string, std::string> auth{{"Authorization", "Bearer " + match[1].str()}};
  HttpClient api(server_->port());
  auto response = api.request("POST", "/api/v1/meetings",
                              R"({"title": "Tertialuppföljning", "starts_at": "2016-05-18T13:00",
                                  "ends_at": "2016-05-18T15:00"})",
                              "application/json", auth);
  ASSERT_EQ(response.status, 201) << response.body;
  response = api.request("GET", "/api/v1/meetings", {}, {}, auth);
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(boost::json::parse(response.body).as_object()["total"].as_int64(), 2);
  response = api.request("GET", "/api/v1/meetings/" + meeting, {}, {}, auth);
  EXPECT_TRUE(contains(response.body, "Handleplanen for 2014 godkendes.")) << response.body;
}

SAMTRYG_ON_EVERY_BACKEND(MeetingServer);

}  // namespace
}  // namespace samtryg::meetings
