// The proposed themes' SQL (store.hpp).
#include "core/db/nullable.hpp"
#include "core/util/time.hpp"
#include "features/meetings/store.hpp"

namespace samtryg::meetings::store {

using db::Nullable;
using soci::into;
using soci::use;

namespace {

// A theme is on the agenda through the first item that names it.
constexpr const char* kSelectThemes =
    "SELECT t.id, t.workspace_id, t.group_id, t.meeting_id, t.title, t.reason, t.proposed_by, "
    "t.reply, t.declined_at, i.id, i.meeting_id, t.created_at, t.updated_at, t.row_version "
    "FROM meeting_themes t LEFT JOIN meeting_items i ON i.id = "
    "(SELECT MIN(x.id) FROM meeting_items x WHERE x.theme_id = t.id) "
    "WHERE t.workspace_id = :w";

}  // namespace

std::vector<Theme> themes(soci::session& sql, long long workspace_id) {
  std::vector<Theme> out;
  Theme theme;
  Nullable<long long> group;
  Nullable<long long> meeting;
  Nullable<long long> proposer;
  Nullable<long long> item;
  Nullable<long long> item_meeting;
  soci::statement st =
      (sql.prepare << std::string(kSelectThemes) + " ORDER BY t.created_at DESC, t.id DESC",
       into(theme.id), into(theme.workspace_id), into(group.value, group.indicator),
       into(meeting.value, meeting.indicator), into(theme.title), into(theme.reason),
       into(proposer.value, proposer.indicator), into(theme.reply), into(theme.declined_at),
       into(item.value, item.indicator), into(item_meeting.value, item_meeting.indicator),
       into(theme.created_at), into(theme.updated_at), into(theme.row_version), use(workspace_id));
  st.execute();
  while (st.fetch()) {
    theme.group_id = group.get();
    theme.meeting_id = meeting.get();
    theme.proposed_by = proposer.get();
    theme.item_id = item.get();
    theme.item_meeting_id = item_meeting.get();
    out.push_back(theme);
  }
  return out;
}

long long insert_theme(soci::session& sql, const Theme& theme) {
  const auto created = theme.created_at.empty() ? now_iso_utc() : theme.created_at;
  const auto updated = theme.updated_at.empty() ? created : theme.updated_at;
  Nullable<long long> group(theme.group_id);
  Nullable<long long> meeting(theme.meeting_id);
  Nullable<long long> proposer(theme.proposed_by);
  long long id = 0;
  sql << "INSERT INTO meeting_themes (workspace_id, group_id, meeting_id, title, reason, "
         "proposed_by, reply, declined_at, created_at, updated_at) "
         "VALUES (:w, :g, :m, :t, :r, :p, :re, :da, :ca, :ua) RETURNING id",
      use(theme.workspace_id), use(group.value, group.indicator),
      use(meeting.value, meeting.indicator), use(theme.title), use(theme.reason),
      use(proposer.value, proposer.indicator), use(theme.reply), use(theme.declined_at),
      use(created), use(updated), into(id);
  return id;
}

// A partnership has dozens of proposals, not thousands: one is found among them.
std::optional<Theme> find_theme(soci::session& sql, long long workspace_id, long long id) {
  for (auto& theme : themes(sql, workspace_id)) {
    if (theme.id == id) return std::move(theme);
  }
  return std::nullopt;
}

bool decline_theme(soci::session& sql, const Theme& theme) {
  const auto now = now_iso_utc();
  soci::statement st =
      (sql.prepare << "UPDATE meeting_themes SET reply = :r, declined_at = :d, updated_at = :u, "
                      "row_version = row_version + 1 "
                      "WHERE id = :id AND workspace_id = :w AND row_version = :rv",
       use(theme.reply), use(theme.declined_at), use(now), use(theme.id), use(theme.workspace_id),
       use(theme.row_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void set_item_theme(soci::session& sql, long long item_id, long long theme_id) {
  sql << "UPDATE meeting_items SET theme_id = :t WHERE id = :i", use(theme_id), use(item_id);
}

void delete_theme(soci::session& sql, long long workspace_id, long long id) {
  // SQLite sets the items' reference to NULL only where foreign keys are switched on.
  sql << "UPDATE meeting_items SET theme_id = NULL WHERE theme_id IN "
         "(SELECT id FROM meeting_themes WHERE id = :id AND workspace_id = :w)",
      use(id), use(workspace_id);
  sql << "DELETE FROM meeting_themes WHERE id = :id AND workspace_id = :w", use(id),
      use(workspace_id);
}

}  // namespace samtryg::meetings::store
