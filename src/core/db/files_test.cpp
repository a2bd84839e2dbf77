// The database file and its backups hold password hashes: only their owner may read them.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "core/db/backup.hpp"
#include "core/db/database.hpp"
#include "core/db/migrations.hpp"
#include "support/temp_dir.hpp"

namespace samtryg::db {
namespace {

unsigned permissions(const std::string& path) {
  struct stat status {};
  EXPECT_EQ(::stat(path.c_str(), &status), 0) << path;
  return status.st_mode & 0777U;
}

TEST(DatabaseFiles, TheDatabaseItsWalAndItsBackupsAreReadableByTheOwnerOnly) {
  const auto old_mask = ::umask(022);
  testing::TempDir directory;
  const auto path = (directory.path() / "samtryg.db").string();
  {
    auto database = Database::open(parse_database_url("sqlite:" + path), 1);
    migrate(*database);
    EXPECT_EQ(permissions(path), 0600U);
    EXPECT_EQ(permissions(path + "-wal"), 0600U);
    const auto backup = (directory.path() / "backup.db").string();
    backup_sqlite(path, backup);
    EXPECT_EQ(permissions(backup), 0600U);
  }
  // A file its owner made readable on purpose keeps its permissions.
  const auto shared = (directory.path() / "shared.db").string();
  directory.file("shared.db", "");
  ::chmod(shared.c_str(), 0640);
  Database::open(parse_database_url("sqlite:" + shared), 1);
  EXPECT_EQ(permissions(shared), 0640U);
  ::umask(old_mask);
}

}  // namespace
}  // namespace samtryg::db
