#include "features/accounts/commands.hpp"

#include <algorithm>
#include <boost/json/object.hpp>

#include <chrono>

#include "core/i18n/clock.hpp"
#include "core/util/crypto.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"

namespace samtryg::accounts {

namespace {

boost::json::object user_json(long long id, const std::string& name, const std::string& email,
                              const std::string& language) {
  return {{"id", id}, {"name", name}, {"email", email}, {"language", language}};
}

// Verifying against a real hash when the e-mail is unknown keeps the answer time the same,
// so response times do not reveal which e-mail addresses have accounts.
const std::string& decoy_hash() {
  static const std::string hash =
      auth::hash_password(crypto::random_token(), auth::HashCost::interactive);
  return hash;
}

}  // namespace

LoginResult log_in(db::Database& database, const LoginPolicy& policy, const std::string& email,
                   const std::string& password, const std::string& client) {
  const auto normalized = normalize_email(email);
  const auto now = Clock::now();
  const auto since = to_iso_utc(now - std::chrono::minutes(policy.lockout_minutes));
  // The attempt is written (and committed) before the attempts are counted, so attempts made
  // at the same moment see each other: of many at once, at most the allowed number go on to
  // the password check, whichever database and however many servers.
  database.in_transaction([&](soci::session& sql) {
    auth::record_login_attempt(sql, normalized, client, to_iso_utc(now));
  });
  std::optional<auth::User> user;
  {
    auto sql = database.session();
    const auto attempts = auth::count_login_attempts(sql, normalized, client, since);
    if (login_throttled(attempts.for_email_here, attempts.from_client, policy)) {
      return {LoginResult::Outcome::throttled, {}};
    }
    user = auth::find_user_by_email(sql, normalized);
  }
  // The slow hash runs outside any transaction so it never holds a database lock. A wrong
  // password leaves the attempt in place: it is the failure.
  const bool valid = auth::verify_password(user ? user->password_hash : decoy_hash(), password);
  if (!user || !valid) return {LoginResult::Outcome::wrong_credentials, {}};
  LoginResult result{LoginResult::Outcome::signed_in, crypto::random_token()};
  database.in_transaction([&](soci::session& sql) {
    auth::clear_login_attempts(sql, normalized, client);
    auth::delete_expired_sessions(sql, to_iso_utc(now));
    const auto memberships = auth::memberships_of(sql, user->id);
    std::optional<long long> workspace;
    if (!memberships.empty()) workspace = memberships.front().workspace.id;
    auth::insert_session(sql, result.session_token, user->id, workspace, crypto::random_token(),
                         to_iso_utc(now),
                         to_iso_utc(now + std::chrono::hours(policy.session_hours)));
  });
  return result;
}

void log_out(db::Database& database, const std::string& token_hash) {
  database.in_transaction([&](soci::session& sql) { auth::delete_session(sql, token_hash); });
}

void change_password(db::Database& database, auth::HashCost cost,
                     const auth::SessionRecord& session, const std::string& current,
                     const std::string& new_password, const std::string& confirm) {
  auto errors = validate_new_password(new_password, confirm);
  if (!auth::verify_password(session.user.password_hash, current)) {
    errors.add("current_password", "password_wrong_current");
  }
  validation::throw_if_any(errors);
  const auto hash = auth::hash_password(new_password, cost);
  database.in_transaction([&](soci::session& sql) {
    const auto now = now_iso_utc();
    auth::update_password_hash(sql, session.user.id, hash, now);
    auth::delete_other_sessions(sql, session.user.id, session.token_hash);
    audit::record(sql, audit::Entry{
                           .workspace_id = std::nullopt,
                           .author = {session.user.id, session.user.email},
                           .action = "password_change",
                           .entity = "user",
                           .entity_id = std::to_string(session.user.id),
                           .before = nullptr,
                           .after = {{"password", "changed"}},
                       });
  });
}

long long add_user(db::Database& database, auth::HashCost cost, const auth::Actor& actor,
                   const NewUser& input) {
  auth::require_manage_users(actor);
  validation::throw_if_any(validate_new_user(input));
  const auto workspace_id = actor.workspace_id;
  const auto& author = actor.author;
  const auto email = normalize_email(input.email);
  const std::string name(trim(input.name));
  const auto role = *auth::parse_role(input.role);
  const auto hash = auth::hash_password(input.password, cost);
  long long id = 0;
  try {
    database.in_transaction([&](soci::session& sql) {
      if (auth::find_user_by_email(sql, email)) {
        validation::Errors errors;
        errors.add("email", "users_email_taken");
        throw validation::Invalid(errors);
      }
      const auto now = now_iso_utc();
      auth::User user;
      user.name = name;
      user.email = email;
      user.password_hash = hash;
      user.language = input.language;
      id = auth::insert_user(sql, user, now);
      auth::set_membership(sql, workspace_id, id, role, now);
      auto after = user_json(id, name, email, input.language);
      after["role"] = std::string(auth::code(role));
      audit::record(sql, audit::Entry{.workspace_id = workspace_id,
                                      .author = author,
                                      .action = "create",
                                      .entity = "user",
                                      .entity_id = std::to_string(id),
                                      .before = nullptr,
                                      .after = after});
    });
  } catch (const validation::Invalid&) {
    throw;
  } catch (const std::exception& error) {
    // Two admins adding the same e-mail at once: the unique index decides.
    if (!db::is_unique_violation(error)) throw;
    validation::Errors errors;
    errors.add("email", "users_email_taken");
    throw validation::Invalid(errors);
  }
  return id;
}

void set_language(db::Database& database, long long user_id, const std::string& language) {
  database.in_transaction(
      [&](soci::session& sql) { auth::update_language(sql, user_id, language, now_iso_utc()); });
}

std::string time_zone(db::Database& database, const auth::Actor& actor) {
  auto sql = database.session();
  return auth::workspace_time_zone(sql, actor.workspace_id);
}

void set_time_zone(db::Database& database, const auth::Actor& actor, const std::string& zone) {
  auth::require_manage_users(actor);
  if (!i18n::is_time_zone(zone)) {
    validation::Errors errors;
    errors.add("time_zone", "time_zone_unknown");
    throw validation::Invalid(errors);
  }
  database.in_transaction([&](soci::session& sql) {
    const auto before = auth::workspace_time_zone(sql, actor.workspace_id);
    if (before == zone) return;
    auth::set_workspace_time_zone(sql, actor.workspace_id, zone);
    audit::record(sql, audit::Entry{.workspace_id = actor.workspace_id,
                                    .author = actor.author,
                                    .action = "update",
                                    .entity = "workspace",
                                    .entity_id = std::to_string(actor.workspace_id),
                                    .before = {{"time_zone", before}},
                                    .after = {{"time_zone", zone}}});
  });
}

auth::Workspace ensure_workspace(db::Database& database, const audit::Author& author,
                                 const std::string& name, const std::string& language) {
  auth::Workspace workspace;
  database.in_transaction([&](soci::session& sql) {
    if (auto existing = auth::find_workspace_by_name(sql, name)) {
      workspace = *existing;
      return;
    }
    workspace.id = auth::insert_workspace(sql, name, language, now_iso_utc());
    workspace.name = name;
    workspace.language = language;
    audit::record(sql, audit::Entry{.workspace_id = workspace.id,
                                    .author = author,
                                    .action = "create",
                                    .entity = "workspace",
                                    .entity_id = std::to_string(workspace.id),
                                    .before = nullptr,
                                    .after = {{"name", name}, {"language", language}}});
  });
  return workspace;
}

std::vector<auth::Member> members(db::Database& database, const auth::Actor& actor) {
  auth::require_manage_users(actor);
  auto sql = database.session();
  return auth::members_of(sql, actor.workspace_id);
}

std::string create_api_token(db::Database& database, const auth::Actor& actor, long long user_id,
                             const std::string& name, const std::string& scope) {
  auth::require_manage_users(actor);
  validation::Errors errors;
  if (scope != "read" && scope != "write") errors.add("scope", "choice_invalid");
  if (name.empty()) {
    errors.add("name", "field_required");
  } else if (validation::utf8_length(name) > 100) {
    errors.add("name", "field_too_long", {{"max", "100"}});
  }
  auto token = "st_" + crypto::random_token();
  database.in_transaction([&](soci::session& sql) {
    const auto in_workspace = auth::members_of(sql, actor.workspace_id);
    if (std::none_of(in_workspace.begin(), in_workspace.end(),
                     [&](const auth::Member& member) { return member.user.id == user_id; })) {
      errors.add("user_id", "link_not_in_workspace");
    }
    validation::throw_if_any(errors);
    auth::ApiToken record;
    record.workspace_id = actor.workspace_id;
    record.user_id = user_id;
    record.name = name;
    record.scope = scope;
    record.created_at = now_iso_utc();
    const auto id = auth::insert_api_token(sql, record, token);
    audit::record_change(
        sql, actor, "create", "api_token", id, nullptr,
        boost::json::object{{"name", name}, {"user_id", user_id}, {"scope", scope}});
  });
  return token;
}

std::vector<auth::ApiToken> api_tokens(db::Database& database, const auth::Actor& actor) {
  auth::require_manage_users(actor);
  auto sql = database.session();
  return auth::api_tokens(sql, actor.workspace_id);
}

void revoke_api_token(db::Database& database, const auth::Actor& actor, long long id) {
  auth::require_manage_users(actor);
  database.in_transaction([&](soci::session& sql) {
    if (!auth::revoke_api_token(sql, actor.workspace_id, id, now_iso_utc())) {
      throw validation::NotFound();
    }
    audit::record_change(sql, actor, "revoke", "api_token", id, nullptr, nullptr);
  });
}

}  // namespace samtryg::accounts
