#pragma once
// A statement prepared on SQLite's own connection handle, for the one path where SOCI's
// per-row cost dominates: a confirmed import writing up to millions of rows. SOCI copies every
// bound value of every row into buffers of its own and reads them back; here the caller binds
// its values in place and steps, so a row costs what SQLite itself costs (docs/performance.md).
// Everything else goes through SOCI.
#include <soci/soci.h>

#include <optional>
#include <string_view>

// SOCI includes sqlite3.h inside this namespace.
namespace sqlite_api {
struct sqlite3;
struct sqlite3_stmt;
}  // namespace sqlite_api

namespace samtryg::db {

// True when `sql` is connected to SQLite (the only backend SqliteStatement works on).
bool is_sqlite(soci::session& sql);

class SqliteStatement {
 public:
  // Prepares `query` on the connection of `sql`, which must be SQLite (std::logic_error
  // otherwise). Its parameters (`?`, `?NNN` or `:name`) are bound by position, numbered in the
  // order they first appear. Throws soci::soci_error with SQLite's message.
  SqliteStatement(soci::session& sql, std::string_view query);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Positions count from 1, as SQLite's do. Text is bound without a copy: it must stay
  // unchanged until run() returns.
  void bind(int position, long long value);
  void bind(int position, double value);
  void bind(int position, const std::optional<double>& value);
  void bind(int position, const std::optional<long long>& value);
  void bind(int position, std::string_view text);

  // Runs the statement with the values bound, then resets it for the next row (bindings are
  // kept). A failure (a constraint, say) throws soci::soci_error with SQLite's message, like
  // SOCI does, so callers catch one kind of error whichever way the row was written.
  void run();

 private:
  void check(int code, std::string_view what) const;
  sqlite_api::sqlite3* connection_;
  sqlite_api::sqlite3_stmt* statement_ = nullptr;
};

}  // namespace samtryg::db
