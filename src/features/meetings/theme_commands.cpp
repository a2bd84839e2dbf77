// Proposed themes for a body's meetings (commands.hpp).
#include "core/audit/audit.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "features/meetings/commands.hpp"
#include "features/meetings/json.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::meetings {

namespace {

using validation::Errors;

Theme theme_in_workspace(soci::session& sql, const Actor& actor, long long id) {
  auto theme = store::find_theme(sql, actor.workspace_id, id);
  if (!theme) throw validation::NotFound();
  return std::move(*theme);
}

// The body is one of the workspace's groups; the meeting, if named, is one of the body's still
// to come.
void check_target(soci::session& sql, const Actor& actor, const Theme& theme,
                  const std::string& local_now, Errors& errors) {
  if (!theme.group_id) return;
  try {
    strategy::readable_group(sql, actor, *theme.group_id);
  } catch (const validation::NotFound&) {
    errors.add("group_id", "link_not_in_workspace");
    return;
  }
  if (!theme.meeting_id) return;
  const auto meeting = store::find_meeting(sql, actor.workspace_id, *theme.meeting_id);
  if (!meeting || meeting->group_id != theme.group_id) {
    errors.add("meeting_id", "meeting_theme_meeting_not_body");
  } else if (meeting->status != "planned" || meeting->starts_at <= local_now) {
    errors.add("meeting_id", "meeting_theme_meeting_past");
  }
}

}  // namespace

long long propose_theme(db::Database& database, const Actor& actor, Theme theme,
                        const std::string& local_now) {
  if (!actor.read_all) throw validation::Forbidden();
  theme.id = 0;
  theme.workspace_id = actor.workspace_id;
  theme.proposed_by = actor.user_id;
  theme.reply.clear();
  theme.declined_at.clear();
  theme.created_at.clear();
  theme.updated_at.clear();
  // In the form's order: the body first.
  validation::Errors errors;
  if (!theme.group_id) errors.add("group_id", "meeting_theme_body_required");
  errors.add_all(validate_theme(theme));
  database.in_transaction([&](soci::session& sql) {
    check_target(sql, actor, theme, local_now, errors);
    validation::throw_if_any(errors);
    theme.id = store::insert_theme(sql, theme);
    audit::record_change(sql, actor, "create", "meeting_theme", theme.id, nullptr, to_json(theme));
  });
  return theme.id;
}

void decline_theme(db::Database& database, const Actor& actor, long long theme_id,
                   const std::string& reply, long long row_version) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    const auto before = theme_in_workspace(sql, actor, theme_id);
    auto theme = before;
    theme.reply = reply;
    theme.declined_at = now_iso_utc();
    theme.row_version = row_version;
    auto errors = validate_theme(theme);
    // The proposer reads why.
    if (trim(reply).empty()) errors.add("reply", "meeting_theme_reply_required");
    if (before.item_id) {
      errors.add("reply", "meeting_theme_on_agenda");
    } else if (!before.declined_at.empty()) {
      errors.add("reply", "meeting_theme_answered");
    }
    validation::throw_if_any(errors);
    if (!store::decline_theme(sql, theme)) throw validation::Conflict();
    audit::record_change(sql, actor, "update", "meeting_theme", theme_id, to_json(before),
                         to_json(theme));
  });
}

void withdraw_theme(db::Database& database, const Actor& actor, long long theme_id) {
  database.in_transaction([&](soci::session& sql) {
    const auto theme = theme_in_workspace(sql, actor, theme_id);
    const bool own = actor.user_id && theme.proposed_by == actor.user_id;
    if (!actor.edit_all && !own) throw validation::Forbidden();
    // Once on an agenda or answered, it is part of the record.
    if (theme_status(theme) != "proposed") throw validation::Conflict();
    store::delete_theme(sql, actor.workspace_id, theme_id);
    audit::record_change(sql, actor, "delete", "meeting_theme", theme_id, to_json(theme), nullptr);
  });
}

}  // namespace samtryg::meetings
