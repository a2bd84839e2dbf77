#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>

namespace samtryg::db {

struct BackupError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Copies a live SQLite database into `destination` with SQLite's online backup API: the server
// keeps serving while it runs, and the copy is one consistent snapshot. Refuses to overwrite
// an existing file. Returns the copy's size in bytes.
std::uintmax_t backup_sqlite(const std::string& source_path, const std::string& destination);

}  // namespace samtryg::db
