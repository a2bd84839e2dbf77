#include "core/audit/audit.hpp"

#include <boost/json/serialize.hpp>

#include "core/util/time.hpp"

namespace samtryg::audit {

using soci::into;
using soci::use;

void record(soci::session& sql, const Entry& entry) {
  const auto at = now_iso_utc();
  long long workspace = entry.workspace_id.value_or(0);
  soci::indicator workspace_indicator = entry.workspace_id ? soci::i_ok : soci::i_null;
  long long user = entry.author.user_id.value_or(0);
  soci::indicator user_indicator = entry.author.user_id ? soci::i_ok : soci::i_null;
  std::string before = entry.before.is_null() ? "" : boost::json::serialize(entry.before);
  soci::indicator before_indicator = entry.before.is_null() ? soci::i_null : soci::i_ok;
  std::string after = entry.after.is_null() ? "" : boost::json::serialize(entry.after);
  soci::indicator after_indicator = entry.after.is_null() ? soci::i_null : soci::i_ok;
  sql << "INSERT INTO audit_log (at, workspace_id, user_id, actor, action, entity, entity_id, "
         "before_json, after_json) VALUES (:at, :w, :u, :actor, :action, :entity, :entity_id, "
         ":before, :after)",
      use(at), use(workspace, workspace_indicator), use(user, user_indicator),
      use(entry.author.label), use(entry.action), use(entry.entity), use(entry.entity_id),
      use(before, before_indicator), use(after, after_indicator);
  // Every change is audited, so this one place also tells caches the workspace changed.
  if (entry.workspace_id) {
    sql << "UPDATE workspaces SET data_version = data_version + 1 WHERE id = :w", use(workspace);
  }
}

void record_change(soci::session& sql, const auth::Actor& actor, std::string action,
                   std::string entity, long long id, boost::json::value before,
                   boost::json::value after) {
  record(sql, {actor.workspace_id, actor.author, std::move(action), std::move(entity),
               std::to_string(id), std::move(before), std::move(after)});
}

std::vector<Recorded> history(soci::session& sql, const std::string& entity,
                              const std::string& entity_id) {
  std::vector<Recorded> result;
  Recorded item;
  long long workspace = 0;
  long long user = 0;
  soci::indicator workspace_indicator = soci::i_null;
  soci::indicator user_indicator = soci::i_null;
  soci::indicator before_indicator = soci::i_null;
  soci::indicator after_indicator = soci::i_null;
  soci::statement statement =
      (sql.prepare << "SELECT id, at, workspace_id, user_id, actor, action, entity, entity_id, "
                      "before_json, after_json FROM audit_log "
                      "WHERE entity = :entity AND entity_id = :id ORDER BY id",
       into(item.id), into(item.at), into(workspace, workspace_indicator),
       into(user, user_indicator), into(item.actor), into(item.action), into(item.entity),
       into(item.entity_id), into(item.before_json, before_indicator),
       into(item.after_json, after_indicator), use(entity), use(entity_id));
  statement.execute();
  while (statement.fetch()) {
    Recorded copy = item;
    if (workspace_indicator == soci::i_ok) copy.workspace_id = workspace;
    if (user_indicator == soci::i_ok) copy.user_id = user;
    if (before_indicator != soci::i_ok) copy.before_json.clear();
    if (after_indicator != soci::i_ok) copy.after_json.clear();
    result.push_back(std::move(copy));
  }
  return result;
}

}  // namespace samtryg::audit
