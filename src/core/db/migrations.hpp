#pragma once
// Numbered plain-SQL migrations (migrations/NNNN_name.sql, embedded in the binary), applied
// in order, each in its own transaction, recorded in schema_migrations.
#include <string>
#include <string_view>
#include <vector>

#include "core/db/database.hpp"

namespace samtryg::db {

struct Migration {
  int version = 0;
  std::string name;
  std::string sql;
};

// The embedded migrations, ordered by version. Throws if numbering has gaps or repeats.
std::vector<Migration> embedded_migrations();

// Rewrites the few dialect placeholders a migration may use:
//   {{id}}   an auto-numbered primary key column type
//   {{blob}} a binary column type
std::string render_for_backend(std::string_view sql, Backend backend);

// Splits a migration into statements: each ends with ';' at the end of a line; a
// CREATE TRIGGER runs until a line "END;"; a $$-quoted body is never split.
std::vector<std::string> split_statements(std::string_view sql);

struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string> applied;  // "0002_accounts"
};

// Brings the schema to the newest version. Refuses (SchemaError) a database whose schema is
// newer than this binary knows. Safe when several servers start at once.
MigrationReport migrate(Database& database, const std::vector<Migration>& migrations);
inline MigrationReport migrate(Database& database) {
  return migrate(database, embedded_migrations());
}

// The schema version recorded in the database (0 for an empty database).
int current_schema_version(Database& database);

}  // namespace samtryg::db
