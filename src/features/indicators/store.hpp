#pragma once
// Every SQL statement of the indicators feature. Functions take a borrowed session, so the
// caller decides the transaction; lookups are scoped to a workspace.
#include <soci/soci.h>

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "features/indicators/model.hpp"

namespace samtryg::indicators::store {

long long insert_area(soci::session& sql, const Area& area);
std::vector<Area> areas(soci::session& sql, long long workspace_id);
// The areas the indicator has values or targets for.
std::set<long long> areas_in_use(soci::session& sql, long long indicator_id);

long long insert_indicator(soci::session& sql, const Indicator& indicator);
// False when the stored row_version differs (someone saved first).
bool update_indicator(soci::session& sql, const Indicator& indicator);
std::optional<Indicator> find_indicator(soci::session& sql, long long workspace_id, long long id);
// All of the workspace's indicators, or those of one plan (plan_id > 0), by name.
std::vector<Indicator> indicators(soci::session& sql, long long workspace_id,
                                  long long plan_id = 0);
bool indicator_name_taken(soci::session& sql, long long workspace_id, const std::string& name,
                          long long except_id);

// Which indicators a read covers: one, or all of a workspace's plan (plan_id 0: all of the
// workspace's), so a dashboard reads its targets and values in one query each.
struct Scope {
  long long indicator_id = 0;
  long long workspace_id = 0;
  long long plan_id = 0;

  static Scope indicator(long long id) { return {id, 0, 0}; }
  static Scope plan(long long workspace_id, long long plan_id) {
    return {0, workspace_id, plan_id};
  }
};

void replace_links(soci::session& sql, long long indicator_id, const std::vector<Link>& links);
std::vector<Link> links(soci::session& sql, const Scope& scope);

long long insert_target(soci::session& sql, const Target& target);
void delete_target(soci::session& sql, long long indicator_id, long long target_id);
std::vector<Target> targets(soci::session& sql, const Scope& scope);

// Where a value came from (typed by whom, or imported from which file and table, and when) is
// stored once per distinct provenance in value_sources, not on every value row; each writer
// creates the source rows it needs. A value whose figures a write leaves unchanged keeps its
// source.

// Writes values one at a time (a typed value), keyed by (indicator, period, area): one SELECT
// decides, and a value for a key that exists replaces it. Shares its INSERT and UPDATE with
// BulkValueWriter.
class ValueWriter {
 public:
  explicit ValueWriter(soci::session& sql);
  ~ValueWriter();
  ValueWriter(const ValueWriter&) = delete;
  ValueWriter& operator=(const ValueWriter&) = delete;
  Upsert write(const Value& value);

 private:
  struct Statements;
  std::unique_ptr<Statements> statements_;
};

// Many values in one go, as a confirmed import writes them: each indicator's existing values
// are read once, so inserted/updated/unchanged is decided in memory, and rows go out in
// batches (on SQLite through statements on SQLite's own handle, many rows a statement; on
// PostgreSQL through SOCI's vector binds). A key written twice keeps the last value. Call
// flush() before the transaction commits.
class BulkValueWriter {
 public:
  // in_background (SQLite only; PostgreSQL writes as inline): each batch is written on a
  // thread of its own while the caller prepares the next, so a large import uses both of a
  // small machine's cores. The session is then the writer's from the first write() until
  // flush() returns: the caller must not use it in between.
  enum class Writes { inline_, in_background };

  explicit BulkValueWriter(soci::session& sql, Writes writes = Writes::inline_);
  ~BulkValueWriter();
  BulkValueWriter(const BulkValueWriter&) = delete;
  BulkValueWriter& operator=(const BulkValueWriter&) = delete;
  Upsert write(const Value& value);
  // Everything written so far is in the database when this returns.
  void flush();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

std::vector<Value> values(soci::session& sql, const Scope& scope);
void delete_value(soci::session& sql, long long indicator_id, long long value_id);

// A statistics file waiting for its mapping to be confirmed.
long long insert_staged_import(soci::session& sql, const StagedImport& staged);
std::optional<StagedImport> find_staged_import(soci::session& sql, long long workspace_id,
                                               long long id);
void delete_staged_import(soci::session& sql, long long workspace_id, long long id);
// Files staged before `before` (ISO time) that were never confirmed.
void delete_staged_imports_before(soci::session& sql, const std::string& before);

}  // namespace samtryg::indicators::store
