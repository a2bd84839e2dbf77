#include "features/strategy/store.hpp"

#include "core/db/nullable.hpp"
#include "features/strategy/store_rows.hpp"

namespace samtryg::strategy::store {

using db::Nullable;
using soci::into;
using soci::use;

namespace {

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
    "AND (:mine1 = 0 OR i.lead_user_id = :mine2 OR EXISTS (SELECT 1 FROM initiative_followers "
    "f WHERE f.initiative_id = i.id AND f.user_id = :mine3)) "
    "AND (:inplan1 < 0 OR i.in_plan = :inplan2) "
    "AND (:pub = 0 OR (i.published = 1 AND p.published = 1)) "
    "AND (:top = 0 OR i.parent_initiative_id IS NULL) "
    "AND (:parent1 = 0 OR i.parent_initiative_id = :parent2) "
    "AND (:area1 = 0 OR i.focus_area_id = :area2) ";

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
    st.exchange(use(f.mine_user_id));
    st.exchange(use(f.mine_user_id));
    st.exchange(use(f.mine_user_id));
    st.exchange(use(f.in_plan));
    st.exchange(use(f.in_plan));
    st.exchange(use(published_only));
    st.exchange(use(top_level_only));
    st.exchange(use(f.parent_id));
    st.exchange(use(f.parent_id));
    st.exchange(use(f.focus_area_id));
    st.exchange(use(f.focus_area_id));
  }
};

}  // namespace

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

std::vector<NamedStatusChange> status_changes_between(soci::session& sql, long long workspace_id,
                                                      const std::string& since,
                                                      const std::string& until) {
  std::vector<NamedStatusChange> out;
  NamedStatusChange row;
  auto& change = row.change;
  soci::statement st =
      (sql.prepare << "SELECT c.id, c.initiative_id, c.status, c.changed_on, c.reason, c.actor, "
                      "c.at, i.name FROM initiative_status_changes c JOIN initiatives i "
                      "ON i.id = c.initiative_id WHERE i.workspace_id = :w "
                      "AND c.changed_on > :s AND c.changed_on <= :u ORDER BY c.changed_on, c.id",
       into(change.id), into(change.initiative_id), into(change.status), into(change.changed_on),
       into(change.reason), into(change.actor), into(change.at), into(row.initiative_name),
       use(workspace_id), use(since), use(until));
  st.execute();
  while (st.fetch()) out.push_back(row);
  return out;
}

// ---- followers ----

void set_follower(soci::session& sql, long long initiative_id, long long user_id, bool follows,
                  const std::string& now) {
  sql << "DELETE FROM initiative_followers WHERE initiative_id = :i AND user_id = :u",
      use(initiative_id), use(user_id);
  if (follows) {
    sql << "INSERT INTO initiative_followers (initiative_id, user_id, created_at) "
           "VALUES (:i, :u, :now)",
        use(initiative_id), use(user_id), use(now);
  }
}

bool is_follower(soci::session& sql, long long initiative_id, long long user_id) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM initiative_followers WHERE initiative_id = :i AND user_id = :u",
      use(initiative_id), use(user_id), into(count);
  return count > 0;
}

std::vector<long long> followers(soci::session& sql, long long initiative_id) {
  std::vector<long long> out;
  long long user_id = 0;
  soci::statement st = (sql.prepare << "SELECT user_id FROM initiative_followers "
                                       "WHERE initiative_id = :i ORDER BY user_id",
                        into(user_id), use(initiative_id));
  st.execute();
  while (st.fetch()) out.push_back(user_id);
  return out;
}

}  // namespace samtryg::strategy::store
