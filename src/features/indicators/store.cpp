#include "features/indicators/store.hpp"

#include <fmt/format.h>

#include "core/auth/store.hpp"
#include "core/db/database.hpp"
#include "core/db/nullable.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/crypto.hpp"
#include "core/util/time.hpp"

namespace samtryg::indicators::store {

using db::Nullable;
using soci::into;
using soci::use;

namespace {

constexpr const char* kIndicatorColumns =
    "SELECT id, workspace_id, plan_id, name, definition, unit, currency, decimals, direction, "
    "source, source_note, frequency, baseline, baseline_period, published, created_at, "
    "updated_at, row_version FROM indicators ";

struct IndicatorRow {
  Indicator indicator;
  Nullable<long long> plan;
  Nullable<double> baseline;
  int published = 1;

  void bind(soci::statement& st) {
    st.exchange(into(indicator.id));
    st.exchange(into(indicator.workspace_id));
    st.exchange(into(plan.value, plan.indicator));
    st.exchange(into(indicator.name));
    st.exchange(into(indicator.definition));
    st.exchange(into(indicator.unit));
    st.exchange(into(indicator.currency));
    st.exchange(into(indicator.decimals));
    st.exchange(into(indicator.direction));
    st.exchange(into(indicator.source));
    st.exchange(into(indicator.source_note));
    st.exchange(into(indicator.frequency));
    st.exchange(into(baseline.value, baseline.indicator));
    st.exchange(into(indicator.baseline_period));
    st.exchange(into(published));
    st.exchange(into(indicator.created_at));
    st.exchange(into(indicator.updated_at));
    st.exchange(into(indicator.row_version));
  }
  Indicator get() const {
    Indicator out = indicator;
    out.plan_id = plan.get();
    out.baseline = baseline.get();
    out.published = published != 0;
    return out;
  }
};

using db::prepare_and_run;

// Binds the scope's ids to `st` (the scope must outlive the statement's execution) and returns
// the query with its condition on indicator_id.
std::string bind_scope(soci::statement& st, Scope& scope, std::string_view head,
                       std::string_view tail) {
  std::string query(head);
  if (scope.indicator_id > 0) {
    st.exchange(use(scope.indicator_id));
    query += "indicator_id = :i";
  } else {
    st.exchange(use(scope.workspace_id));
    st.exchange(use(scope.plan_id));  // ":p1 = 0 OR plan_id = :p2"
    st.exchange(use(scope.plan_id));
    query +=
        "indicator_id IN (SELECT id FROM indicators WHERE workspace_id = :w AND (:p1 = 0 OR "
        "plan_id = :p2))";
  }
  return query + std::string(tail);
}

}  // namespace

long long insert_area(soci::session& sql, const Area& area) {
  long long id = 0;
  sql << "INSERT INTO areas (workspace_id, name, kind, code) VALUES (:w, :n, :k, :c) RETURNING id",
      use(area.workspace_id), use(area.name), use(area.kind), use(area.code), into(id);
  return id;
}

std::vector<Area> areas(soci::session& sql, long long workspace_id) {
  std::vector<Area> out;
  Area area;
  soci::statement st = (sql.prepare << "SELECT id, workspace_id, name, kind, code FROM areas "
                                       "WHERE workspace_id = :w ORDER BY id",
                        into(area.id), into(area.workspace_id), into(area.name), into(area.kind),
                        into(area.code), use(workspace_id));
  st.execute();
  while (st.fetch()) out.push_back(area);
  // People read lists in their language's alphabet, on either database.
  i18n::sort_by_name(out, auth::workspace_language(sql, workspace_id),
                     [](const Area& item) -> const std::string& { return item.name; });
  return out;
}

std::set<long long> areas_in_use(soci::session& sql, long long indicator_id) {
  std::set<long long> used;
  long long area_id = 0;
  soci::statement st =
      (sql.prepare << "SELECT area_id FROM indicator_values WHERE indicator_id = :v AND area_id "
                      "IS NOT NULL UNION SELECT area_id FROM indicator_targets WHERE "
                      "indicator_id = :t AND area_id IS NOT NULL",
       into(area_id), use(indicator_id), use(indicator_id));
  st.execute();
  while (st.fetch()) used.insert(area_id);
  return used;
}

long long insert_indicator(soci::session& sql, const Indicator& indicator) {
  long long id = 0;
  Nullable<long long> plan(indicator.plan_id);
  Nullable<double> baseline(indicator.baseline);
  const int published = indicator.published ? 1 : 0;
  // Import keeps the times it brings; everything else is created now.
  const std::string now = now_iso_utc();
  const std::string created = indicator.created_at.empty() ? now : indicator.created_at;
  const std::string updated = indicator.updated_at.empty() ? created : indicator.updated_at;
  sql << "INSERT INTO indicators (workspace_id, plan_id, name, definition, unit, currency, "
         "decimals, direction, source, source_note, frequency, baseline, baseline_period, "
         "published, created_at, updated_at) VALUES (:w, :p, :n, :d, :u, :c, :dec, :dir, :s, "
         ":sn, :f, :b, :bp, :pub, :ca, :ua) RETURNING id",
      use(indicator.workspace_id), use(plan.value, plan.indicator), use(indicator.name),
      use(indicator.definition), use(indicator.unit), use(indicator.currency),
      use(indicator.decimals), use(indicator.direction), use(indicator.source),
      use(indicator.source_note), use(indicator.frequency), use(baseline.value, baseline.indicator),
      use(indicator.baseline_period), use(published), use(created), use(updated), into(id);
  return id;
}

bool update_indicator(soci::session& sql, const Indicator& indicator) {
  Nullable<long long> plan(indicator.plan_id);
  Nullable<double> baseline(indicator.baseline);
  const int published = indicator.published ? 1 : 0;
  const std::string now = now_iso_utc();
  soci::statement st =
      (sql.prepare << "UPDATE indicators SET plan_id = :p, name = :n, definition = :d, unit = :u, "
                      "currency = :c, decimals = :dec, direction = :dir, source = :s, "
                      "source_note = :sn, frequency = :f, baseline = :b, baseline_period = :bp, "
                      "published = :pub, updated_at = :ua, row_version = row_version + 1 "
                      "WHERE id = :id AND workspace_id = :w AND row_version = :rv",
       use(plan.value, plan.indicator), use(indicator.name), use(indicator.definition),
       use(indicator.unit), use(indicator.currency), use(indicator.decimals),
       use(indicator.direction), use(indicator.source), use(indicator.source_note),
       use(indicator.frequency), use(baseline.value, baseline.indicator),
       use(indicator.baseline_period), use(published), use(now), use(indicator.id),
       use(indicator.workspace_id), use(indicator.row_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

std::optional<Indicator> find_indicator(soci::session& sql, long long workspace_id, long long id) {
  IndicatorRow row;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(use(id));
  st.exchange(use(workspace_id));
  prepare_and_run(st, std::string(kIndicatorColumns) + "WHERE id = :id AND workspace_id = :w");
  if (!st.fetch()) return std::nullopt;
  return row.get();
}

std::vector<Indicator> indicators(soci::session& sql, long long workspace_id, long long plan_id) {
  std::vector<Indicator> out;
  IndicatorRow row;
  soci::statement st(sql);
  row.bind(st);
  st.exchange(use(workspace_id));
  st.exchange(use(plan_id));
  st.exchange(use(plan_id));
  prepare_and_run(st, std::string(kIndicatorColumns) +
                          "WHERE workspace_id = :w AND (:p1 = 0 OR plan_id = :p2) ORDER BY id");
  while (st.fetch()) out.push_back(row.get());
  i18n::sort_by_name(out, auth::workspace_language(sql, workspace_id),
                     [](const Indicator& item) -> const std::string& { return item.name; });
  return out;
}

bool indicator_name_taken(soci::session& sql, long long workspace_id, const std::string& name,
                          long long except_id) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM indicators WHERE workspace_id = :w AND name = :n AND id <> :id",
      use(workspace_id), use(name), use(except_id), into(count);
  return count > 0;
}

void replace_links(soci::session& sql, long long indicator_id, const std::vector<Link>& links) {
  sql << "DELETE FROM indicator_links WHERE indicator_id = :i", use(indicator_id);
  for (const auto& link : links) {
    Nullable<long long> initiative(link.initiative_id);
    Nullable<long long> focus_area(link.focus_area_id);
    sql << "INSERT INTO indicator_links (indicator_id, initiative_id, focus_area_id, weight) "
           "VALUES (:i, :in, :f, :wt)",
        use(indicator_id), use(initiative.value, initiative.indicator),
        use(focus_area.value, focus_area.indicator), use(link.weight);
  }
}

std::vector<Link> links(soci::session& sql, const Scope& scope) {
  std::vector<Link> out;
  Link link;
  Nullable<long long> initiative;
  Nullable<long long> focus_area;
  soci::statement st(sql);
  st.exchange(into(link.indicator_id));
  st.exchange(into(initiative.value, initiative.indicator));
  st.exchange(into(focus_area.value, focus_area.indicator));
  st.exchange(into(link.weight));
  Scope bound = scope;
  prepare_and_run(st, bind_scope(st, bound,
                                 "SELECT indicator_id, initiative_id, focus_area_id, weight FROM "
                                 "indicator_links WHERE ",
                                 " ORDER BY indicator_id, id"));
  while (st.fetch()) {
    link.initiative_id = initiative.get();
    link.focus_area_id = focus_area.get();
    out.push_back(link);
  }
  return out;
}

long long insert_target(soci::session& sql, const Target& target) {
  long long id = 0;
  Nullable<double> high(target.high);
  Nullable<long long> area(target.area_id);
  const int per_event = target.per_event ? 1 : 0;
  sql << "INSERT INTO indicator_targets (indicator_id, comparator, value, high, period_start, "
         "period_end, area_id, per_event, note) VALUES (:i, :c, :v, :h, :ps, :pe, :a, :e, :n) "
         "RETURNING id",
      use(target.indicator_id), use(target.comparator), use(target.value),
      use(high.value, high.indicator), use(target.period_start), use(target.period_end),
      use(area.value, area.indicator), use(per_event), use(target.note), into(id);
  return id;
}

void delete_target(soci::session& sql, long long indicator_id, long long target_id) {
  sql << "DELETE FROM indicator_targets WHERE id = :t AND indicator_id = :i", use(target_id),
      use(indicator_id);
}

std::vector<Target> targets(soci::session& sql, const Scope& scope) {
  std::vector<Target> out;
  Target target;
  Nullable<double> high;
  Nullable<long long> area;
  int per_event = 0;
  soci::statement st(sql);
  st.exchange(into(target.id));
  st.exchange(into(target.indicator_id));
  st.exchange(into(target.comparator));
  st.exchange(into(target.value));
  st.exchange(into(high.value, high.indicator));
  st.exchange(into(target.period_start));
  st.exchange(into(target.period_end));
  st.exchange(into(area.value, area.indicator));
  st.exchange(into(per_event));
  st.exchange(into(target.note));
  Scope bound = scope;
  prepare_and_run(st, bind_scope(st, bound,
                                 "SELECT id, indicator_id, comparator, value, high, period_start, "
                                 "period_end, area_id, per_event, note FROM indicator_targets "
                                 "WHERE ",
                                 " ORDER BY indicator_id, period_start, id"));
  while (st.fetch()) {
    target.high = high.get();
    target.area_id = area.get();
    target.per_event = per_event != 0;
    out.push_back(target);
  }
  return out;
}

std::vector<Value> values(soci::session& sql, const Scope& scope) {
  std::vector<Value> out;
  Value value;
  Nullable<long long> area;
  Nullable<double> number;
  Nullable<double> numerator;
  Nullable<double> denominator;
  Nullable<long long> entered_by;
  int example = 0;
  soci::statement st(sql);
  st.exchange(into(value.id));
  st.exchange(into(value.indicator_id));
  st.exchange(into(value.period));
  st.exchange(into(area.value, area.indicator));
  st.exchange(into(number.value, number.indicator));
  st.exchange(into(numerator.value, numerator.indicator));
  st.exchange(into(denominator.value, denominator.indicator));
  st.exchange(into(value.status));
  st.exchange(into(value.note));
  st.exchange(into(value.origin));
  st.exchange(into(entered_by.value, entered_by.indicator));
  st.exchange(into(value.import_file));
  st.exchange(into(value.import_table));
  st.exchange(into(example));
  st.exchange(into(value.updated_at));
  Scope bound = scope;
  prepare_and_run(
      st, bind_scope(st, bound,
                     "SELECT v.id, v.indicator_id, v.period, v.area_id, v.value, v.numerator, "
                     "v.denominator, v.status, v.note, s.origin, s.entered_by, s.import_file, "
                     "s.import_table, v.example, s.created_at FROM indicator_values v JOIN "
                     "value_sources s ON s.id = v.source_id WHERE v.",
                     " ORDER BY v.indicator_id, v.period, v.area_key"));
  while (st.fetch()) {
    value.area_id = area.get();
    value.value = number.get();
    value.numerator = numerator.get();
    value.denominator = denominator.get();
    value.entered_by = entered_by.get();
    value.example = example != 0;
    out.push_back(value);
  }
  return out;
}

void delete_value(soci::session& sql, long long indicator_id, long long value_id) {
  sql << "DELETE FROM indicator_values WHERE id = :v AND indicator_id = :i", use(value_id),
      use(indicator_id);
}

long long insert_staged_import(soci::session& sql, const StagedImport& staged) {
  long long id = 0;
  Nullable<long long> user(staged.user_id);
  Nullable<long long> plan(staged.plan_id);
  const auto content = crypto::base64_encode(staged.content);
  sql << "INSERT INTO staged_imports (workspace_id, user_id, plan_id, file_name, content_base64, "
         "created_at) VALUES (:w, :u, :p, :f, :c, :t) RETURNING id",
      use(staged.workspace_id), use(user.value, user.indicator), use(plan.value, plan.indicator),
      use(staged.file_name), use(content), use(staged.created_at), into(id);
  return id;
}

std::optional<StagedImport> find_staged_import(soci::session& sql, long long workspace_id,
                                               long long id) {
  StagedImport staged;
  Nullable<long long> user;
  Nullable<long long> plan;
  std::string content;
  sql << "SELECT id, workspace_id, user_id, plan_id, file_name, content_base64, created_at FROM "
         "staged_imports WHERE id = :id AND workspace_id = :w",
      into(staged.id), into(staged.workspace_id), into(user.value, user.indicator),
      into(plan.value, plan.indicator), into(staged.file_name), into(content),
      into(staged.created_at), use(id), use(workspace_id);
  if (!sql.got_data()) return std::nullopt;
  staged.user_id = user.get();
  staged.plan_id = plan.get();
  staged.content = crypto::base64_decode(content).value_or(std::string());
  return staged;
}

void delete_staged_import(soci::session& sql, long long workspace_id, long long id) {
  sql << "DELETE FROM staged_imports WHERE id = :id AND workspace_id = :w", use(id),
      use(workspace_id);
}

void delete_staged_imports_before(soci::session& sql, const std::string& before) {
  sql << "DELETE FROM staged_imports WHERE created_at < :t", use(before);
}

}  // namespace samtryg::indicators::store
