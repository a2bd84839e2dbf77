// Statistics tables into indicator values: preview lists what would and would not be stored;
// applying stores all or nothing and a second run updates instead of duplicating.
#include "features/indicators/import.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <limits>
#include <sstream>

#include "core/auth/store.hpp"
#include "core/db/migrations.hpp"
#include "core/util/time.hpp"
#include "features/indicators/commands.hpp"
#include "features/indicators/store.hpp"
#include "features/statistics/reader.hpp"
#include "support/databases.hpp"

namespace samtryg::indicators {
namespace {

stats::Table population_table() {
  const std::string path = std::string(SAMTRYG_SOURCE_DIR) +
                           "/../shared/fixtures/px/statisticssweden-pxweb/Doublecolumn/"
                           "BE0101N1doublecol.px";
  std::ifstream file(path, std::ios::binary);
  std::stringstream bytes;
  bytes << file.rdbuf();
  return stats::read_table(bytes.str(), path, {});
}

Indicator population(long long id, std::string frequency = "year") {
  Indicator indicator;
  indicator.id = id;
  indicator.name = "Folkmängd, män";
  indicator.frequency = std::move(frequency);
  return indicator;
}

Mapping men_by_region(long long indicator_id) {
  Mapping mapping;
  mapping.time_dimension = "period";
  mapping.area_dimension = "region";
  mapping.series.push_back({indicator_id, {{"sex", "1"}}});
  return mapping;
}

TEST(Import, PreviewMatchesAreasByCodeAndListsTheUnknownOnes) {
  const auto table = population_table();
  const std::vector<Area> areas{{7, 1, "Stockholm", "municipality", "01"},
                                {8, 1, "03 Uppsala county", "municipality", ""}};
  const auto result = preview(table, men_by_region(3), {population(3)}, areas);
  EXPECT_EQ(result.cells, 21 * 2);
  ASSERT_EQ(result.values.size(), 4U) << "two areas × two years";
  EXPECT_EQ(result.values[0].period, "2007");
  EXPECT_EQ(result.values[0].area_id, 7);
  EXPECT_EQ(result.values[1].area_id, 8) << "matched by its label";
  EXPECT_EQ(result.unknown_areas.size(), 19U);
  EXPECT_TRUE(result.unknown_periods.empty());
}

TEST(Import, PeriodsThatDoNotFitTheFrequencyAreListedNotDropped) {
  const auto table = population_table();
  auto mapping = men_by_region(3);
  mapping.create_missing_areas = true;
  const auto result = preview(table, mapping, {population(3, "quarter")}, {});
  EXPECT_TRUE(result.values.empty());
  EXPECT_EQ(result.unknown_periods, (std::vector<std::string>{"2007", "2008"}));
}

TEST(Import, AMappingWithoutAChoiceForEveryOtherDimensionIsRefused) {
  const auto table = population_table();
  auto mapping = men_by_region(3);
  mapping.series[0].where.clear();
  try {
    preview(table, mapping, {population(3)}, {});
    FAIL() << "expected a refusal";
  } catch (const validation::Invalid& invalid) {
    ASSERT_EQ(invalid.errors.items().size(), 1U);
    EXPECT_EQ(invalid.errors.items()[0].field, "where.sex");
  }
  mapping = men_by_region(3);
  mapping.time_dimension = "year";
  EXPECT_THROW(preview(table, mapping, {population(3)}, {}), validation::Invalid);
}

TEST(Import, MappingFilesNameIndicatorsAndAreas) {
  const std::vector<Indicator> indicators{population(3)};
  const std::vector<Area> areas{{7, 1, "Stockholm", "municipality", ""}};
  const auto mapping = read_mapping(
      R"({"time": "period", "area": "region", "series": [{"indicator": "Folkmängd, män",
          "where": {"sex": "1"}}], "areas": {"01": "Stockholm"}})",
      indicators, areas);
  EXPECT_EQ(mapping.series.at(0).indicator_id, 3);
  EXPECT_EQ(mapping.areas.at("01"), 7);
  try {
    read_mapping(R"({"time": "period", "series": [{"indicator": "Nope"}], "extra": 1})", indicators,
                 areas);
    FAIL() << "expected a refusal";
  } catch (const validation::Invalid& invalid) {
    EXPECT_NE(invalid.errors.for_field("$.series[0].indicator"), nullptr);
    EXPECT_NE(invalid.errors.for_field("$.extra"), nullptr);
  }
}

// A migrated database with Landskrona's workspace, its coordinator-like actor and the
// population indicator.
class ImportStore : public testing::DatabaseTest {
 protected:
  void prepare() override {
    database_->in_transaction([&](soci::session& sql) {
      workspace_ = auth::insert_workspace(sql, "Landskrona stad", "sv", now_iso_utc());
    });
    actor_ = auth::Actor::tool(workspace_, "test");
    indicator_ = population(0);
    indicator_.id = create_indicator(*database_, actor_, indicator_, {});
  }

  long long workspace_ = 0;
  Actor actor_;
  Indicator indicator_;
};

TEST_P(ImportStore, ImportingTwiceUpdatesAndCreatesMissingAreasOnce) {
  auto& database = database_;
  const auto& actor = actor_;
  const auto& indicator = indicator_;
  const auto workspace = workspace_;
  const auto id = indicator.id;
  auto mapping = men_by_region(id);
  mapping.create_missing_areas = true;
  const auto table = population_table();
  const auto first = import_values(*database, actor, preview(table, mapping, {indicator}, {}),
                                   "BE0101N1doublecol.px", table.id);
  EXPECT_EQ(first.inserted, 42);
  EXPECT_EQ(first.areas_created, 21);
  std::vector<Area> areas;
  {
    auto sql = database->session();
    areas = store::areas(sql, workspace);
  }
  const auto second = import_values(*database, actor, preview(table, mapping, {indicator}, areas),
                                    "BE0101N1doublecol.px", table.id);
  EXPECT_EQ(second.inserted, 0);
  EXPECT_EQ(second.unchanged, 42);
  EXPECT_EQ(second.areas_created, 0);
  auto sql = database->session();
  const auto values = store::values(sql, store::Scope::indicator(id));
  ASSERT_EQ(values.size(), 42U);
  EXPECT_EQ(values[0].origin, "imported");
  EXPECT_EQ(values[0].import_file, "BE0101N1doublecol.px");
}

// An area of another workspace, a period the indicator's frequency does not have, or a figure
// that is not a number, as the last of 20,000 cells (so batches are already being written
// when it is met), stores nothing of the table: no values, and not the areas it would have
// created.
TEST_P(ImportStore, ABadCellAnywhereStoresNothingOfTheTable) {
  auto& database = database_;
  const auto& actor = actor_;
  const auto& indicator = indicator_;
  const auto workspace = workspace_;
  long long foreign_area = 0;
  database->in_transaction([&](soci::session& sql) {
    Area malmo;
    malmo.workspace_id = auth::insert_workspace(sql, "Malmö stad", "sv", now_iso_utc());
    malmo.name = "Malmö";
    foreign_area = store::insert_area(sql, malmo);
  });
  const auto table_with = [&](const PreviewValue& last) {
    Preview preview;
    for (int district = 0; district < 20; ++district) {
      for (int year = 1001; year <= 2000; ++year) {
        PreviewValue value;
        value.indicator_id = indicator.id;
        value.period = std::to_string(year);
        value.area_code = "1282-" + std::to_string(district);  // new areas, created by it
        value.value = 44'000 + year;
        preview.values.push_back(value);
      }
    }
    preview.values.push_back(last);
    return preview;
  };
  PreviewValue last;
  last.indicator_id = indicator.id;
  last.period = "2017";
  last.value = 45'500;
  last.area_id = foreign_area;
  EXPECT_THROW(import_values(*database, actor, table_with(last), "BE0101.px", "BE0101"),
               validation::NotFound);
  last.area_id.reset();
  last.period = "2017M03";  // not a year
  EXPECT_THROW(import_values(*database, actor, table_with(last), "BE0101.px", "BE0101"),
               validation::Invalid);
  last.period = "2017";
  last.value = std::numeric_limits<double>::infinity();
  EXPECT_THROW(import_values(*database, actor, table_with(last), "BE0101.px", "BE0101"),
               validation::Invalid);
  {
    auto sql = database->session();
    EXPECT_TRUE(store::values(sql, store::Scope::indicator(indicator.id)).empty());
    EXPECT_TRUE(store::areas(sql, workspace).empty());
  }
  last.value = 45'500;
  const auto stored = import_values(*database, actor, table_with(last), "BE0101.px", "BE0101");
  EXPECT_EQ(stored.inserted, 20'001);
  EXPECT_EQ(stored.areas_created, 20);
}

SAMTRYG_ON_EVERY_BACKEND(ImportStore);

}  // namespace
}  // namespace samtryg::indicators
