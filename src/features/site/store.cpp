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

long long data_version(soci::session& sql, long long workspace_id) {
  long long version = 0;
  sql << "SELECT data_version FROM workspaces WHERE id = :w", into(version), use(workspace_id);
  return version;
}

std::string last_change(soci::session& sql, long long workspace_id) {
  std::string at;
  soci::indicator found = soci::i_null;
  sql << "SELECT MAX(at) FROM audit_log WHERE workspace_id = :w", into(at, found),
      use(workspace_id);
  return found == soci::i_ok ? at : std::string();
}

}  // namespace samtryg::site::store
