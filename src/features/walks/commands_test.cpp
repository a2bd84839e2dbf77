// The walks' use cases against SQLite and PostgreSQL alike: a walk planned, counted, moved
// along, its findings recorded (also twice from a phone that was offline) and checked, and
// its action list kept by the coordinator and the actions' owners.
#include "features/walks/commands.hpp"

#include <gtest/gtest.h>

#include "core/auth/store.hpp"
#include "core/util/time.hpp"
#include "features/indicators/commands.hpp"
#include "features/walks/reminders.hpp"
#include "support/databases.hpp"
#include "support/smtp_sink.hpp"

namespace samtryg::walks {
namespace {

class WalkCommands : public testing::DatabaseTest {
 protected:
  void prepare() override {
    database_->in_transaction([&](soci::session& sql) {
      workspace_ = auth::insert_workspace(sql, "Landskrona stad", "sv", now_iso_utc());
      other_workspace_ = auth::insert_workspace(sql, "Nässjö", "sv", now_iso_utc());
    });
    coordinator_ = actor(auth::Role::coordinator, std::nullopt);
    owner_id_ = add_user("gata@landskrona.se", auth::Role::initiative_lead);
    owner_ = actor(auth::Role::initiative_lead, owner_id_);
  }

  Actor actor(auth::Role role, std::optional<long long> user) const {
    return auth::Actor::for_role(workspace_, {user, "test"}, user, role);
  }

  long long add_user(const std::string& email, auth::Role role) {
    long long id = 0;
    database_->in_transaction([&](soci::session& sql) {
      auth::User user{.name = email, .email = email, .password_hash = "x", .language = "sv"};
      id = auth::insert_user(sql, user, now_iso_utc());
      auth::set_membership(sql, workspace_, id, role, now_iso_utc());
    });
    return id;
  }

  static Walk spring_walk() {
    Walk walk;
    walk.area = "Centrum – Norra Långgatan";
    walk.year = 2016;
    walk.season = "spring";
    walk.walk_date = "2016-04-26";
    walk.start_time = "18:00";
    walk.meeting_point = "Rådhustorget";
    walk.recruitment = {"advertising", "posters", "schools", "blue_jackets"};
    return walk;
  }

  static Finding underpass() {
    Finding finding;
    finding.place = "Gångtunneln vid stationen";
    finding.latitude = 55.8771;
    finding.longitude = 12.8413;
    finding.category = "lighting";
    finding.description = "Mörk och nedklottrad gångtunnel; flera undviker den på kvällen.";
    finding.severity = "high";
    return finding;
  }

  long long workspace_ = 0;
  long long other_workspace_ = 0;
  long long owner_id_ = 0;
  Actor coordinator_;
  Actor owner_;
};

TEST_P(WalkCommands, AWalkWithItsGroupsIsPlannedAndReadBack) {
  const auto id =
      create_walk(database(), coordinator_, spring_walk(),
                  {{.name = "Grupp 1", .guide = "Trygghetssamordnaren", .route = "Norr om torget"},
                   {.name = "Grupp 2", .guide = "Kommunpolisen", .route = "Söder om torget"}});
  auto sql = database().session();
  const auto record = walk_record(sql, coordinator_, id);
  EXPECT_EQ(record.walk.area, "Centrum – Norra Långgatan");
  EXPECT_EQ(record.walk.status, "planned");
  EXPECT_EQ(record.walk.recruitment,
            (std::vector<std::string>{"advertising", "posters", "schools", "blue_jackets"}));
  EXPECT_FALSE(record.walk.counts);
  ASSERT_EQ(record.groups.size(), 2U);
  EXPECT_EQ(record.groups[1].guide, "Kommunpolisen");

  const auto stranger = auth::Actor::for_role(other_workspace_, {std::nullopt, "test"},
                                              std::nullopt, auth::Role::coordinator);
  EXPECT_THROW(walk_record(sql, stranger, id), validation::NotFound);
  // Viewers read published walks only.
  const auto viewer = actor(auth::Role::viewer, std::nullopt);
  EXPECT_THROW(readable_walk(sql, viewer, id), validation::NotFound);
  EXPECT_THROW(create_walk(database(), owner_, spring_walk(), {}), validation::Forbidden);
}

TEST_P(WalkCommands, BadInputIsRefusedWholeAndNothingIsSaved) {
  auto walk = spring_walk();
  walk.follow_up_date = "2016-04-01";
  try {
    create_walk(database(), coordinator_, walk, {{.name = ""}});
    FAIL() << "a follow-up before the walk was accepted";
  } catch (const validation::Invalid& invalid) {
    EXPECT_TRUE(invalid.errors.for_field("follow_up_date"));
    EXPECT_TRUE(invalid.errors.for_field("groups[0].name"));
  }
  auto sql = database().session();
  EXPECT_TRUE(walks(sql, coordinator_).empty());
}

TEST_P(WalkCommands, TheCountFeedsThePerEventIndicator) {
  indicators::Indicator indicator;
  indicator.name = "Deltagare per trygghetsvandring";
  indicator.frequency = "event";
  const auto indicator_id = indicators::create_indicator(database(), coordinator_, indicator, {});
  auto walk = spring_walk();
  walk.indicator_id = indicator_id;
  const auto id = create_walk(database(), coordinator_, walk, {});
  save_counts(database(), coordinator_, id, 1,
              {.residents = 17,
               .workers = 3,
               .municipality = 6,
               .police = 2,
               .property_owners = 3,
               .others = 1});
  const auto record =
      indicators::readable_indicator(database(), coordinator_, indicator_id, "2016-12-31");
  ASSERT_EQ(record.values.size(), 1U);
  EXPECT_EQ(record.values[0].period, "2016-04-26");
  EXPECT_EQ(record.values[0].value, 21) << "officials are not counted";

  // A yearly indicator cannot take one walk's count.
  indicators::Indicator yearly;
  yearly.name = "Antal trygghetsvandringar";
  const auto yearly_id = indicators::create_indicator(database(), coordinator_, yearly, {});
  walk.indicator_id = yearly_id;
  EXPECT_THROW(create_walk(database(), coordinator_, walk, {}), validation::Invalid);
}

TEST_P(WalkCommands, AWalkMovesAlongOnlyWhenItsFactsAreThere) {
  auto walk = spring_walk();
  walk.walk_date.clear();
  const auto id = create_walk(database(), coordinator_, walk, {});
  EXPECT_THROW(move_walk(database(), coordinator_, id, 1, "walked"), validation::Invalid);
  walk = spring_walk();
  walk.id = id;
  update_walk(database(), coordinator_, walk, {});
  save_counts(database(), coordinator_, id, 2, {.residents = 24});
  move_walk(database(), coordinator_, id, 3, "walked");
  EXPECT_THROW(move_walk(database(), coordinator_, id, 4, "published"), validation::Invalid);
  // Someone saved meanwhile: the stale version is refused.
  EXPECT_THROW(move_walk(database(), coordinator_, id, 3, "planned"), validation::Conflict);
  auto sql = database().session();
  EXPECT_EQ(readable_walk(sql, coordinator_, id).status, "walked");
}

TEST_P(WalkCommands, FindingsAreNumberedAndAPhoneSendingTwiceAddsOne) {
  const auto id = create_walk(database(), coordinator_, spring_walk(), {});
  auto finding = underpass();
  finding.client_key = "3f1c2a9e-offline-1";
  const auto first = add_finding(database(), owner_, id, finding);
  EXPECT_EQ(add_finding(database(), owner_, id, finding), first);
  finding.client_key.clear();
  finding.place = "Parkeringen bakom Saluhallen";
  finding.latitude.reset();
  finding.longitude.reset();
  finding.category = "vegetation";
  add_finding(database(), owner_, id, finding);
  auto sql = database().session();
  const auto findings = walk_record(sql, coordinator_, id).findings;
  ASSERT_EQ(findings.size(), 2U);
  EXPECT_EQ(findings[0].number, 1);
  EXPECT_EQ(findings[1].number, 2);
  EXPECT_FALSE(findings[1].latitude);

  finding.place.clear();
  EXPECT_THROW(add_finding(database(), owner_, id, finding), validation::Invalid);
  const auto viewer = actor(auth::Role::viewer, std::nullopt);
  EXPECT_THROW(add_finding(database(), viewer, id, underpass()), validation::Forbidden);
  // The follow-up check waits for the walk.
  EXPECT_THROW(check_finding(database(), owner_, id, first, 1, "fixed", ""), validation::Invalid);
}

TEST_P(WalkCommands, OwnersMoveTheirActionsAlongAndClosedIsNotFixed) {
  const auto id = create_walk(database(), coordinator_, spring_walk(), {});
  const auto finding = add_finding(database(), owner_, id, underpass());
  Action action;
  action.finding_id = finding;
  action.description = "Byta armaturer och sanera klotter i gångtunneln";
  action.responsible_party = "Teknik- och serviceförvaltningen";
  action.owner_user_id = owner_id_;
  action.due_date = "2016-09-30";
  EXPECT_THROW(add_action(database(), owner_, id, action), validation::Forbidden);
  const auto action_id = add_action(database(), coordinator_, id, action);

  auto sql = database().session();
  auto mine = my_open_actions(sql, owner_);
  ASSERT_EQ(mine.size(), 1U);
  EXPECT_EQ(mine[0].finding_number, 1);
  EXPECT_EQ(mine[0].area, "Centrum – Norra Långgatan");
  EXPECT_TRUE(is_overdue(mine[0].action, "2016-10-01"));

  auto change = mine[0].action;
  change.status = "declined";
  change.description = "Something else";  // an owner changes only the state and its note
  EXPECT_THROW(update_action(database(), owner_, change), validation::Invalid);
  change.status_note = "Tunneln ägs av Trafikverket";
  update_action(database(), owner_, change);
  const auto actions = walk_record(sql, coordinator_, id).actions;
  ASSERT_EQ(actions.size(), 1U);
  EXPECT_EQ(actions[0].description, "Byta armaturer och sanera klotter i gångtunneln");
  EXPECT_EQ(actions[0].status, "declined");
  EXPECT_TRUE(my_open_actions(sql, owner_).empty());
  const auto counted = tally(actions, "2016-10-01");
  EXPECT_EQ(counted.fixed, 0);
  EXPECT_EQ(counted.closed_unfixed, 1);

  const auto other = actor(auth::Role::initiative_lead,
                           add_user("annan@landskrona.se", auth::Role::initiative_lead));
  change.id = action_id;
  change.row_version = actions[0].row_version;
  EXPECT_THROW(update_action(database(), other, change), validation::Forbidden);
}

TEST_P(WalkCommands, OwnersAreRemindedOnceBeforeTheDueDayAndOnceAfter) {
  const auto id = create_walk(database(), coordinator_, spring_walk(), {});
  Action action;
  action.finding_id = add_finding(database(), owner_, id, underpass());
  action.description = "Byta armaturer i gångtunneln";
  action.owner_user_id = owner_id_;
  action.due_date = "2016-09-30";
  add_action(database(), coordinator_, id, action);

  testing::SmtpSink sink;
  config::Config settings;
  settings.smtp_url = sink.url();
  settings.mail_from = "tryggare@landskrona.se";
  settings.reminder_days_before = 7;
  EXPECT_EQ(send_action_reminders(database(), settings, "2016-09-01").sent, 0);
  EXPECT_EQ(send_action_reminders(database(), settings, "2016-09-25").sent, 1);
  EXPECT_EQ(send_action_reminders(database(), settings, "2016-09-26").sent, 0) << "once";
  EXPECT_EQ(send_action_reminders(database(), settings, "2016-10-02").sent, 1);
  const auto mails = sink.wait_for(2);
  ASSERT_EQ(mails.size(), 2U);
  EXPECT_EQ(mails[0].to, std::vector<std::string>{"gata@landskrona.se"});
  EXPECT_NE(mails[0].subject.find("Byta armaturer i gångtunneln"), std::string::npos);
  EXPECT_NE(mails[1].body.find("Centrum – Norra Långgatan, våren 2016"), std::string::npos)
      << mails[1].body;
  // The mail server refusing leaves the reminder to be sent at the next check.
  auto second = action;
  second.description = "Sanera klottret";
  add_action(database(), coordinator_, id, second);
  sink.refuse_recipients(true);
  EXPECT_EQ(send_action_reminders(database(), settings, "2016-10-02").failures.size(), 1U);
  sink.refuse_recipients(false);
  EXPECT_EQ(send_action_reminders(database(), settings, "2016-10-02").sent, 1);
}

SAMTRYG_ON_EVERY_BACKEND(WalkCommands);

}  // namespace
}  // namespace samtryg::walks
