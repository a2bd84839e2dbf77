// The register's use cases against SQLite and PostgreSQL alike.
#include "features/strategy/commands.hpp"

#include <gtest/gtest.h>

#include "core/auth/store.hpp"
#include "core/db/migrations.hpp"
#include "core/util/time.hpp"
#include "features/strategy/store.hpp"
#include "support/databases.hpp"

namespace samtryg::strategy {
namespace {

class Register : public testing::DatabaseTest {
 protected:
  void prepare() override {
    workspace_ = add_workspace("Tryg Aalborg – en mere tryg kommune");
    coordinator_ = auth::Actor::for_role(workspace_, {std::nullopt, "test"}, std::nullopt,
                                         auth::Role::coordinator);
  }

  long long add_workspace(const std::string& name) {
    long long id = 0;
    database_->in_transaction(
        [&](soci::session& sql) { id = auth::insert_workspace(sql, name, "da", now_iso_utc()); });
    return id;
  }

  long long add_user(const std::string& email, long long workspace, auth::Role role) {
    long long id = 0;
    database_->in_transaction([&](soci::session& sql) {
      auth::User user;
      user.name = email;
      user.email = email;
      user.password_hash = "x";
      user.language = "da";
      id = auth::insert_user(sql, user, now_iso_utc());
      auth::set_membership(sql, workspace, id, role, now_iso_utc());
    });
    return id;
  }

  long long add_plan(const Actor& actor, const std::string& name = "Tryg Aalborg") {
    Plan plan;
    plan.name = name;
    plan.period_start = "2017-01-21";
    plan.period_end = "2018-01-14";
    return create_plan(*database_, actor, plan);
  }

  long long add_initiative(const Actor& actor, long long plan, const std::string& name,
                           std::optional<long long> lead = std::nullopt) {
    Initiative initiative;
    initiative.plan_id = plan;
    initiative.name = name;
    initiative.status = "active";
    initiative.lead_user_id = lead;
    return create_initiative(*database_, actor, initiative);
  }

  long long workspace_ = 0;
  Actor coordinator_;
};

template <class Fn>
validation::Errors errors_of(Fn&& fn) {
  try {
    fn();
  } catch (const validation::Invalid& invalid) {
    return invalid.errors;
  }
  ADD_FAILURE() << "expected validation errors";
  return {};
}

bool has(const validation::Errors& errors, std::string_view field, std::string_view key) {
  const auto* error = errors.for_field(field);
  return error != nullptr && error->message_key == key;
}

TEST_P(Register, InitiativeIsStoredIndexedAndAudited) {
  const auto plan = add_plan(coordinator_);
  Initiative input;
  input.plan_id = plan;
  input.name = "Et trygt natteliv";
  input.purpose = "Fastholde den høje tryghed i nattelivet";
  input.lead_title = "Ankerperson, Nordjyllands Politi";
  input.status = "active";
  input.start_date = "2014-03-01";
  const auto id = create_initiative(*database_, coordinator_, input);

  auto sql = database_->session();
  const auto stored = store::find_initiative(sql, workspace_, id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->name, "Et trygt natteliv");
  EXPECT_EQ(stored->row_version, 1);
  const auto history = store::status_changes(sql, id);
  ASSERT_EQ(history.size(), 1U);
  EXPECT_EQ(history[0].status, "active");
  EXPECT_EQ(history[0].changed_on, "2014-03-01");

  const auto hits =
      store::search(sql, database_->backend(), workspace_, "natteliv trygh", false, 10, 0);
  ASSERT_EQ(hits.size(), 1U);
  EXPECT_EQ(hits[0].entity, "initiative");
  EXPECT_EQ(hits[0].entity_id, id);
  EXPECT_TRUE(
      store::search(sql, database_->backend(), workspace_, "graffiti", false, 10, 0).empty());
  EXPECT_TRUE(
      store::search(sql, database_->backend(), workspace_, "\" OR * :", false, 10, 0).empty());

  const auto audit = audit::history(sql, "initiative", std::to_string(id));
  ASSERT_EQ(audit.size(), 1U);
  EXPECT_EQ(audit[0].action, "create");
}

TEST_P(Register, UnpublishingAnInitiativeHidesItsActivitiesFromReadersOfPublishedContent) {
  const auto plan = add_plan(coordinator_);
  const auto id = add_initiative(coordinator_, plan, "Tryghedsvandringer");
  Activity walk;
  walk.initiative_id = id;
  walk.title = "Tryghedsvandring i Løvvangen";
  walk.status = "done";
  create_activity(*database_, coordinator_, walk);
  const auto found = [&](bool published_only) {
    auto sql = database_->session();
    return store::search(sql, database_->backend(), workspace_, "Løvvangen", published_only, 10, 0)
        .size();
  };
  EXPECT_EQ(found(true), 1U);
  Initiative hidden;
  {
    auto sql = database_->session();
    hidden = *store::find_initiative(sql, workspace_, id);
  }
  hidden.published = false;
  update_initiative(*database_, coordinator_, hidden);
  EXPECT_EQ(found(true), 0U);
  EXPECT_EQ(found(false), 1U);
}

TEST_P(Register, SecondSaveOfTheSameVersionIsRefused) {
  const auto plan = add_plan(coordinator_);
  const auto id = add_initiative(coordinator_, plan, "Din Vej");
  Initiative first;
  {
    auto sql = database_->session();
    first = *store::find_initiative(sql, workspace_, id);
  }
  Initiative second = first;
  first.goals = "2/3 bliver afklaret";
  update_initiative(*database_, coordinator_, first);
  second.goals = "Noget andet";
  EXPECT_THROW(update_initiative(*database_, coordinator_, second), validation::Conflict);
  auto sql = database_->session();
  EXPECT_EQ(store::find_initiative(sql, workspace_, id)->goals, "2/3 bliver afklaret");
}

TEST_P(Register, StatusChangesFollowTheLifeCycleAndKeepTheirReasons) {
  const auto plan = add_plan(coordinator_);
  const auto id = add_initiative(coordinator_, plan, "Skalborg Borgerhjælp");
  const auto errors = errors_of([&] {
    change_initiative_status(*database_, coordinator_, id, 1, "closed", "2017-03-01", "");
  });
  EXPECT_TRUE(has(errors, "reason", "status_reason_required"));
  change_initiative_status(*database_, coordinator_, id, 1, "closed", "2017-03-01",
                           "Foreningen er opløst");
  EXPECT_THROW(
      change_initiative_status(*database_, coordinator_, id, 1, "active", "2017-04-01", "x"),
      validation::Conflict);
  EXPECT_TRUE(has(errors_of([&] {
                    change_initiative_status(*database_, coordinator_, id, 2, "paused",
                                             "2017-04-01", "x");
                  }),
                  "status", "status_change_not_allowed"));
  auto sql = database_->session();
  const auto history = store::status_changes(sql, id);
  ASSERT_EQ(history.size(), 2U);
  EXPECT_EQ(history[1].status, "closed");
  EXPECT_EQ(history[1].reason, "Foreningen er opløst");
  EXPECT_EQ(store::find_initiative(sql, workspace_, id)->status, "closed");
}

TEST_P(Register, LeadsEditTheirOwnInitiativesOnly) {
  const auto lead = add_user("ssp@aalborg.dk", workspace_, auth::Role::initiative_lead);
  const auto plan = add_plan(coordinator_);
  const auto own = add_initiative(coordinator_, plan, "Rusmiddelseminar", lead);
  const auto other = add_initiative(coordinator_, plan, "Antiradikalisering");
  const auto actor = auth::Actor::for_role(workspace_, {lead, "ssp@aalborg.dk"}, lead,
                                           auth::Role::initiative_lead);

  Activity activity;
  activity.initiative_id = own;
  activity.title = "46 ryge- og alkoholseminarer på 6. årgang";
  activity.status = "ongoing";
  EXPECT_GT(create_activity(*database_, actor, activity), 0);
  activity.initiative_id = other;
  EXPECT_THROW(create_activity(*database_, actor, activity), validation::Forbidden);
  EXPECT_THROW(add_initiative(actor, plan, "Ny indsats"), validation::Forbidden);
  EXPECT_THROW(add_plan(actor, "Min plan"), validation::Forbidden);

  Initiative platform;
  platform.plan_id = plan;
  platform.parent_initiative_id = own;
  platform.name = "Forældreoplæg";
  EXPECT_GT(create_initiative(*database_, actor, platform), 0);

  const auto member =
      auth::Actor::for_role(workspace_, {std::nullopt, "m"}, std::nullopt, auth::Role::member);
  EXPECT_THROW(change_initiative_status(*database_, member, own, 1, "paused", "2018-01-01", "x"),
               validation::Forbidden);
}

TEST_P(Register, LinksToAnotherWorkspaceAreRefusedAndNothingIsHalfSaved) {
  const auto other_workspace = add_workspace("Landskrona");
  const auto stranger = add_user("x@landskrona.se", other_workspace, auth::Role::admin);
  const auto plan = add_plan(coordinator_);
  const auto other_actor = auth::Actor::for_role(other_workspace, {std::nullopt, "t"}, std::nullopt,
                                                 auth::Role::coordinator);
  const auto foreign_plan = add_plan(other_actor, "Överenskommelse");
  const auto foreign = add_initiative(other_actor, foreign_plan, "Trygghetsvandringar");

  Initiative input;
  input.plan_id = plan;
  input.name = "Tryg Bydel";
  input.lead_user_id = stranger;
  input.parent_initiative_id = foreign;
  const auto errors = errors_of([&] { create_initiative(*database_, coordinator_, input); });
  EXPECT_TRUE(has(errors, "lead_user_id", "link_not_in_workspace"));
  EXPECT_TRUE(has(errors, "parent_initiative_id", "link_not_in_plan"));
  input.plan_id = foreign_plan;
  EXPECT_THROW(create_initiative(*database_, coordinator_, input), validation::NotFound);

  auto sql = database_->session();
  store::InitiativeFilter filter;
  filter.workspace_id = workspace_;
  EXPECT_EQ(store::count_initiatives(sql, filter), 0);
  EXPECT_TRUE(
      store::search(sql, database_->backend(), workspace_, "Trygghetsvandringar", false, 10, 0)
          .empty());
}

TEST_P(Register, DuplicateNamesAndBackwardPeriodsAreRefused) {
  const auto plan = add_plan(coordinator_);
  add_initiative(coordinator_, plan, "Din Vej");
  EXPECT_TRUE(
      has(errors_of([&] { add_initiative(coordinator_, plan, "Din Vej"); }), "name", "name_taken"));
  EXPECT_TRUE(has(errors_of([&] { add_plan(coordinator_); }), "name", "name_taken"));
  Plan backwards;
  backwards.name = "Handleplan 2014";
  backwards.period_start = "2014-12-31";
  backwards.period_end = "2014-01-01";
  EXPECT_TRUE(has(errors_of([&] { create_plan(*database_, coordinator_, backwards); }),
                  "period_end", "period_end_before_start"));
}

TEST_P(Register, ANewVersionCopiesThePlanAndCanDiverge) {
  const auto plan = add_plan(coordinator_);
  FocusArea area;
  area.plan_id = plan;
  area.name = "Børn og unge";
  const auto area_id = create_focus_area(*database_, coordinator_, area);
  const auto parent = add_initiative(coordinator_, plan, "Et trygt natteliv");
  Initiative platform;
  platform.plan_id = plan;
  platform.parent_initiative_id = parent;
  platform.focus_area_id = area_id;
  platform.name = "Positive fællesskaber";
  create_initiative(*database_, coordinator_, platform);

  const auto copy = new_plan_version(*database_, coordinator_, plan);
  auto sql = database_->session();
  const auto copied_plan = store::find_plan(sql, workspace_, copy);
  ASSERT_TRUE(copied_plan);
  EXPECT_EQ(copied_plan->version, 2);
  EXPECT_EQ(copied_plan->previous_version_id, plan);
  store::InitiativeFilter filter;
  filter.workspace_id = workspace_;
  filter.plan_id = copy;
  const auto rows = store::initiatives(sql, filter);
  ASSERT_EQ(rows.size(), 2U);
  const auto& child = rows[1].initiative;
  EXPECT_EQ(child.parent_initiative_id, rows[0].initiative.id);
  ASSERT_TRUE(child.focus_area_id);
  EXPECT_EQ(store::find_focus_area(sql, workspace_, *child.focus_area_id)->plan_id, copy);
  filter.plan_id = plan;
  EXPECT_EQ(store::count_initiatives(sql, filter), 2);
}

SAMTRYG_ON_EVERY_BACKEND(Register);

}  // namespace
}  // namespace samtryg::strategy
