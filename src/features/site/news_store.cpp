// The news's SQL (store.hpp).
#include "core/db/nullable.hpp"
#include "core/util/time.hpp"
#include "features/site/store.hpp"

namespace samtryg::site::store {

using db::Nullable;
using soci::into;
using soci::use;

namespace {

constexpr const char* kSelectNews =
    "SELECT id, workspace_id, initiative_id, title, body, published_on, image_sha256, image_alt, "
    "image_width, image_height, created_at, updated_at, row_version FROM site_news "
    "WHERE workspace_id = :w";

std::vector<News> select_news(soci::session& sql, const std::string& query, long long workspace_id,
                              long long id) {
  std::vector<News> out;
  News item;
  Nullable<long long> initiative;
  soci::statement st =
      (sql.prepare << query, into(item.id), into(item.workspace_id),
       into(initiative.value, initiative.indicator), into(item.title), into(item.body),
       into(item.published_on), into(item.image_sha256), into(item.image_alt),
       into(item.image_width), into(item.image_height), into(item.created_at),
       into(item.updated_at), into(item.row_version), use(workspace_id, "w"), use(id, "i"));
  st.execute();
  while (st.fetch()) {
    item.initiative_id = initiative.get();
    out.push_back(item);
  }
  return out;
}

}  // namespace

std::vector<News> news(soci::session& sql, long long workspace_id) {
  // Drafts ("") first, then the newest day; the same day: the latest written first.
  return select_news(sql,
                     std::string(kSelectNews) +
                         " AND id <> :i ORDER BY CASE WHEN published_on = '' THEN 0 ELSE 1 END, "
                         "published_on DESC, id DESC",
                     workspace_id, 0);
}

std::optional<News> find_news(soci::session& sql, long long workspace_id, long long id) {
  auto found = select_news(sql, std::string(kSelectNews) + " AND id = :i", workspace_id, id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

long long insert_news(soci::session& sql, const News& news, const std::string& image) {
  const auto created = news.created_at.empty() ? now_iso_utc() : news.created_at;
  const auto updated = news.updated_at.empty() ? created : news.updated_at;
  Nullable<long long> initiative(news.initiative_id);
  long long id = 0;
  sql << "INSERT INTO site_news (workspace_id, initiative_id, title, body, published_on, image, "
         "image_sha256, image_alt, image_width, image_height, created_at, updated_at) "
         "VALUES (:w, :n, :t, :b, :p, :im, :s, :a, :iw, :ih, :c, :u) RETURNING id",
      use(news.workspace_id), use(initiative.value, initiative.indicator), use(news.title),
      use(news.body), use(news.published_on), use(image), use(news.image_sha256),
      use(news.image_alt), use(news.image_width), use(news.image_height), use(created),
      use(updated), into(id);
  return id;
}

bool update_news(soci::session& sql, const News& news, const std::optional<std::string>& image) {
  const auto now = now_iso_utc();
  Nullable<long long> initiative(news.initiative_id);
  soci::statement st =
      (sql.prepare << "UPDATE site_news SET initiative_id = :n, title = :t, body = :b, "
                      "published_on = :p, image_alt = :a, updated_at = :u, "
                      "row_version = row_version + 1 "
                      "WHERE id = :i AND workspace_id = :w AND row_version = :rv",
       use(initiative.value, initiative.indicator), use(news.title), use(news.body),
       use(news.published_on), use(news.image_alt), use(now), use(news.id), use(news.workspace_id),
       use(news.row_version));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  if (image) {
    sql << "UPDATE site_news SET image = :im, image_sha256 = :s, image_width = :iw, "
           "image_height = :ih WHERE id = :i",
        use(*image), use(news.image_sha256), use(news.image_width), use(news.image_height),
        use(news.id);
  }
  return true;
}

void delete_news(soci::session& sql, long long id) {
  sql << "DELETE FROM site_news WHERE id = :i", use(id);
}

std::string news_image(soci::session& sql, long long id) {
  std::string image;
  soci::indicator found = soci::i_null;
  sql << "SELECT image FROM site_news WHERE id = :i", into(image, found), use(id);
  return found == soci::i_ok ? image : std::string();
}

}  // namespace samtryg::site::store
