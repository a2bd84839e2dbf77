#include "features/indicators/store.hpp"

#include <fmt/format.h>

#include <cmath>
#include <set>
#include <unordered_map>

#include "core/db/database.hpp"
#include "core/db/nullable.hpp"
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

long long area_key(const std::optional<long long>& area) {
  return area.value_or(0);
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
                                       "WHERE workspace_id = :w ORDER BY name, id",
                        into(area.id), into(area.workspace_id), into(area.name), into(area.kind),
                        into(area.code), use(workspace_id));
  st.execute();
  while (st.fetch()) out.push_back(area);
  return out;
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
  prepare_and_run(st,
                  std::string(kIndicatorColumns) +
                      "WHERE workspace_id = :w AND (:p1 = 0 OR plan_id = :p2) ORDER BY name, id");
  while (st.fetch()) out.push_back(row.get());
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

// ---- values ----

namespace {

// What decides whether a write changes a stored value.
struct StoredValue {
  std::optional<double> value;
  std::optional<double> numerator;
  std::optional<double> denominator;
  std::string status;
  std::string note;

  static StoredValue of(const Value& value) {
    return {value.value, value.numerator, value.denominator, value.status, value.note};
  }
  // Compared in place: an import compares every value, most of them unchanged on a re-import.
  bool matches(const Value& written) const {
    return value == written.value && numerator == written.numerator &&
           denominator == written.denominator && status == written.status && note == written.note;
  }
};

// Value rows as column vectors for SOCI's vector binds: both writers insert and update through
// these two statements, a single typed value as a batch of one.
struct ValueColumns {
  std::vector<long long> indicator_id;
  std::vector<std::string> period;
  std::vector<long long> area_id;
  std::vector<soci::indicator> area_set;
  std::vector<long long> area_key;
  std::vector<double> value;
  std::vector<soci::indicator> value_set;
  std::vector<double> numerator;
  std::vector<soci::indicator> numerator_set;
  std::vector<double> denominator;
  std::vector<soci::indicator> denominator_set;
  std::vector<std::string> status;
  std::vector<std::string> note;
  std::vector<std::string> origin;
  std::vector<long long> entered_by;
  std::vector<soci::indicator> entered_by_set;
  std::vector<std::string> import_file;
  std::vector<std::string> import_table;
  std::vector<int> example;
  std::vector<std::string> updated_at;

  template <class T>
  static void push(std::vector<T>& values, std::vector<soci::indicator>& set,
                   const std::optional<T>& optional) {
    values.push_back(optional.value_or(T{}));
    set.push_back(optional ? soci::i_ok : soci::i_null);
  }

  void add(const Value& row, long long key, const std::string& now) {
    indicator_id.push_back(row.indicator_id);
    period.push_back(row.period);
    push(area_id, area_set, row.area_id);
    area_key.push_back(key);
    push(value, value_set, row.value);
    push(numerator, numerator_set, row.numerator);
    push(denominator, denominator_set, row.denominator);
    status.push_back(row.status);
    note.push_back(row.note);
    origin.push_back(row.origin);
    push(entered_by, entered_by_set, row.entered_by);
    import_file.push_back(row.import_file);
    import_table.push_back(row.import_table);
    example.push_back(row.example ? 1 : 0);
    updated_at.push_back(row.updated_at.empty() ? now : row.updated_at);
  }

  std::size_t size() const { return indicator_id.size(); }

  void insert_into(soci::session& sql) {
    if (size() == 0) return;
    soci::statement st =
        (sql.prepare << "INSERT INTO indicator_values (indicator_id, period, area_id, area_key, "
                        "value, numerator, denominator, status, note, origin, entered_by, "
                        "import_file, import_table, example, updated_at) VALUES (:i, :p, :a, :k, "
                        ":v, :n, :d, :s, :note, :o, :e, :f, :t, :x, :u)",
         use(indicator_id), use(period), use(area_id, area_set), use(area_key),
         use(value, value_set), use(numerator, numerator_set), use(denominator, denominator_set),
         use(status), use(note), use(origin), use(entered_by, entered_by_set), use(import_file),
         use(import_table), use(example), use(updated_at));
    st.execute(true);
    *this = ValueColumns();
  }

  // Keyed by (indicator, period, area) rather than id: rows inserted earlier in the same batch
  // have no id known here.
  void update_in(soci::session& sql) {
    if (size() == 0) return;
    soci::statement st =
        (sql.prepare << "UPDATE indicator_values SET value = :v, numerator = :n, denominator = "
                        ":d, status = :s, note = :note, origin = :o, entered_by = :e, "
                        "import_file = :f, import_table = :t, example = :x, updated_at = :u "
                        "WHERE indicator_id = :i AND period = :p AND area_key = :k",
         use(value, value_set), use(numerator, numerator_set), use(denominator, denominator_set),
         use(status), use(note), use(origin), use(entered_by, entered_by_set), use(import_file),
         use(import_table), use(example), use(updated_at), use(indicator_id), use(period),
         use(area_key));
    st.execute(true);
    *this = ValueColumns();
  }
};

// Reads the stored part of one value row from a statement's current row.
struct StoredRow {
  std::string period;
  long long area = 0;
  Nullable<double> value;
  Nullable<double> numerator;
  Nullable<double> denominator;
  std::string status;
  std::string note;

  void bind(soci::statement& st) {
    st.exchange(into(period));
    st.exchange(into(area));
    st.exchange(into(value.value, value.indicator));
    st.exchange(into(numerator.value, numerator.indicator));
    st.exchange(into(denominator.value, denominator.indicator));
    st.exchange(into(status));
    st.exchange(into(note));
  }
  StoredValue stored() const {
    return {value.get(), numerator.get(), denominator.get(), status, note};
  }
};

constexpr const char* kStoredColumns =
    "SELECT period, area_key, value, numerator, denominator, status, note FROM indicator_values "
    "WHERE indicator_id = :i";

}  // namespace

struct ValueWriter::Statements {
  soci::session& sql;
};

ValueWriter::ValueWriter(soci::session& sql)
    : statements_(std::make_unique<Statements>(Statements{sql})) {}
ValueWriter::~ValueWriter() = default;

Upsert ValueWriter::write(const Value& value) {
  auto& sql = statements_->sql;
  const auto key = area_key(value.area_id);
  StoredRow old;
  soci::statement find(sql);
  old.bind(find);
  find.exchange(use(value.indicator_id));
  find.exchange(use(value.period));
  find.exchange(use(key));
  prepare_and_run(find, std::string(kStoredColumns) + " AND period = :p AND area_key = :k");
  const bool exists = find.fetch();  // the key is unique: one row at most
  ValueColumns row;
  row.add(value, key, now_iso_utc());
  if (!exists) {
    row.insert_into(sql);
    return Upsert::inserted;
  }
  if (old.stored().matches(value)) return Upsert::unchanged;
  row.update_in(sql);
  return Upsert::updated;
}

struct BulkValueWriter::State {
  static constexpr std::size_t kBatch = 10'000;

  explicit State(soci::session& session) : sql(session) {}

  struct Key {
    long long indicator_id;
    long long area;
    std::string period;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& key) const {
      const auto h = std::hash<std::string>{}(key.period);
      return h ^ (static_cast<std::size_t>(key.area) * 0x9E3779B97F4A7C15ULL) ^
             (static_cast<std::size_t>(key.indicator_id) << 32U);
    }
  };

  void load(long long indicator_id) {
    if (!loaded.insert(indicator_id).second) return;
    StoredRow row;
    soci::statement st(sql);
    row.bind(st);
    st.exchange(use(indicator_id));
    prepare_and_run(st, kStoredColumns);
    while (st.fetch()) stored[Key{indicator_id, row.area, row.period}] = row.stored();
  }

  soci::session& sql;
  std::set<long long> loaded;
  std::unordered_map<Key, StoredValue, KeyHash> stored;
  ValueColumns inserts;
  ValueColumns updates;
  std::string now = now_iso_utc();
};

BulkValueWriter::BulkValueWriter(soci::session& sql) : state_(std::make_unique<State>(sql)) {}
BulkValueWriter::~BulkValueWriter() = default;

Upsert BulkValueWriter::write(const Value& value) {
  auto& s = *state_;
  s.load(value.indicator_id);
  const auto key = area_key(value.area_id);
  auto [found, fresh] = s.stored.try_emplace(State::Key{value.indicator_id, key, value.period});
  if (!fresh && found->second.matches(value)) return Upsert::unchanged;
  found->second = StoredValue::of(value);
  // Inserts go out before updates, so a key inserted and changed in one batch ends right.
  (fresh ? s.inserts : s.updates).add(value, key, s.now);
  if (s.inserts.size() + s.updates.size() >= State::kBatch) flush();
  return fresh ? Upsert::inserted : Upsert::updated;
}

void BulkValueWriter::flush() {
  state_->inserts.insert_into(state_->sql);
  state_->updates.update_in(state_->sql);
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
                     "SELECT id, indicator_id, period, area_id, value, numerator, denominator, "
                     "status, note, origin, entered_by, import_file, import_table, example, "
                     "updated_at FROM indicator_values WHERE ",
                     " ORDER BY indicator_id, period, area_key"));
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
