#include "features/indicators/charts.hpp"

#include <gtest/gtest.h>
#include <pugixml.hpp>

namespace samtryg::indicators::charts {
namespace {

pugi::xml_document parse_svg(const std::string& svg) {
  pugi::xml_document document;
  const auto result = document.load_string(svg.c_str());
  EXPECT_TRUE(result) << result.description() << "\n" << svg;
  return document;
}

std::size_t count(const pugi::xml_document& document, const char* xpath) {
  return document.select_nodes(xpath).size();
}

TimeSeries satisfaction() {
  TimeSeries chart;
  chart.id = "c1";
  chart.title = "Nøjde deltagare <i trygghetsvandringar>";
  chart.description = "Andel nöjda per år mot målet minst 70 %";
  chart.points = {{"2018", 64, false, false},
                  {"2019", 72, true, false},
                  {"2020", std::nullopt, std::nullopt, false},
                  {"2021", 75, true, true}};
  chart.target = TargetMark{70, std::nullopt, "Mål ≥ 70 %"};
  chart.format = [](double value) { return std::to_string(static_cast<int>(value)) + " %"; };
  return chart;
}

TEST(Charts, TimeSeriesIsValidSvgWithTitleDescriptionAndEscapedText) {
  const auto svg = time_series(satisfaction());
  const auto document = parse_svg(svg);
  const auto root = document.child("svg");
  EXPECT_STREQ(root.attribute("role").value(), "img");
  EXPECT_STREQ(root.attribute("aria-labelledby").value(), "c1-title c1-desc");
  EXPECT_STREQ(root.child("title").text().get(), "Nøjde deltagare <i trygghetsvandringar>");
  EXPECT_STREQ(root.child("desc").attribute("id").value(), "c1-desc");
  EXPECT_EQ(svg.find("<i "), std::string::npos);  // text is escaped, not markup
}

TEST(Charts, TimeSeriesMarksMetAndNotMetWithDifferentShapesAndBreaksAtGaps) {
  const auto document = parse_svg(time_series(satisfaction()));
  // Values 2018, 2019, 2021 plus one legend sample each for met, not met, example data.
  EXPECT_EQ(count(document, "//*[local-name()='circle']"), 2u + 2u);  // met ×2 + legend met, ex.
  EXPECT_EQ(count(document, "//*[local-name()='path'][@fill='#b3261e']"), 2u);  // diamond + legend
  // The series path has two pieces because 2020 has no value.
  const auto series = document.select_node("//*[local-name()='path'][@fill='none']").node();
  const std::string d = series.attribute("d").value();
  EXPECT_EQ(std::count(d.begin(), d.end(), 'M'), 2);
  // The target line is dashed and labelled.
  EXPECT_EQ(count(document, "//*[local-name()='line'][@stroke-dasharray]"), 1u);
  EXPECT_EQ(count(document, "//*[local-name()='text'][text()='Mål ≥ 70 %']"), 1u);
}

TEST(Charts, MonthLabelsNeverOverlap) {
  TimeSeries chart;
  chart.id = "m";
  const char* months[] = {"januar", "februar", "marts",     "april",   "maj",      "juni",
                          "juli",   "august",  "september", "oktober", "november", "december"};
  for (int year = 2017; year <= 2018; ++year) {
    for (const auto* month : months) {
      chart.points.push_back(
          {std::string(month) + " " + std::to_string(year), 5, std::nullopt, false});
    }
  }
  const auto document = parse_svg(time_series(chart));
  // Each label's extent from its anchor, at about 0.6 em per character and 12 px.
  std::vector<std::pair<double, double>> extents;
  for (const auto& node : document.select_nodes("//*[local-name()='text']")) {
    const std::string text = node.node().text().get();
    if (text.find(" 201") == std::string::npos) continue;
    const double x = node.node().attribute("x").as_double();
    const double width = static_cast<double>(text.size()) * 12 * 0.6;
    const std::string anchor = node.node().attribute("text-anchor").value();
    const double from = anchor == "start" ? x : anchor == "end" ? x - width : x - width / 2;
    extents.emplace_back(from, from + width);
  }
  ASSERT_GE(extents.size(), 2u);
  for (std::size_t i = 1; i < extents.size(); ++i) {
    EXPECT_LT(extents[i - 1].second, extents[i].first)
        << "label " << i << " overlaps the one before";
  }
}

TEST(Charts, BetweenTargetIsABand) {
  auto chart = satisfaction();
  chart.target = TargetMark{60, 80, "60–80"};
  const auto document = parse_svg(time_series(chart));
  EXPECT_EQ(count(document, "//*[local-name()='rect']"), 1u);
  EXPECT_EQ(count(document, "//*[local-name()='line'][@stroke-dasharray]"), 2u);
}

TEST(Charts, TargetAboveAllValuesStillFitsOnTheAxis) {
  TimeSeries chart;
  chart.id = "c";
  chart.points = {{"2017", 10, std::nullopt, false}, {"2018", 12, std::nullopt, false}};
  chart.target = TargetMark{100, std::nullopt, "≤ 100"};
  const auto document = parse_svg(time_series(chart));
  const auto line = document.select_node("//*[local-name()='line'][@stroke-dasharray]").node();
  EXPECT_GE(line.attribute("y1").as_double(), 0.0);
}

TEST(Charts, BarChartHasOneBarPerAreaAndNamesMissingValues) {
  BarChart chart;
  chart.id = "b";
  chart.title = "Tryghedsindeks";
  chart.bars = {{"København", 71, false, false},
                {"Aalborg", 76, true, false},
                {"Odense", std::nullopt, false, false}};
  chart.no_value_label = "ingen værdi";
  const auto document = parse_svg(bar_chart(chart));
  EXPECT_EQ(count(document, "//*[local-name()='rect']"), 2u);
  EXPECT_EQ(count(document, "//*[local-name()='rect'][@fill='#0b2e59']"), 1u);  // own area
  EXPECT_EQ(count(document, "//*[local-name()='text'][text()='ingen værdi']"), 1u);
}

TEST(Charts, ExampleBarsAreOutlinedAndSaidSoInTheLegend) {
  BarChart chart;
  chart.id = "b";
  chart.title = "Tryghedsindeks";
  chart.bars = {{"København", 71, false, false}, {"Aalborg", 76, true, true}};
  chart.example_label = "eksempeldata";
  auto document = parse_svg(bar_chart(chart));
  EXPECT_EQ(count(document, "//*[local-name()='text'][text()='eksempeldata']"), 1u);
  EXPECT_EQ(count(document, "//*[local-name()='rect'][@stroke-dasharray]"), 2u)
      << "the example bar and its legend sample";
  chart.bars.back().example = false;
  document = parse_svg(bar_chart(chart));
  EXPECT_EQ(count(document, "//*[local-name()='text'][text()='eksempeldata']"), 0u)
      << "no legend without example bars";
}

TEST(Charts, SparklineAndEmptyChartsAreValid) {
  parse_svg(sparkline({1, std::nullopt, 3, 2}, "Trend"));
  parse_svg(sparkline({}, "Trend"));
  TimeSeries empty;
  empty.id = "e";
  parse_svg(time_series(empty));
  BarChart no_bars;
  no_bars.id = "n";
  parse_svg(bar_chart(no_bars));
}

TEST(Charts, AxisTicksAreRoundAndCoverTheRange) {
  EXPECT_EQ(axis_ticks(0, 100), (std::vector<double>{0, 20, 40, 60, 80, 100}));
  EXPECT_EQ(axis_ticks(0, 1150), (std::vector<double>{0, 500, 1000, 1500}));
  const auto small = axis_ticks(-3, 7);
  EXPECT_LE(small.front(), -3);
  EXPECT_GE(small.back(), 7);
  EXPECT_LE(small.size(), 7u);
}

}  // namespace
}  // namespace samtryg::indicators::charts
