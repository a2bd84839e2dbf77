#include "core/db/backup.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <filesystem>
#include <memory>

#include "core/db/database.hpp"

namespace samtryg::db {

namespace {

struct CloseDatabase {
  void operator()(sqlite3* handle) const { sqlite3_close_v2(handle); }
};
using Handle = std::unique_ptr<sqlite3, CloseDatabase>;

Handle open(const std::string& path, int flags, const char* role) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Handle handle(raw);
  if (rc != SQLITE_OK) {
    throw BackupError(fmt::format("cannot open the {} {}: {}", role, path,
                                  raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(raw, 10000);
  return handle;
}

}  // namespace

std::uintmax_t backup_sqlite(const std::string& source_path, const std::string& destination) {
  std::error_code ec;
  if (!std::filesystem::exists(source_path, ec)) {
    throw BackupError(fmt::format("the database {} does not exist", source_path));
  }
  if (std::filesystem::exists(destination, ec)) {
    throw BackupError(fmt::format(
        "{} already exists; choose a new file name so no backup is overwritten", destination));
  }
  auto source = open(source_path, SQLITE_OPEN_READONLY, "database");
  create_private_file(destination);  // a backup holds password hashes too
  auto target = open(destination, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "backup file");
  sqlite3_backup* backup = sqlite3_backup_init(target.get(), "main", source.get(), "main");
  if (backup == nullptr) {
    const std::string message = sqlite3_errmsg(target.get());
    target.reset();
    std::filesystem::remove(destination, ec);
    throw BackupError(fmt::format("cannot start the backup: {}", message));
  }
  int rc = SQLITE_OK;
  // Copy in slices so a busy server's writers are never blocked for long.
  do {
    rc = sqlite3_backup_step(backup, 256);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    const std::string message = sqlite3_errstr(rc);
    target.reset();
    std::filesystem::remove(destination, ec);
    throw BackupError(fmt::format("the backup failed: {}", message));
  }
  target.reset();
  return std::filesystem::file_size(destination);
}

}  // namespace samtryg::db
