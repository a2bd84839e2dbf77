#include "features/strategy/store.hpp"

#include <algorithm>
#include <array>

#include "core/db/nullable.hpp"
#include "core/util/crypto.hpp"
#include "core/util/strings.hpp"

namespace samtryg::strategy::store {

using db::Nullable;
using soci::into;
using soci::use;

namespace {

// Runs a prepared statement whose bindings were added with exchange(); returns it ready to
// fetch().
using db::prepare_and_run;

// One record by id within a workspace: `query` ends with "WHERE <id> = :id AND <ws> = :w".
template <class Binding>
auto find_by_id(soci::session& sql, const std::string& query, long long id, long long workspace_id)
    -> std::optional<decltype(std::declval<Binding>().get())> {
  Binding row;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(use(id));
  st.exchange(use(workspace_id));
  prepare_and_run(st, query);
  if (!st.fetch()) return std::nullopt;
  return row.get();
}

// How many rows a list filter matches: `where` is the list's FROM … WHERE text, whose
// placeholders the filter's binding fills.
template <class FilterBinding, class Filter>
int count_where(soci::session& sql, const Filter& filter, const char* where) {
  int count = 0;
  soci::statement st(sql);
  st.exchange(into(count));
  FilterBinding binding(filter);
  binding.bind(st);
  prepare_and_run(st, std::string("SELECT COUNT(*)") + where);
  st.fetch();
  return count;
}

// ---- plans ----

constexpr const char* kPlanColumns =
    "SELECT id, workspace_id, kind, name, version, previous_version_id, parent_plan_id, "
    "period_start, period_end, adopted_on, summary, published, created_at, updated_at, "
    "row_version FROM plans ";

struct PlanRow {
  Plan plan;
  Nullable<long long> previous;
  Nullable<long long> parent;
  int published = 1;

  void bind(soci::statement& st) {
    st.exchange(into(plan.id));
    st.exchange(into(plan.workspace_id));
    st.exchange(into(plan.kind));
    st.exchange(into(plan.name));
    st.exchange(into(plan.version));
    st.exchange(into(previous.value, previous.indicator));
    st.exchange(into(parent.value, parent.indicator));
    st.exchange(into(plan.period_start));
    st.exchange(into(plan.period_end));
    st.exchange(into(plan.adopted_on));
    st.exchange(into(plan.summary));
    st.exchange(into(published));
    st.exchange(into(plan.created_at));
    st.exchange(into(plan.updated_at));
    st.exchange(into(plan.row_version));
  }
  Plan get() const {
    Plan out = plan;
    out.previous_version_id = previous.get();
    out.parent_plan_id = parent.get();
    out.published = published != 0;
    return out;
  }
};

// ---- initiatives ----

constexpr const char* kInitiativeColumns =
    "i.id, i.workspace_id, i.plan_id, i.parent_initiative_id, i.focus_area_id, i.name, "
    "i.purpose, i.goals, i.background, i.already_done, i.focus, i.lead_user_id, i.lead_title, "
    "i.anchoring, i.working_group, i.themes, i.start_date, i.in_plan, i.added_year, i.status, "
    "i.published, i.position, i.created_at, i.updated_at, i.row_version";

struct InitiativeBinding {
  Initiative v;
  Nullable<long long> parent;
  Nullable<long long> focus_area;
  Nullable<long long> lead;
  Nullable<int> added_year;
  int in_plan = 1;
  int published = 1;

  void bind(soci::statement& st) {
    st.exchange(into(v.id));
    st.exchange(into(v.workspace_id));
    st.exchange(into(v.plan_id));
    st.exchange(into(parent.value, parent.indicator));
    st.exchange(into(focus_area.value, focus_area.indicator));
    st.exchange(into(v.name));
    st.exchange(into(v.purpose));
    st.exchange(into(v.goals));
    st.exchange(into(v.background));
    st.exchange(into(v.already_done));
    st.exchange(into(v.focus));
    st.exchange(into(lead.value, lead.indicator));
    st.exchange(into(v.lead_title));
    st.exchange(into(v.anchoring));
    st.exchange(into(v.working_group));
    st.exchange(into(v.themes));
    st.exchange(into(v.start_date));
    st.exchange(into(in_plan));
    st.exchange(into(added_year.value, added_year.indicator));
    st.exchange(into(v.status));
    st.exchange(into(published));
    st.exchange(into(v.position));
    st.exchange(into(v.created_at));
    st.exchange(into(v.updated_at));
    st.exchange(into(v.row_version));
  }
  Initiative get() const {
    Initiative out = v;
    out.parent_initiative_id = parent.get();
    out.focus_area_id = focus_area.get();
    out.lead_user_id = lead.get();
    out.added_year = added_year.get();
    out.in_plan = in_plan != 0;
    out.published = published != 0;
    return out;
  }
};

// The WHERE clause of an initiative list. Every filter is always bound (an "unset" value
// switches it off), so the statement text never depends on the input.
constexpr const char* kInitiativeWhere =
    " FROM initiatives i JOIN plans p ON p.id = i.plan_id "
    "WHERE i.workspace_id = :w "
    "AND (:plan1 = 0 OR i.plan_id = :plan2) "
    "AND (:status1 = '' OR i.status = :status2) "
    "AND (:lead1 = 0 OR i.lead_user_id = :lead2) "
    "AND (:inplan1 < 0 OR i.in_plan = :inplan2) "
    "AND (:pub = 0 OR (i.published = 1 AND p.published = 1)) "
    "AND (:top = 0 OR i.parent_initiative_id IS NULL) "
    "AND (:parent1 = 0 OR i.parent_initiative_id = :parent2) ";

struct InitiativeFilterBinding {
  InitiativeFilter f;
  int published_only = 0;
  int top_level_only = 0;

  explicit InitiativeFilterBinding(const InitiativeFilter& filter)
      : f(filter),
        published_only(filter.published_only ? 1 : 0),
        top_level_only(filter.top_level_only ? 1 : 0) {}

  void bind(soci::statement& st) {
    st.exchange(use(f.workspace_id));
    st.exchange(use(f.plan_id));
    st.exchange(use(f.plan_id));
    st.exchange(use(f.status));
    st.exchange(use(f.status));
    st.exchange(use(f.lead_user_id));
    st.exchange(use(f.lead_user_id));
    st.exchange(use(f.in_plan));
    st.exchange(use(f.in_plan));
    st.exchange(use(published_only));
    st.exchange(use(top_level_only));
    st.exchange(use(f.parent_id));
    st.exchange(use(f.parent_id));
  }
};

// ---- activities ----

constexpr const char* kActivityColumns =
    "a.id, a.workspace_id, a.initiative_id, a.title, a.description, a.kind, a.status, "
    "a.planned_when, a.done_when, a.responsible, a.links, a.channel, a.likes, a.reactions, "
    "a.shares, a.reach, a.views, a.position, a.created_at, a.updated_at, a.row_version";

struct ActivityBinding {
  Activity v;
  Nullable<long long> likes;
  Nullable<long long> reactions;
  Nullable<long long> shares;
  Nullable<long long> reach;
  Nullable<long long> views;

  void bind(soci::statement& st) {
    st.exchange(into(v.id));
    st.exchange(into(v.workspace_id));
    st.exchange(into(v.initiative_id));
    st.exchange(into(v.title));
    st.exchange(into(v.description));
    st.exchange(into(v.kind));
    st.exchange(into(v.status));
    st.exchange(into(v.planned_when));
    st.exchange(into(v.done_when));
    st.exchange(into(v.responsible));
    st.exchange(into(v.links));
    st.exchange(into(v.channel));
    st.exchange(into(likes.value, likes.indicator));
    st.exchange(into(reactions.value, reactions.indicator));
    st.exchange(into(shares.value, shares.indicator));
    st.exchange(into(reach.value, reach.indicator));
    st.exchange(into(views.value, views.indicator));
    st.exchange(into(v.position));
    st.exchange(into(v.created_at));
    st.exchange(into(v.updated_at));
    st.exchange(into(v.row_version));
  }
  Activity get() const {
    Activity out = v;
    out.likes = likes.get();
    out.reactions = reactions.get();
    out.shares = shares.get();
    out.reach = reach.get();
    out.views = views.get();
    return out;
  }
};

constexpr const char* kActivityWhere =
    " FROM activities a JOIN initiatives i ON i.id = a.initiative_id "
    "JOIN plans p ON p.id = i.plan_id WHERE a.workspace_id = :w "
    "AND (:ini1 = 0 OR a.initiative_id = :ini2) "
    "AND (:kind1 = '' OR a.kind = :kind2) "
    "AND (:status1 = '' OR a.status = :status2) "
    "AND (:pub = 0 OR (i.published = 1 AND p.published = 1)) ";

struct ActivityFilterBinding {
  ActivityFilter f;
  int published_only = 0;
  explicit ActivityFilterBinding(const ActivityFilter& filter)
      : f(filter), published_only(filter.published_only ? 1 : 0) {}
  void bind(soci::statement& st) {
    st.exchange(use(f.workspace_id));
    st.exchange(use(f.initiative_id));
    st.exchange(use(f.initiative_id));
    st.exchange(use(f.kind));
    st.exchange(use(f.kind));
    st.exchange(use(f.status));
    st.exchange(use(f.status));
    st.exchange(use(published_only));
  }
};

// A window of the body around the first matching word, cut at UTF-8 boundaries.
std::string excerpt_of(const std::string& body, const std::vector<std::string>& words) {
  constexpr std::size_t kWidth = 180;
  const auto lower = to_lower_ascii(body);
  std::size_t at = std::string::npos;
  for (const auto& word : words) at = std::min(at, lower.find(word));
  std::size_t start = at == std::string::npos || at < kWidth / 3 ? 0 : at - kWidth / 3;
  while (start > 0 && (static_cast<unsigned char>(body[start]) & 0xC0U) == 0x80U) --start;
  std::size_t end = std::min(body.size(), start + kWidth);
  while (end < body.size() && (static_cast<unsigned char>(body[end]) & 0xC0U) == 0x80U) ++end;
  std::string out;
  if (start > 0) out += "… ";
  // Empty fields leave runs of spaces in the indexed body; a reader sees one.
  for (std::size_t k = start; k < end; ++k) {
    const bool space = body[k] == ' ' || body[k] == '\n';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : body[k];
  }
  if (end < body.size()) out += " …";
  return out;
}

}  // namespace

// ---- parties ----

long long insert_party(soci::session& sql, const Party& party) {
  long long id = 0;
  sql << "INSERT INTO parties (workspace_id, name, kind, position) VALUES (:w, :n, :k, :p) "
         "RETURNING id",
      use(party.workspace_id), use(party.name), use(party.kind), use(party.position), into(id);
  return id;
}

std::vector<Party> parties(soci::session& sql, long long workspace_id) {
  std::vector<Party> out;
  Party party;
  soci::statement st = (sql.prepare << "SELECT id, workspace_id, name, kind, position FROM "
                                       "parties WHERE workspace_id = :w ORDER BY position, id",
                        into(party.id), into(party.workspace_id), into(party.name),
                        into(party.kind), into(party.position), use(workspace_id));
  st.execute();
  while (st.fetch()) out.push_back(party);
  return out;
}

// ---- plans ----

long long insert_plan(soci::session& sql, const Plan& plan) {
  long long id = 0;
  Nullable<long long> previous(plan.previous_version_id);
  Nullable<long long> parent(plan.parent_plan_id);
  const int published = plan.published ? 1 : 0;
  sql << "INSERT INTO plans (workspace_id, kind, name, version, previous_version_id, "
         "parent_plan_id, period_start, period_end, adopted_on, summary, published, created_at, "
         "updated_at) VALUES (:w, :k, :n, :v, :prev, :parent, :ps, :pe, :ad, :s, :pub, :c, :u) "
         "RETURNING id",
      use(plan.workspace_id), use(plan.kind), use(plan.name), use(plan.version),
      use(previous.value, previous.indicator), use(parent.value, parent.indicator),
      use(plan.period_start), use(plan.period_end), use(plan.adopted_on), use(plan.summary),
      use(published), use(plan.created_at), use(plan.updated_at), into(id);
  return id;
}

bool update_plan(soci::session& sql, const Plan& plan) {
  Nullable<long long> parent(plan.parent_plan_id);
  const int published = plan.published ? 1 : 0;
  soci::statement st =
      (sql.prepare << "UPDATE plans SET kind = :k, name = :n, parent_plan_id = :parent, "
                      "period_start = :ps, period_end = :pe, adopted_on = :ad, summary = :s, "
                      "published = :pub, updated_at = :u, row_version = row_version + 1 "
                      "WHERE id = :id AND workspace_id = :w AND row_version = :rv",
       use(plan.kind), use(plan.name), use(parent.value, parent.indicator), use(plan.period_start),
       use(plan.period_end), use(plan.adopted_on), use(plan.summary), use(published),
       use(plan.updated_at), use(plan.id), use(plan.workspace_id), use(plan.row_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<Plan> find_plan(soci::session& sql, long long workspace_id, long long id) {
  return find_by_id<PlanRow>(
      sql, std::string(kPlanColumns) + "WHERE id = :id AND workspace_id = :w", id, workspace_id);
}

std::vector<Plan> plans(soci::session& sql, long long workspace_id) {
  std::vector<Plan> out;
  PlanRow row;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(use(workspace_id));
  prepare_and_run(st, std::string(kPlanColumns) +
                          "WHERE workspace_id = :w ORDER BY period_start, name, "
                          "version, id");
  while (st.fetch()) out.push_back(row.get());
  return out;
}

bool plan_name_taken(soci::session& sql, long long workspace_id, const std::string& name,
                     int version, long long except_id) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM plans WHERE workspace_id = :w AND name = :n AND version = :v "
         "AND id <> :id",
      use(workspace_id), use(name), use(version), use(except_id), into(count);
  return count > 0;
}

long long insert_focus_area(soci::session& sql, const FocusArea& area) {
  long long id = 0;
  Nullable<long long> parent(area.parent_focus_area_id);
  sql << "INSERT INTO focus_areas (plan_id, name, description, parent_focus_area_id, position) "
         "VALUES (:p, :n, :d, :parent, :pos) RETURNING id",
      use(area.plan_id), use(area.name), use(area.description), use(parent.value, parent.indicator),
      use(area.position), into(id);
  return id;
}

std::vector<FocusArea> focus_areas(soci::session& sql, long long plan_id) {
  std::vector<FocusArea> out;
  FocusArea area;
  Nullable<long long> parent;
  soci::statement st =
      (sql.prepare << "SELECT id, plan_id, name, description, parent_focus_area_id, position "
                      "FROM focus_areas WHERE plan_id = :p ORDER BY position, id",
       into(area.id), into(area.plan_id), into(area.name), into(area.description),
       into(parent.value, parent.indicator), into(area.position), use(plan_id));
  st.execute();
  while (st.fetch()) {
    area.parent_focus_area_id = parent.get();
    out.push_back(area);
  }
  return out;
}

void set_focus_area_parent(soci::session& sql, long long id, std::optional<long long> parent) {
  Nullable<long long> value(parent);
  sql << "UPDATE focus_areas SET parent_focus_area_id = :p WHERE id = :id",
      use(value.value, value.indicator), use(id);
}

void set_plan_links(soci::session& sql, long long id, std::optional<long long> parent,
                    std::optional<long long> previous_version) {
  Nullable<long long> parent_value(parent);
  Nullable<long long> previous_value(previous_version);
  sql << "UPDATE plans SET parent_plan_id = :p, previous_version_id = :v WHERE id = :id",
      use(parent_value.value, parent_value.indicator),
      use(previous_value.value, previous_value.indicator), use(id);
}

std::optional<FocusArea> find_focus_area(soci::session& sql, long long workspace_id, long long id) {
  FocusArea area;
  Nullable<long long> parent;
  sql << "SELECT f.id, f.plan_id, f.name, f.description, f.parent_focus_area_id, f.position "
         "FROM focus_areas f JOIN plans p ON p.id = f.plan_id "
         "WHERE f.id = :id AND p.workspace_id = :w",
      into(area.id), into(area.plan_id), into(area.name), into(area.description),
      into(parent.value, parent.indicator), into(area.position), use(id), use(workspace_id);
  if (!sql.got_data()) return std::nullopt;
  area.parent_focus_area_id = parent.get();
  return area;
}

// ---- initiatives ----

long long insert_initiative(soci::session& sql, const Initiative& v) {
  long long id = 0;
  Nullable<long long> parent(v.parent_initiative_id);
  Nullable<long long> focus_area(v.focus_area_id);
  Nullable<long long> lead(v.lead_user_id);
  Nullable<int> added_year(v.added_year);
  const int in_plan = v.in_plan ? 1 : 0;
  const int published = v.published ? 1 : 0;
  sql << "INSERT INTO initiatives (workspace_id, plan_id, parent_initiative_id, focus_area_id, "
         "name, purpose, goals, background, already_done, focus, lead_user_id, lead_title, "
         "anchoring, working_group, themes, start_date, in_plan, added_year, status, published, "
         "position, created_at, updated_at) VALUES (:w, :p, :parent, :fa, :n, :pu, :g, :b, :ad, "
         ":f, :lead, :lt, :an, :wg, :th, :sd, :ip, :ay, :st, :pub, :pos, :c, :u) RETURNING id",
      use(v.workspace_id), use(v.plan_id), use(parent.value, parent.indicator),
      use(focus_area.value, focus_area.indicator), use(v.name), use(v.purpose), use(v.goals),
      use(v.background), use(v.already_done), use(v.focus), use(lead.value, lead.indicator),
      use(v.lead_title), use(v.anchoring), use(v.working_group), use(v.themes), use(v.start_date),
      use(in_plan), use(added_year.value, added_year.indicator), use(v.status), use(published),
      use(v.position), use(v.created_at), use(v.updated_at), into(id);
  return id;
}

bool update_initiative(soci::session& sql, const Initiative& v) {
  Nullable<long long> parent(v.parent_initiative_id);
  Nullable<long long> focus_area(v.focus_area_id);
  Nullable<long long> lead(v.lead_user_id);
  Nullable<int> added_year(v.added_year);
  const int in_plan = v.in_plan ? 1 : 0;
  const int published = v.published ? 1 : 0;
  soci::statement st =
      (sql.prepare << "UPDATE initiatives SET parent_initiative_id = :parent, "
                      "focus_area_id = :fa, name = :n, purpose = :pu, goals = :g, "
                      "background = :b, already_done = :ad, focus = :f, lead_user_id = :lead, "
                      "lead_title = :lt, anchoring = :an, working_group = :wg, themes = :th, "
                      "start_date = :sd, in_plan = :ip, added_year = :ay, status = :st, "
                      "published = :pub, position = :pos, updated_at = :u, "
                      "row_version = row_version + 1 "
                      "WHERE id = :id AND workspace_id = :w AND row_version = :rv",
       use(parent.value, parent.indicator), use(focus_area.value, focus_area.indicator),
       use(v.name), use(v.purpose), use(v.goals), use(v.background), use(v.already_done),
       use(v.focus), use(lead.value, lead.indicator), use(v.lead_title), use(v.anchoring),
       use(v.working_group), use(v.themes), use(v.start_date), use(in_plan),
       use(added_year.value, added_year.indicator), use(v.status), use(published), use(v.position),
       use(v.updated_at), use(v.id), use(v.workspace_id), use(v.row_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void set_initiative_parent(soci::session& sql, long long id, std::optional<long long> parent) {
  Nullable<long long> value(parent);
  sql << "UPDATE initiatives SET parent_initiative_id = :p WHERE id = :id",
      use(value.value, value.indicator), use(id);
}

std::optional<Initiative> find_initiative(soci::session& sql, long long workspace_id,
                                          long long id) {
  return find_by_id<InitiativeBinding>(
      sql,
      std::string("SELECT ") + kInitiativeColumns +
          " FROM initiatives i WHERE i.id = :id AND i.workspace_id = :w",
      id, workspace_id);
}

std::vector<InitiativeRow> initiatives(soci::session& sql, const InitiativeFilter& filter) {
  std::vector<InitiativeRow> out;
  InitiativeBinding row;
  std::string lead_name;
  soci::indicator lead_indicator = soci::i_ok;
  std::string last_update;
  soci::indicator last_indicator = soci::i_ok;
  int activity_count = 0;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(into(lead_name, lead_indicator));
  st.exchange(into(last_update, last_indicator));
  st.exchange(into(activity_count));
  InitiativeFilterBinding where(filter);
  where.bind(st);
  st.exchange(use(filter.limit));
  st.exchange(use(filter.offset));
  prepare_and_run(
      st, std::string("SELECT ") + kInitiativeColumns +
              ", (SELECT u.name FROM users u WHERE u.id = i.lead_user_id), "
              "(SELECT MAX(a.updated_at) FROM activities a WHERE a.initiative_id = i.id), "
              "(SELECT COUNT(*) FROM activities a WHERE a.initiative_id = i.id)" +
              kInitiativeWhere +
              (filter.by_id
                   ? std::string("ORDER BY i.id LIMIT :limit OFFSET :offset")
                   : "ORDER BY CASE i.status WHEN 'active' THEN 0 WHEN 'proposed' THEN 1 "
                     "WHEN 'paused' THEN 2 ELSE 3 END, COALESCE(i.parent_initiative_id, i.id), "
                     "i.parent_initiative_id IS NOT NULL, i.position, i.id LIMIT :limit OFFSET "
                     ":offset"));
  while (st.fetch()) {
    InitiativeRow result;
    result.initiative = row.get();
    result.lead_name = lead_indicator == soci::i_ok ? lead_name : result.initiative.lead_title;
    result.last_update = result.initiative.updated_at;
    if (last_indicator == soci::i_ok && last_update > result.last_update) {
      result.last_update = last_update;
    }
    result.activity_count = activity_count;
    out.push_back(std::move(result));
  }
  return out;
}

int count_initiatives(soci::session& sql, const InitiativeFilter& filter) {
  return count_where<InitiativeFilterBinding>(sql, filter, kInitiativeWhere);
}

bool initiative_name_taken(soci::session& sql, long long plan_id,
                           std::optional<long long> parent_id, const std::string& name,
                           long long except_id) {
  int count = 0;
  const long long parent = parent_id.value_or(0);
  sql << "SELECT COUNT(*) FROM initiatives WHERE plan_id = :p AND name = :n AND id <> :id "
         "AND COALESCE(parent_initiative_id, 0) = :parent",
      use(plan_id), use(name), use(except_id), use(parent), into(count);
  return count > 0;
}

long long insert_status_change(soci::session& sql, const StatusChange& change) {
  long long id = 0;
  sql << "INSERT INTO initiative_status_changes (initiative_id, status, changed_on, reason, "
         "actor, at) VALUES (:i, :s, :d, :r, :a, :at) RETURNING id",
      use(change.initiative_id), use(change.status), use(change.changed_on), use(change.reason),
      use(change.actor), use(change.at), into(id);
  return id;
}

std::vector<StatusChange> status_changes(soci::session& sql, long long initiative_id) {
  std::vector<StatusChange> out;
  StatusChange change;
  soci::statement st =
      (sql.prepare << "SELECT id, initiative_id, status, changed_on, reason, actor, at FROM "
                      "initiative_status_changes WHERE initiative_id = :i "
                      "ORDER BY id",
       into(change.id), into(change.initiative_id), into(change.status), into(change.changed_on),
       into(change.reason), into(change.actor), into(change.at), use(initiative_id));
  st.execute();
  while (st.fetch()) out.push_back(change);
  return out;
}

// ---- activities ----

long long insert_activity(soci::session& sql, const Activity& v) {
  long long id = 0;
  Nullable<long long> likes(v.likes);
  Nullable<long long> reactions(v.reactions);
  Nullable<long long> shares(v.shares);
  Nullable<long long> reach(v.reach);
  Nullable<long long> views(v.views);
  sql << "INSERT INTO activities (workspace_id, initiative_id, title, description, kind, status, "
         "planned_when, done_when, responsible, links, channel, likes, reactions, shares, reach, "
         "views, position, created_at, updated_at) VALUES (:w, :i, :t, :d, :k, :s, :pw, :dw, "
         ":r, :l, :ch, :li, :re, :sh, :rc, :vi, :pos, :c, :u) RETURNING id",
      use(v.workspace_id), use(v.initiative_id), use(v.title), use(v.description), use(v.kind),
      use(v.status), use(v.planned_when), use(v.done_when), use(v.responsible), use(v.links),
      use(v.channel), use(likes.value, likes.indicator), use(reactions.value, reactions.indicator),
      use(shares.value, shares.indicator), use(reach.value, reach.indicator),
      use(views.value, views.indicator), use(v.position), use(v.created_at), use(v.updated_at),
      into(id);
  return id;
}

std::vector<long long> insert_activities(soci::session& sql, const std::vector<Activity>& items) {
  std::vector<long long> ids;
  ids.reserve(items.size());
  constexpr std::size_t kRowsPerStatement = 200;
  constexpr const char* kRow = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  for (std::size_t start = 0; start < items.size(); start += kRowsPerStatement) {
    const auto end = std::min(items.size(), start + kRowsPerStatement);
    // The bound values must stay where they are until the statement has run.
    std::vector<std::array<Nullable<long long>, 5>> figures(end - start);
    std::string query =
        "INSERT INTO activities (workspace_id, initiative_id, title, description, kind, status, "
        "planned_when, done_when, responsible, links, channel, likes, reactions, shares, reach, "
        "views, position, created_at, updated_at) VALUES ";
    soci::statement st(sql);
    for (auto i = start; i < end; ++i) {
      const auto& v = items[i];
      auto& f = figures[i - start];
      f = {Nullable<long long>(v.likes), Nullable<long long>(v.reactions),
           Nullable<long long>(v.shares), Nullable<long long>(v.reach),
           Nullable<long long>(v.views)};
      query += i == start ? "" : ", ";
      query += kRow;
      st.exchange(use(v.workspace_id));
      st.exchange(use(v.initiative_id));
      st.exchange(use(v.title));
      st.exchange(use(v.description));
      st.exchange(use(v.kind));
      st.exchange(use(v.status));
      st.exchange(use(v.planned_when));
      st.exchange(use(v.done_when));
      st.exchange(use(v.responsible));
      st.exchange(use(v.links));
      st.exchange(use(v.channel));
      for (auto& figure : f) st.exchange(use(figure.value, figure.indicator));
      st.exchange(use(v.position));
      st.exchange(use(v.created_at));
      st.exchange(use(v.updated_at));
    }
    // SQLite binds "?" by position (looking thousands of names up is quadratic); SOCI's
    // PostgreSQL backend needs names, which it turns into $1, $2, ….
    std::string text;
    if (sql.get_backend_name() == "sqlite3") {
      text = std::move(query);
    } else {
      text.reserve(query.size() + query.size() / 2);
      int counter = 0;
      for (const char c : query) {
        if (c == '?') {
          text += ":p" + std::to_string(counter++);
        } else {
          text += c;
        }
      }
    }
    text += " RETURNING id";
    long long id = 0;
    st.exchange(soci::into(id));
    st.alloc();
    st.prepare(text);
    st.define_and_bind();
    st.execute(false);
    while (st.fetch()) ids.push_back(id);
  }
  // Ids are handed out in the order of the VALUES rows, but RETURNING may list them in any.
  std::sort(ids.begin(), ids.end());
  return ids;
}

bool update_activity(soci::session& sql, const Activity& v) {
  Nullable<long long> likes(v.likes);
  Nullable<long long> reactions(v.reactions);
  Nullable<long long> shares(v.shares);
  Nullable<long long> reach(v.reach);
  Nullable<long long> views(v.views);
  soci::statement st =
      (sql.prepare << "UPDATE activities SET title = :t, description = :d, kind = :k, "
                      "status = :s, planned_when = :pw, done_when = :dw, responsible = :r, "
                      "links = :l, channel = :ch, likes = :li, reactions = :re, shares = :sh, "
                      "reach = :rc, views = :vi, position = :pos, updated_at = :u, "
                      "row_version = row_version + 1 "
                      "WHERE id = :id AND workspace_id = :w AND row_version = :rv",
       use(v.title), use(v.description), use(v.kind), use(v.status), use(v.planned_when),
       use(v.done_when), use(v.responsible), use(v.links), use(v.channel),
       use(likes.value, likes.indicator), use(reactions.value, reactions.indicator),
       use(shares.value, shares.indicator), use(reach.value, reach.indicator),
       use(views.value, views.indicator), use(v.position), use(v.updated_at), use(v.id),
       use(v.workspace_id), use(v.row_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<Activity> find_activity(soci::session& sql, long long workspace_id, long long id) {
  return find_by_id<ActivityBinding>(
      sql,
      std::string("SELECT ") + kActivityColumns +
          " FROM activities a WHERE a.id = :id AND a.workspace_id = :w",
      id, workspace_id);
}

std::vector<Activity> activities(soci::session& sql, const ActivityFilter& filter) {
  std::vector<Activity> out;
  ActivityBinding row;
  soci::statement st(sql);
  row.bind(st);
  ActivityFilterBinding where(filter);
  where.bind(st);
  st.exchange(use(filter.limit));
  st.exchange(use(filter.offset));
  prepare_and_run(st, std::string("SELECT ") + kActivityColumns + kActivityWhere +
                          "ORDER BY a.initiative_id, a.position, a.id LIMIT :limit OFFSET :offset");
  while (st.fetch()) out.push_back(row.get());
  return out;
}

int count_activities(soci::session& sql, const ActivityFilter& filter) {
  return count_where<ActivityFilterBinding>(sql, filter, kActivityWhere);
}

// ---- groups ----

long long insert_group(soci::session& sql, const Group& group) {
  long long id = 0;
  Nullable<long long> initiative(group.initiative_id);
  sql << "INSERT INTO work_groups (workspace_id, initiative_id, kind, name, cadence, "
         "description, position) VALUES (:w, :i, :k, :n, :c, :d, :p) RETURNING id",
      use(group.workspace_id), use(initiative.value, initiative.indicator), use(group.kind),
      use(group.name), use(group.cadence), use(group.description), use(group.position), into(id);
  return id;
}

namespace {
constexpr const char* kGroupColumns =
    "SELECT id, workspace_id, initiative_id, kind, name, cadence, description, position, "
    "row_version FROM work_groups ";
}

std::vector<Group> groups(soci::session& sql, long long workspace_id) {
  std::vector<Group> out;
  Group group;
  Nullable<long long> initiative;
  soci::statement st =
      (sql.prepare << std::string(kGroupColumns) + "WHERE workspace_id = :w ORDER BY position, id",
       into(group.id), into(group.workspace_id), into(initiative.value, initiative.indicator),
       into(group.kind), into(group.name), into(group.cadence), into(group.description),
       into(group.position), into(group.row_version), use(workspace_id));
  st.execute();
  while (st.fetch()) {
    group.initiative_id = initiative.get();
    out.push_back(group);
  }
  return out;
}

std::optional<Group> find_group(soci::session& sql, long long workspace_id, long long id) {
  Group group;
  Nullable<long long> initiative;
  sql << std::string(kGroupColumns) + "WHERE id = :id AND workspace_id = :w", into(group.id),
      into(group.workspace_id), into(initiative.value, initiative.indicator), into(group.kind),
      into(group.name), into(group.cadence), into(group.description), into(group.position),
      into(group.row_version), use(id), use(workspace_id);
  if (!sql.got_data()) return std::nullopt;
  group.initiative_id = initiative.get();
  return group;
}

long long insert_group_member(soci::session& sql, const GroupMember& member) {
  long long id = 0;
  Nullable<long long> user(member.user_id);
  Nullable<long long> party(member.party_id);
  sql << "INSERT INTO group_members (group_id, user_id, title, party_id, role, position) "
         "VALUES (:g, :u, :t, :p, :r, :pos) RETURNING id",
      use(member.group_id), use(user.value, user.indicator), use(member.title),
      use(party.value, party.indicator), use(member.role), use(member.position), into(id);
  return id;
}

std::vector<GroupMember> group_members(soci::session& sql, long long group_id) {
  std::vector<GroupMember> out;
  GroupMember member;
  Nullable<long long> user;
  Nullable<long long> party;
  soci::statement st =
      (sql.prepare << "SELECT id, group_id, user_id, title, party_id, role, position FROM "
                      "group_members WHERE group_id = :g ORDER BY position, id",
       into(member.id), into(member.group_id), into(user.value, user.indicator), into(member.title),
       into(party.value, party.indicator), into(member.role), into(member.position), use(group_id));
  st.execute();
  while (st.fetch()) {
    member.user_id = user.get();
    member.party_id = party.get();
    out.push_back(member);
  }
  return out;
}

// ---- documents ----

long long insert_document(soci::session& sql, const Document& d) {
  long long id = 0;
  Nullable<long long> plan(d.plan_id);
  Nullable<long long> initiative(d.initiative_id);
  const auto content = crypto::base64_encode(d.content);
  sql << "INSERT INTO documents (workspace_id, plan_id, initiative_id, filename, content_type, "
         "size_bytes, sha256, content_base64, uploaded_by, uploaded_at) VALUES (:w, :p, :i, :f, "
         ":ct, :sz, :sha, :c, :by, :at) RETURNING id",
      use(d.workspace_id), use(plan.value, plan.indicator),
      use(initiative.value, initiative.indicator), use(d.filename), use(d.content_type),
      use(d.size_bytes), use(d.sha256), use(content), use(d.uploaded_by), use(d.uploaded_at),
      into(id);
  return id;
}

namespace {

constexpr const char* kDocumentColumns =
    "SELECT id, workspace_id, plan_id, initiative_id, filename, content_type, size_bytes, "
    "sha256, uploaded_by, uploaded_at";

struct DocumentBinding {
  Document v;
  Nullable<long long> plan;
  Nullable<long long> initiative;
  std::string content;

  void bind(soci::statement& st, bool with_content = true) {
    st.exchange(into(v.id));
    st.exchange(into(v.workspace_id));
    st.exchange(into(plan.value, plan.indicator));
    st.exchange(into(initiative.value, initiative.indicator));
    st.exchange(into(v.filename));
    st.exchange(into(v.content_type));
    st.exchange(into(v.size_bytes));
    st.exchange(into(v.sha256));
    st.exchange(into(v.uploaded_by));
    st.exchange(into(v.uploaded_at));
    if (with_content) st.exchange(into(content));
  }
  Document get() const {
    Document out = v;
    out.plan_id = plan.get();
    out.initiative_id = initiative.get();
    if (!content.empty()) out.content = crypto::base64_decode(content).value_or(std::string());
    return out;
  }
};

}  // namespace

std::vector<Document> documents(soci::session& sql, long long workspace_id,
                                std::optional<long long> plan_id,
                                std::optional<long long> initiative_id) {
  std::vector<Document> out;
  DocumentBinding row;
  long long plan = plan_id.value_or(0);
  long long initiative = initiative_id.value_or(0);
  soci::statement st(sql);
  row.bind(st, false);
  st.exchange(use(workspace_id));
  st.exchange(use(plan));
  st.exchange(use(initiative));
  prepare_and_run(st,
                  std::string(kDocumentColumns) +
                      " FROM documents WHERE workspace_id = :w AND COALESCE(plan_id, 0) = :p AND "
                      "COALESCE(initiative_id, 0) = :i ORDER BY filename, id");
  while (st.fetch()) out.push_back(row.get());
  return out;
}

std::vector<Document> all_documents(soci::session& sql, long long workspace_id) {
  std::vector<Document> out;
  DocumentBinding row;
  soci::statement st(sql);
  row.bind(st, true);
  st.exchange(use(workspace_id));
  prepare_and_run(st, std::string(kDocumentColumns) +
                          ", content_base64 FROM documents WHERE workspace_id = :w ORDER BY id");
  while (st.fetch()) out.push_back(row.get());
  return out;
}

std::optional<Document> find_document(soci::session& sql, long long workspace_id, long long id) {
  return find_by_id<DocumentBinding>(
      sql,
      std::string(kDocumentColumns) +
          ", content_base64 FROM documents WHERE id = :id AND workspace_id = :w",
      id, workspace_id);
}

void delete_document(soci::session& sql, long long workspace_id, long long id) {
  sql << "DELETE FROM documents WHERE id = :id AND workspace_id = :w", use(id), use(workspace_id);
}

// ---- people ----

std::vector<Person> workspace_people(soci::session& sql, long long workspace_id) {
  std::vector<Person> out;
  Person person;
  soci::statement st =
      (sql.prepare << "SELECT u.id, u.name, u.email FROM users u JOIN memberships m ON "
                      "m.user_id = u.id WHERE m.workspace_id = :w ORDER BY u.name, u.id",
       into(person.id), into(person.name), into(person.email), use(workspace_id));
  st.execute();
  while (st.fetch()) out.push_back(person);
  return out;
}

bool is_workspace_member(soci::session& sql, long long workspace_id, long long user_id) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM memberships WHERE workspace_id = :w AND user_id = :u",
      use(workspace_id), use(user_id), into(count);
  return count > 0;
}

// ---- search ----

namespace {

// What each kind of record puts in the index and whether readers of published content may
// find it — written once, used for one record and for a whole workspace alike.
struct SearchSource {
  std::string_view entity;
  std::string_view select;  // ends in a WHERE clause that `scope` extends
  std::string_view record_column;
};

constexpr SearchSource kSearchSources[] = {
    {"plan",
     "SELECT p.workspace_id, 'plan', p.id, p.name, p.summary, p.published FROM plans p "
     "WHERE p.workspace_id = :w",
     "p.id"},
    {"initiative",
     "SELECT i.workspace_id, 'initiative', i.id, i.name, "
     "i.purpose || ' ' || i.goals || ' ' || i.background || ' ' || i.already_done || ' ' || "
     "i.focus || ' ' || i.lead_title || ' ' || i.anchoring || ' ' || i.working_group || ' ' || "
     "i.themes, CASE WHEN i.published = 1 AND p.published = 1 THEN 1 ELSE 0 END "
     "FROM initiatives i JOIN plans p ON p.id = i.plan_id WHERE i.workspace_id = :w",
     "i.id"},
    {"activity",
     "SELECT a.workspace_id, 'activity', a.id, a.title, "
     "a.description || ' ' || a.responsible || ' ' || a.links, "
     "CASE WHEN i.published = 1 AND p.published = 1 THEN 1 ELSE 0 END "
     "FROM activities a JOIN initiatives i ON i.id = a.initiative_id "
     "JOIN plans p ON p.id = i.plan_id WHERE a.workspace_id = :w",
     "a.id"},
};

constexpr std::string_view kSearchInsert =
    "INSERT INTO search_entries (workspace_id, entity, entity_id, title, body, published) ";

}  // namespace

void index_record(soci::session& sql, long long workspace_id, std::string_view entity,
                  long long id) {
  for (const auto& source : kSearchSources) {
    if (source.entity != entity) continue;
    const std::string name(entity);
    sql << "DELETE FROM search_entries WHERE entity = :e AND entity_id = :id", use(name), use(id);
    sql << std::string(kSearchInsert) + std::string(source.select) + " AND " +
               std::string(source.record_column) + " = :id",
        use(workspace_id), use(id);
  }
}

void rebuild_search_index(soci::session& sql, long long workspace_id) {
  sql << "DELETE FROM search_entries WHERE workspace_id = :w", use(workspace_id);
  for (const auto& source : kSearchSources) {
    sql << std::string(kSearchInsert) + std::string(source.select), use(workspace_id);
  }
}

namespace {

// Letters and digits only, lower-cased, at most 8 words: neither engine's query syntax can
// reach the index from the search box.
std::vector<std::string> search_words(const std::string& query) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && words.size() < 8) words.push_back(word);
    word.clear();
  };
  for (const char c : query) {
    const auto byte = static_cast<unsigned char>(c);
    const bool keep =
        byte >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (keep) {
      word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else {
      flush();
    }
  }
  flush();
  return words;
}

}  // namespace

std::vector<SearchHit> search(soci::session& sql, db::Backend backend, long long workspace_id,
                              const std::string& query, bool published_only, int limit,
                              int offset) {
  const auto words = search_words(query);
  std::vector<SearchHit> out;
  if (words.empty()) return out;
  std::string match;
  for (const auto& word : words) {
    if (!match.empty()) match += backend == db::Backend::sqlite ? " " : " & ";
    match += backend == db::Backend::sqlite ? "\"" + word + "\"*" : word + ":*";
  }
  const int pub = published_only ? 1 : 0;
  const std::string statement =
      backend == db::Backend::sqlite
          ? "SELECT d.entity, d.entity_id, d.title, d.body FROM search_fts "
            "JOIN search_entries d ON d.id = search_fts.rowid WHERE search_fts MATCH :q "
            "AND d.workspace_id = :w AND (:p = 0 OR d.published = 1) "
            "ORDER BY search_fts.rank, d.id LIMIT :l OFFSET :o"
          : "SELECT entity, entity_id, title, body FROM search_entries "
            "WHERE to_tsvector('simple', title || ' ' || body) @@ to_tsquery('simple', :q) "
            "AND workspace_id = :w AND (:p = 0 OR published = 1) "
            "ORDER BY ts_rank(to_tsvector('simple', title || ' ' || body), "
            "to_tsquery('simple', :q2)) DESC, id LIMIT :l OFFSET :o";
  SearchHit hit;
  std::string body;
  soci::statement st(sql);
  st.exchange(into(hit.entity));
  st.exchange(into(hit.entity_id));
  st.exchange(into(hit.title));
  st.exchange(into(body));
  st.exchange(use(match));
  st.exchange(use(workspace_id));
  st.exchange(use(pub));
  if (backend == db::Backend::postgresql) st.exchange(use(match));
  st.exchange(use(limit));
  st.exchange(use(offset));
  prepare_and_run(st, statement);
  while (st.fetch()) {
    hit.excerpt = excerpt_of(body, words);
    out.push_back(hit);
  }
  return out;
}

}  // namespace samtryg::strategy::store
