-- A workspace's own base map for walks (its boundary and main streets), uploaded by an admin and
-- drawn under the findings when no tile server is used. Kept as WGS84 GeoJSON whatever system
-- the file came in (source_system says which: it was converted once, on upload).
CREATE TABLE walk_base_maps (
  workspace_id BIGINT PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  geojson TEXT NOT NULL,
  source_system TEXT NOT NULL CHECK (source_system IN ('wgs84', 'sweref99_tm', 'etrs89_utm32n')),
  shapes INTEGER NOT NULL,
  positions INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);
