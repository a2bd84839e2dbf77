#include "core/audit/audit.hpp"

#include <boost/json/serialize.hpp>

#include "core/auth/store.hpp"
#include "core/db/database.hpp"
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

namespace {

// The columns of a Recorded, bound once per statement.
class RecordedBinding {
 public:
  void bind(soci::statement& statement) {
    statement.exchange(into(item_.id));
    statement.exchange(into(item_.at));
    statement.exchange(into(workspace_, workspace_indicator_));
    statement.exchange(into(user_, user_indicator_));
    statement.exchange(into(item_.actor));
    statement.exchange(into(item_.action));
    statement.exchange(into(item_.entity));
    statement.exchange(into(item_.entity_id));
    statement.exchange(into(item_.before_json, before_indicator_));
    statement.exchange(into(item_.after_json, after_indicator_));
  }

  [[nodiscard]] Recorded get() const {
    Recorded copy = item_;
    if (workspace_indicator_ == soci::i_ok) copy.workspace_id = workspace_;
    if (user_indicator_ == soci::i_ok) copy.user_id = user_;
    if (before_indicator_ != soci::i_ok) copy.before_json.clear();
    if (after_indicator_ != soci::i_ok) copy.after_json.clear();
    return copy;
  }

 private:
  Recorded item_;
  long long workspace_ = 0;
  long long user_ = 0;
  soci::indicator workspace_indicator_ = soci::i_null;
  soci::indicator user_indicator_ = soci::i_null;
  soci::indicator before_indicator_ = soci::i_null;
  soci::indicator after_indicator_ = soci::i_null;
};

constexpr std::string_view kRecordedColumns =
    "SELECT id, at, workspace_id, user_id, actor, action, entity, entity_id, before_json, "
    "after_json FROM audit_log ";

}  // namespace

std::vector<Recorded> history(soci::session& sql, const std::string& entity,
                              const std::string& entity_id) {
  RecordedBinding binding;
  soci::statement statement(sql);
  binding.bind(statement);
  statement.exchange(use(entity));
  statement.exchange(use(entity_id));
  db::prepare_and_run(statement, std::string(kRecordedColumns) +
                                     "WHERE entity = :entity AND entity_id = :id ORDER BY id");
  std::vector<Recorded> result;
  while (statement.fetch()) result.push_back(binding.get());
  return result;
}

std::vector<Recorded> recent(soci::session& sql, long long workspace_id, const std::string& entity,
                             const std::string& since, int limit) {
  RecordedBinding binding;
  soci::statement statement(sql);
  binding.bind(statement);
  statement.exchange(use(workspace_id));
  statement.exchange(use(entity));
  statement.exchange(use(since));
  statement.exchange(use(limit));
  db::prepare_and_run(statement, std::string(kRecordedColumns) +
                                     "WHERE workspace_id = :w AND entity = :e AND at >= :since "
                                     "ORDER BY id DESC LIMIT :limit");
  std::vector<Recorded> result;
  while (statement.fetch()) result.push_back(binding.get());
  return result;
}

std::string author_name(soci::session& sql, const Recorded& recorded) {
  if (recorded.user_id) {
    if (const auto user = auth::find_user(sql, *recorded.user_id)) return user->name;
  }
  return recorded.actor;
}

}  // namespace samtryg::audit
