#pragma once
// Every SQL statement about users, workspaces, memberships, sessions and login failures.
// Functions take a borrowed session so callers decide the transaction.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/auth/roles.hpp"
#include "core/db/database.hpp"
#include "core/i18n/language.hpp"

namespace samtryg::auth {

struct User {
  long long id = 0;
  std::string name;
  std::string email;
  std::string password_hash;
  std::string language;
  long long row_version = 1;
};

struct Workspace {
  long long id = 0;
  std::string name;
  std::string language;
  std::string time_zone = "Europe/Copenhagen";  // an IANA id (i18n::is_time_zone)
  long long data_version = 0;                   // bumped by every audited change (see core/audit)
};

struct Membership {
  Workspace workspace;
  Role role = Role::viewer;
};

struct Member {
  User user;
  Role role = Role::viewer;
};

// A valid, unexpired session with the user it belongs to.
struct SessionRecord {
  std::string token_hash;
  User user;
  std::optional<Membership> membership;  // the workspace the session works in
  std::string csrf_token;
  std::string expires_at;
  std::string token_scope;  // an API token's: "read" or "write"; empty for a browser session
};

std::optional<User> find_user_by_email(soci::session& sql, const std::string& email);
std::optional<User> find_user(soci::session& sql, long long id);
long long insert_user(soci::session& sql, const User& user, const std::string& now);
void update_password_hash(soci::session& sql, long long user_id, const std::string& hash,
                          const std::string& now);
void update_language(soci::session& sql, long long user_id, const std::string& language,
                     const std::string& now);

std::vector<Workspace> all_workspaces(soci::session& sql);
std::optional<Workspace> find_workspace_by_name(soci::session& sql, const std::string& name);
// The language the workspace's lists are sorted in (Danish for an unknown workspace).
i18n::Language workspace_language(soci::session& sql, long long workspace_id);
long long insert_workspace(soci::session& sql, const std::string& name, const std::string& language,
                           const std::string& now);
// The time zone the workspace shows its times in (the default for an unknown workspace).
std::string workspace_time_zone(soci::session& sql, long long workspace_id);
void set_workspace_time_zone(soci::session& sql, long long workspace_id,
                             const std::string& time_zone);

std::vector<Membership> memberships_of(soci::session& sql, long long user_id);
std::optional<Role> role_in(soci::session& sql, long long workspace_id, long long user_id);
void set_membership(soci::session& sql, long long workspace_id, long long user_id, Role role,
                    const std::string& now);
std::vector<Member> members_of(soci::session& sql, long long workspace_id);

// Stores the session under the hash of `token`.
void insert_session(soci::session& sql, const std::string& token, long long user_id,
                    std::optional<long long> workspace_id, const std::string& csrf_token,
                    const std::string& now, const std::string& expires_at);
// `sql` is a connection borrowed from `database`, which keeps the prepared lookup.
std::optional<SessionRecord> find_session(db::Database& database, soci::session& sql,
                                          const std::string& token, const std::string& now);
void extend_session(soci::session& sql, const std::string& token_hash,
                    const std::string& expires_at);
void delete_session(soci::session& sql, const std::string& token_hash);
void delete_other_sessions(soci::session& sql, long long user_id, const std::string& keep_hash);
void delete_expired_sessions(soci::session& sql, const std::string& now);

// Login attempts that did not (yet) succeed, since a time: for one e-mail from one client
// address, and from that address for any e-mail. Counting by address rather than by e-mail
// alone means nobody can lock a person out by typing wrong passwords for their e-mail.
struct LoginAttempts {
  int for_email_here = 0;
  int from_client = 0;
};
LoginAttempts count_login_attempts(soci::session& sql, const std::string& email,
                                   const std::string& client, const std::string& since);
void record_login_attempt(soci::session& sql, const std::string& email, const std::string& client,
                          const std::string& now);
void clear_login_attempts(soci::session& sql, const std::string& email, const std::string& client);

// ---- API tokens: act as their user in one workspace; only the token's SHA-256 is stored ----

struct ApiToken {
  long long id = 0;
  long long workspace_id = 0;
  long long user_id = 0;
  std::string user_name;
  std::string name;
  std::string scope = "read";  // "read": GET only; "write": changes too
  std::string created_at;
  std::string revoked_at;  // empty while valid
};

long long insert_api_token(soci::session& sql, const ApiToken& token, const std::string& secret);
std::vector<ApiToken> api_tokens(soci::session& sql, long long workspace_id);
// False when no unrevoked token with that id exists in the workspace.
bool revoke_api_token(soci::session& sql, long long workspace_id, long long id,
                      const std::string& now);
// The session an unrevoked token stands for (its user and their role in the token's
// workspace, and its scope), or nothing: also when the user is no longer a member of the
// workspace, or has set a password since the token was made (timestamps are to the second: a
// token made in the second of a password change ends with it). csrf_token is empty: token
// requests carry no ambient authority.
std::optional<SessionRecord> find_api_token_session(soci::session& sql, const std::string& token);

}  // namespace samtryg::auth
