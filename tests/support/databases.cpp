#include "support/databases.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <cstdlib>
#include <random>

#include "core/db/migrations.hpp"

namespace samtryg::testing {

namespace {

std::string random_suffix() {
  std::random_device device;
  std::mt19937_64 engine(device());
  return std::to_string(engine() % 1000000000000ULL);
}

const char* postgres_base() {
  return std::getenv("SAMTRYG_TEST_POSTGRES");
}

std::string with_search_path(const std::string& base, const std::string& schema) {
  const char* separator = base.find('?') == std::string::npos ? "?" : "&";
  return base + separator + "options=-csearch_path%3D" + schema;
}

}  // namespace

std::vector<std::string> backends() {
  return {"sqlite", "postgresql"};
}

ScratchDatabase::ScratchDatabase(const std::string& backend) {
  if (backend == "sqlite") {
    url_ = "sqlite:" + (directory_.path() / "test.db").string();
    return;
  }
  const char* base = postgres_base();
  if (base == nullptr || *base == '\0') {
    skip_reason_ = "SAMTRYG_TEST_POSTGRES is not set (scripts/test starts a PostgreSQL cluster)";
    return;
  }
  schema_ = "test_" + random_suffix();
  soci::session admin(*soci::factory_postgresql(), db::parse_database_url(base).postgres_conninfo);
  admin << "CREATE SCHEMA " + schema_;
  url_ = with_search_path(base, schema_);
}

ScratchDatabase::~ScratchDatabase() {
  if (!schema_.empty()) {
    try {
      soci::session admin(*soci::factory_postgresql(),
                          db::parse_database_url(postgres_base()).postgres_conninfo);
      admin << "DROP SCHEMA " + schema_ + " CASCADE";
    } catch (...) {  // NOLINT(bugprone-empty-catch): the cluster is thrown away after the run
    }
  }
}

std::unique_ptr<db::Database> ScratchDatabase::open_migrated(std::size_t connections) const {
  auto database = db::Database::open(db::parse_database_url(url_), connections);
  db::migrate(*database);
  return database;
}

void DatabaseTest::SetUp() {
  scratch_ = std::make_unique<ScratchDatabase>(GetParam());
  SAMTRYG_REQUIRE_BACKEND(*scratch_);
  if (migrated()) {
    database_ = scratch_->open_migrated();
  } else {
    database_ = db::Database::open(db::parse_database_url(scratch_->url()), 2);
  }
  prepare();
}

db::Database& DatabaseTest::second_database() {
  if (!second_database_) {
    second_scratch_ = std::make_unique<ScratchDatabase>(GetParam());
    second_database_ = second_scratch_->open_migrated();
  }
  return *second_database_;
}

}  // namespace samtryg::testing
