#include "features/walks/model.hpp"

#include <gtest/gtest.h>

namespace samtryg::walks {
namespace {

bool has(const validation::Errors& errors, std::string_view field, std::string_view key) {
  const auto* error = errors.for_field(field);
  return error != nullptr && error->message_key == key;
}

Walk spring_walk() {
  Walk walk;
  walk.area = "Centrum – Norra Långgatan";
  walk.year = 2016;
  walk.season = "spring";
  walk.walk_date = "2016-04-26";
  walk.start_time = "18:00";
  walk.recruitment = {"advertising", "posters", "schools", "blue_jackets"};
  return walk;
}

TEST(WalksModel, TheTargetCountsEveryoneButTheOfficials) {
  // Landskrona: at least 20 take part "efter det att vi räknat bort representanter från
  // Landskrona stad, Polisen och fastighetsägarna".
  const Counts counts{.residents = 17,
                      .workers = 3,
                      .municipality = 6,
                      .police = 2,
                      .property_owners = 3,
                      .others = 1};
  EXPECT_EQ(counts.counted(), 21);
  EXPECT_EQ(counts.total(), 32);
}

TEST(WalksModel, AWalkNeedsAnAreaAYearAndDatesInOrder) {
  EXPECT_TRUE(validate_walk(spring_walk()).empty());

  auto walk = spring_walk();
  walk.area.clear();
  walk.year = 1800;
  walk.start_time = "25:00";
  walk.recruitment = {"carrier_pigeons"};
  const auto errors = validate_walk(walk);
  EXPECT_TRUE(has(errors, "area", "field_required"));
  EXPECT_TRUE(has(errors, "year", "walk_year_invalid"));
  EXPECT_TRUE(has(errors, "start_time", "walk_time_invalid"));
  EXPECT_TRUE(has(errors, "recruitment", "choice_invalid"));

  walk = spring_walk();
  walk.walk_date = "2017-04-26";
  EXPECT_TRUE(has(validate_walk(walk), "walk_date", "walk_date_not_in_year"));

  walk = spring_walk();
  walk.follow_up_date = "2016-04-01";
  EXPECT_TRUE(has(validate_walk(walk), "follow_up_date", "walk_follow_up_before_walk"));
  walk.follow_up_date = "2016-04-26";
  EXPECT_TRUE(has(validate_walk(walk), "follow_up_date", "walk_follow_up_before_walk"));
  walk.follow_up_date = "2016-10-04";
  EXPECT_TRUE(validate_walk(walk).empty());
}

TEST(WalksModel, CountsAreWholeNumbersWithinReason) {
  Counts counts;
  counts.residents = -1;
  counts.police = kMaxCount + 1;
  const auto errors = validate_counts(counts);
  EXPECT_TRUE(has(errors, "residents", "walk_count_invalid"));
  EXPECT_TRUE(has(errors, "police", "walk_count_invalid"));
  EXPECT_TRUE(validate_counts(Counts{.residents = 20}).empty());
}

TEST(WalksModel, AFindingHasAPlaceInWordsOrOnTheMap) {
  Finding finding;
  finding.description = "Mörk gångtunnel under järnvägen";
  finding.category = "lighting";
  EXPECT_TRUE(has(validate_finding(finding), "place", "walk_place_required"));

  finding.place = "Gångtunneln vid stationen";
  EXPECT_TRUE(validate_finding(finding).empty());

  finding.place.clear();
  finding.latitude = 55.8708;
  finding.longitude = 12.8302;
  EXPECT_TRUE(validate_finding(finding).empty());

  finding.latitude = 91;
  finding.longitude = -181;
  auto errors = validate_finding(finding);
  EXPECT_TRUE(has(errors, "latitude", "walk_coordinate_invalid"));
  EXPECT_TRUE(has(errors, "longitude", "walk_coordinate_invalid"));

  finding.latitude = 55.87;
  finding.longitude.reset();
  EXPECT_TRUE(has(validate_finding(finding), "longitude", "walk_coordinates_pair"));

  finding.longitude = 12.83;
  finding.category = "weather";
  finding.severity = "extreme";
  finding.follow_up = "maybe";
  errors = validate_finding(finding);
  EXPECT_TRUE(has(errors, "category", "choice_invalid"));
  EXPECT_TRUE(has(errors, "severity", "choice_invalid"));
  EXPECT_TRUE(has(errors, "follow_up", "choice_invalid"));
}

TEST(WalksModel, DeclinedAndReferredActionsSayWhyAndToWhom) {
  Action action;
  action.description = "Byta armaturer i gångtunneln";
  EXPECT_TRUE(validate_action(action).empty());
  action.status = "declined";
  EXPECT_TRUE(has(validate_action(action), "status_note", "walk_action_reason_required"));
  action.status = "referred";
  EXPECT_TRUE(has(validate_action(action), "status_note", "walk_action_referred_required"));
  action.status_note = "Trafikverket";
  EXPECT_TRUE(validate_action(action).empty());
  action.due_date = "2016-13-01";
  EXPECT_TRUE(has(validate_action(action), "due_date", "date_invalid"));
}

TEST(WalksModel, ClosedIsNotFixed) {
  EXPECT_TRUE(is_closed("done"));
  EXPECT_TRUE(is_closed("declined"));
  EXPECT_TRUE(is_closed("referred"));
  EXPECT_FALSE(is_closed("open"));
  EXPECT_FALSE(is_closed("in_progress"));
  EXPECT_TRUE(is_fixed("done"));
  EXPECT_FALSE(is_fixed("declined"));
  EXPECT_FALSE(is_fixed("referred"));
}

TEST(WalksModel, OnlyOpenActionsPastTheirDayAreOverdue) {
  Action action;
  action.due_date = "2016-09-30";
  EXPECT_TRUE(is_overdue(action, "2016-10-01"));
  EXPECT_FALSE(is_overdue(action, "2016-09-30"));
  action.status = "done";
  EXPECT_FALSE(is_overdue(action, "2016-10-01"));
  action.status = "in_progress";
  action.due_date.clear();
  EXPECT_FALSE(is_overdue(action, "2030-01-01"));
}

TEST(WalksModel, AWalkMovesForwardOneStepAndBackAnyNumber) {
  EXPECT_TRUE(may_move("planned", "walked"));
  EXPECT_TRUE(may_move("walked", "followed_up"));
  EXPECT_TRUE(may_move("followed_up", "published"));
  EXPECT_FALSE(may_move("planned", "published"));
  EXPECT_FALSE(may_move("walked", "walked"));
  EXPECT_TRUE(may_move("published", "walked"));
  EXPECT_FALSE(may_move("planned", "lost"));

  auto walk = spring_walk();
  walk.walk_date.clear();
  auto errors = check_move(walk, "walked");
  EXPECT_TRUE(has(errors, "walk_date", "walk_date_needed"));
  EXPECT_TRUE(has(errors, "residents", "walk_counts_needed"));

  walk = spring_walk();
  walk.counts = Counts{.residents = 20};
  EXPECT_TRUE(check_move(walk, "walked").empty());
  walk.status = "walked";
  EXPECT_TRUE(has(check_move(walk, "followed_up"), "follow_up_date", "walk_follow_up_date_needed"));
  walk.follow_up_date = "2016-10-04";
  EXPECT_TRUE(check_move(walk, "followed_up").empty());
}

TEST(WalksModel, OwnersAreRemindedBeforeTheDueDayAndOnceItHasPassed) {
  Action action;
  action.due_date = "2016-09-30";
  EXPECT_FALSE(reminder_due(action, "2016-09-20", 7, {}));
  EXPECT_EQ(reminder_due(action, "2016-09-23", 7, {}), "before_due");
  EXPECT_FALSE(reminder_due(action, "2016-09-23", 7, {.before_due = true}));
  EXPECT_EQ(reminder_due(action, "2016-10-01", 7, {.before_due = true}), "overdue");
  EXPECT_FALSE(reminder_due(action, "2016-10-05", 7, {.before_due = true, .overdue = true}));
  action.status = "referred";
  EXPECT_FALSE(reminder_due(action, "2016-10-01", 7, {}));
  action.status = "open";
  action.due_date.clear();
  EXPECT_FALSE(reminder_due(action, "2016-10-01", 7, {}));
}

TEST(WalksModel, ClockTimesAreHoursAndMinutes) {
  EXPECT_TRUE(is_clock_time("18:00"));
  EXPECT_TRUE(is_clock_time("00:00"));
  EXPECT_FALSE(is_clock_time("24:00"));
  EXPECT_FALSE(is_clock_time("18.00"));
  EXPECT_FALSE(is_clock_time("6:00"));
}

TEST(WalksModel, NewFindingsAreNumberedAfterTheHighest) {
  EXPECT_EQ(next_number({}), 1);
  std::vector<Finding> findings(2);
  findings[0].number = 1;
  findings[1].number = 4;
  EXPECT_EQ(next_number(findings), 5);
}

}  // namespace
}  // namespace samtryg::walks
