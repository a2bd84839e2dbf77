#pragma once
// The audit log: who changed what, when, with the record before and after. Written through
// the same borrowed session as the change, so both commit or neither does.
#include <soci/soci.h>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/audit/author.hpp"
#include "core/auth/actor.hpp"

namespace samtryg::audit {

struct Entry {
  std::optional<long long> workspace_id;
  Author author;
  std::string action;  // "create", "update", "delete", "password_change", …
  std::string entity;  // "user", "workspace", "initiative", …
  std::string entity_id;
  boost::json::value before;  // null when created
  boost::json::value after;   // null when deleted
};

struct Recorded {
  long long id = 0;
  std::string at;
  std::optional<long long> workspace_id;
  std::optional<long long> user_id;
  std::string actor;
  std::string action;
  std::string entity;
  std::string entity_id;
  std::string before_json;  // empty when null
  std::string after_json;
};

// Also bumps the workspace's data_version, which invalidates cached pages (web/fragment_cache).
void record(soci::session& sql, const Entry& entry);
// A change to record `id` of `entity` by `actor` in its workspace, inside the caller's
// transaction.
void record_change(soci::session& sql, const auth::Actor& actor, std::string action,
                   std::string entity, long long id, boost::json::value before,
                   boost::json::value after);
std::vector<Recorded> history(soci::session& sql, const std::string& entity,
                              const std::string& entity_id);
// Who made the change as people know them: the user's name, else the recorded label ("demo",
// "import", or the e-mail of a user since removed).
std::string author_name(soci::session& sql, const Recorded& recorded);

// The workspace's latest changes to records of `entity` at or after `since` (an ISO time), the
// newest first, at most `limit`.
std::vector<Recorded> recent(soci::session& sql, long long workspace_id, const std::string& entity,
                             const std::string& since, int limit);

}  // namespace samtryg::audit
