#pragma once
// Every SQL statement of the indicators feature. Functions take a borrowed session, so the
// caller decides the transaction; lookups are scoped to a workspace.
#include <soci/soci.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "features/indicators/model.hpp"

namespace samtryg::indicators::store {

long long insert_area(soci::session& sql, const Area& area);
std::vector<Area> areas(soci::session& sql, long long workspace_id);

long long insert_indicator(soci::session& sql, const Indicator& indicator);
// False when the stored row_version differs (someone saved first).
bool update_indicator(soci::session& sql, const Indicator& indicator);
std::optional<Indicator> find_indicator(soci::session& sql, long long workspace_id, long long id);
// All of the workspace's indicators, or those of one plan (plan_id > 0), by name.
std::vector<Indicator> indicators(soci::session& sql, long long workspace_id,
                                  long long plan_id = 0);
bool indicator_name_taken(soci::session& sql, long long workspace_id, const std::string& name,
                          long long except_id);

void replace_links(soci::session& sql, long long indicator_id, const std::vector<Link>& links);
std::vector<Link> links(soci::session& sql, long long indicator_id);

long long insert_target(soci::session& sql, const Target& target);
void delete_target(soci::session& sql, long long indicator_id, long long target_id);
std::vector<Target> targets(soci::session& sql, long long indicator_id);

enum class Upsert { inserted, updated, unchanged };

// Writes values keyed by (indicator, period, area) with one prepared statement: a value for
// a key that exists replaces it, so re-importing a table updates instead of duplicating.
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

std::vector<Value> values(soci::session& sql, long long indicator_id);
void delete_value(soci::session& sql, long long indicator_id, long long value_id);

}  // namespace samtryg::indicators::store
