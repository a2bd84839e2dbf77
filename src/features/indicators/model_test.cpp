#include <gtest/gtest.h>

#include "core/i18n/catalog.hpp"
#include "features/indicators/model.hpp"
#include "features/indicators/presentation.hpp"

namespace samtryg::indicators {
namespace {

Indicator yearly(std::string unit = "count", std::string direction = "lower") {
  Indicator indicator;
  indicator.name = "Klottersaneringsinsatser per år";
  indicator.unit = std::move(unit);
  indicator.direction = std::move(direction);
  indicator.frequency = "year";
  return indicator;
}

Value value_of(std::string period, double number, std::optional<long long> area = {}) {
  Value value;
  value.period = std::move(period);
  value.value = number;
  value.area_id = area;
  return value;
}

Target target_of(std::string comparator, double number, std::string start = "",
                 std::string end = "") {
  Target target;
  target.comparator = std::move(comparator);
  target.value = number;
  target.period_start = std::move(start);
  target.period_end = std::move(end);
  return target;
}

bool has_error(const validation::Errors& errors, std::string_view field, std::string_view key) {
  const auto* error = errors.for_field(field);
  return error != nullptr && error->message_key == key;
}

TEST(IndicatorModel, AnEndedTargetIsMetOrNotByItsLastValue) {
  // Landskrona: "Antalet klottersaneringsinsatser per år ska ... uppgå till max 100 st."
  const auto indicator = yearly();
  const auto target = target_of("le", 100, "2016-01-01", "2016-12-31");
  EXPECT_EQ(assess(indicator, target, {value_of("2016", 96)}, "2017-03-01").status, Status::met);
  const auto missed =
      assess(indicator, target, {value_of("2015", 80), value_of("2016", 131)}, "2017-03-01");
  EXPECT_EQ(missed.status, Status::not_met);
  EXPECT_EQ(missed.latest, 131);
  EXPECT_EQ(missed.latest_period, "2016");  // 2015 lies outside the target's period
  EXPECT_EQ(assess(indicator, target, {}, "2017-03-01").status, Status::no_data);
}

TEST(IndicatorModel, ARunningTargetFollowsTheTrendOfTheLastThreeValues) {
  // "Minst 70% av medborgarna ska vara nöjda"
  auto indicator = yearly("percent", "higher");
  const auto target = target_of("ge", 70, "2016-01-01", "2020-12-31");
  const auto rising =
      assess(indicator, target, {value_of("2016", 61), value_of("2017", 64), value_of("2018", 67)},
             "2019-06-01");
  EXPECT_EQ(rising.status, Status::on_track);  // 3 points a year reaches 70 before 2020 ends
  ASSERT_TRUE(rising.projected);
  EXPECT_GT(*rising.projected, 70);
  const auto falling =
      assess(indicator, target, {value_of("2016", 75), value_of("2017", 73), value_of("2018", 71)},
             "2019-06-01");
  EXPECT_EQ(falling.status, Status::at_risk);  // still above 70 but heading below it
  EXPECT_EQ(assess(indicator, target, {value_of("2018", 72)}, "2019-06-01").status,
            Status::on_track);
}

TEST(IndicatorModel, PerEventTargetsCountEveryEvent) {
  // "Minst 20 personer ska delta i vandringen"
  Indicator walks = yearly("count", "higher");
  walks.frequency = "event";
  Target target = target_of("ge", 20, "2016-01-01", "2016-12-31");
  target.per_event = true;
  const std::vector<Value> values{value_of("2016-04-12", 24), value_of("2016-10-04", 17)};
  const auto result = assess(walks, target, values, "2017-01-15");
  EXPECT_EQ(result.status, Status::not_met);
  EXPECT_EQ(result.events, 2);
  EXPECT_EQ(result.events_met, 1);
  EXPECT_EQ(assess(walks, target, {values[0]}, "2016-06-01").status, Status::on_track);
}

TEST(IndicatorModel, AreaTargetsUseOnlyThatAreasValues) {
  auto indicator = yearly("index_points", "higher");
  auto target = target_of("ge", 0, "2017-01-01", "2017-12-31");
  target.area_id = 7;
  const std::vector<Value> values{value_of("2017", -3, std::nullopt), value_of("2017", 4, 7)};
  EXPECT_EQ(assess(indicator, target, values, "2018-02-01").status, Status::met);
  target.area_id.reset();
  EXPECT_EQ(assess(indicator, target, values, "2018-02-01").status, Status::not_met);
}

TEST(IndicatorModel, RatiosAreNumeratorOverDenominator) {
  // "Antalet startmöten Trygghetssamordnaren bjudits in till (i förhållande till antalet
  // startmöten)"
  auto indicator = yearly("percent", "higher");
  Value value;
  value.period = "2016";
  value.numerator = 9;
  value.denominator = 12;
  EXPECT_DOUBLE_EQ(*effective_value(indicator, value), 75);
  indicator.unit = "ratio";
  EXPECT_DOUBLE_EQ(*effective_value(indicator, value), 0.75);
  value.denominator = 0;
  EXPECT_TRUE(
      has_error(validate_value(indicator, value), "denominator", "indicator_denominator_positive"));
}

TEST(IndicatorModel, BetweenAndEqualTargets) {
  auto between = target_of("between", 5, "", "");
  between.high = 8;
  EXPECT_TRUE(meets(between, 5));
  EXPECT_TRUE(meets(between, 8));
  EXPECT_FALSE(meets(between, 8.5));
  EXPECT_TRUE(meets(target_of("eq", 1), 1));  // yes/no: "Har aktiviteterna genomförts?" = yes
  EXPECT_FALSE(meets(target_of("eq", 1), 0));
  between.high = 4;
  EXPECT_TRUE(has_error(validate_target(yearly(), between), "high", "target_high_below_low"));
}

// The rules every entry point (page, API, import) applies through validate_value/target.
TEST(IndicatorModel, FiguresStayWithinWhatTheUnitCanMean) {
  const auto share = yearly("percent", "higher");
  EXPECT_TRUE(validate_value(share, value_of("2017", 84.9)).empty());
  EXPECT_TRUE(
      has_error(validate_value(share, value_of("2017", 150)), "value", "indicator_share_range"));
  EXPECT_TRUE(
      has_error(validate_value(share, value_of("2017", -5)), "value", "indicator_share_range"));
  EXPECT_TRUE(
      has_error(validate_value(share, value_of("2017", 690)), "value", "indicator_share_range"));
  EXPECT_TRUE(has_error(validate_value(yearly(), value_of("2017", 1e308)), "value",
                        "indicator_figure_too_large"));
  EXPECT_TRUE(
      has_error(validate_value(yearly(), value_of("2017", -1)), "value", "indicator_not_negative"));
  // 69 of 10 is no share, though both halves are fine numbers.
  auto ratio = value_of("2017", 0);
  ratio.value.reset();
  ratio.numerator = 69;
  ratio.denominator = 10;
  EXPECT_TRUE(has_error(validate_value(share, ratio), "numerator", "indicator_share_range"));
  EXPECT_TRUE(
      has_error(validate_target(share, target_of("ge", 120)), "value", "indicator_share_range"));
  auto between = target_of("between", 50);
  between.high = 101;
  EXPECT_TRUE(has_error(validate_target(share, between), "high", "indicator_share_range"));
  EXPECT_TRUE(validate_target(share, target_of("ge", 85)).empty());
}

TEST(IndicatorModel, ASchoolYearCountsTowardsTheCalendarYearHoldingItsMiddle) {
  auto indicator = yearly("percent", "lower");
  indicator.frequency = "school_year";
  const auto target = target_of("le", 10, "2025-01-01", "2025-12-31");
  const auto result = assess(indicator, target, {value_of("2024/25", 8)}, "2026-03-01");
  EXPECT_EQ(result.status, Status::met);
  EXPECT_EQ(result.latest_period, "2024/25");
  // 2023/24's middle is in 2024: not this target's.
  EXPECT_EQ(assess(indicator, target, {value_of("2023/24", 8)}, "2026-03-01").status,
            Status::no_data);
}

TEST(IndicatorModel, APerEventTargetCountsTheEventsOfEveryArea) {
  auto indicator = yearly("count", "higher");
  indicator.frequency = "event";
  auto target = target_of("ge", 5, "2017-01-01", "2017-12-31");
  target.per_event = true;
  const auto result = assess(
      indicator, target,
      {value_of("2017-04-03", 7, 2), value_of("2017-09-12", 3, 5), value_of("2017-10-01", 6)},
      "2018-01-01");
  EXPECT_EQ(result.events, 3);
  EXPECT_EQ(result.events_met, 2);
  EXPECT_EQ(result.status, Status::not_met);
  // A target for one area counts that area's only.
  target.area_id = 2;
  EXPECT_EQ(assess(indicator, target, {value_of("2017-04-03", 7, 2), value_of("2017-09-12", 3, 5)},
                   "2018-01-01")
                .events,
            1);
}

TEST(IndicatorModel, AProjectedShareNeverPassesAHundred) {
  const auto share = yearly("percent", "higher");
  const auto target = target_of("ge", 99, "2017-01-01", "2030-12-31");
  const auto result =
      assess(share, target, {value_of("2017", 80), value_of("2018", 90), value_of("2019", 99)},
             "2020-01-01");
  ASSERT_TRUE(result.projected);
  EXPECT_LE(*result.projected, 100);
  EXPECT_EQ(result.status, Status::on_track);
}

TEST(IndicatorModel, TheHeadlineTargetIsTheRunningOneElseTheLastEnded) {
  const auto indicator = yearly();
  auto old_target = target_of("le", 120, "2015-01-01", "2015-12-31");
  old_target.id = 1;
  auto current = target_of("le", 100, "2016-01-01", "2018-12-31");
  current.id = 2;
  const std::vector<Value> values{value_of("2015", 110), value_of("2016", 105)};
  EXPECT_EQ(assess_indicator(indicator, {old_target, current}, values, "2017-05-01").target_id, 2);
  EXPECT_EQ(assess_indicator(indicator, {old_target}, values, "2017-05-01").status, Status::met);
  EXPECT_EQ(assess_indicator(indicator, {}, values, "2017-05-01").status, Status::no_target)
      << "values without a target: there is nothing to hold them up to, not 'no data'";
}

TEST(IndicatorModel, AYesNoIndicatorIsExplainedInWordsAndOneWithoutTargetSaysSo) {
  const auto& danish = i18n::Catalog::get(i18n::Language::da);
  const auto indicator = yearly("yes_no", "higher");
  auto target = target_of("ge", 1, "2017-01-01", "2017-12-31");
  target.id = 7;
  const std::vector<Value> values{value_of("2017", 0)};
  const auto assessment = assess_indicator(indicator, {target}, values, "2018-02-01");
  ASSERT_EQ(assessment.status, Status::not_met);
  const auto sentence = status_explanation(indicator, assessment, {target}, danish);
  EXPECT_NE(sentence.find("Nej"), std::string::npos) << sentence;
  EXPECT_EQ(sentence.find(" 0 "), std::string::npos) << sentence;
  EXPECT_EQ(figure_text(indicator, 1, danish), "Ja");

  const auto untargeted = assess_indicator(yearly(), {}, {value_of("2017", 4)}, "2018-02-01");
  EXPECT_EQ(status_label(untargeted.status, danish), "Intet mål");
}

TEST(IndicatorModel, TheFiguresOfTheLastFinishedPeriodAreDue) {
  auto indicator = yearly();
  EXPECT_EQ(period_due(indicator, "2026-12-06"), "2025");
  EXPECT_TRUE(awaits_figures(indicator, {value_of("2024", 3)}, "2026-12-06"));
  EXPECT_FALSE(awaits_figures(indicator, {value_of("2025", 3)}, "2026-12-06"));
  EXPECT_FALSE(awaits_figures(indicator, {value_of("2026", 3)}, "2026-12-06"));
  indicator.frequency = "quarter";
  EXPECT_EQ(period_due(indicator, "2026-01-10"), "2025Q4");
  EXPECT_TRUE(awaits_figures(indicator, {value_of("2025Q3", 3)}, "2026-01-10"));
  indicator.frequency = "event";
  EXPECT_FALSE(awaits_figures(indicator, {}, "2026-01-10")) << "walks come when they come";
}

TEST(IndicatorModel, PeriodsMustFitTheFrequency) {
  auto indicator = yearly();
  EXPECT_EQ(normalise_period(indicator, "2017"), "2017");
  EXPECT_EQ(normalise_period(indicator, "2017Q3"), "");
  indicator.frequency = "quarter";
  EXPECT_EQ(normalise_period(indicator, "2017K3"), "2017Q3");
  indicator.frequency = "tertial";
  EXPECT_EQ(normalise_period(indicator, "2017T2"), "2017T2");
  indicator.frequency = "school_year";
  EXPECT_EQ(normalise_period(indicator, "2017/18"), "2017/18");
  indicator.frequency = "event";
  EXPECT_EQ(normalise_period(indicator, "2016-04-12"), "2016-04-12");
  EXPECT_EQ(normalise_period(indicator, "2016"), "");
  auto yes_no = yearly("yes_no");
  EXPECT_TRUE(has_error(validate_value(yes_no, value_of("2016", 2)), "value", "indicator_yes_no"));
  EXPECT_TRUE(validate_value(yes_no, value_of("2016", 1)).empty());
  EXPECT_TRUE(has_error(validate_value(yes_no, value_of("2016Q1", 1)), "period",
                        "indicator_period_invalid"));
}

TEST(IndicatorModel, ARoundSuggestsThePeriodHoldingItsMiddleDay) {
  auto indicator = yearly();
  // Tryg Aalborg's 4. afrapportering ran 21 January 2017 – 14 January 2018: it reports on 2017.
  EXPECT_EQ(suggested_period(indicator, "2017-01-21", "2018-01-14"), "2017");
  indicator.frequency = "tertial";
  EXPECT_EQ(suggested_period(indicator, "2026-01-01", "2026-04-30"), "2026T1");
  indicator.frequency = "quarter";
  EXPECT_EQ(suggested_period(indicator, "2017-07-01", "2017-09-30"), "2017Q3");
  indicator.frequency = "school_year";
  EXPECT_EQ(suggested_period(indicator, "2017-08-01", "2018-07-31"), "2017/18");
  indicator.frequency = "event";
  EXPECT_EQ(suggested_period(indicator, "2017-01-01", "2017-12-31"), "");
  indicator.frequency = "year";
  EXPECT_EQ(suggested_period(indicator, "2017-01-01", "not a day"), "");
}

TEST(IndicatorModel, ARoundShowsTheLatestWholePlanValueOfItsPeriod) {
  const std::vector<Value> values{value_of("2015", 55), value_of("2016", 61),
                                  value_of("2017", 64, 3), value_of("2017", 63),
                                  value_of("2019", 70)};
  const auto* found = latest_value_within(values, "2017-01-21", "2018-01-14");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->period, "2017");
  EXPECT_EQ(*found->value, 63) << "the whole plan's value, not an area's";
  EXPECT_EQ(latest_value_within(values, "2018-02-01", "2018-12-31"), nullptr);
}

TEST(IndicatorModel, RollUpExplainsTheWeightedShare) {
  const auto rollup = roll_up({{1, "Tryghedsindeks", 2, Status::on_track},
                               {2, "Seminarer", 1, Status::not_met},
                               {3, "Besøgende", 1, Status::no_data}});
  EXPECT_EQ(rollup.status, Status::at_risk);
  EXPECT_DOUBLE_EQ(rollup.share, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(rollup.weight_assessed, 3);
  EXPECT_EQ(rollup.parts.size(), 3U);
  EXPECT_EQ(roll_up({{1, "a", 1, Status::met}, {2, "b", 1, Status::on_track}}).status,
            Status::on_track);
  EXPECT_EQ(roll_up({{1, "a", 1, Status::not_met}, {2, "b", 3, Status::at_risk}}).status,
            Status::not_met);
  EXPECT_EQ(roll_up({{1, "a", 1, Status::no_data}}).status, Status::no_data);
  EXPECT_EQ(roll_up({{1, "a", 1, Status::met}, {2, "b", 1, Status::no_data}}).status, Status::met);
}

}  // namespace
}  // namespace samtryg::indicators
