// Uploading and removing the workspace's base map (commands.hpp).
#include "core/audit/audit.hpp"
#include "core/auth/store.hpp"
#include "core/util/time.hpp"
#include "features/walks/commands.hpp"
#include "features/walks/store.hpp"

namespace samtryg::walks {

namespace {

boost::json::value info_json(const std::optional<KeptBaseMap>& kept) {
  if (!kept) return nullptr;
  return boost::json::object{{"source_system", kept->source_system},
                             {"shapes", kept->shapes},
                             {"positions", kept->positions},
                             {"sha256", kept->sha256}};
}

}  // namespace

KeptBaseMap set_base_map(db::Database& database, const Actor& actor, std::string_view bytes,
                         std::optional<CoordinateSystem> chosen) {
  auth::require_manage_users(actor);
  // Read and converted before the transaction: a large file takes a moment.
  const auto outcome = read_base_map(bytes, chosen);
  if (outcome.problem != BaseMapProblem::none) {
    // What to change is the coordinate system when the file read fine in another one.
    const bool system_wrong = outcome.problem == BaseMapProblem::out_of_range ||
                              outcome.problem == BaseMapProblem::other_system;
    validation::Errors errors;
    errors.add(system_wrong ? "system" : "file",
               "walk_base_map_" + std::string(problem_code(outcome.problem)),
               {{"detail", outcome.detail}, {"max", "10"}});
    throw validation::Invalid(errors);
  }
  // Not a structured binding: the transaction's lambda captures them (clang refuses that).
  auto file = keep(outcome);
  auto& kept = file.kept;
  const auto& geojson = file.geojson;
  kept.uploaded_by = actor.author.label;
  kept.uploaded_at = now_iso_utc();
  database.in_transaction([&](soci::session& sql) {
    // People know each other by name; tools ("cli") by their label.
    if (actor.user_id) {
      if (const auto user = auth::find_user(sql, *actor.user_id)) kept.uploaded_by = user->name;
    }
    const auto before = store::base_map_info(sql, actor.workspace_id);
    store::put_base_map(sql, actor.workspace_id, kept, geojson);
    audit::record_change(sql, actor, before ? "update" : "create", "walk_base_map",
                         actor.workspace_id, info_json(before), info_json(kept));
  });
  return kept;
}

void remove_base_map(db::Database& database, const Actor& actor) {
  auth::require_manage_users(actor);
  database.in_transaction([&](soci::session& sql) {
    const auto before = store::base_map_info(sql, actor.workspace_id);
    if (!before) return;
    store::delete_base_map(sql, actor.workspace_id);
    audit::record_change(sql, actor, "delete", "walk_base_map", actor.workspace_id,
                         info_json(before), nullptr);
  });
}

}  // namespace samtryg::walks
