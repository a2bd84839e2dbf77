#include "features/meetings/store.hpp"

#include "core/db/database.hpp"
#include "core/db/nullable.hpp"
#include "core/util/time.hpp"

namespace samtryg::meetings::store {

using db::Nullable;
using soci::into;
using soci::use;

namespace {

std::string or_now(const std::string& given) {
  return given.empty() ? now_iso_utc() : given;
}

// The items' figures, in one query for the whole agenda.
void add_figures(soci::session& sql, long long meeting_id, std::vector<Item>& items) {
  if (items.empty()) return;
  long long item_id = 0;
  Figure figure;
  soci::statement st =
      (sql.prepare << "SELECT f.item_id, f.id, f.svg, f.caption, f.alt FROM meeting_item_figures f "
                      "JOIN meeting_items i ON i.id = f.item_id WHERE i.meeting_id = :m "
                      "ORDER BY f.item_id, f.position, f.id",
       into(item_id), into(figure.id), into(figure.svg), into(figure.caption), into(figure.alt),
       use(meeting_id));
  st.execute();
  while (st.fetch()) {
    for (auto& item : items) {
      if (item.id == item_id) item.figures.push_back(figure);
    }
  }
}

constexpr const char* kMeetingColumns =
    "SELECT id, workspace_id, group_id, series_id, title, starts_at, ends_at, place, video_url, "
    "status, sequence, approved_at_meeting_id, invited_sequence, invited_at, series_months, "
    "series_count, series_start, occurrence_at, created_at, updated_at, row_version "
    "FROM meetings ";

std::vector<Meeting> select_meetings(soci::session& sql, const std::string& where,
                                     long long workspace_id, long long id) {
  std::vector<Meeting> out;
  Meeting meeting;
  Nullable<long long> group;
  Nullable<long long> series;
  Nullable<long long> approved_at;
  soci::statement st =
      (sql.prepare << std::string(kMeetingColumns) + where, into(meeting.id),
       into(meeting.workspace_id), into(group.value, group.indicator),
       into(series.value, series.indicator), into(meeting.title), into(meeting.starts_at),
       into(meeting.ends_at), into(meeting.place), into(meeting.video_url), into(meeting.status),
       into(meeting.sequence), into(approved_at.value, approved_at.indicator),
       into(meeting.invited_sequence), into(meeting.invited_at), into(meeting.series_months),
       into(meeting.series_count), into(meeting.series_start), into(meeting.occurrence_at),
       into(meeting.created_at), into(meeting.updated_at), into(meeting.row_version),
       use(workspace_id, "w"), use(id, "id"));
  st.execute();
  while (st.fetch()) {
    meeting.group_id = group.get();
    meeting.series_id = series.get();
    meeting.approved_at_meeting_id = approved_at.get();
    out.push_back(meeting);
  }
  return out;
}

}  // namespace

long long insert_meeting(soci::session& sql, const Meeting& meeting) {
  Nullable<long long> group(meeting.group_id);
  Nullable<long long> series(meeting.series_id);
  const auto created = or_now(meeting.created_at);
  const auto updated = meeting.updated_at.empty() ? created : meeting.updated_at;
  long long id = 0;
  sql << "INSERT INTO meetings (workspace_id, group_id, series_id, title, starts_at, ends_at, "
         "place, video_url, status, sequence, invited_sequence, invited_at, series_months, "
         "series_count, series_start, occurrence_at, created_at, updated_at) VALUES (:w, :g, :s, "
         ":t, :st, :en, :p, :v, :status, :seq, :iseq, :iat, :sm, :sc, :ss, :oa, :ca, :ua) "
         "RETURNING id",
      use(meeting.workspace_id), use(group.value, group.indicator),
      use(series.value, series.indicator), use(meeting.title), use(meeting.starts_at),
      use(meeting.ends_at), use(meeting.place), use(meeting.video_url), use(meeting.status),
      use(meeting.sequence), use(meeting.invited_sequence), use(meeting.invited_at),
      use(meeting.series_months), use(meeting.series_count), use(meeting.series_start),
      use(meeting.occurrence_at), use(created), use(updated), into(id);
  return id;
}

void set_approved_at_meeting(soci::session& sql, long long id,
                             std::optional<long long> approving_meeting_id) {
  Nullable<long long> approving(approving_meeting_id);
  sql << "UPDATE meetings SET approved_at_meeting_id = :a, row_version = row_version + 1 "
         "WHERE id = :id",
      use(approving.value, approving.indicator), use(id);
}

void set_invited(soci::session& sql, long long id, int sequence, const std::string& at) {
  sql << "UPDATE meetings SET invited_sequence = :s, invited_at = :at WHERE id = :id",
      use(sequence), use(at), use(id);
}

void add_approval(soci::session& sql, long long meeting_id, const Approval& approval) {
  long long existing = 0;
  sql << "SELECT COUNT(*) FROM meeting_approvals WHERE meeting_id = :m AND user_id = :u",
      use(meeting_id), use(approval.user_id), into(existing);
  if (existing > 0) return;  // approved once is approved: the first time stands
  sql << "INSERT INTO meeting_approvals (meeting_id, user_id, approved_at) VALUES (:m, :u, :at)",
      use(meeting_id), use(approval.user_id), use(approval.approved_at);
}

std::vector<Approval> approvals(soci::session& sql, long long meeting_id) {
  std::vector<Approval> out;
  Approval approval;
  soci::statement st = (sql.prepare << "SELECT user_id, approved_at FROM meeting_approvals "
                                       "WHERE meeting_id = :m ORDER BY approved_at, id",
                        into(approval.user_id), into(approval.approved_at), use(meeting_id));
  st.execute();
  while (st.fetch()) out.push_back(approval);
  return out;
}

void insert_invitation(soci::session& sql, long long meeting_id, const Invitation& invitation) {
  Nullable<long long> user(invitation.user_id);
  sql << "INSERT INTO meeting_invitations (meeting_id, user_id, recipient, method, sequence, "
         "queued_at, mail_message_id) VALUES (:m, :u, :r, :method, :s, :q, :mm)",
      use(meeting_id), use(user.value, user.indicator), use(invitation.recipient),
      use(invitation.method), use(invitation.sequence), use(invitation.queued_at),
      use(invitation.mail_message_id);
}

std::vector<Invitation> invitations(soci::session& sql, long long meeting_id) {
  std::vector<Invitation> out;
  Invitation invitation;
  Nullable<long long> user;
  soci::statement st =
      (sql.prepare << "SELECT user_id, recipient, method, sequence, queued_at, mail_message_id "
                      "FROM meeting_invitations WHERE meeting_id = :m ORDER BY id DESC",
       into(user.value, user.indicator), into(invitation.recipient), into(invitation.method),
       into(invitation.sequence), into(invitation.queued_at), into(invitation.mail_message_id),
       use(meeting_id));
  st.execute();
  while (st.fetch()) {
    invitation.user_id = user.get();
    out.push_back(invitation);
  }
  return out;
}

void insert_figure(soci::session& sql, long long item_id, int position, const Figure& figure) {
  sql << "INSERT INTO meeting_item_figures (item_id, position, svg, caption, alt) "
         "VALUES (:i, :p, :s, :c, :a)",
      use(item_id), use(position), use(figure.svg), use(figure.caption), use(figure.alt);
}

std::optional<Figure> find_figure(soci::session& sql, long long meeting_id, long long id) {
  Figure figure;
  sql << "SELECT f.id, f.svg, f.caption, f.alt FROM meeting_item_figures f "
         "JOIN meeting_items i ON i.id = f.item_id WHERE f.id = :id AND i.meeting_id = :m",
      use(id), use(meeting_id), into(figure.id), into(figure.svg), into(figure.caption),
      into(figure.alt);
  if (!sql.got_data()) return std::nullopt;
  return figure;
}

void set_series(soci::session& sql, long long id, long long series_id) {
  sql << "UPDATE meetings SET series_id = :s WHERE id = :id", use(series_id), use(id);
}

bool update_meeting(soci::session& sql, const Meeting& meeting) {
  Nullable<long long> group(meeting.group_id);
  const auto now = now_iso_utc();
  soci::statement st =
      (sql.prepare << "UPDATE meetings SET group_id = :g, title = :t, starts_at = :st, "
                      "ends_at = :en, place = :p, video_url = :v, status = :status, "
                      "sequence = :seq, updated_at = :ua, row_version = row_version + 1 "
                      "WHERE id = :id AND workspace_id = :w AND row_version = :rv",
       use(group.value, group.indicator), use(meeting.title), use(meeting.starts_at),
       use(meeting.ends_at), use(meeting.place), use(meeting.video_url), use(meeting.status),
       use(meeting.sequence), use(now), use(meeting.id), use(meeting.workspace_id),
       use(meeting.row_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<Meeting> find_meeting(soci::session& sql, long long workspace_id, long long id) {
  auto found = select_meetings(sql, "WHERE workspace_id = :w AND id = :id", workspace_id, id);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<Meeting> meetings(soci::session& sql, long long workspace_id) {
  return select_meetings(sql, "WHERE workspace_id = :w AND :id = 0 ORDER BY starts_at, id",
                         workspace_id, 0);
}

void delete_meeting(soci::session& sql, long long workspace_id, long long id) {
  // SQLite enforces the cascade only where foreign keys are switched on: say it outright.
  const std::string of_meeting = "(SELECT id FROM meetings WHERE id = :id AND workspace_id = :w)";
  for (const char* table : {"meeting_decisions", "meeting_actions", "meeting_items"}) {
    sql << std::string("DELETE FROM ") + table + " WHERE meeting_id IN " + of_meeting, use(id),
        use(workspace_id);
  }
  sql << "UPDATE meeting_themes SET meeting_id = NULL WHERE meeting_id = :id AND workspace_id = :w",
      use(id), use(workspace_id);
  sql << "DELETE FROM meetings WHERE id = :id AND workspace_id = :w", use(id), use(workspace_id);
}

long long insert_item(soci::session& sql, const Item& item) {
  const auto created = or_now(item.created_at);
  const auto updated = item.updated_at.empty() ? created : item.updated_at;
  long long id = 0;
  Nullable<long long> theme(item.theme_id);
  sql << "INSERT INTO meeting_items (meeting_id, position, title, description, minutes, "
         "theme_id, created_at, updated_at) VALUES (:m, :p, :t, :d, :mi, :th, :ca, :ua) "
         "RETURNING id",
      use(item.meeting_id), use(item.position), use(item.title), use(item.description),
      use(item.minutes), use(theme.value, theme.indicator), use(created), use(updated), into(id);
  int position = 0;
  for (const auto& figure : item.figures) insert_figure(sql, id, position++, figure);
  return id;
}

bool update_item(soci::session& sql, const Item& item) {
  const auto now = now_iso_utc();
  soci::statement st =
      (sql.prepare << "UPDATE meeting_items SET title = :t, description = :d, minutes = :mi, "
                      "updated_at = :ua, row_version = row_version + 1 "
                      "WHERE id = :id AND meeting_id = :m AND row_version = :rv",
       use(item.title), use(item.description), use(item.minutes), use(now), use(item.id),
       use(item.meeting_id), use(item.row_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void set_position(soci::session& sql, long long meeting_id, long long item_id, int position) {
  sql << "UPDATE meeting_items SET position = :p WHERE id = :id AND meeting_id = :m", use(position),
      use(item_id), use(meeting_id);
}

std::vector<Item> items(soci::session& sql, long long meeting_id) {
  std::vector<Item> out;
  Item item;
  Nullable<long long> theme;
  soci::statement st =
      (sql.prepare << "SELECT id, meeting_id, position, title, description, minutes, theme_id, "
                      "created_at, updated_at, row_version FROM meeting_items "
                      "WHERE meeting_id = :m ORDER BY position, id",
       into(item.id), into(item.meeting_id), into(item.position), into(item.title),
       into(item.description), into(item.minutes), into(theme.value, theme.indicator),
       into(item.created_at), into(item.updated_at), into(item.row_version), use(meeting_id));
  st.execute();
  while (st.fetch()) {
    item.theme_id = theme.get();
    out.push_back(item);
  }
  add_figures(sql, meeting_id, out);
  return out;
}

void delete_item(soci::session& sql, long long meeting_id, long long id) {
  sql << "DELETE FROM meeting_decisions WHERE item_id = :id AND meeting_id = :m", use(id),
      use(meeting_id);
  sql << "UPDATE meeting_actions SET item_id = NULL WHERE item_id = :id AND meeting_id = :m",
      use(id), use(meeting_id);
  sql << "DELETE FROM meeting_items WHERE id = :id AND meeting_id = :m", use(id), use(meeting_id);
}

long long insert_decision(soci::session& sql, const Decision& decision) {
  const int published = decision.published ? 1 : 0;
  const auto created = or_now(decision.created_at);
  long long id = 0;
  sql << "INSERT INTO meeting_decisions (meeting_id, item_id, number, text, published, "
         "created_at) VALUES (:m, :i, :n, :t, :p, :ca) RETURNING id",
      use(decision.meeting_id), use(decision.item_id), use(decision.number), use(decision.text),
      use(published), use(created), into(id);
  return id;
}

std::vector<Decision> decisions(soci::session& sql, long long meeting_id) {
  std::vector<Decision> out;
  Decision decision;
  int published = 0;
  soci::statement st =
      (sql.prepare << "SELECT id, meeting_id, item_id, number, text, published, created_at "
                      "FROM meeting_decisions WHERE meeting_id = :m ORDER BY number",
       into(decision.id), into(decision.meeting_id), into(decision.item_id), into(decision.number),
       into(decision.text), into(published), into(decision.created_at), use(meeting_id));
  st.execute();
  while (st.fetch()) {
    decision.published = published != 0;
    out.push_back(decision);
  }
  return out;
}

void delete_decision(soci::session& sql, long long meeting_id, long long id) {
  sql << "DELETE FROM meeting_decisions WHERE id = :id AND meeting_id = :m", use(id),
      use(meeting_id);
}

std::vector<FoundDecision> workspace_decisions(soci::session& sql, long long workspace_id,
                                               bool published_only) {
  std::vector<FoundDecision> out;
  FoundDecision found;
  auto& decision = found.decision;
  int published = 0;
  Nullable<long long> group;
  const int only = published_only ? 1 : 0;
  soci::statement st =
      (sql.prepare << "SELECT d.id, d.meeting_id, d.item_id, d.number, d.text, d.published, "
                      "d.created_at, m.title, m.starts_at, i.title, m.group_id "
                      "FROM meeting_decisions d JOIN meetings m ON m.id = d.meeting_id "
                      "JOIN meeting_items i ON i.id = d.item_id "
                      "WHERE m.workspace_id = :w AND (:only = 0 OR d.published = 1) "
                      "ORDER BY m.starts_at DESC, d.number",
       into(decision.id), into(decision.meeting_id), into(decision.item_id), into(decision.number),
       into(decision.text), into(published), into(decision.created_at), into(found.meeting_title),
       into(found.meeting_starts_at), into(found.item_title), into(group.value, group.indicator),
       use(workspace_id), use(only));
  st.execute();
  while (st.fetch()) {
    decision.published = published != 0;
    found.group_id = group.get();
    out.push_back(found);
  }
  return out;
}

namespace {

struct ActionRow {
  Action action;
  Nullable<long long> item;
  void bind(soci::statement& st) {
    st.exchange(into(action.id));
    st.exchange(into(action.meeting_id));
    st.exchange(into(item.value, item.indicator));
    st.exchange(into(action.title));
    st.exchange(into(action.owner_user_id));
    st.exchange(into(action.due_on));
    st.exchange(into(action.status));
    st.exchange(into(action.done_on));
    st.exchange(into(action.created_at));
    st.exchange(into(action.updated_at));
  }
  Action get() const {
    Action out = action;
    out.item_id = item.get();
    return out;
  }
};

constexpr const char* kActionColumns =
    "SELECT a.id, a.meeting_id, a.item_id, a.title, a.owner_user_id, a.due_on, a.status, "
    "a.done_on, a.created_at, a.updated_at";

}  // namespace

long long insert_action(soci::session& sql, const Action& action) {
  Nullable<long long> item(action.item_id);
  const auto created = or_now(action.created_at);
  const auto updated = action.updated_at.empty() ? created : action.updated_at;
  long long id = 0;
  sql << "INSERT INTO meeting_actions (meeting_id, item_id, title, owner_user_id, due_on, status, "
         "done_on, created_at, updated_at) VALUES (:m, :i, :t, :o, :d, :s, :dn, :ca, :ua) "
         "RETURNING id",
      use(action.meeting_id), use(item.value, item.indicator), use(action.title),
      use(action.owner_user_id), use(action.due_on), use(action.status), use(action.done_on),
      use(created), use(updated), into(id);
  return id;
}

std::vector<Action> actions(soci::session& sql, long long meeting_id) {
  std::vector<Action> out;
  ActionRow row;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(use(meeting_id));
  db::prepare_and_run(st, std::string(kActionColumns) +
                              " FROM meeting_actions a WHERE a.meeting_id = :m "
                              "ORDER BY a.due_on, a.id");
  while (st.fetch()) out.push_back(row.get());
  return out;
}

std::optional<Action> find_action(soci::session& sql, long long workspace_id, long long id) {
  ActionRow row;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(use(id));
  st.exchange(use(workspace_id));
  db::prepare_and_run(st, std::string(kActionColumns) +
                              " FROM meeting_actions a JOIN meetings m ON m.id = a.meeting_id "
                              "WHERE a.id = :id AND m.workspace_id = :w");
  if (!st.fetch()) return std::nullopt;
  return row.get();
}

void set_action_status(soci::session& sql, long long id, const std::string& status,
                       const std::string& done_on) {
  const auto now = now_iso_utc();
  sql << "UPDATE meeting_actions SET status = :s, done_on = :d, updated_at = :u WHERE id = :id",
      use(status), use(done_on), use(now), use(id);
}

void delete_action(soci::session& sql, long long meeting_id, long long id) {
  sql << "DELETE FROM meeting_actions WHERE id = :id AND meeting_id = :m", use(id), use(meeting_id);
}

namespace {

// The workspace's action items that `condition` (more of the WHERE clause, its placeholders bound
// to `values` in order) picks, by due day, each with its meeting's title.
template <class... Values>
std::vector<OwnedAction> owned_actions(soci::session& sql, long long workspace_id,
                                       const std::string& condition, const Values&... values) {
  std::vector<OwnedAction> out;
  ActionRow row;
  std::string title;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(into(title));
  st.exchange(use(workspace_id));
  (st.exchange(use(values)), ...);
  db::prepare_and_run(st, std::string(kActionColumns) +
                              ", m.title FROM meeting_actions a JOIN meetings m "
                              "ON m.id = a.meeting_id WHERE m.workspace_id = :w AND " +
                              condition + " ORDER BY a.due_on, a.id");
  while (st.fetch()) out.push_back({row.get(), title});
  return out;
}

}  // namespace

std::vector<OwnedAction> open_actions_of(soci::session& sql, long long workspace_id,
                                         long long user_id) {
  return owned_actions(sql, workspace_id, "a.owner_user_id = :u AND a.status = 'open'", user_id);
}

std::vector<OwnedAction> open_actions_of_body(soci::session& sql, long long workspace_id,
                                              long long group_id, const std::string& before) {
  return owned_actions(sql, workspace_id,
                       "m.group_id = :g AND m.starts_at < :b AND a.status = 'open'", group_id,
                       before);
}

std::vector<OwnedAction> actions_due_between(soci::session& sql, long long workspace_id,
                                             const std::string& first_day,
                                             const std::string& last_day) {
  return owned_actions(sql, workspace_id, "a.due_on >= :f AND a.due_on <= :l", first_day, last_day);
}

std::string previous_meeting_start(soci::session& sql, long long workspace_id, long long group_id,
                                   const std::string& before) {
  std::string start;
  soci::indicator found = soci::i_null;
  sql << "SELECT MAX(starts_at) FROM meetings WHERE workspace_id = :w AND group_id = :g "
         "AND starts_at < :b AND status <> 'cancelled'",
      use(workspace_id), use(group_id), use(before), into(start, found);
  return found == soci::i_ok ? start : std::string();
}

long long workspace_version(soci::session& sql, long long workspace_id) {
  long long version = 0;
  sql << "SELECT data_version FROM workspaces WHERE id = :w", use(workspace_id), into(version);
  return version;
}

void replace_calendar_token(soci::session& sql, long long workspace_id, long long user_id,
                            const std::string& token_hash, const std::string& now) {
  delete_calendar_token(sql, workspace_id, user_id);
  sql << "INSERT INTO calendar_tokens (workspace_id, user_id, token_hash, created_at) "
         "VALUES (:w, :u, :h, :c)",
      use(workspace_id), use(user_id), use(token_hash), use(now);
}

void delete_calendar_token(soci::session& sql, long long workspace_id, long long user_id) {
  sql << "DELETE FROM calendar_tokens WHERE workspace_id = :w AND user_id = :u", use(workspace_id),
      use(user_id);
}

bool has_calendar_token(soci::session& sql, long long workspace_id, long long user_id) {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM calendar_tokens WHERE workspace_id = :w AND user_id = :u",
      use(workspace_id), use(user_id), into(count);
  return count > 0;
}

std::optional<TokenOwner> calendar_token_owner(soci::session& sql, const std::string& token_hash) {
  TokenOwner owner;
  sql << "SELECT workspace_id, user_id FROM calendar_tokens WHERE token_hash = :h", use(token_hash),
      into(owner.workspace_id), into(owner.user_id);
  if (!sql.got_data()) return std::nullopt;
  return owner;
}

}  // namespace samtryg::meetings::store
