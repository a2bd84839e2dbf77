#pragma once
// Every storage and API test runs once per backend. SQLite gets a fresh file in a temp
// directory; PostgreSQL gets a fresh schema in the cluster named by SAMTRYG_TEST_POSTGRES
// (scripts/test starts a throwaway one). Without that variable PostgreSQL tests are skipped
// locally, and fail under CI=true so CI can never pass without running them.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "support/temp_dir.hpp"

namespace samtryg::testing {

std::vector<std::string> backends();  // {"sqlite", "postgresql"}
inline std::string backend_name(const ::testing::TestParamInfo<std::string>& info) {
  return info.param;
}

class ScratchDatabase {
 public:
  explicit ScratchDatabase(const std::string& backend);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  // Empty when the backend is unavailable (the test should GTEST_SKIP).
  const std::string& url() const { return url_; }
  const std::string& skip_reason() const { return skip_reason_; }

  // The database opened with a pool of `connections`, its schema brought up to date.
  std::unique_ptr<db::Database> open_migrated(std::size_t connections = 2) const;

 private:
  std::string url_;
  std::string skip_reason_;
  std::string schema_;
  TempDir directory_;
};

// Skips (locally) or fails (CI) when the backend is not available.
#define SAMTRYG_REQUIRE_BACKEND(scratch)                                   \
  do {                                                                     \
    if ((scratch).url().empty()) {                                         \
      if (std::getenv("CI") != nullptr) FAIL() << (scratch).skip_reason(); \
      GTEST_SKIP() << (scratch).skip_reason();                             \
    }                                                                      \
  } while (0)

// A test on a scratch database of each backend (the test parameter), opened and migrated
// before prepare() runs; when the backend is not available the test is skipped (locally) or
// failed (CI) and prepare() does not run. Instantiate with SAMTRYG_ON_EVERY_BACKEND(Suite).
class DatabaseTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() final;
  // The fixture's own set-up, on the ready database.
  virtual void prepare() {}
  // Whether SetUp migrates the database (the migration tests start from nothing).
  virtual bool migrated() const { return true; }

  db::Database& database() { return *database_; }
  // Another scratch database of the same backend, migrated, for tests that move data between
  // two (export here, import there); it lives as long as the test.
  db::Database& second_database();

  std::unique_ptr<ScratchDatabase> scratch_;
  std::unique_ptr<db::Database> database_;

 private:
  std::unique_ptr<ScratchDatabase> second_scratch_;
  std::unique_ptr<db::Database> second_database_;
};

#define SAMTRYG_ON_EVERY_BACKEND(suite)                                                          \
  INSTANTIATE_TEST_SUITE_P(Backends, suite, ::testing::ValuesIn(::samtryg::testing::backends()), \
                           ::samtryg::testing::backend_name)

}  // namespace samtryg::testing
