-- A walk's route and area drawn on the map: one "latitude, longitude" per line (WGS84, six
-- decimals), empty when not drawn.
ALTER TABLE walks ADD COLUMN route_line TEXT NOT NULL DEFAULT '';
ALTER TABLE walks ADD COLUMN area_outline TEXT NOT NULL DEFAULT '';
