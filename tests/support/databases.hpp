#pragma once
// Every storage and API test runs once per backend. SQLite gets a fresh file in a temp
// directory; PostgreSQL gets a fresh schema in the cluster named by SAMTRYG_TEST_POSTGRES
// (scripts/test starts a throwaway one). Without that variable PostgreSQL tests are skipped
// locally, and fail under CI=true so CI can never pass without running them.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

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
  const std::filesystem::path& directory() const { return directory_; }

 private:
  std::string backend_;
  std::string url_;
  std::string skip_reason_;
  std::string schema_;
  std::filesystem::path directory_;
};

// A fresh empty directory, removed afterwards.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Skips (locally) or fails (CI) when the backend is not available.
#define SAMTRYG_REQUIRE_BACKEND(scratch)                                   \
  do {                                                                     \
    if ((scratch).url().empty()) {                                         \
      if (std::getenv("CI") != nullptr) FAIL() << (scratch).skip_reason(); \
      GTEST_SKIP() << (scratch).skip_reason();                             \
    }                                                                      \
  } while (0)

}  // namespace samtryg::testing
