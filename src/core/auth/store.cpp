#include "core/auth/store.hpp"

#include "core/i18n/clock.hpp"
#include "core/util/crypto.hpp"

namespace samtryg::auth {

using soci::into;
using soci::use;

namespace {

constexpr const char* kUserColumns =
    "SELECT id, name, email, password_hash, language, row_version FROM users ";

std::optional<User> fetch_user(soci::session& sql, const std::string& where, auto value) {
  User user;
  sql << std::string(kUserColumns) + where, into(user.id), into(user.name), into(user.email),
      into(user.password_hash), into(user.language), into(user.row_version), use(value);
  if (!sql.got_data()) return std::nullopt;
  return user;
}

Role role_or_viewer(const std::string& text) {
  return parse_role(text).value_or(Role::viewer);
}

}  // namespace

std::optional<User> find_user_by_email(soci::session& sql, const std::string& email) {
  return fetch_user(sql, "WHERE email = :email", email);
}

std::optional<User> find_user(soci::session& sql, long long id) {
  return fetch_user(sql, "WHERE id = :id", id);
}

long long insert_user(soci::session& sql, const User& user, const std::string& now) {
  long long id = 0;
  sql << "INSERT INTO users (name, email, password_hash, language, created_at, updated_at) "
         "VALUES (:name, :email, :hash, :language, :created, :updated) RETURNING id",
      use(user.name), use(user.email), use(user.password_hash), use(user.language), use(now),
      use(now), into(id);
  return id;
}

void update_password_hash(soci::session& sql, long long user_id, const std::string& hash,
                          const std::string& now) {
  sql << "UPDATE users SET password_hash = :hash, password_changed_at = :changed, "
         "updated_at = :now, row_version = row_version + 1 WHERE id = :id",
      use(hash), use(now), use(now), use(user_id);
}

void update_language(soci::session& sql, long long user_id, const std::string& language,
                     const std::string& now) {
  sql << "UPDATE users SET language = :language, updated_at = :now, "
         "row_version = row_version + 1 WHERE id = :id",
      use(language), use(now), use(user_id);
}

std::vector<Workspace> all_workspaces(soci::session& sql) {
  std::vector<Workspace> result;
  Workspace workspace;
  soci::statement statement =
      (sql.prepare << "SELECT id, name, language, time_zone FROM workspaces ORDER BY name",
       into(workspace.id), into(workspace.name), into(workspace.language),
       into(workspace.time_zone));
  statement.execute();
  while (statement.fetch()) result.push_back(workspace);
  return result;
}

std::optional<Workspace> find_workspace_by_name(soci::session& sql, const std::string& name) {
  Workspace workspace;
  sql << "SELECT id, name, language, time_zone FROM workspaces WHERE name = :name",
      into(workspace.id), into(workspace.name), into(workspace.language), into(workspace.time_zone),
      use(name);
  if (!sql.got_data()) return std::nullopt;
  return workspace;
}

i18n::Language workspace_language(soci::session& sql, long long workspace_id) {
  std::string language;
  sql << "SELECT language FROM workspaces WHERE id = :id", into(language), use(workspace_id);
  return i18n::parse_language(language).value_or(i18n::Language::da);
}

long long insert_workspace(soci::session& sql, const std::string& name, const std::string& language,
                           const std::string& now) {
  long long id = 0;
  sql << "INSERT INTO workspaces (name, language, created_at) VALUES (:name, :language, :now) "
         "RETURNING id",
      use(name), use(language), use(now), into(id);
  return id;
}

std::string workspace_time_zone(soci::session& sql, long long workspace_id) {
  std::string zone(i18n::kDefaultTimeZone);
  sql << "SELECT time_zone FROM workspaces WHERE id = :id", into(zone), use(workspace_id);
  return zone;
}

void set_workspace_time_zone(soci::session& sql, long long workspace_id,
                             const std::string& time_zone) {
  sql << "UPDATE workspaces SET time_zone = :zone WHERE id = :id", use(time_zone),
      use(workspace_id);
}

std::vector<Membership> memberships_of(soci::session& sql, long long user_id) {
  std::vector<Membership> result;
  Membership membership;
  std::string role;
  soci::statement statement =
      (sql.prepare << "SELECT w.id, w.name, w.language, w.time_zone, m.role FROM memberships m "
                      "JOIN workspaces w ON w.id = m.workspace_id WHERE m.user_id = :user "
                      "ORDER BY w.name",
       into(membership.workspace.id), into(membership.workspace.name),
       into(membership.workspace.language), into(membership.workspace.time_zone), into(role),
       use(user_id));
  statement.execute();
  while (statement.fetch()) {
    membership.role = role_or_viewer(role);
    result.push_back(membership);
  }
  return result;
}

std::optional<Role> role_in(soci::session& sql, long long workspace_id, long long user_id) {
  std::string role;
  sql << "SELECT role FROM memberships WHERE workspace_id = :w AND user_id = :u", into(role),
      use(workspace_id), use(user_id);
  if (!sql.got_data()) return std::nullopt;
  return parse_role(role);
}

void set_membership(soci::session& sql, long long workspace_id, long long user_id, Role role,
                    const std::string& now) {
  const std::string role_code(code(role));
  sql << "INSERT INTO memberships (workspace_id, user_id, role, created_at) "
         "VALUES (:w, :u, :role, :now) "
         "ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = excluded.role",
      use(workspace_id), use(user_id), use(role_code), use(now);
}

std::vector<Member> members_of(soci::session& sql, long long workspace_id) {
  std::vector<Member> result;
  Member member;
  std::string role;
  soci::statement statement =
      (sql.prepare << "SELECT u.id, u.name, u.email, u.language, u.row_version, m.role "
                      "FROM memberships m JOIN users u ON u.id = m.user_id "
                      "WHERE m.workspace_id = :w",
       into(member.user.id), into(member.user.name), into(member.user.email),
       into(member.user.language), into(member.user.row_version), into(role), use(workspace_id));
  statement.execute();
  while (statement.fetch()) {
    member.role = role_or_viewer(role);
    result.push_back(member);
  }
  return result;
}

void insert_session(soci::session& sql, const std::string& token, long long user_id,
                    std::optional<long long> workspace_id, const std::string& csrf_token,
                    const std::string& now, const std::string& expires_at) {
  const auto hash = crypto::sha256_hex(token);
  long long workspace = workspace_id.value_or(0);
  soci::indicator workspace_indicator = workspace_id ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO sessions (token_hash, user_id, workspace_id, csrf_token, created_at, "
         "expires_at) VALUES (:hash, :user, :workspace, :csrf, :now, :expires)",
      use(hash), use(user_id), use(workspace, workspace_indicator), use(csrf_token), use(now),
      use(expires_at);
}

namespace {

// The lookup every signed-in request makes: prepared once per connection (see
// db::Database::per_connection), in one round trip: the session, its user and (when it works
// in one) the workspace and role.
struct SessionQuery {
  explicit SessionQuery(soci::session& sql)
      : statement((sql.prepare << "SELECT s.csrf_token, s.expires_at, u.id, u.name, u.email, "
                                  "u.password_hash, u.language, u.row_version, w.id, w.name, "
                                  "w.language, w.time_zone, w.data_version, m.role "
                                  "FROM sessions s JOIN users u ON u.id = s.user_id "
                                  "LEFT JOIN memberships m ON m.workspace_id = s.workspace_id "
                                  "AND m.user_id = s.user_id "
                                  "LEFT JOIN workspaces w ON w.id = m.workspace_id "
                                  "WHERE s.token_hash = :hash AND s.expires_at > :now",
                   into(record.csrf_token), into(record.expires_at), into(record.user.id),
                   into(record.user.name), into(record.user.email), into(record.user.password_hash),
                   into(record.user.language), into(record.user.row_version),
                   into(workspace.id, workspace_indicator), into(workspace.name, name_indicator),
                   into(workspace.language, language_indicator),
                   into(workspace.time_zone, zone_indicator),
                   into(workspace.data_version, version_indicator), into(role, role_indicator),
                   use(token_hash), use(now))) {}

  std::string token_hash;
  std::string now;
  SessionRecord record;
  Workspace workspace;
  std::string role;
  soci::indicator workspace_indicator = soci::i_null;
  soci::indicator name_indicator = soci::i_null;
  soci::indicator language_indicator = soci::i_null;
  soci::indicator zone_indicator = soci::i_null;
  soci::indicator version_indicator = soci::i_null;
  soci::indicator role_indicator = soci::i_null;
  soci::statement statement;  // last: it binds the members above
};

}  // namespace

std::optional<SessionRecord> find_session(db::Database& database, soci::session& sql,
                                          const std::string& token, const std::string& now) {
  auto& query = database.per_connection<SessionQuery>(sql);
  query.token_hash = crypto::sha256_hex(token);
  query.now = now;
  query.workspace_indicator = query.role_indicator = soci::i_null;
  if (!database.fetch_one(sql, query)) return std::nullopt;
  SessionRecord record = query.record;
  record.token_hash = query.token_hash;
  if (query.workspace_indicator == soci::i_ok && query.role_indicator == soci::i_ok) {
    record.membership = Membership{query.workspace, role_or_viewer(query.role)};
  }
  return record;
}

void extend_session(soci::session& sql, const std::string& token_hash,
                    const std::string& expires_at) {
  sql << "UPDATE sessions SET expires_at = :expires WHERE token_hash = :hash", use(expires_at),
      use(token_hash);
}

void delete_session(soci::session& sql, const std::string& token_hash) {
  sql << "DELETE FROM sessions WHERE token_hash = :hash", use(token_hash);
}

void delete_other_sessions(soci::session& sql, long long user_id, const std::string& keep_hash) {
  sql << "DELETE FROM sessions WHERE user_id = :user AND token_hash <> :keep", use(user_id),
      use(keep_hash);
}

void delete_expired_sessions(soci::session& sql, const std::string& now) {
  sql << "DELETE FROM sessions WHERE expires_at <= :now", use(now);
}

LoginAttempts count_login_attempts(soci::session& sql, const std::string& email,
                                   const std::string& client, const std::string& since) {
  LoginAttempts counts;
  sql << "SELECT COUNT(*) FROM login_failures WHERE email = :email AND client = :client AND "
         "at > :since",
      into(counts.for_email_here), use(email), use(client), use(since);
  sql << "SELECT COUNT(*) FROM login_failures WHERE client = :client AND at > :since",
      into(counts.from_client), use(client), use(since);
  return counts;
}

void record_login_attempt(soci::session& sql, const std::string& email, const std::string& client,
                          const std::string& now) {
  sql << "INSERT INTO login_failures (email, client, at) VALUES (:email, :client, :now)",
      use(email), use(client), use(now);
}

void clear_login_attempts(soci::session& sql, const std::string& email, const std::string& client) {
  sql << "DELETE FROM login_failures WHERE email = :email AND client = :client", use(email),
      use(client);
}

// ---- API tokens ----

long long insert_api_token(soci::session& sql, const ApiToken& token, const std::string& secret) {
  long long id = 0;
  const auto hash = crypto::sha256_hex(secret);
  sql << "INSERT INTO api_tokens (workspace_id, user_id, name, scope, token_hash, created_at) "
         "VALUES (:w, :u, :n, :s, :h, :c) RETURNING id",
      use(token.workspace_id), use(token.user_id), use(token.name), use(token.scope), use(hash),
      use(token.created_at), into(id);
  return id;
}

std::vector<ApiToken> api_tokens(soci::session& sql, long long workspace_id) {
  std::vector<ApiToken> result;
  ApiToken token;
  soci::statement statement =
      (sql.prepare << "SELECT t.id, t.workspace_id, t.user_id, u.name, t.name, t.scope, "
                      "t.created_at, t.revoked_at FROM api_tokens t JOIN users u ON u.id = "
                      "t.user_id WHERE t.workspace_id = :w ORDER BY t.id",
       into(token.id), into(token.workspace_id), into(token.user_id), into(token.user_name),
       into(token.name), into(token.scope), into(token.created_at), into(token.revoked_at),
       use(workspace_id));
  statement.execute();
  while (statement.fetch()) result.push_back(token);
  return result;
}

bool revoke_api_token(soci::session& sql, long long workspace_id, long long id,
                      const std::string& now) {
  soci::statement statement =
      (sql.prepare << "UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND "
                      "workspace_id = :w AND revoked_at = ''",
       use(now), use(id), use(workspace_id));
  statement.execute(true);
  return statement.get_affected_rows() == 1;
}

std::optional<SessionRecord> find_api_token_session(soci::session& sql, const std::string& token) {
  SessionRecord record;
  record.token_hash = crypto::sha256_hex(token);
  Membership membership;
  std::string role;
  sql << "SELECT u.id, u.name, u.email, u.password_hash, u.language, u.row_version, "
         "w.id, w.name, w.language, w.time_zone, w.data_version, m.role, t.scope "
         "FROM api_tokens t "
         "JOIN users u ON u.id = t.user_id JOIN workspaces w ON w.id = t.workspace_id "
         "JOIN memberships m ON m.workspace_id = t.workspace_id AND m.user_id = t.user_id "
         "WHERE t.token_hash = :hash AND t.revoked_at = '' "
         "AND t.created_at > u.password_changed_at",
      into(record.user.id), into(record.user.name), into(record.user.email),
      into(record.user.password_hash), into(record.user.language), into(record.user.row_version),
      into(membership.workspace.id), into(membership.workspace.name),
      into(membership.workspace.language), into(membership.workspace.time_zone),
      into(membership.workspace.data_version), into(role), into(record.token_scope),
      use(record.token_hash);
  if (!sql.got_data()) return std::nullopt;
  membership.role = role_or_viewer(role);
  record.membership = std::move(membership);
  return record;
}

}  // namespace samtryg::auth
