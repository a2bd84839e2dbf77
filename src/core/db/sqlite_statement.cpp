#include "core/db/sqlite_statement.hpp"

#include <soci/sqlite3/soci-sqlite3.h>

#include <fmt/format.h>

#include <stdexcept>
#include <string>

namespace samtryg::db {

bool is_sqlite(soci::session& sql) {
  return sql.get_backend_name() == "sqlite3";
}

SqliteStatement::SqliteStatement(soci::session& sql, std::string_view query) {
  if (!is_sqlite(sql)) throw std::logic_error("SqliteStatement needs an SQLite session");
  connection_ = static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_;
  check(sqlite_api::sqlite3_prepare_v2(connection_, query.data(), static_cast<int>(query.size()),
                                       &statement_, nullptr),
        "prepare");
}

SqliteStatement::~SqliteStatement() {
  sqlite_api::sqlite3_finalize(statement_);
}

void SqliteStatement::check(int code, std::string_view what) const {
  if (code == SQLITE_OK || code == SQLITE_DONE || code == SQLITE_ROW) return;
  throw soci::soci_error(
      fmt::format("sqlite3 {}: {}", what, sqlite_api::sqlite3_errmsg(connection_)));
}

void SqliteStatement::bind(int position, long long value) {
  check(sqlite_api::sqlite3_bind_int64(statement_, position, value), "bind");
}

void SqliteStatement::bind(int position, double value) {
  check(sqlite_api::sqlite3_bind_double(statement_, position, value), "bind");
}

void SqliteStatement::bind(int position, const std::optional<double>& value) {
  if (value) {
    bind(position, *value);
  } else {
    check(sqlite_api::sqlite3_bind_null(statement_, position), "bind");
  }
}

void SqliteStatement::bind(int position, const std::optional<long long>& value) {
  if (value) {
    bind(position, *value);
  } else {
    check(sqlite_api::sqlite3_bind_null(statement_, position), "bind");
  }
}

void SqliteStatement::bind(int position, std::string_view text) {
  check(sqlite_api::sqlite3_bind_text(statement_, position, text.data(),
                                      static_cast<int>(text.size()), SQLITE_STATIC),
        "bind");
}

void SqliteStatement::run() {
  const int code = sqlite_api::sqlite3_step(statement_);
  // Reset before reporting, so a failed row leaves the statement ready (and no read open).
  sqlite_api::sqlite3_reset(statement_);
  check(code, "step");
}

}  // namespace samtryg::db
