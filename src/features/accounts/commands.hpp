#pragma once
// Use cases for accounts: validate → one transaction → store → audit entry → commit.
// Called by the web pages and the CLI alike.
#include <optional>
#include <string>

#include "core/audit/audit.hpp"
#include "core/auth/actor.hpp"
#include "core/auth/passwords.hpp"
#include "core/auth/store.hpp"
#include "core/db/database.hpp"
#include "features/accounts/model.hpp"

namespace samtryg::accounts {

struct LoginResult {
  enum class Outcome { signed_in, wrong_credentials, throttled };
  Outcome outcome = Outcome::wrong_credentials;
  std::string session_token;  // for the cookie; only its hash is stored
};

LoginResult log_in(db::Database& database, const LoginPolicy& policy, const std::string& email,
                   const std::string& password, const std::string& client);

void log_out(db::Database& database, const std::string& token_hash);

// Throws validation::Invalid (wrong current password, too short, mismatch). Other sessions
// of the user end; the current one stays.
void change_password(db::Database& database, auth::HashCost cost,
                     const auth::SessionRecord& session, const std::string& current,
                     const std::string& new_password, const std::string& confirm);

// Creates the user and their role in the actor's workspace; only those who manage users may.
// Throws validation::Invalid, including for an e-mail that is already taken. Returns the new
// user's id.
long long add_user(db::Database& database, auth::HashCost cost, const auth::Actor& actor,
                   const NewUser& input);

void set_language(db::Database& database, long long user_id, const std::string& language);

// The workspace called `name`, created (and audited) when it does not exist yet.
auth::Workspace ensure_workspace(db::Database& database, const audit::Author& author,
                                 const std::string& name, const std::string& language);

// The workspace's time zone, an IANA id (i18n::is_time_zone); only those who manage users may
// set it. Throws validation::Invalid (field "time_zone").
std::string time_zone(db::Database& database, const auth::Actor& actor);
void set_time_zone(db::Database& database, const auth::Actor& actor, const std::string& zone);

// The workspace's members with their roles.
std::vector<auth::Member> members(db::Database& database, const auth::Actor& actor);

// Members and API tokens are for those who manage users (validation::Forbidden otherwise).
// API tokens: an admin creates one for a member of the workspace (the token then acts as that
// person, with their role) and revokes it. The token is returned once; only its hash is kept.
// `scope`: "read" (GET only) or "write". Throws validation::Invalid (fields "name",
// "user_id", "scope").
std::string create_api_token(db::Database& database, const auth::Actor& actor, long long user_id,
                             const std::string& name, const std::string& scope);
std::vector<auth::ApiToken> api_tokens(db::Database& database, const auth::Actor& actor);
// Throws validation::NotFound unless the token is the workspace's and still in use.
void revoke_api_token(db::Database& database, const auth::Actor& actor, long long id);

}  // namespace samtryg::accounts
