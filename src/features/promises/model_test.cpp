#include "features/promises/model.hpp"

#include <gtest/gtest.h>

namespace samtryg::promises {
namespace {

bool has_error(const validation::Errors& errors, const std::string& field, const std::string& key) {
  const auto* found = errors.for_field(field);
  return found != nullptr && found->message_key == key;
}

Promise sound_promise() {
  Promise promise;
  promise.title = "Fler poliser till fots i centrum";
  promise.period_start = "2016-03-01";
  promise.period_end = "2016-12-31";
  promise.problems = {"Otrygghet i centrum på kvällar"};
  promise.signatories = {{"police_area_chief", "Lokalpolisområdeschefen"},
                         {"municipal_board_chair", "Kommunstyrelsens ordförande"}};
  promise.commitments = {{"Kvällar per vecka med fotpatrullering", 4, 3}};
  return promise;
}

TEST(PromiseModel, ASoundPromiseHasNoErrors) {
  EXPECT_TRUE(validate_promise(sound_promise()).empty());
}

TEST(PromiseModel, TitleAndPeriodAreRequiredAndThePeriodRunsForward) {
  auto promise = sound_promise();
  promise.title = "  ";
  promise.period_start.clear();
  promise.period_end = "2016-02-30";
  auto errors = validate_promise(promise);
  EXPECT_TRUE(has_error(errors, "title", "field_required"));
  EXPECT_TRUE(has_error(errors, "period_start", "field_required"));
  EXPECT_TRUE(has_error(errors, "period_end", "date_invalid"));

  promise = sound_promise();
  promise.period_end = "2016-01-31";
  EXPECT_TRUE(has_error(validate_promise(promise), "period_end", "period_end_before_start"));
  promise = sound_promise();
  promise.publish_on = "1 mars";
  EXPECT_TRUE(has_error(validate_promise(promise), "publish_on", "date_invalid"));
}

TEST(PromiseModel, ListsAreCheckedItemByItem) {
  auto promise = sound_promise();
  promise.problems = {"Otrygghet", ""};
  promise.signatories = {{"mayor", "Anna"}, {"other", ""}};
  promise.commitments = {{"", 4, std::nullopt}, {"Vandringar", -1, 1e12}};
  const auto errors = validate_promise(promise);
  EXPECT_TRUE(has_error(errors, "problems[1]", "field_required"));
  EXPECT_TRUE(has_error(errors, "signatories[0].role", "choice_invalid"));
  EXPECT_TRUE(has_error(errors, "signatories[1].name", "field_required"));
  EXPECT_TRUE(has_error(errors, "commitments[0].label", "field_required"));
  EXPECT_TRUE(has_error(errors, "commitments[1].promised", "promise_amount_invalid"));
  EXPECT_TRUE(has_error(errors, "commitments[1].achieved", "promise_amount_invalid"));

  promise = sound_promise();
  promise.problems.assign(kMaxProblems + 1, "Otrygghet");
  EXPECT_TRUE(has_error(validate_promise(promise), "problems", "promise_too_many_problems"));
}

TEST(PromiseModel, NotKeptOrPartlyKeptNeedsAPublicAccount) {
  FollowUp follow_up{.period = "2016 T2", .status = "not_kept", .recorded_on = "2016-10-15"};
  EXPECT_TRUE(has_error(validate_follow_up(follow_up), "account", "promise_account_required"));
  follow_up.status = "partly_kept";
  follow_up.account = "   ";
  EXPECT_TRUE(has_error(validate_follow_up(follow_up), "account", "promise_account_required"));
  follow_up.account = "Tre kvällar i veckan i stället för fyra.";
  EXPECT_TRUE(validate_follow_up(follow_up).empty());
  for (const auto status : {"on_track", "delayed", "kept", "extended"}) {
    EXPECT_TRUE(
        validate_follow_up({.period = "2016 T1", .status = status, .recorded_on = "2016-05-15"})
            .empty())
        << status;
  }
  EXPECT_TRUE(has_error(validate_follow_up({.period = "", .status = "broken", .recorded_on = ""}),
                        "status", "choice_invalid"));
}

TEST(PromiseModel, APromiseIsPublicOncePublishedAndItsDayHasCome) {
  auto promise = sound_promise();
  EXPECT_FALSE(is_public(promise, "2016-03-01")) << "not published";
  promise.published = true;
  EXPECT_TRUE(is_public(promise, "2016-03-01")) << "no day: at once";
  promise.publish_on = "2016-03-10";
  EXPECT_FALSE(is_public(promise, "2016-03-09"));
  EXPECT_TRUE(is_scheduled(promise, "2016-03-09"));
  EXPECT_TRUE(is_public(promise, "2016-03-10"));
  EXPECT_FALSE(is_scheduled(promise, "2016-03-10"));
}

TEST(PromiseModel, TheLatestFollowUpIsTheLastRecordedDayThenTheLaterEntry) {
  const std::vector<FollowUp> follow_ups{{.id = 1, .recorded_on = "2016-10-15"},
                                         {.id = 3, .recorded_on = "2016-05-15"},
                                         {.id = 2, .recorded_on = "2016-10-15"}};
  ASSERT_NE(latest(follow_ups), nullptr);
  EXPECT_EQ(latest(follow_ups)->id, 2);
  EXPECT_EQ(latest({}), nullptr);
}

TEST(PromiseModel, SubscriptionAddressesAreCheckedAndKeptInLowerCase) {
  for (const auto* good : {"anna@example.se", "a.b+promise@sub.example.dk"}) {
    EXPECT_TRUE(is_email_address(good)) << good;
  }
  for (const auto* bad : {"", "anna", "@example.se", "anna@", "anna@example", "anna@@example.se",
                          "anna @example.se", "anna@example.se.", "Anna <anna@example.se>",
                          "anna@example..se", "anna@example.se\r\nBcc: x@y.z"}) {
    EXPECT_FALSE(is_email_address(bad)) << bad;
  }
  EXPECT_EQ(normalised_address("  Anna@Example.SE "), "anna@example.se");
}

}  // namespace
}  // namespace samtryg::promises
