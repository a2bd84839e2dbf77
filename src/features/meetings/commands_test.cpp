// Meetings' use cases and statements against SQLite and PostgreSQL alike: a quarterly series
// planned at once, a change raising the calendar SEQUENCE, a stale save refused, the agenda
// built and reordered, decisions numbered through the meeting and found by a search that folds
// case (viewers: published ones only), action items with an owner that only the owner or a
// coordinator marks done and that carry to the body's next meetings, the personal calendar
// address replaced and revoked, and a meeting deleted with everything it holds.
#include "features/meetings/commands.hpp"

#include <gtest/gtest.h>

#include "core/auth/store.hpp"
#include "core/util/crypto.hpp"
#include "core/util/time.hpp"
#include "features/strategy/commands.hpp"
#include "support/databases.hpp"

namespace samtryg::meetings {
namespace {

class MeetingCommands : public testing::DatabaseTest {
 protected:
  void prepare() override {
    database_->in_transaction([&](soci::session& sql) {
      workspace_ = auth::insert_workspace(sql, "Tryg Aalborg", "da", now_iso_utc());
      other_workspace_ = auth::insert_workspace(sql, "Frederikshavn", "da", now_iso_utc());
      for (auto* user : {&coordinator_user_, &police_user_, &politician_user_}) {
        auth::User made;
        made.name = user == &coordinator_user_ ? "Tovholderen"
                    : user == &police_user_    ? "Lokalpolitiet"
                                               : "Byrådsmedlemmet";
        made.email = made.name + "@aalborg.dk";
        made.password_hash = "x";
        made.language = "da";
        *user = auth::insert_user(sql, made, now_iso_utc());
      }
      auth::set_membership(sql, workspace_, coordinator_user_, auth::Role::coordinator,
                           now_iso_utc());
      auth::set_membership(sql, workspace_, police_user_, auth::Role::member, now_iso_utc());
      auth::set_membership(sql, workspace_, politician_user_, auth::Role::viewer, now_iso_utc());
    });
    coordinator_ = actor(coordinator_user_, auth::Role::coordinator);
    police_ = actor(police_user_, auth::Role::member);
    strategy::Group council;
    council.kind = "council";
    council.name = "Lokalrådet i Aalborg Kommune";
    group_ = strategy::create_group(database(), coordinator_, council);
    strategy::GroupMember member;
    member.group_id = group_;
    member.user_id = police_user_;
    member.title = "Lokalpolitiet";
    strategy::add_group_member(database(), coordinator_, member);
  }

  Actor actor(long long user, auth::Role role) const {
    return auth::Actor::for_role(workspace_, {user, "test"}, user, role);
  }

  Meeting quarterly() const {
    Meeting meeting;
    meeting.group_id = group_;
    meeting.title = "Ordinært møde i Lokalrådet";
    meeting.starts_at = "2014-01-22T14:00";
    meeting.ends_at = "2014-01-22T16:00";
    meeting.place = "Aalborg Politigård";
    return meeting;
  }

  long long workspace_ = 0;
  long long other_workspace_ = 0;
  long long coordinator_user_ = 0;
  long long police_user_ = 0;
  long long politician_user_ = 0;
  long long group_ = 0;
  Actor coordinator_;
  Actor police_;
};

TEST_P(MeetingCommands, AQuarterlySeriesIsPlannedAndAChangeRaisesTheSequence) {
  const auto first = create_meeting(database(), coordinator_, quarterly(), 3, 4);
  auto sql = database().session();
  const auto all = meetings(sql, coordinator_);
  ASSERT_EQ(all.size(), 4U);
  EXPECT_EQ(all[3].starts_at, "2014-10-22T14:00");
  EXPECT_EQ(all[3].series_id, first);
  EXPECT_EQ(all[0].series_id, first);

  auto moved = readable_meeting(sql, coordinator_, all[1].id);
  moved.place = "Aalborg Rådhus";
  update_meeting(database(), coordinator_, moved);
  EXPECT_EQ(readable_meeting(sql, coordinator_, moved.id).sequence, 1);
  moved.title = "Stale";
  EXPECT_THROW(update_meeting(database(), coordinator_, moved), validation::Conflict);

  auto bad = quarterly();
  bad.ends_at = "2014-01-22T13:00";
  EXPECT_THROW(create_meeting(database(), coordinator_, bad), validation::Invalid);
  EXPECT_THROW(create_meeting(database(), police_, quarterly()), validation::Forbidden);
  EXPECT_TRUE(meetings(sql, actor(politician_user_, auth::Role::viewer)).empty());
  EXPECT_THROW(
      readable_meeting(
          sql, auth::Actor::for_role(other_workspace_, {}, std::nullopt, auth::Role::coordinator),
          first),
      validation::NotFound);
}

TEST_P(MeetingCommands, TheAgendaDecisionsAndActionsOfAMeeting) {
  const auto id = create_meeting(database(), coordinator_, quarterly());
  Item crime;
  crime.title = "Kriminalitetsbilledet pr. fokusområde";
  const auto crime_id = add_item(database(), coordinator_, id, crime);
  Item plan;
  plan.title = "Handleplan 2014 – til godkendelse";
  const auto plan_id = add_item(database(), coordinator_, id, plan);
  move_item(database(), coordinator_, id, plan_id, true);
  auto record = meeting_record(database(), coordinator_, id);
  ASSERT_EQ(record.items.size(), 2U);
  EXPECT_EQ(record.items[0].id, plan_id) << "moved up";

  auto minutes = record.items[1];
  minutes.minutes = "Indbruddene er faldet på Nytorv og i parcelhusområderne.";
  update_item(database(), coordinator_, id, minutes);

  Decision approve;
  approve.item_id = plan_id;
  approve.text = "Handleplanen for 2014 godkendes.";
  approve.published = true;
  add_decision(database(), coordinator_, id, approve);
  Decision nytorv;
  nytorv.item_id = crime_id;
  nytorv.text = "Politiet følger op på Nytorv til næste møde.";
  add_decision(database(), coordinator_, id, nytorv);
  record = meeting_record(database(), coordinator_, id);
  ASSERT_EQ(record.decisions.size(), 2U);
  EXPECT_EQ(record.decisions[1].number, 2);

  auto sql = database().session();
  EXPECT_EQ(search_decisions(sql, coordinator_, "NYTORV", 10).size(), 1U);
  EXPECT_EQ(search_decisions(sql, coordinator_, "handleplanen godkendes", 10).size(), 1U);
  const auto viewer = actor(politician_user_, auth::Role::viewer);
  const auto published = search_decisions(sql, viewer, "", 10);
  ASSERT_EQ(published.size(), 1U) << "viewers find published decisions only";
  EXPECT_EQ(published[0].decision.text, "Handleplanen for 2014 godkendes.");

  Action follow_up;
  follow_up.item_id = crime_id;
  follow_up.title = "Status på Nytorv";
  follow_up.due_on = "2014-04-16";
  EXPECT_THROW(add_action(database(), coordinator_, id, follow_up), validation::Invalid)
      << "an action without an owner";
  follow_up.owner_user_id = police_user_;
  const auto action = add_action(database(), coordinator_, id, follow_up);
  EXPECT_EQ(my_open_actions(sql, police_).size(), 1U);

  // The body's next meeting carries the open action; the owner marks it done.
  auto next = quarterly();
  next.starts_at = "2014-04-23T14:00";
  next.ends_at = "2014-04-23T16:00";
  const auto next_id = create_meeting(database(), coordinator_, next);
  EXPECT_EQ(meeting_record(database(), coordinator_, next_id).carried.size(), 1U);
  EXPECT_THROW(set_action_done(database(), actor(coordinator_user_, auth::Role::member), action,
                               true, "2014-04-10"),
               validation::Forbidden);
  set_action_done(database(), police_, action, true, "2014-04-10");
  EXPECT_TRUE(my_open_actions(sql, police_).empty());
  EXPECT_TRUE(meeting_record(database(), coordinator_, next_id).carried.empty());

  delete_meeting(database(), coordinator_, id);
  long long left = -1;
  sql << "SELECT COUNT(*) FROM meeting_decisions", soci::into(left);
  EXPECT_EQ(left, 0);
  sql << "SELECT COUNT(*) FROM meeting_items", soci::into(left);
  EXPECT_EQ(left, 0);
}

TEST_P(MeetingCommands, ProposalsJoinTheAgendaWithTheirChartsAllOrNone) {
  const auto id = create_meeting(database(), coordinator_, quarterly());
  Item picture;
  picture.title = "Kriminalitetsbilledet: Indbrud";
  picture.description = "Anmeldte indbrud: 412 (2013), intet mål";
  picture.figures = {{0, "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>Indbrud</title></svg>",
                      "Anmeldte indbrud", "2013: 412"}};
  Item broken;
  broken.title = "Et diagram, der ikke er et";
  broken.figures = {{0, "<html>not a chart</html>", "", ""}};
  try {
    add_items(database(), coordinator_, id, {picture, broken});
    ADD_FAILURE() << "a figure that is no SVG is refused";
  } catch (const validation::Invalid& invalid) {
    ASSERT_FALSE(invalid.errors.items().empty());
    EXPECT_EQ(invalid.errors.items()[0].field, "items[1].figures");
  }
  EXPECT_TRUE(meeting_record(database(), coordinator_, id).items.empty()) << "none added";
  add_items(database(), coordinator_, id, {picture});
  const auto record = meeting_record(database(), coordinator_, id);
  ASSERT_EQ(record.items.size(), 1U);
  ASSERT_EQ(record.items[0].figures.size(), 1U);
  EXPECT_EQ(record.items[0].figures[0].caption, "Anmeldte indbrud");
  EXPECT_EQ(record.items[0].figures[0].alt, "2013: 412");
  auto sql = database().session();
  const auto figure = store::find_figure(sql, id, record.items[0].figures[0].id);
  ASSERT_TRUE(figure.has_value());
  EXPECT_TRUE(figure->svg.starts_with("<svg"));
  EXPECT_FALSE(store::find_figure(sql, id + 1, record.items[0].figures[0].id).has_value())
      << "a figure is found through its own meeting only";
}

TEST_P(MeetingCommands, APersonalCalendarAddressIsReplacedAndRevoked) {
  const auto first = new_calendar_token(database(), police_);
  const auto second = new_calendar_token(database(), police_);
  auto sql = database().session();
  EXPECT_FALSE(store::calendar_token_owner(sql, crypto::sha256_hex(first)))
      << "a new address revokes the old";
  const auto owner = store::calendar_token_owner(sql, crypto::sha256_hex(second));
  ASSERT_TRUE(owner);
  EXPECT_EQ(owner->user_id, police_user_);
  revoke_calendar_token(database(), police_);
  EXPECT_FALSE(store::calendar_token_owner(sql, crypto::sha256_hex(second)));

  const auto meeting = create_meeting(database(), coordinator_, quarterly());
  EXPECT_EQ(invitees(sql, coordinator_, readable_meeting(sql, coordinator_, meeting)),
            std::vector<long long>{police_user_});
}

SAMTRYG_ON_EVERY_BACKEND(MeetingCommands);

}  // namespace
}  // namespace samtryg::meetings
