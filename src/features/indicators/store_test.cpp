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

class IndicatorStore : public testing::DatabaseTest {
 protected:
  void prepare() override {
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

// Both databases compare bytes; the lists follow the workspace's alphabet instead.
TEST_P(IndicatorStore, ListsReadInTheWorkspacesAlphabet) {
  for (const auto* name : {"Öppna ärenden", "Unga", "Ärenden", "Åtgärdade", "Anmälda brott"}) {
    add_indicator(workspace_, name);
  }
  long long danish = 0;
  database_->in_transaction([&](soci::session& sql) {
    danish = auth::insert_workspace(sql, "Tryg Aalborg", "da", now_iso_utc());
    for (const auto* name : {"Øster", "Aalborg Øst", "Ærø", "Zoo", "Ålborg"}) {
      Area area;
      area.workspace_id = danish;
      area.name = name;
      store::insert_area(sql, area);
    }
  });
  auto sql = database_->session();
  std::vector<std::string> swedish;
  for (const auto& indicator : store::indicators(sql, workspace_))
    swedish.push_back(indicator.name);
  EXPECT_EQ(swedish, (std::vector<std::string>{"Anmälda brott", "Unga", "Åtgärdade", "Ärenden",
                                               "Öppna ärenden"}));
  std::vector<std::string> areas;
  for (const auto& area : store::areas(sql, danish)) areas.push_back(area.name);
  // Danish: Æ Ø Å after Z, and "Aa" read as Å.
  EXPECT_EQ(areas, (std::vector<std::string>{"Zoo", "Ærø", "Øster", "Ålborg", "Aalborg Øst"}));
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
    std::vector<Upsert> results;
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
    std::vector<Upsert> results;
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
        value.value = again;  // the same key twice in one import: the last one counts
        results.push_back(writer.write(value));
      }
      writer.flush();
    });
    return results;
  };
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

TEST_P(IndicatorStore, WhereAValueCameFromIsStoredOncePerImportAndKeptByUnchangedValues) {
  const long long id = add_indicator(workspace_, "Anmälda skadegörelsebrott");
  long long user = 0;
  database_->in_transaction([&](soci::session& sql) {
    auth::User clerk;
    clerk.name = "Trygghetssamordnare";
    clerk.email = "samordnare@landskrona.se";
    clerk.password_hash = "x";
    clerk.language = "sv";
    user = auth::insert_user(sql, clerk, now_iso_utc());
  });
  const auto import = [&](const std::string& file, const std::string& at, double third) {
    database_->in_transaction([&](soci::session& sql) {
      store::BulkValueWriter writer(sql);
      Value value;
      value.indicator_id = id;
      value.origin = "imported";
      value.import_file = file;
      value.import_table = "BRA";
      value.entered_by = user;
      value.updated_at = at;
      for (const auto& [period, figure] : {std::pair{"2014", 310.0}, {"2015", 296.0}}) {
        value.period = period;
        value.value = figure;
        writer.write(value);
      }
      value.period = "2016";
      value.value = third;
      writer.write(value);
      writer.flush();
    });
  };
  const auto count_sources = [&] {
    int sources = 0;
    auto sql = database_->session();
    sql << "SELECT COUNT(*) FROM value_sources WHERE workspace_id = :w", soci::use(workspace_),
        soci::into(sources);
    return sources;
  };
  import("bra-2016.csv", "2017-03-01T08:00:00Z", 281);
  EXPECT_EQ(count_sources(), 1) << "one import, one source for its three values";
  import("bra-2017.csv", "2018-03-01T08:00:00Z", 279);  // only 2016 was revised
  EXPECT_EQ(count_sources(), 2);
  database_->in_transaction([&](soci::session& sql) {
    store::ValueWriter writer(sql);
    Value typed;
    typed.indicator_id = id;
    typed.period = "2017";
    typed.value = 240;
    typed.entered_by = user;
    typed.updated_at = "2018-01-10T09:30:00Z";
    EXPECT_EQ(writer.write(typed), Upsert::inserted);
  });
  database_->in_transaction([&](soci::session& sql) {
    const auto values = store::values(sql, store::Scope::indicator(id));
    ASSERT_EQ(values.size(), 4U);
    EXPECT_EQ(values[0].import_file, "bra-2016.csv") << "unchanged: keeps its first import";
    EXPECT_EQ(values[0].updated_at, "2017-03-01T08:00:00Z");
    EXPECT_EQ(values[1].import_file, "bra-2016.csv");
    EXPECT_EQ(values[2].import_file, "bra-2017.csv") << "revised by the second import";
    EXPECT_EQ(values[2].updated_at, "2018-03-01T08:00:00Z");
    EXPECT_EQ(values[2].value, 279);
    EXPECT_EQ(values[2].entered_by, user);
    EXPECT_EQ(values[3].origin, "typed");
    EXPECT_EQ(values[3].import_file, "");
    EXPECT_EQ(values[3].entered_by, user);
    EXPECT_EQ(values[3].updated_at, "2018-01-10T09:30:00Z");
  });
  EXPECT_EQ(count_sources(), 3);
}

// Large enough for several batches, with a second indicator and a second provenance met
// while a batch is being written, so the writer has to wait for it before it reads or
// writes anything else on the session.
TEST_P(IndicatorStore, AWriterInTheBackgroundWritesEveryBatchAndReportsAFailure) {
  const long long first = add_indicator(workspace_, "Polisanmälda brott per månad");
  const long long second = add_indicator(workspace_, "Trygghetsindex per månad");
  constexpr int kMonths = 12 * 2000;
  const auto write_months = [&](store::BulkValueWriter& writer, long long indicator,
                                const std::string& file) {
    Value value;
    value.indicator_id = indicator;
    value.origin = "imported";
    value.import_file = file;
    for (int month = 0; month < kMonths; ++month) {
      value.period = std::to_string(1000 + month / 12) + "M" + (month % 12 < 9 ? "0" : "") +
                     std::to_string(month % 12 + 1);
      value.value = month;
      EXPECT_EQ(writer.write(value), Upsert::inserted);
    }
  };
  database_->in_transaction([&](soci::session& sql) {
    store::BulkValueWriter writer(sql, store::BulkValueWriter::Writes::in_background);
    write_months(writer, first, "brott.px");
    write_months(writer, second, "index.px");
    writer.flush();
    // The session is the caller's again.
    int stored = 0;
    sql << "SELECT COUNT(*) FROM indicator_values", soci::into(stored);
    EXPECT_EQ(stored, 2 * kMonths);
  });
  database_->in_transaction([&](soci::session& sql) {
    const auto values = store::values(sql, store::Scope::indicator(second));
    ASSERT_EQ(values.size(), static_cast<std::size_t>(kMonths));
    EXPECT_EQ(values.front().period, "1000M01");
    EXPECT_EQ(values.back().period, "2999M12");
    EXPECT_EQ(values.back().value, kMonths - 1);
    EXPECT_EQ(values.back().import_file, "index.px");
  });
  // A row the database refuses, in a batch written in the background, fails the import
  // (from a later write or from flush) and nothing of it stays.
  EXPECT_ANY_THROW(database_->in_transaction([&](soci::session& sql) {
    store::BulkValueWriter writer(sql, store::BulkValueWriter::Writes::in_background);
    Value value;
    value.indicator_id = first;
    value.origin = "imported";
    value.status = "guess";  // refused by the CHECK constraint
    for (int year = 3000; year < 3000 + 20'000; ++year) {
      value.period = std::to_string(year);
      value.value = year;
      writer.write(value);
    }
    writer.flush();
  }));
  database_->in_transaction([&](soci::session& sql) {
    int stored = 0;
    sql << "SELECT COUNT(*) FROM indicator_values", soci::into(stored);
    EXPECT_EQ(stored, 2 * kMonths);
  });
}

// A database from before migration 9 kept provenance on every value row; its values keep
// where they came from, and values with the same provenance share one source.
TEST_P(IndicatorStore, ValuesStoredBeforeValueSourcesKeepTheirProvenance) {
  testing::ScratchDatabase scratch(GetParam());
  SAMTRYG_REQUIRE_BACKEND(scratch);
  auto database = db::Database::open(db::parse_database_url(scratch.url()), 1);
  auto before = db::embedded_migrations();
  before.resize(8);
  db::migrate(*database, before);
  long long indicator = 0;
  database->in_transaction([&](soci::session& sql) {
    const auto workspace = auth::insert_workspace(sql, "Tryg Aalborg", "da", now_iso_utc());
    sql << "INSERT INTO indicators (workspace_id, name, unit, direction, source, frequency, "
           "created_at, updated_at) VALUES (:w, 'Tryghedsindeks', 'index_points', 'higher', "
           "'survey', 'year', 'x', 'x') RETURNING id",
        soci::use(workspace), soci::into(indicator);
    for (const auto* row : {"(:i, '2015', 0, 71, 'final', '', 'imported', 'tryghed.px', 'TRYG1', "
                            "'2016-02-01T10:00:00Z')",
                            "(:i, '2016', 0, 72, 'final', '', 'imported', 'tryghed.px', 'TRYG1', "
                            "'2016-02-01T10:00:00Z')",
                            "(:i, '2017', 0, 74, 'preliminary', 'Foreløbig', 'typed', '', '', "
                            "'2018-01-05T12:00:00Z')"}) {
      sql << std::string(
                 "INSERT INTO indicator_values (indicator_id, period, area_key, value, "
                 "status, note, origin, import_file, import_table, updated_at) VALUES ") +
                 row,
          soci::use(indicator);
    }
  });
  const auto report = db::migrate(*database);
  EXPECT_EQ(report.to_version, static_cast<int>(db::embedded_migrations().size()));
  database->in_transaction([&](soci::session& sql) {
    const auto values = store::values(sql, store::Scope::indicator(indicator));
    ASSERT_EQ(values.size(), 3U);
    EXPECT_EQ(values[0].value, 71);
    EXPECT_EQ(values[0].origin, "imported");
    EXPECT_EQ(values[0].import_file, "tryghed.px");
    EXPECT_EQ(values[0].import_table, "TRYG1");
    EXPECT_EQ(values[0].updated_at, "2016-02-01T10:00:00Z");
    EXPECT_EQ(values[2].origin, "typed");
    EXPECT_EQ(values[2].status, "preliminary");
    EXPECT_EQ(values[2].note, "Foreløbig");
    EXPECT_EQ(values[2].updated_at, "2018-01-05T12:00:00Z");
    int sources = 0;
    sql << "SELECT COUNT(*) FROM value_sources", soci::into(sources);
    EXPECT_EQ(sources, 2);
    // New values after the move get new ids, not the moved ones'.
    store::ValueWriter writer(sql);
    Value value;
    value.indicator_id = indicator;
    value.period = "2018";
    value.value = 75;
    writer.write(value);
    EXPECT_EQ(store::values(sql, store::Scope::indicator(indicator)).size(), 4U);
  });
}

SAMTRYG_ON_EVERY_BACKEND(IndicatorStore);

}  // namespace
}  // namespace samtryg::indicators
