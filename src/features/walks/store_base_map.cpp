// The statements of the workspace's base map (store.hpp).
#include "core/db/database.hpp"
#include "features/walks/store.hpp"

namespace samtryg::walks::store {

using soci::into;
using soci::use;

void put_base_map(soci::session& sql, long long workspace_id, const KeptBaseMap& kept,
                  const std::string& geojson) {
  sql << "DELETE FROM walk_base_maps WHERE workspace_id = :w", use(workspace_id);
  sql << "INSERT INTO walk_base_maps (workspace_id, geojson, source_system, shapes, positions, "
         "sha256, uploaded_by, uploaded_at) VALUES (:w, :g, :s, :n, :p, :h, :b, :a)",
      use(workspace_id), use(geojson), use(kept.source_system), use(kept.shapes),
      use(kept.positions), use(kept.sha256), use(kept.uploaded_by), use(kept.uploaded_at);
}

std::optional<KeptBaseMap> base_map_info(soci::session& sql, long long workspace_id) {
  KeptBaseMap kept;
  sql << "SELECT source_system, shapes, positions, sha256, uploaded_by, uploaded_at FROM "
         "walk_base_maps WHERE workspace_id = :w",
      into(kept.source_system), into(kept.shapes), into(kept.positions), into(kept.sha256),
      into(kept.uploaded_by), into(kept.uploaded_at), use(workspace_id);
  if (!sql.got_data()) return std::nullopt;
  return kept;
}

std::optional<std::string> base_map_geojson(soci::session& sql, long long workspace_id) {
  std::string geojson;
  sql << "SELECT geojson FROM walk_base_maps WHERE workspace_id = :w", into(geojson),
      use(workspace_id);
  if (!sql.got_data()) return std::nullopt;
  return geojson;
}

void delete_base_map(soci::session& sql, long long workspace_id) {
  sql << "DELETE FROM walk_base_maps WHERE workspace_id = :w", use(workspace_id);
}

}  // namespace samtryg::walks::store
