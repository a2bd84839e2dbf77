-- Photos of a walk's findings, taken on the walk or on the follow-up walk (before and after).
-- Stored as re-encoded JPEG without any metadata (no EXIF, no GPS), at most 2,048 px, with a
-- thumbnail; base64 text like attached documents, so both databases and the workspace document
-- carry them alike. Not public unless someone says so: faces and number plates.
CREATE TABLE walk_photos (
  id {{id}},
  finding_id BIGINT NOT NULL REFERENCES walk_findings (id) ON DELETE CASCADE,
  stage TEXT NOT NULL CHECK (stage IN ('walk', 'follow_up')),
  public INTEGER NOT NULL DEFAULT 0,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  image_base64 TEXT NOT NULL,
  thumbnail_base64 TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX walk_photos_finding ON walk_photos (finding_id);
