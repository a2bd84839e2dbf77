#include "support/databases.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <cstdlib>

#include <random>
#include "core/db/database.hpp"

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

TempDir::TempDir()
    : path_(std::filesystem::temp_directory_path() / ("samtryg-test-" + random_suffix())) {
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

ScratchDatabase::ScratchDatabase(const std::string& backend)
    : backend_(backend),
      directory_(std::filesystem::temp_directory_path() / ("samtryg-db-" + random_suffix())) {
  std::filesystem::create_directories(directory_);
  if (backend == "sqlite") {
    url_ = "sqlite:" + (directory_ / "test.db").string();
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
  std::error_code ignored;
  std::filesystem::remove_all(directory_, ignored);
}

}  // namespace samtryg::testing
