#include "features/walks/store.hpp"

#include <fmt/format.h>

#include "core/db/database.hpp"
#include "core/db/nullable.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"

namespace samtryg::walks::store {

using db::Nullable;
using soci::into;
using soci::use;

namespace {

constexpr const char* kWalkColumns =
    "SELECT id, workspace_id, initiative_id, indicator_id, area, year, season, walk_date, "
    "start_time, meeting_point, route, route_line, area_outline, organisers, recruitment, "
    "invitation, status, "
    "follow_up_date, counted, residents, workers, municipality, police, property_owners, "
    "others, created_at, updated_at, row_version FROM walks ";

std::string join_codes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& code : codes) {
    if (!out.empty()) out += ',';
    out += code;
  }
  return out;
}

std::vector<std::string> split_codes(const std::string& text) {
  std::vector<std::string> out;
  for (const auto part : split(text, ',')) {
    if (!part.empty()) out.emplace_back(part);
  }
  return out;
}

// The walk's columns bound in both directions: into() for reads, use() for writes.
struct WalkRow {
  Walk walk;
  Nullable<long long> initiative;
  Nullable<long long> indicator;
  std::string recruitment;
  std::string route_line;
  std::string area_outline;
  int counted = 0;
  Counts counts;

  WalkRow() = default;
  explicit WalkRow(const Walk& from)
      : walk(from),
        initiative(from.initiative_id),
        indicator(from.indicator_id),
        recruitment(join_codes(from.recruitment)),
        route_line(positions_text(from.route_line)),
        area_outline(positions_text(from.area_outline)),
        counted(from.counts ? 1 : 0),
        counts(from.counts.value_or(Counts{})) {}

  void bind_into(soci::statement& st) {
    st.exchange(into(walk.id));
    st.exchange(into(walk.workspace_id));
    st.exchange(into(initiative.value, initiative.indicator));
    st.exchange(into(indicator.value, indicator.indicator));
    st.exchange(into(walk.area));
    st.exchange(into(walk.year));
    st.exchange(into(walk.season));
    st.exchange(into(walk.walk_date));
    st.exchange(into(walk.start_time));
    st.exchange(into(walk.meeting_point));
    st.exchange(into(walk.route));
    st.exchange(into(route_line));
    st.exchange(into(area_outline));
    st.exchange(into(walk.organisers));
    st.exchange(into(recruitment));
    st.exchange(into(walk.invitation));
    st.exchange(into(walk.status));
    st.exchange(into(walk.follow_up_date));
    st.exchange(into(counted));
    st.exchange(into(counts.residents));
    st.exchange(into(counts.workers));
    st.exchange(into(counts.municipality));
    st.exchange(into(counts.police));
    st.exchange(into(counts.property_owners));
    st.exchange(into(counts.others));
    st.exchange(into(walk.created_at));
    st.exchange(into(walk.updated_at));
    st.exchange(into(walk.row_version));
  }
  // The columns every write sets, in the order of kWriteColumns.
  void bind_use(soci::statement& st) {
    st.exchange(use(initiative.value, initiative.indicator));
    st.exchange(use(indicator.value, indicator.indicator));
    st.exchange(use(walk.area));
    st.exchange(use(walk.year));
    st.exchange(use(walk.season));
    st.exchange(use(walk.walk_date));
    st.exchange(use(walk.start_time));
    st.exchange(use(walk.meeting_point));
    st.exchange(use(walk.route));
    st.exchange(use(route_line));
    st.exchange(use(area_outline));
    st.exchange(use(walk.organisers));
    st.exchange(use(recruitment));
    st.exchange(use(walk.invitation));
    st.exchange(use(walk.status));
    st.exchange(use(walk.follow_up_date));
    st.exchange(use(counted));
    // SOCI's use()/into() keep a reference to their name argument, so each is made where it
    // is handed over, never returned from a helper.
    st.exchange(use(counts.residents));
    st.exchange(use(counts.workers));
    st.exchange(use(counts.municipality));
    st.exchange(use(counts.police));
    st.exchange(use(counts.property_owners));
    st.exchange(use(counts.others));
  }
  Walk get() const {
    Walk out = walk;
    out.initiative_id = initiative.get();
    out.indicator_id = indicator.get();
    out.recruitment = split_codes(recruitment);
    out.route_line = parse_positions(route_line).positions;
    out.area_outline = parse_positions(area_outline).positions;
    if (counted != 0) out.counts = counts;
    return out;
  }
};

constexpr const char* kFindingColumns =
    "SELECT id, walk_id, number, place, latitude, longitude, category, description, severity, "
    "public, follow_up, follow_up_note, client_key, created_at, updated_at, row_version "
    "FROM walk_findings ";

struct FindingRow {
  Finding finding;
  Nullable<double> latitude;
  Nullable<double> longitude;
  int is_public = 0;

  void bind(soci::statement& st) {
    st.exchange(into(finding.id));
    st.exchange(into(finding.walk_id));
    st.exchange(into(finding.number));
    st.exchange(into(finding.place));
    st.exchange(into(latitude.value, latitude.indicator));
    st.exchange(into(longitude.value, longitude.indicator));
    st.exchange(into(finding.category));
    st.exchange(into(finding.description));
    st.exchange(into(finding.severity));
    st.exchange(into(is_public));
    st.exchange(into(finding.follow_up));
    st.exchange(into(finding.follow_up_note));
    st.exchange(into(finding.client_key));
    st.exchange(into(finding.created_at));
    st.exchange(into(finding.updated_at));
    st.exchange(into(finding.row_version));
  }
  Finding get() const {
    Finding out = finding;
    out.latitude = latitude.get();
    out.longitude = longitude.get();
    out.is_public = is_public != 0;
    return out;
  }
};

constexpr const char* kActionColumns =
    "SELECT a.id, a.finding_id, a.description, a.responsible_party, a.owner_user_id, "
    "a.due_date, a.status, a.status_note, a.created_at, a.updated_at, a.row_version ";

struct ActionRow {
  Action action;
  Nullable<long long> owner;

  void bind(soci::statement& st) {
    st.exchange(into(action.id));
    st.exchange(into(action.finding_id));
    st.exchange(into(action.description));
    st.exchange(into(action.responsible_party));
    st.exchange(into(owner.value, owner.indicator));
    st.exchange(into(action.due_date));
    st.exchange(into(action.status));
    st.exchange(into(action.status_note));
    st.exchange(into(action.created_at));
    st.exchange(into(action.updated_at));
    st.exchange(into(action.row_version));
  }
  Action get() const {
    Action out = action;
    out.owner_user_id = owner.get();
    return out;
  }
};

using db::prepare_and_run;

// Runs a statement that returns no rows; prepare_and_run leaves that to the first fetch.
void run_write(soci::statement& st, const std::string& query) {
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  st.execute(true);
}

}  // namespace

long long insert_walk(soci::session& sql, const Walk& walk) {
  WalkRow row(walk);
  // Import keeps the times it brings; everything else is created now.
  const std::string created = walk.created_at.empty() ? now_iso_utc() : walk.created_at;
  const std::string updated = walk.updated_at.empty() ? created : walk.updated_at;
  long long id = 0;
  soci::statement st(sql);
  st.exchange(use(row.walk.workspace_id));
  row.bind_use(st);
  st.exchange(use(created));
  st.exchange(use(updated));
  st.exchange(into(id));
  prepare_and_run(st,
                  "INSERT INTO walks (workspace_id, initiative_id, indicator_id, area, year, "
                  "season, walk_date, start_time, meeting_point, route, route_line, area_outline, "
                  "organisers, recruitment, invitation, status, follow_up_date, counted, "
                  "residents, workers, municipality, police, property_owners, others, "
                  "created_at, updated_at) VALUES (:w, :ini, :ind, :a, :y, :s, :d, :t, :mp, :r, "
                  ":rl, :ao, :o, :rc, :inv, :st, "
                  ":fu, :c, :c1, :c2, :c3, :c4, :c5, :c6, :ca, :ua) RETURNING id");
  st.fetch();
  return id;
}

bool update_walk(soci::session& sql, const Walk& walk) {
  WalkRow row(walk);
  const std::string now = now_iso_utc();
  soci::statement st(sql);
  row.bind_use(st);
  st.exchange(use(now));
  st.exchange(use(row.walk.id));
  st.exchange(use(row.walk.workspace_id));
  st.exchange(use(row.walk.row_version));
  run_write(st,
            "UPDATE walks SET initiative_id = :ini, indicator_id = :ind, area = :a, "
            "year = :y, season = :s, walk_date = :d, start_time = :t, meeting_point = :mp, "
            "route = :r, route_line = :rl, area_outline = :ao, organisers = :o, "
            "recruitment = :rc, invitation = :inv, "
            "status = :st, follow_up_date = :fu, counted = :c, residents = :c1, "
            "workers = :c2, municipality = :c3, police = :c4, property_owners = :c5, "
            "others = :c6, updated_at = :ua, row_version = row_version + 1 "
            "WHERE id = :id AND workspace_id = :w AND row_version = :rv");
  return st.get_affected_rows() == 1;
}

std::optional<Walk> find_walk(soci::session& sql, long long workspace_id, long long id) {
  WalkRow row;
  soci::statement st(sql);
  row.bind_into(st);
  st.exchange(use(id));
  st.exchange(use(workspace_id));
  prepare_and_run(st, std::string(kWalkColumns) + "WHERE id = :id AND workspace_id = :w");
  if (!st.fetch()) return std::nullopt;
  return row.get();
}

std::vector<Walk> walks(soci::session& sql, long long workspace_id) {
  std::vector<Walk> out;
  WalkRow row;
  soci::statement st(sql);
  row.bind_into(st);
  st.exchange(use(workspace_id));
  prepare_and_run(st, std::string(kWalkColumns) +
                          "WHERE workspace_id = :w ORDER BY year DESC, walk_date DESC, id DESC");
  while (st.fetch()) out.push_back(row.get());
  return out;
}

void replace_groups(soci::session& sql, long long walk_id, const std::vector<Group>& groups) {
  sql << "DELETE FROM walk_groups WHERE walk_id = :w", use(walk_id);
  int position = 0;
  for (const auto& group : groups) {
    ++position;
    sql << "INSERT INTO walk_groups (walk_id, position, name, guide, route) "
           "VALUES (:w, :p, :n, :g, :r)",
        use(walk_id), use(position), use(group.name), use(group.guide), use(group.route);
  }
}

std::vector<Group> groups(soci::session& sql, long long walk_id) {
  std::vector<Group> out;
  Group group;
  soci::statement st = (sql.prepare << "SELECT id, walk_id, name, guide, route FROM walk_groups "
                                       "WHERE walk_id = :w ORDER BY position",
                        into(group.id), into(group.walk_id), into(group.name), into(group.guide),
                        into(group.route), use(walk_id));
  st.execute();
  while (st.fetch()) out.push_back(group);
  return out;
}

long long insert_finding(soci::session& sql, const Finding& finding) {
  Nullable<double> latitude(finding.latitude);
  Nullable<double> longitude(finding.longitude);
  const int is_public = finding.is_public ? 1 : 0;
  const std::string created = finding.created_at.empty() ? now_iso_utc() : finding.created_at;
  const std::string updated = finding.updated_at.empty() ? created : finding.updated_at;
  long long id = 0;
  sql << "INSERT INTO walk_findings (walk_id, number, place, latitude, longitude, category, "
         "description, severity, public, follow_up, follow_up_note, client_key, created_at, "
         "updated_at) VALUES (:w, :n, :p, :la, :lo, :c, :d, :s, :pub, :fu, :fn, :k, :ca, :ua) "
         "RETURNING id",
      use(finding.walk_id), use(finding.number), use(finding.place),
      use(latitude.value, latitude.indicator), use(longitude.value, longitude.indicator),
      use(finding.category), use(finding.description), use(finding.severity), use(is_public),
      use(finding.follow_up), use(finding.follow_up_note), use(finding.client_key), use(created),
      use(updated), into(id);
  return id;
}

bool update_finding(soci::session& sql, const Finding& finding) {
  Nullable<double> latitude(finding.latitude);
  Nullable<double> longitude(finding.longitude);
  const int is_public = finding.is_public ? 1 : 0;
  const std::string now = now_iso_utc();
  soci::statement st =
      (sql.prepare << "UPDATE walk_findings SET place = :p, latitude = :la, longitude = :lo, "
                      "category = :c, description = :d, severity = :s, public = :pub, "
                      "follow_up = :fu, follow_up_note = :fn, updated_at = :ua, "
                      "row_version = row_version + 1 "
                      "WHERE id = :id AND walk_id = :w AND row_version = :rv",
       use(finding.place), use(latitude.value, latitude.indicator),
       use(longitude.value, longitude.indicator), use(finding.category), use(finding.description),
       use(finding.severity), use(is_public), use(finding.follow_up), use(finding.follow_up_note),
       use(now), use(finding.id), use(finding.walk_id), use(finding.row_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<Finding> find_finding(soci::session& sql, long long walk_id, long long id) {
  FindingRow row;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(use(id));
  st.exchange(use(walk_id));
  prepare_and_run(st, std::string(kFindingColumns) + "WHERE id = :id AND walk_id = :w");
  if (!st.fetch()) return std::nullopt;
  return row.get();
}

std::optional<Finding> find_finding_by_client_key(soci::session& sql, long long walk_id,
                                                  const std::string& client_key) {
  FindingRow row;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(use(walk_id));
  st.exchange(use(client_key));
  prepare_and_run(st, std::string(kFindingColumns) + "WHERE walk_id = :w AND client_key = :k");
  if (!st.fetch()) return std::nullopt;
  return row.get();
}

std::vector<Finding> findings(soci::session& sql, long long walk_id) {
  std::vector<Finding> out;
  FindingRow row;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(use(walk_id));
  prepare_and_run(st, std::string(kFindingColumns) + "WHERE walk_id = :w ORDER BY number");
  while (st.fetch()) out.push_back(row.get());
  return out;
}

int highest_number(soci::session& sql, long long walk_id) {
  int highest = 0;
  sql << "SELECT COALESCE(MAX(number), 0) FROM walk_findings WHERE walk_id = :w", use(walk_id),
      into(highest);
  return highest;
}

long long insert_action(soci::session& sql, const Action& action) {
  Nullable<long long> owner(action.owner_user_id);
  const std::string created = action.created_at.empty() ? now_iso_utc() : action.created_at;
  const std::string updated = action.updated_at.empty() ? created : action.updated_at;
  long long id = 0;
  sql << "INSERT INTO walk_actions (finding_id, description, responsible_party, owner_user_id, "
         "due_date, status, status_note, created_at, updated_at) "
         "VALUES (:f, :d, :r, :o, :due, :s, :sn, :ca, :ua) RETURNING id",
      use(action.finding_id), use(action.description), use(action.responsible_party),
      use(owner.value, owner.indicator), use(action.due_date), use(action.status),
      use(action.status_note), use(created), use(updated), into(id);
  return id;
}

bool update_action(soci::session& sql, const Action& action) {
  Nullable<long long> owner(action.owner_user_id);
  const std::string now = now_iso_utc();
  soci::statement st =
      (sql.prepare << "UPDATE walk_actions SET description = :d, responsible_party = :r, "
                      "owner_user_id = :o, due_date = :due, status = :s, status_note = :sn, "
                      "updated_at = :ua, row_version = row_version + 1 "
                      "WHERE id = :id AND row_version = :rv",
       use(action.description), use(action.responsible_party), use(owner.value, owner.indicator),
       use(action.due_date), use(action.status), use(action.status_note), use(now), use(action.id),
       use(action.row_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<ActionOfWalk> find_action(soci::session& sql, long long workspace_id, long long id) {
  ActionRow row;
  long long walk_id = 0;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(into(walk_id));
  st.exchange(use(id));
  st.exchange(use(workspace_id));
  prepare_and_run(st, std::string(kActionColumns) +
                          ", w.id FROM walk_actions a JOIN walk_findings f ON f.id = a.finding_id "
                          "JOIN walks w ON w.id = f.walk_id WHERE a.id = :id AND "
                          "w.workspace_id = :w");
  if (!st.fetch()) return std::nullopt;
  return ActionOfWalk{row.get(), walk_id};
}

std::vector<Action> actions(soci::session& sql, long long walk_id) {
  std::vector<Action> out;
  ActionRow row;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(use(walk_id));
  prepare_and_run(st, std::string(kActionColumns) +
                          "FROM walk_actions a JOIN walk_findings f ON f.id = a.finding_id "
                          "WHERE f.walk_id = :w ORDER BY f.number, a.id");
  while (st.fetch()) out.push_back(row.get());
  return out;
}

namespace {

// The workspace's open actions that `condition` (on a, the action) selects, `value` bound to its
// one placeholder. Undated actions last; the due dates are ISO days, so text order is date order.
template <class Value>
std::vector<OwnedAction> open_actions_where(soci::session& sql, long long workspace_id,
                                            std::string_view condition, const Value& value) {
  std::vector<OwnedAction> out;
  ActionRow row;
  OwnedAction owned;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(into(owned.walk_id));
  st.exchange(into(owned.finding_number));
  st.exchange(into(owned.area));
  st.exchange(into(owned.year));
  st.exchange(into(owned.season));
  st.exchange(use(workspace_id));
  st.exchange(use(value));
  prepare_and_run(st, fmt::format("{}, w.id, f.number, w.area, w.year, w.season FROM walk_actions "
                                  "a JOIN walk_findings f ON f.id = a.finding_id JOIN walks w ON "
                                  "w.id = f.walk_id WHERE w.workspace_id = :w AND {} AND "
                                  "a.status IN ('open', 'in_progress') ORDER BY CASE WHEN "
                                  "a.due_date = '' THEN 1 ELSE 0 END, a.due_date, a.id",
                                  kActionColumns, condition));
  while (st.fetch()) {
    owned.action = row.get();
    out.push_back(owned);
  }
  return out;
}

}  // namespace

std::vector<OwnedAction> open_actions_of(soci::session& sql, long long workspace_id,
                                         long long user_id) {
  return open_actions_where(sql, workspace_id, "a.owner_user_id = :u", user_id);
}

std::vector<OwnedAction> overdue_actions(soci::session& sql, long long workspace_id,
                                         const std::string& today) {
  return open_actions_where(sql, workspace_id, "a.due_date <> '' AND a.due_date < :d", today);
}

std::vector<ReminderCandidate> reminder_candidates(soci::session& sql) {
  std::vector<ReminderCandidate> out;
  ActionRow row;
  ReminderCandidate candidate;
  int before_due = 0;
  int overdue = 0;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(into(candidate.owned.walk_id));
  st.exchange(into(candidate.owned.finding_number));
  st.exchange(into(candidate.owned.area));
  st.exchange(into(candidate.owned.year));
  st.exchange(into(candidate.owned.season));
  st.exchange(into(candidate.owner_name));
  st.exchange(into(candidate.owner_email));
  st.exchange(into(candidate.owner_language));
  st.exchange(into(candidate.workspace_name));
  st.exchange(into(before_due));
  st.exchange(into(overdue));
  prepare_and_run(
      st, std::string(kActionColumns) +
              ", w.id, f.number, w.area, w.year, w.season, u.name, u.email, u.language, ws.name, "
              "(SELECT COUNT(*) FROM walk_action_reminders r WHERE r.action_id = a.id AND "
              "r.kind = 'before_due'), "
              "(SELECT COUNT(*) FROM walk_action_reminders r WHERE r.action_id = a.id AND "
              "r.kind = 'overdue') "
              "FROM walk_actions a JOIN walk_findings f ON f.id = a.finding_id "
              "JOIN walks w ON w.id = f.walk_id JOIN workspaces ws ON ws.id = w.workspace_id "
              "JOIN users u ON u.id = a.owner_user_id "
              "WHERE a.status IN ('open', 'in_progress') AND a.due_date <> '' ORDER BY a.id");
  while (st.fetch()) {
    candidate.owned.action = row.get();
    candidate.sent = {.before_due = before_due > 0, .overdue = overdue > 0};
    out.push_back(candidate);
  }
  return out;
}

bool claim_reminder(soci::session& sql, long long action_id, const std::string& kind,
                    const std::string& recipient) {
  const auto now = now_iso_utc();
  soci::statement st =
      (sql.prepare << "INSERT INTO walk_action_reminders (action_id, kind, recipient, sent_at) "
                      "VALUES (:a, :k, :r, :s) ON CONFLICT (action_id, kind) DO NOTHING",
       use(action_id), use(kind), use(recipient), use(now));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void release_reminder(soci::session& sql, long long action_id, const std::string& kind) {
  sql << "DELETE FROM walk_action_reminders WHERE action_id = :a AND kind = :k", use(action_id),
      use(kind);
}

}  // namespace samtryg::walks::store
