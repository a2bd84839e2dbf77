// The indicators' storage against SQLite and PostgreSQL alike.
#include "features/indicators/store.hpp"

#include <gtest/gtest.h>

#include "core/auth/store.hpp"
#include "core/db/database.hpp"
#include "core/db/migrations.hpp"
#include "core/util/time.hpp"
#include "support/databases.hpp"

namespace samtryg::indicators {
namespace {

class IndicatorStore : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    scratch_ = std::make_unique<testing::ScratchDatabase>(GetParam());
    SAMTRYG_REQUIRE_BACKEND(*scratch_);
    database_ = db::Database::open(db::parse_database_url(scratch_->url()), 2);
    db::migrate(*database_);
    database_->in_transaction([&](soci::session& sql) {
      workspace_ = auth::insert_workspace(sql, "Landskrona stad", "sv", now_iso_utc());
      other_workspace_ = auth::insert_workspace(sql, "Nässjö", "sv", now_iso_utc());
    });
  }

  long long add_indicator(long long workspace, const std::string& name) {
    Indicator indicator;
    indicator.workspace_id = workspace;
    indicator.name = name;
    indicator.unit = "count";
    indicator.direction = "lower";
    indicator.baseline = 131;
    indicator.baseline_period = "2015";
    long long id = 0;
    database_->in_transaction(
        [&](soci::session& sql) { id = store::insert_indicator(sql, indicator); });
    return id;
  }

  std::unique_ptr<testing::ScratchDatabase> scratch_;
  std::unique_ptr<db::Database> database_;
  long long workspace_ = 0;
  long long other_workspace_ = 0;
};

TEST_P(IndicatorStore, IndicatorsTargetsAndLinksRoundTrip) {
  const long long id = add_indicator(workspace_, "Klottersaneringsinsatser per år");
  database_->in_transaction([&](soci::session& sql) {
    Target target;
    target.indicator_id = id;
    target.comparator = "le";
    target.value = 100;
    target.period_start = "2016-01-01";
    target.period_end = "2016-12-31";
    store::insert_target(sql, target);
    target.comparator = "between";
    target.high = 90;
    target.value = 50;
    target.per_event = true;
    store::insert_target(sql, target);
  });
  database_->in_transaction([&](soci::session& sql) {
    const auto found = store::find_indicator(sql, workspace_, id);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->name, "Klottersaneringsinsatser per år");
    EXPECT_EQ(found->baseline, 131);
    EXPECT_FALSE(found->plan_id);
    EXPECT_FALSE(store::find_indicator(sql, other_workspace_, id)) << "scoped to its workspace";
    const auto targets = store::targets(sql, store::Scope::indicator(id));
    ASSERT_EQ(targets.size(), 2U);
    EXPECT_EQ(targets[0].comparator, "le");
    EXPECT_FALSE(targets[0].high);
    EXPECT_EQ(targets[1].high, 90);
    EXPECT_TRUE(targets[1].per_event);
    EXPECT_TRUE(store::indicator_name_taken(sql, workspace_, "Klottersaneringsinsatser per år", 0));
    EXPECT_FALSE(
        store::indicator_name_taken(sql, workspace_, "Klottersaneringsinsatser per år", id));
  });
}

TEST_P(IndicatorStore, ASecondSaveOfTheSameVersionIsRefused) {
  const long long id = add_indicator(workspace_, "Trygghetsindex");
  database_->in_transaction([&](soci::session& sql) {
    auto first = *store::find_indicator(sql, workspace_, id);
    auto second = first;
    first.definition = "Andel som känner sig trygga ute på kvällen";
    EXPECT_TRUE(store::update_indicator(sql, first));
    second.definition = "stale";
    EXPECT_FALSE(store::update_indicator(sql, second));
    EXPECT_EQ(store::find_indicator(sql, workspace_, id)->row_version, 2);
  });
}

TEST_P(IndicatorStore, WritingTheSameValuesAgainUpdatesInsteadOfDuplicating) {
  const long long id = add_indicator(workspace_, "Startmöten med trygghetssamordnaren");
  long long area = 0;
  database_->in_transaction([&](soci::session& sql) {
    Area landskrona;
    landskrona.workspace_id = workspace_;
    landskrona.name = "Landskrona";
    landskrona.code = "1282";
    area = store::insert_area(sql, landskrona);
  });
  const auto write_all = [&](double third) {
    std::vector<store::Upsert> results;
    database_->in_transaction([&](soci::session& sql) {
      store::ValueWriter writer(sql);
      Value value;
      value.indicator_id = id;
      value.origin = "imported";
      value.import_file = "BE0101.px";
      value.import_table = "BE0101";
      value.period = "2015";
      value.value = 12;
      results.push_back(writer.write(value));
      value.area_id = area;
      results.push_back(writer.write(value));
      value.period = "2016";
      value.value.reset();
      value.numerator = 9;
      value.denominator = third;
      results.push_back(writer.write(value));
    });
    return results;
  };
  using store::Upsert;
  EXPECT_EQ(write_all(12), (std::vector{Upsert::inserted, Upsert::inserted, Upsert::inserted}));
  EXPECT_EQ(write_all(12), (std::vector{Upsert::unchanged, Upsert::unchanged, Upsert::unchanged}));
  EXPECT_EQ(write_all(10), (std::vector{Upsert::unchanged, Upsert::unchanged, Upsert::updated}));
  database_->in_transaction([&](soci::session& sql) {
    const auto values = store::values(sql, store::Scope::indicator(id));
    ASSERT_EQ(values.size(), 3U);
    EXPECT_FALSE(values[0].area_id);
    EXPECT_EQ(values[1].area_id, area);
    EXPECT_EQ(values[2].period, "2016");
    EXPECT_FALSE(values[2].value);
    EXPECT_EQ(values[2].numerator, 9);
    EXPECT_EQ(values[2].denominator, 10);
    EXPECT_EQ(values[2].import_file, "BE0101.px");
    EXPECT_EQ(store::areas(sql, workspace_).size(), 1U);
    EXPECT_TRUE(store::areas(sql, other_workspace_).empty());
  });
}

TEST_P(IndicatorStore, AFailedWriteStoresNothing) {
  const long long id = add_indicator(workspace_, "Genomförda vandringar");
  EXPECT_ANY_THROW(database_->in_transaction([&](soci::session& sql) {
    store::ValueWriter writer(sql);
    Value value;
    value.indicator_id = id;
    value.period = "2016";
    value.value = 2;
    writer.write(value);
    value.period = "2017";
    value.status = "guess";  // refused by the CHECK constraint
    writer.write(value);
  }));
  database_->in_transaction([&](soci::session& sql) {
    EXPECT_TRUE(store::values(sql, store::Scope::indicator(id)).empty());
  });
}

TEST_P(IndicatorStore, TheBulkWriterCountsLikeTheSingleOneAndKeepsTheLastOfTwoWrites) {
  const long long id = add_indicator(workspace_, "Klottersaneringsinsatser per år");
  const auto write_all = [&](double second, std::optional<double> again) {
    std::vector<store::Upsert> results;
    database_->in_transaction([&](soci::session& sql) {
      store::BulkValueWriter writer(sql);
      Value value;
      value.indicator_id = id;
      value.origin = "imported";
      value.import_file = "klotter.json";
      value.period = "2015";
      value.value = 131;
      results.push_back(writer.write(value));
      value.period = "2016";
      value.value = second;
      results.push_back(writer.write(value));
      if (again) {
        value.value = *again;  // the same key twice in one import: the last one counts
        results.push_back(writer.write(value));
      }
      writer.flush();
    });
    return results;
  };
  using store::Upsert;
  EXPECT_EQ(write_all(96, std::nullopt), (std::vector{Upsert::inserted, Upsert::inserted}));
  EXPECT_EQ(write_all(96, std::nullopt), (std::vector{Upsert::unchanged, Upsert::unchanged}));
  EXPECT_EQ(write_all(90, 88), (std::vector{Upsert::unchanged, Upsert::updated, Upsert::updated}));
  database_->in_transaction([&](soci::session& sql) {
    const auto values = store::values(sql, store::Scope::indicator(id));
    ASSERT_EQ(values.size(), 2U);
    EXPECT_EQ(values[1].value, 88);
    EXPECT_EQ(values[1].import_file, "klotter.json");
  });
  // A value the database refuses fails the whole batch.
  EXPECT_ANY_THROW(database_->in_transaction([&](soci::session& sql) {
    store::BulkValueWriter writer(sql);
    Value value;
    value.indicator_id = id;
    value.period = "2017";
    value.value = 70;
    writer.write(value);
    value.period = "2018";
    value.status = "guess";
    writer.write(value);
    writer.flush();
  }));
  database_->in_transaction([&](soci::session& sql) {
    EXPECT_EQ(store::values(sql, store::Scope::indicator(id)).size(), 2U);
  });
}

TEST_P(IndicatorStore, APlanScopeReadsTheTargetsValuesAndLinksOfThatPlanOnly) {
  const long long in_workspace = add_indicator(workspace_, "Trygghetsindex");
  const long long elsewhere = add_indicator(other_workspace_, "Trygghetsindex");
  database_->in_transaction([&](soci::session& sql) {
    store::ValueWriter writer(sql);
    for (const long long id : {in_workspace, elsewhere}) {
      Value value;
      value.indicator_id = id;
      value.period = "2017";
      value.value = 70;
      writer.write(value);
      Target target;
      target.indicator_id = id;
      target.value = 75;
      store::insert_target(sql, target);
    }
  });
  database_->in_transaction([&](soci::session& sql) {
    const auto scope = store::Scope::plan(workspace_, 0);
    const auto values = store::values(sql, scope);
    ASSERT_EQ(values.size(), 1U);
    EXPECT_EQ(values[0].indicator_id, in_workspace);
    const auto targets = store::targets(sql, scope);
    ASSERT_EQ(targets.size(), 1U);
    EXPECT_EQ(targets[0].indicator_id, in_workspace);
    EXPECT_TRUE(store::links(sql, scope).empty());
    EXPECT_TRUE(store::values(sql, store::Scope::plan(workspace_, 999)).empty());
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, IndicatorStore, ::testing::ValuesIn(testing::backends()),
                         testing::backend_name);

}  // namespace
}  // namespace samtryg::indicators
