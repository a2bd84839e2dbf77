// Proposed themes through a real server on SQLite and PostgreSQL (seed 001: "Forslag om
// temaemne til kredsrådsmødet"): a member proposes a theme for the body's coming meeting; a
// meeting of another body, a held one or no body at all is refused with a message; the theme is
// among that meeting's agenda proposals, ticked it becomes the item that takes it up and is
// offered no more (a second tick is refused); deleting that item makes it open again. The
// coordinator declines another with a reply the proposer reads; only the proposer or a
// coordinator withdraws one; viewers see none; the API lists and takes proposals.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/auth/actor.hpp"
#include "features/meetings/commands.hpp"
#include "features/strategy/commands.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace samtryg::meetings {
namespace {

using testing::HttpClient;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

constexpr const char* kTheme = "Samarbejde om polarisering, ekstremisme og radikalisering";

class ProposedThemes : public testing::ServerTest {
 protected:
  // The local council's meeting of 22 January 2014 (held) and one still to come; the planning
  // group's meeting still to come.
  void prepare() override {
    auto& database = server_->runtime().database();
    const auto tool = auth::Actor::tool(server_->workspace_id(), "test");
    council_ = group(database, tool, "Lokalrådet");
    planning_ = group(database, tool, "Planlægningsgruppen");
    held_ = create_meeting(database, tool, meeting(council_, "2014-01-22"));
    coming_ = create_meeting(database, tool, meeting(council_, "2099-09-30"));
    other_ = create_meeting(database, tool, meeting(planning_, "2099-10-01"));
  }

  static long long group(db::Database& database, const Actor& tool, const std::string& name) {
    strategy::Group group;
    group.kind = "council";
    group.name = name;
    return strategy::create_group(database, tool, group);
  }

  static Meeting meeting(long long group_id, const std::string& day) {
    Meeting meeting;
    meeting.group_id = group_id;
    meeting.title = "Møde den " + day;
    meeting.starts_at = day + "T16:00";
    meeting.ends_at = day + "T18:00";
    return meeting;
  }

  static std::map<std::string, std::string> proposal(HttpClient& http, long long group_id,
                                                     const std::string& meeting_id,
                                                     const std::string& title) {
    return {{"_csrf", http.csrf()},
            {"group_id", std::to_string(group_id)},
            {"meeting_id", meeting_id},
            {"title", title},
            {"reason", "Forebyggelseskonceptet skal modgå ekstremistiske miljøer."}};
  }

  // The suggestion that proposes `title` for `meeting`: its index on the page, and its theme.
  static std::pair<std::string, long long> suggestion(HttpClient& http, long long meeting,
                                                      const std::string& title) {
    const auto api = http.get("/api/v1/meetings/" + std::to_string(meeting) + "/suggestions");
    const auto list = boost::json::parse(api.body).at("suggestions").as_array();
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto& entry = list[i].as_object();
      if (entry.at("title").as_string() == title && entry.contains("theme_id")) {
        return {std::to_string(i), entry.at("theme_id").as_int64()};
      }
    }
    return {"", 0};
  }

  long long council_ = 0;
  long long planning_ = 0;
  long long held_ = 0;
  long long coming_ = 0;
  long long other_ = 0;
};

TEST_P(ProposedThemes, AMemberProposesAndTheCoordinatorTakesItOntoTheAgenda) {
  auto member = signed_in("ssp@aalborg.dk", "member");
  auto response = member.post_form("/meetings/themes", proposal(member, council_, "", ""));
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Udfyld feltet.")) << response.body;
  response = member.post_form("/meetings/themes",
                              proposal(member, council_, std::to_string(other_), kTheme));
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Mødet hører ikke til det valgte organ")) << response.body;
  response = member.post_form("/meetings/themes",
                              proposal(member, council_, std::to_string(held_), kTheme));
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Mødet er holdt eller aflyst")) << response.body;
  auto form = proposal(member, council_, "", kTheme);
  form["group_id"].clear();
  response = member.post_form("/meetings/themes", form);
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Vælg det råd eller den gruppe")) << response.body;

  response = member.post_form("/meetings/themes",
                              proposal(member, council_, std::to_string(coming_), kTheme));
  ASSERT_EQ(response.status, 303) << response.body;
  auto list = member.get(response.header("location")).body;
  EXPECT_TRUE(contains(list, kTheme)) << list;
  EXPECT_TRUE(contains(list, "Forslaget er sendt"));
  EXPECT_TRUE(contains(list, "Møde den 2099-09-30"));

  auto coordinator = signed_in("tovholder@aalborg.dk", "coordinator");
  EXPECT_EQ(suggestion(coordinator, other_, kTheme).second, 0) << "another body's meeting";
  EXPECT_EQ(suggestion(coordinator, held_, kTheme).second, 0) << "proposed for another meeting";
  const auto [index, theme] = suggestion(coordinator, coming_, kTheme);
  ASSERT_NE(theme, 0);
  const auto page = coordinator.get("/meetings/" + std::to_string(coming_) + "/suggestions").body;
  EXPECT_TRUE(contains(page, "Forslag om temaemne, foreslået af")) << page;

  const auto pick = [&] {
    return coordinator.post_form("/meetings/" + std::to_string(coming_) + "/suggestions",
                                 {{"_csrf", coordinator.csrf()},
                                  {"pick", index},
                                  {"title_" + index, kTheme},
                                  {"theme_" + index, std::to_string(theme)},
                                  {"description_" + index, "Forslag om temaemne"}});
  };
  ASSERT_EQ(pick().status, 303);
  const auto meeting =
      boost::json::parse(coordinator.get("/api/v1/meetings/" + std::to_string(coming_)).body);
  const auto& item = meeting.at("items").as_array().back().as_object();
  EXPECT_EQ(item.at("theme_id").as_int64(), theme);
  list = member.get("/meetings/themes").body;
  EXPECT_TRUE(contains(list, "På dagsordenen for")) << list;
  EXPECT_EQ(suggestion(coordinator, coming_, kTheme).second, 0) << "taken up once";
  response = pick();
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "sat på en dagsorden eller besvaret")) << response.body;

  // The item goes: the theme waits again.
  auto& database = server_->runtime().database();
  const auto tool = auth::Actor::tool(server_->workspace_id(), "test");
  delete_item(database, tool, coming_, item.at("id").as_int64());
  EXPECT_EQ(suggestion(coordinator, coming_, kTheme).second, theme);
}

TEST_P(ProposedThemes, DeclinedWithAReplyWithdrawnByTheProposerAndHiddenFromViewers) {
  auto member = signed_in("ssp@aalborg.dk", "member");
  auto colleague = signed_in("politi@aalborg.dk", "member");
  auto coordinator = signed_in("tovholder@aalborg.dk", "coordinator");
  ASSERT_EQ(member.post_form("/meetings/themes", proposal(member, council_, "", "Doping")).status,
            303);
  ASSERT_EQ(
      member.post_form("/meetings/themes", proposal(member, council_, "", "Trygt natteliv")).status,
      303);
  const auto themes = boost::json::parse(member.get("/api/v1/meeting-themes").body);
  const auto& items = themes.at("items").as_array();
  ASSERT_EQ(items.size(), 2U);
  const auto newest = std::to_string(items[0].at("id").as_int64());  // Trygt natteliv
  const auto oldest = std::to_string(items[1].at("id").as_int64());  // Doping
  EXPECT_EQ(items[0].at("status").as_string(), "proposed");
  const auto version = std::to_string(items[1].at("row_version").as_int64());

  const auto decline = "/meetings/themes/" + oldest + "/decline";
  EXPECT_EQ(member.get(decline).status, 403);
  auto response = coordinator.post_form(
      decline, {{"_csrf", coordinator.csrf()}, {"reply", " "}, {"row_version", version}});
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Skriv et svar til forslagsstilleren")) << response.body;
  response = coordinator.post_form(decline, {{"_csrf", coordinator.csrf()},
                                             {"reply", "Det hører til SSP-styregruppen."},
                                             {"row_version", version}});
  ASSERT_EQ(response.status, 303) << response.body;
  response = coordinator.post_form(
      decline, {{"_csrf", coordinator.csrf()}, {"reply", "Igen"}, {"row_version", version}});
  EXPECT_EQ(response.status, 422) << "answered already";
  EXPECT_TRUE(contains(response.body, "Forslaget er allerede besvaret.")) << response.body;
  EXPECT_EQ(coordinator.get(decline).status, 409) << "nothing left to decline";
  auto list = member.get("/meetings/themes").body;
  EXPECT_TRUE(contains(list, "Det hører til SSP-styregruppen.")) << list;
  EXPECT_TRUE(contains(list, "Ikke taget op"));

  const auto withdraw = "/meetings/themes/" + newest + "/withdraw";
  EXPECT_EQ(colleague.post_form(withdraw, {{"_csrf", colleague.csrf()}}).status, 403);
  EXPECT_EQ(member.get(withdraw).status, 200);
  ASSERT_EQ(member.post_form(withdraw, {{"_csrf", member.csrf()}}).status, 303);
  EXPECT_FALSE(contains(member.get("/meetings/themes").body, "Trygt natteliv"));

  auto viewer = signed_in("byraad@aalborg.dk", "viewer");
  EXPECT_EQ(viewer.get("/meetings/themes").status, 403);
  EXPECT_EQ(viewer.get("/api/v1/meeting-themes").status, 403);
}

TEST_P(ProposedThemes, TheApiTakesAProposalWithTheSignedInPersonAsProposer) {
  auto member = signed_in("ssp@aalborg.dk", "member");
  const auto body = boost::json::serialize(boost::json::object{
      {"group_id", council_}, {"meeting_id", coming_}, {"title", kTheme}, {"reason", ""}});
  member.get("/meetings/themes");
  const std::map<std::string, std::string> csrf{{"X-CSRF-Token", member.csrf()}};
  auto response = member.request("POST", "/api/v1/meeting-themes", body, "application/json", csrf);
  ASSERT_EQ(response.status, 201) << response.body;
  const auto theme = boost::json::parse(response.body).as_object();
  EXPECT_EQ(theme.at("status").as_string(), "proposed");
  EXPECT_FALSE(theme.at("proposed_by").is_null());
  response =
      member.request("POST", "/api/v1/meeting-themes",
                     R"({"group_id": null, "title": "Uden organ"})", "application/json", csrf);
  EXPECT_EQ(response.status, 422) << response.body;
}

SAMTRYG_ON_EVERY_BACKEND(ProposedThemes);

}  // namespace
}  // namespace samtryg::meetings
