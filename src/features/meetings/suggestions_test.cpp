// An agenda from live status, through a real server on SQLite and PostgreSQL: since the body's
// previous meeting an initiative changed status and an action item from that meeting passed its
// due day; both are proposed for the next meeting (not for the earlier one), the coordinator
// ticks one and it joins the agenda; ticking none is refused with a message, and only
// coordinators see the proposals.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "core/auth/actor.hpp"
#include "features/meetings/commands.hpp"
#include "features/strategy/commands.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace samtryg::meetings {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class AgendaSuggestions : public testing::ServerTest {
 protected:
  // The local council's meetings of 22 January and 9 April 2014, with the action item of the
  // first due on 1 March, and an initiative made active on 1 March.
  void prepare() override {
    auto& database = server_->runtime().database();
    const auto tool = auth::Actor::tool(server_->workspace_id(), "test");
    const auto owner = server_->add_user("ssp@aalborg.dk", "member");
    strategy::Plan plan;
    plan.name = "Lokalpolitiets handlingsplan 2014";
    plan.period_start = "2014-01-01";
    plan.period_end = "2014-12-31";
    const auto plan_id = strategy::create_plan(database, tool, plan);
    strategy::Initiative initiative;
    initiative.plan_id = plan_id;
    initiative.name = "Tryghedsvandringer i Aalborg Øst";
    const auto initiative_id = strategy::create_initiative(database, tool, initiative);
    strategy::change_initiative_status(database, tool, initiative_id, 1, "active", "2014-03-01",
                                       "Første vandring er planlagt");
    strategy::Group group;
    group.kind = "council";
    group.name = "Lokalrådet";
    const auto group_id = strategy::create_group(database, tool, group);
    first_ = create_meeting(database, tool, meeting(group_id, "2014-01-22"));
    next_ = create_meeting(database, tool, meeting(group_id, "2014-04-09"));
    Action action;
    action.title = "Status på Nytorv";
    action.owner_user_id = owner;
    action.due_on = "2014-03-01";
    add_action(database, tool, first_, action);
  }

  static Meeting meeting(long long group_id, const std::string& day) {
    Meeting meeting;
    meeting.group_id = group_id;
    meeting.title = "Ordinært møde i Lokalrådet";
    meeting.starts_at = day + "T16:00";
    meeting.ends_at = day + "T18:00";
    return meeting;
  }

  long long first_ = 0;
  long long next_ = 0;
};

TEST_P(AgendaSuggestions,
       WhatChangedSinceThePreviousMeetingIsProposedAndTheTickedOnesJoinTheAgenda) {
  auto http = signed_in("tovholder@aalborg.dk", "coordinator");
  const auto path = "/meetings/" + std::to_string(next_) + "/suggestions";
  auto page = http.get(path);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "Initiativer med ændret status")) << page.body;
  EXPECT_TRUE(contains(page.body, "Tryghedsvandringer i Aalborg Øst: Aktiv"));
  EXPECT_TRUE(contains(page.body, "Første vandring er planlagt"));
  EXPECT_TRUE(contains(page.body, "Status på Nytorv"));
  EXPECT_TRUE(contains(page.body, "fristen er overskredet"));
  EXPECT_TRUE(contains(page.body, "siden organets forrige møde"));

  const auto earlier = http.get("/meetings/" + std::to_string(first_) + "/suggestions").body;
  EXPECT_FALSE(contains(earlier, "Tryghedsvandringer i Aalborg Øst")) << "changed after it";
  EXPECT_TRUE(contains(earlier, "første møde i samtryg"));

  const auto api = http.get("/api/v1/meetings/" + std::to_string(next_) + "/suggestions");
  ASSERT_EQ(api.status, 200) << api.body;
  const auto json = boost::json::parse(api.body).as_object();
  EXPECT_EQ(json.at("since").as_string(), "2014-01-22");
  EXPECT_EQ(json.at("until").as_string(), "2014-04-09");
  EXPECT_EQ(json.at("suggestions").as_array().size(), 2U) << api.body;

  auto response = http.post_form(path, {{"_csrf", http.csrf()}});
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Sæt flueben ved mindst ét forslag.")) << response.body;

  response = http.post_form(path, {{"_csrf", http.csrf()},
                                   {"pick", "0"},
                                   {"title_0", "Initiativer med ændret status"},
                                   {"description_0", "Tryghedsvandringer i Aalborg Øst: Aktiv"},
                                   {"title_1", "Ikke valgt"},
                                   {"description_1", ""}});
  ASSERT_EQ(response.status, 303) << response.body;
  const auto meeting_page = http.get("/meetings/" + std::to_string(next_)).body;
  EXPECT_TRUE(contains(meeting_page, "1. Initiativer med ændret status")) << meeting_page;
  EXPECT_FALSE(contains(meeting_page, "Ikke valgt"));

  auto member = signed_in("politi@aalborg.dk", "member");
  EXPECT_EQ(member.get(path).status, 403);
}

SAMTRYG_ON_EVERY_BACKEND(AgendaSuggestions);

}  // namespace
}  // namespace samtryg::meetings
