#include "features/strategy/store.hpp"

#include "core/auth/store.hpp"
#include "core/db/nullable.hpp"
#include "core/i18n/locale_format.hpp"
#include "features/strategy/store_rows.hpp"

namespace samtryg::strategy::store {

using db::Nullable;
using soci::into;
using soci::use;

namespace {

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

}  // namespace

// ---- channels ----

long long insert_channel(soci::session& sql, const Channel& channel) {
  long long id = 0;
  sql << "INSERT INTO channels (workspace_id, name, position) VALUES (:w, :n, :p) RETURNING id",
      use(channel.workspace_id), use(channel.name), use(channel.position), into(id);
  return id;
}

std::vector<Channel> channels(soci::session& sql, long long workspace_id) {
  std::vector<Channel> out;
  Channel channel;
  soci::statement st = (sql.prepare << "SELECT id, workspace_id, name, position FROM channels "
                                       "WHERE workspace_id = :w ORDER BY position, id",
                        into(channel.id), into(channel.workspace_id), into(channel.name),
                        into(channel.position), use(workspace_id));
  st.execute();
  while (st.fetch()) out.push_back(channel);
  i18n::sort_by_name(out, auth::workspace_language(sql, workspace_id),
                     [](const Channel& item) -> const std::string& { return item.name; });
  return out;
}

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

}  // namespace samtryg::strategy::store
