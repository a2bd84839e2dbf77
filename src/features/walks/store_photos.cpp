// The statements of walk photos (store.hpp); their pixels are base64 text like documents'.
#include "core/db/database.hpp"
#include "core/util/time.hpp"
#include "features/walks/store.hpp"

namespace samtryg::walks::store {

using db::prepare_and_run;
using soci::into;
using soci::use;

namespace {

constexpr const char* kPhotoColumns =
    "SELECT p.id, p.finding_id, p.stage, p.public, p.width, p.height, p.sha256, p.created_at";

struct PhotoRow {
  Photo photo;
  int is_public = 0;

  void bind(soci::statement& st) {
    st.exchange(into(photo.id));
    st.exchange(into(photo.finding_id));
    st.exchange(into(photo.stage));
    st.exchange(into(is_public));
    st.exchange(into(photo.width));
    st.exchange(into(photo.height));
    st.exchange(into(photo.sha256));
    st.exchange(into(photo.created_at));
  }
  Photo get() const {
    Photo out = photo;
    out.is_public = is_public != 0;
    return out;
  }
};

}  // namespace

long long insert_photo(soci::session& sql, const Photo& photo, const std::string& image_base64,
                       const std::string& thumbnail_base64) {
  const int is_public = photo.is_public ? 1 : 0;
  const std::string created = photo.created_at.empty() ? now_iso_utc() : photo.created_at;
  long long id = 0;
  sql << "INSERT INTO walk_photos (finding_id, stage, public, width, height, sha256, "
         "image_base64, thumbnail_base64, created_at) VALUES (:f, :s, :p, :w, :h, :sha, :i, :t, "
         ":ca) RETURNING id",
      use(photo.finding_id), use(photo.stage), use(is_public), use(photo.width), use(photo.height),
      use(photo.sha256), use(image_base64), use(thumbnail_base64), use(created), into(id);
  return id;
}

std::vector<Photo> photos(soci::session& sql, long long walk_id) {
  std::vector<Photo> out;
  PhotoRow row;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(use(walk_id));
  prepare_and_run(st, std::string(kPhotoColumns) +
                          " FROM walk_photos p JOIN walk_findings f ON f.id = p.finding_id "
                          "WHERE f.walk_id = :w ORDER BY f.number, p.id");
  while (st.fetch()) out.push_back(row.get());
  return out;
}

std::optional<PhotoOfWalk> find_photo(soci::session& sql, long long workspace_id, long long id) {
  PhotoRow row;
  long long walk_id = 0;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(into(walk_id));
  st.exchange(use(id));
  st.exchange(use(workspace_id));
  prepare_and_run(st, std::string(kPhotoColumns) +
                          ", w.id FROM walk_photos p JOIN walk_findings f ON f.id = p.finding_id "
                          "JOIN walks w ON w.id = f.walk_id WHERE p.id = :id AND "
                          "w.workspace_id = :w");
  if (!st.fetch()) return std::nullopt;
  return PhotoOfWalk{row.get(), walk_id};
}

std::string photo_content(soci::session& sql, long long id, bool thumbnail) {
  std::string content;
  if (thumbnail) {
    sql << "SELECT thumbnail_base64 FROM walk_photos WHERE id = :id", use(id), into(content);
  } else {
    sql << "SELECT image_base64 FROM walk_photos WHERE id = :id", use(id), into(content);
  }
  return content;
}

void set_photo_public(soci::session& sql, long long id, bool is_public) {
  const int flag = is_public ? 1 : 0;
  sql << "UPDATE walk_photos SET public = :p WHERE id = :id", use(flag), use(id);
}

void delete_photo(soci::session& sql, long long id) {
  sql << "DELETE FROM walk_photos WHERE id = :id", use(id);
}

}  // namespace samtryg::walks::store
