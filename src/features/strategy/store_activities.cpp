#include "features/strategy/store.hpp"

#include <algorithm>
#include <array>

#include "core/db/nullable.hpp"
#include "features/strategy/store_rows.hpp"

namespace samtryg::strategy::store {

using db::Nullable;
using soci::into;
using soci::use;

namespace {

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

}  // namespace

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

}  // namespace samtryg::strategy::store
