#pragma once
// Use cases of the indicators, shared by the web pages, the JSON API, import and the demo:
// check rights → validate everything → one transaction (store + audit). Failures:
// validation::Invalid (field errors), NotFound, Forbidden, Conflict.
//
// Rights: coordinators and admins define indicators, targets and areas; whoever may edit an
// initiative the indicator follows up (its lead) may also enter its values.
#include <string>
#include <vector>

#include "core/db/database.hpp"
#include "features/indicators/import.hpp"
#include "features/indicators/model.hpp"
#include "features/indicators/queries.hpp"

namespace samtryg::indicators {

using auth::Actor;

long long create_area(db::Database& database, const Actor& actor, Area area);

long long create_indicator(db::Database& database, const Actor& actor, Indicator indicator,
                           const std::vector<Link>& links);
void update_indicator(db::Database& database, const Actor& actor, Indicator indicator,
                      const std::vector<Link>& links);

long long add_target(db::Database& database, const Actor& actor, Target target);
void remove_target(db::Database& database, const Actor& actor, long long indicator_id,
                   long long target_id);

// Stores one value (the period as typed: "2017K3" is stored as 2017Q3); a value for the same
// period and area replaces the one there.
Upsert save_value(db::Database& database, const Actor& actor, const Value& value);
// What is wrong with `value` (NotFound / Forbidden thrown), read inside the caller's
// transaction, with the value's own field names ("period", "value", "numerator" …).
validation::Errors check_value(soci::session& sql, const Actor& actor, const Value& value);
// save_value inside the caller's transaction (a reporting form saves its answers and the values
// typed into its measurement section together). Throws Invalid with the value's own field
// names ("period", "value", "numerator" …).
Upsert save_value_in(soci::session& sql, const Actor& actor, Value value);
void remove_value(db::Database& database, const Actor& actor, long long indicator_id,
                  long long value_id);

// The web import keeps an uploaded statistics file (already read once) while the coordinator
// maps it; files staged more than two days ago that nobody confirmed are dropped on the next
// upload. Coordinators only.
long long stage_import(db::Database& database, const Actor& actor, long long plan_id,
                       const std::string& file_name, const std::string& content);
// The staged file with its plan; NotFound when it is not the actor's workspace's.
StagedImport staged_import(db::Database& database, const Actor& actor, long long id);
// Once its values are stored.
void drop_staged_import(db::Database& database, const Actor& actor, long long id);

struct ImportOutcome {
  int inserted = 0;
  int updated = 0;
  int unchanged = 0;
  int areas_created = 0;
};

// Stores a preview's values in one transaction (all or nothing), creating the areas the
// preview still lacks; a value for a period and area already there is updated. Coordinators
// only. `file_name` and `table_id` are kept as each value's provenance.
ImportOutcome import_values(db::Database& database, const Actor& actor, const Preview& preview,
                            const std::string& file_name, const std::string& table_id);

}  // namespace samtryg::indicators
