#include "features/site/store.hpp"

#include "core/util/time.hpp"

namespace samtryg::site::store {

using soci::into;
using soci::use;

namespace {

constexpr const char* kColumns =
    "SELECT workspace_id, enabled, slug, host, colour, responsible, contact_email, "
    "statement_published, statement_reviewed, known_issues, feedback_url, authority_url, "
    "updated_at, row_version FROM site_settings ";

template <class Key>
std::optional<Settings> select_one(soci::session& sql, const std::string& where, const Key& key) {
  Settings s;
  int enabled = 0;
  soci::indicator found = soci::i_null;
  sql << std::string(kColumns) + where, into(s.workspace_id, found), into(enabled), into(s.slug),
      into(s.host), into(s.colour), into(s.responsible), into(s.contact_email),
      into(s.statement_published), into(s.statement_reviewed), into(s.known_issues),
      into(s.feedback_url), into(s.authority_url), into(s.updated_at), into(s.row_version),
      use(key);
  if (found != soci::i_ok) return std::nullopt;
  s.enabled = enabled != 0;
  return s;
}

}  // namespace

std::optional<Settings> settings_of(soci::session& sql, long long workspace_id) {
  return select_one(sql, "WHERE workspace_id = :w", workspace_id);
}

std::optional<Settings> settings_by_slug(soci::session& sql, const std::string& slug) {
  return select_one(sql, "WHERE slug = :s", slug);
}

std::optional<Settings> settings_by_host(soci::session& sql, const std::string& host) {
  if (host.empty()) return std::nullopt;
  return select_one(sql, "WHERE host = :h", host);
}

namespace {

template <class Key>
std::optional<PublicRow> public_row_where(soci::session& sql, const std::string& where,
                                          const Key& key) {
  PublicRow row;
  auto& s = row.settings;
  auto& w = row.workspace;
  int enabled = 0;
  soci::indicator found = soci::i_null;
  soci::indicator changed = soci::i_null;
  sql << "SELECT s.workspace_id, s.enabled, s.slug, s.host, s.colour, s.responsible, "
         "s.contact_email, s.statement_published, s.statement_reviewed, s.known_issues, "
         "s.feedback_url, s.authority_url, s.updated_at, s.row_version, w.name, w.language, "
         "w.time_zone, w.data_version, "
         "(SELECT MAX(a.at) FROM audit_log a WHERE a.workspace_id = w.id) "
         "FROM site_settings s JOIN workspaces w ON w.id = s.workspace_id " +
             where,
      into(s.workspace_id, found), into(enabled), into(s.slug), into(s.host), into(s.colour),
      into(s.responsible), into(s.contact_email), into(s.statement_published),
      into(s.statement_reviewed), into(s.known_issues), into(s.feedback_url), into(s.authority_url),
      into(s.updated_at), into(s.row_version), into(w.name), into(w.language), into(w.time_zone),
      into(w.data_version), into(row.last_change, changed), use(key);
  if (found != soci::i_ok) return std::nullopt;
  s.enabled = enabled != 0;
  w.id = s.workspace_id;
  if (changed != soci::i_ok) row.last_change.clear();
  return row;
}

}  // namespace

std::optional<PublicRow> public_row(soci::session& sql, const std::string& slug) {
  return public_row_where(sql, "WHERE s.slug = :s", slug);
}

std::optional<PublicRow> public_row_of(soci::session& sql, long long workspace_id) {
  return public_row_where(sql, "WHERE s.workspace_id = :w", workspace_id);
}

bool save_settings(soci::session& sql, const Settings& s, bool exists) {
  const auto now = now_iso_utc();
  const int enabled = s.enabled ? 1 : 0;
  if (!exists) {
    sql << "INSERT INTO site_settings (workspace_id, enabled, slug, host, colour, responsible, "
           "contact_email, statement_published, statement_reviewed, known_issues, feedback_url, "
           "authority_url, updated_at) VALUES (:w, :e, :s, :h, :c, :r, :m, :sp, :sr, :k, :f, :a, "
           ":u)",
        use(s.workspace_id), use(enabled), use(s.slug), use(s.host), use(s.colour),
        use(s.responsible), use(s.contact_email), use(s.statement_published),
        use(s.statement_reviewed), use(s.known_issues), use(s.feedback_url), use(s.authority_url),
        use(now);
    return true;
  }
  soci::statement st =
      (sql.prepare << "UPDATE site_settings SET enabled = :e, slug = :s, host = :h, colour = :c, "
                      "responsible = :r, contact_email = :m, statement_published = :sp, "
                      "statement_reviewed = :sr, known_issues = :k, feedback_url = :f, "
                      "authority_url = :a, updated_at = :u, row_version = row_version + 1 "
                      "WHERE workspace_id = :w AND row_version = :rv",
       use(enabled), use(s.slug), use(s.host), use(s.colour), use(s.responsible),
       use(s.contact_email), use(s.statement_published), use(s.statement_reviewed),
       use(s.known_issues), use(s.feedback_url), use(s.authority_url), use(now),
       use(s.workspace_id), use(s.row_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

}  // namespace samtryg::site::store
