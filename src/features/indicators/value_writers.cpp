// Writing indicator values: the single writer for a typed value and the bulk writer for
// imports, sharing their rows, statements and value sources (store.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <boost/container_hash/hash.hpp>
#include <boost/unordered/unordered_flat_map.hpp>
#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <stdexcept>

#include "core/db/database.hpp"
#include "core/db/nullable.hpp"
#include "core/db/sqlite_statement.hpp"
#include "core/util/time.hpp"
#include "features/indicators/store.hpp"

namespace samtryg::indicators::store {

using db::Nullable;
using db::prepare_and_run;
using soci::into;
using soci::use;

namespace {

long long area_key(const std::optional<long long>& area) {
  return area.value_or(0);
}

// Texts numbered in the order first met: an import holds the status and note of every value it
// touches as two numbers instead of two strings.
class Texts {
 public:
  std::uint32_t id(const std::string& text) {
    return ids_.try_emplace(text, static_cast<std::uint32_t>(ids_.size())).first->second;
  }

 private:
  boost::unordered_flat_map<std::string, std::uint32_t> ids_;
};

// What decides whether a write changes a stored value, in 32 bytes: an import keeps one for
// every value it touches (a million, say), so they must be small to stay in memory cheaply.
struct StoredValue {
  double value = 0;
  double numerator = 0;
  double denominator = 0;
  std::uint32_t note = 0;
  std::uint16_t status = 0;
  std::uint8_t present = 0;  // which of value, numerator, denominator are set (bits 0, 1, 2)

  // Statuses and notes are numbered apart: there are only a few statuses, so theirs fit in 16
  // bits however many different notes an import brings.
  struct Numbering {
    Texts statuses;
    Texts notes;
  };

  static StoredValue of(const Value& row, Numbering& texts) {
    StoredValue out;
    const auto take = [&out](const std::optional<double>& number, double& into, int bit) {
      if (!number) return;
      into = *number;
      out.present = static_cast<std::uint8_t>(out.present | (1U << bit));
    };
    take(row.value, out.value, 0);
    take(row.numerator, out.numerator, 1);
    take(row.denominator, out.denominator, 2);
    out.note = texts.notes.id(row.note);
    out.status = static_cast<std::uint16_t>(texts.statuses.id(row.status));
    return out;
  }
  bool operator==(const StoredValue&) const = default;
};

long long workspace_of_indicator(soci::session& sql, long long indicator_id) {
  long long workspace_id = 0;
  sql << "SELECT workspace_id FROM indicators WHERE id = :i", use(indicator_id), into(workspace_id);
  if (!sql.got_data()) throw std::invalid_argument(fmt::format("no indicator {}", indicator_id));
  return workspace_id;
}

// Provenance: who typed a value, or which file and table it was imported from, and when.
struct Provenance {
  long long workspace_id = 0;
  std::string origin;
  std::optional<long long> entered_by;
  std::string import_file;
  std::string import_table;
  std::string at;

  // clang-tidy 14 reads the defaulted <=> as a comparison with a literal 0.
  auto operator<=>(const Provenance&) const = default;  // NOLINT(modernize-use-nullptr)
};

// The value_sources rows a writer uses: one per distinct provenance it meets, created when
// first met. An import meets one, so the check against the last one is the common case.
class Sources {
 public:
  // `before_insert` runs before a new source row is written: a writer whose rows are being
  // written in the background waits for them there.
  explicit Sources(soci::session& sql, std::function<void()> before_insert = {})
      : sql_(sql), before_insert_(std::move(before_insert)) {}
  Sources(const Sources&) = delete;
  Sources& operator=(const Sources&) = delete;

  long long of(long long workspace_id, const Value& value, const std::string& now) {
    const std::string& at = value.updated_at.empty() ? now : value.updated_at;
    if (last_ != ids_.end() && same(last_->first, workspace_id, value, at)) return last_->second;
    Provenance key{workspace_id,      value.origin,       value.entered_by,
                   value.import_file, value.import_table, at};
    auto found = ids_.find(key);
    if (found == ids_.end()) found = ids_.emplace(key, insert(key)).first;
    last_ = found;
    return found->second;
  }

 private:
  // Compared field by field rather than by building a Provenance: that would copy four
  // strings for every value of an import.
  static bool same(const Provenance& known, long long workspace_id, const Value& value,
                   const std::string& at) {
    return known.workspace_id == workspace_id && known.entered_by == value.entered_by &&
           known.at == at && known.origin == value.origin &&
           known.import_file == value.import_file && known.import_table == value.import_table;
  }

  long long insert(const Provenance& source) {
    if (before_insert_) before_insert_();
    long long id = 0;
    Nullable<long long> entered_by(source.entered_by);
    sql_ << "INSERT INTO value_sources (workspace_id, origin, entered_by, import_file, "
            "import_table, created_at) VALUES (:w, :o, :e, :f, :t, :c) RETURNING id",
        use(source.workspace_id), use(source.origin), use(entered_by.value, entered_by.indicator),
        use(source.import_file), use(source.import_table), use(source.at), into(id);
    return id;
  }

  soci::session& sql_;
  std::function<void()> before_insert_;
  std::map<Provenance, long long> ids_;
  std::map<Provenance, long long>::const_iterator last_ = ids_.end();
};

// PostgreSQL runs both statements as they are. On SQLite the UPDATE runs as it is too (SQLite
// numbers named parameters in the order they first appear, which is the order ValueRows binds
// them in), and the INSERT's column list heads a VALUES list of many rows (ValueRows::insert_of).
constexpr const char* kInsertValue =
    "INSERT INTO indicator_values (indicator_id, area_key, period, area_id, value, numerator, "
    "denominator, status, note, example, source_id) VALUES (:i, :k, :p, :a, :v, :n, :d, :s, "
    ":note, :x, :src)";
// Keyed by (indicator, area, period) rather than id: rows inserted earlier in the same batch
// have no id known here.
constexpr const char* kUpdateValue =
    "UPDATE indicator_values SET value = :v, numerator = :n, denominator = :d, status = :s, "
    "note = :note, example = :x, source_id = :src WHERE indicator_id = :i AND area_key = :k AND "
    "period = :p";

// Value rows as column vectors for SOCI's vector binds (PostgreSQL: one round trip a batch).
struct ValueColumns {
  std::vector<long long> indicator_id;
  std::vector<long long> area_key;
  std::vector<std::string> period;
  std::vector<long long> area_id;
  std::vector<soci::indicator> area_set;
  std::vector<double> value;
  std::vector<soci::indicator> value_set;
  std::vector<double> numerator;
  std::vector<soci::indicator> numerator_set;
  std::vector<double> denominator;
  std::vector<soci::indicator> denominator_set;
  std::vector<std::string> status;
  std::vector<std::string> note;
  std::vector<int> example;
  std::vector<long long> source_id;

  template <class T>
  static void push(std::vector<T>& values, std::vector<soci::indicator>& set,
                   const std::optional<T>& optional) {
    values.push_back(optional.value_or(T{}));
    set.push_back(optional ? soci::i_ok : soci::i_null);
  }

  void add(const Value& row, long long key, long long source) {
    indicator_id.push_back(row.indicator_id);
    area_key.push_back(key);
    period.push_back(row.period);
    push(area_id, area_set, row.area_id);
    push(value, value_set, row.value);
    push(numerator, numerator_set, row.numerator);
    push(denominator, denominator_set, row.denominator);
    status.push_back(row.status);
    note.push_back(row.note);
    example.push_back(row.example ? 1 : 0);
    source_id.push_back(source);
  }

  std::size_t size() const { return indicator_id.size(); }

  // Emptied, keeping the capacity for the next batch.
  void clear() {
    const auto all = [](auto&... columns) { (columns.clear(), ...); };
    all(indicator_id, area_key, period, area_id, area_set, value, value_set, numerator,
        numerator_set, denominator, denominator_set, status, note, example, source_id);
  }

  template <class T>
  static std::optional<T> at(const std::vector<T>& values, const std::vector<soci::indicator>& set,
                             std::size_t row) {
    return set[row] == soci::i_ok ? std::optional<T>(values[row]) : std::nullopt;
  }

  void insert_into(soci::session& sql) {
    if (size() == 0) return;
    soci::statement st =
        (sql.prepare << kInsertValue, use(indicator_id), use(area_key), use(period),
         use(area_id, area_set), use(value, value_set), use(numerator, numerator_set),
         use(denominator, denominator_set), use(status), use(note), use(example), use(source_id));
    st.execute(true);
    clear();
  }

  void update_in(soci::session& sql) {
    if (size() == 0) return;
    soci::statement st =
        (sql.prepare << kUpdateValue, use(value, value_set), use(numerator, numerator_set),
         use(denominator, denominator_set), use(status), use(note), use(example), use(source_id),
         use(indicator_id), use(area_key), use(period));
    st.execute(true);
    clear();
  }
};

// Writes value rows for both writers: rows gather into column vectors and go out in batches,
// inserts before updates (so a key inserted and changed in one batch ends right). PostgreSQL
// gets them through SOCI's vector binds, a round trip a batch. SQLite gets them through
// statements on the library's own handle, the inserts as one statement of many rows: each
// statement SQLite runs costs about twice what a row costs, and SOCI copies every value of
// every row once more (docs/performance.md). With `background`, SQLite's batches are written
// on a thread of their own while the caller gathers the next one, one batch at a time; the
// session is then not the caller's until wait() (or flush()) returns.
class ValueRows {
 public:
  ValueRows(soci::session& sql, bool background)
      : sql_(sql), sqlite_(db::is_sqlite(sql)), background_(background && sqlite_) {}
  ~ValueRows() {
    if (writing_.valid()) writing_.wait();  // its failure is already on its way up
  }
  ValueRows(const ValueRows&) = delete;
  ValueRows& operator=(const ValueRows&) = delete;

  void insert(const Value& row, long long key, long long source) {
    gathering_.inserts.add(row, key, source);
    if (gathering_.size() >= batch()) send();
  }

  void update(const Value& row, long long key, long long source) {
    gathering_.updates.add(row, key, source);
    if (gathering_.size() >= batch()) send();
  }

  // Everything gathered is written when this returns.
  void flush() {
    send();
    wait();
  }

  // The batch being written in the background is written when this returns (its failure is
  // thrown here); the session is free for other statements.
  void wait() {
    if (writing_.valid()) writing_.get();
  }

 private:
  struct Batch {
    ValueColumns inserts;
    ValueColumns updates;
    std::size_t size() const { return inserts.size() + updates.size(); }
  };

  void send() {
    if (!sqlite_) {
      gathering_.inserts.insert_into(sql_);
      gathering_.updates.update_in(sql_);
      return;
    }
    if (!background_) return write_to_sqlite(gathering_);
    wait();
    std::swap(gathering_, sending_);
    if (sending_.size() > 0) {
      writing_ = std::async(std::launch::async, [this] { write_to_sqlite(sending_); });
    }
  }

  void write_to_sqlite(Batch& batch) {
    insert_into_sqlite(batch.inserts);
    update_in_sqlite(batch.updates);
  }

  static constexpr std::size_t kRowsPerStatement = 128;  // 1,408 parameters of SQLite's 32,766
  static constexpr int kColumns = 11;

  std::size_t batch() const { return sqlite_ ? 64 * kRowsPerStatement : 10'000; }

  static std::string insert_of(std::size_t rows) {
    std::string query(kInsertValue, std::string_view(kInsertValue).find("VALUES") + 6);
    for (std::size_t row = 0; row < rows; ++row) {
      query += row == 0 ? " (" : ", (";
      for (int column = 0; column < kColumns; ++column) query += column == 0 ? "?" : ", ?";
      query += ')';
    }
    return query;
  }

  void insert_into_sqlite(ValueColumns& c) {
    std::size_t row = 0;
    while (row < c.size()) {
      const auto rows = std::min(kRowsPerStatement, c.size() - row);
      std::optional<db::SqliteStatement> remainder;
      if (rows == kRowsPerStatement && !full_insert_) full_insert_.emplace(sql_, insert_of(rows));
      if (rows < kRowsPerStatement) remainder.emplace(sql_, insert_of(rows));
      auto& st = rows == kRowsPerStatement ? *full_insert_ : *remainder;
      int position = 1;
      for (const auto end = row + rows; row < end; ++row) {
        st.bind(position++, c.indicator_id[row]);
        st.bind(position++, c.area_key[row]);
        st.bind(position++, c.period[row]);
        st.bind(position++, ValueColumns::at(c.area_id, c.area_set, row));
        position = bind_stored(st, position, c, row);
      }
      st.run();
    }
    c.clear();
  }

  void update_in_sqlite(ValueColumns& c) {
    if (c.size() > 0 && !update_) update_.emplace(sql_, kUpdateValue);
    for (std::size_t row = 0; row < c.size(); ++row) {
      auto& st = *update_;
      int position = bind_stored(st, 1, c, row);
      st.bind(position++, c.indicator_id[row]);
      st.bind(position++, c.area_key[row]);
      st.bind(position, c.period[row]);
      st.run();
    }
    c.clear();
  }

  // value, numerator, denominator, status, note, example, source from `position` on; returns
  // the next position.
  static int bind_stored(db::SqliteStatement& st, int position, const ValueColumns& c,
                         std::size_t row) {
    st.bind(position++, ValueColumns::at(c.value, c.value_set, row));
    st.bind(position++, ValueColumns::at(c.numerator, c.numerator_set, row));
    st.bind(position++, ValueColumns::at(c.denominator, c.denominator_set, row));
    st.bind(position++, c.status[row]);
    st.bind(position++, c.note[row]);
    st.bind(position++, static_cast<long long>(c.example[row]));
    st.bind(position++, c.source_id[row]);
    return position;
  }

  soci::session& sql_;
  bool sqlite_;
  bool background_;
  Batch gathering_;
  Batch sending_;
  // Used by one thread at a time: the one writing the batch.
  std::optional<db::SqliteStatement> full_insert_;
  std::optional<db::SqliteStatement> update_;
  std::future<void> writing_;  // declared last: destroyed (waited for) first
};

// Reads the stored part of one value row from a statement's current row.
struct StoredRow {
  std::string period;
  long long area = 0;
  Nullable<double> value;
  Nullable<double> numerator;
  Nullable<double> denominator;
  Value row;

  void bind(soci::statement& st) {
    st.exchange(into(period));
    st.exchange(into(area));
    st.exchange(into(value.value, value.indicator));
    st.exchange(into(numerator.value, numerator.indicator));
    st.exchange(into(denominator.value, denominator.indicator));
    st.exchange(into(row.status));
    st.exchange(into(row.note));
  }
  StoredValue stored(StoredValue::Numbering& texts) {
    row.value = value.get();
    row.numerator = numerator.get();
    row.denominator = denominator.get();
    return StoredValue::of(row, texts);
  }
};

constexpr const char* kStoredColumns =
    "SELECT period, area_key, value, numerator, denominator, status, note FROM indicator_values "
    "WHERE indicator_id = :i";

}  // namespace

struct ValueWriter::Statements {
  explicit Statements(soci::session& session) : sql(session), sources(session) {}
  soci::session& sql;
  Sources sources;
};

ValueWriter::ValueWriter(soci::session& sql) : statements_(std::make_unique<Statements>(sql)) {}
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
  prepare_and_run(find, fmt::format("{} AND period = :p AND area_key = :k", kStoredColumns));
  const bool exists = find.fetch();  // the key is unique: one row at most
  StoredValue::Numbering texts;
  if (exists && old.stored(texts) == StoredValue::of(value, texts)) return Upsert::unchanged;
  const auto source = statements_->sources.of(workspace_of_indicator(sql, value.indicator_id),
                                              value, now_iso_utc());
  ValueRows rows(sql, false);
  if (exists) {
    rows.update(value, key, source);
  } else {
    rows.insert(value, key, source);
  }
  rows.flush();
  return exists ? Upsert::updated : Upsert::inserted;
}

struct BulkValueWriter::State {
  State(soci::session& session, bool background)
      : sql(session), sources(session, [this] { rows.wait(); }), rows(session, background) {}

  // Stored values by indicator and area, then by period. Values arrive area by area, period
  // after period (a statistics table's time dimension varies fastest), so one area's periods
  // are looked up together in a table of a few kilobytes instead of all over one of a hundred
  // megabytes, where every lookup missed the cache. Periods are interned.
  struct Place {
    long long area;
    std::uint32_t indicator;
    bool operator==(const Place&) const = default;
  };
  struct PlaceHash {
    std::size_t operator()(const Place& place) const noexcept {
      std::size_t seed = 0;
      boost::hash_combine(seed, place.area);
      boost::hash_combine(seed, place.indicator);
      return seed;
    }
  };
  using Periods = boost::unordered_flat_map<std::uint32_t, StoredValue>;

  Periods& periods_at(const Place& place) {
    if (last_periods == nullptr || !(last_place == place)) {
      const auto previous = last_periods == nullptr ? 0 : last_periods->size();
      auto [found, fresh] = stored.try_emplace(place);  // may move the others: keep only this
      // A table has the same periods in every area, most likely: room for as many as the
      // area before, instead of growing (and moving) the table several times.
      if (fresh) found->second.reserve(previous);
      last_periods = &found->second;
      last_place = place;
    }
    return *last_periods;
  }

  struct Indicator {
    long long id = 0;
    long long workspace_id = 0;
    std::uint32_t number = 0;
  };

  // The first time an indicator is met, its stored values are read so that inserted, updated
  // or unchanged is decided in memory.
  const Indicator& indicator(long long indicator_id) {
    if (last != nullptr && last->id == indicator_id) return *last;
    auto [found, fresh] = indicators.try_emplace(indicator_id);
    if (fresh) {
      rows.wait();  // the session is needed here
      found->second = {indicator_id, workspace_of_indicator(sql, indicator_id),
                       static_cast<std::uint32_t>(indicators.size())};
      StoredRow row;
      soci::statement st(sql);
      row.bind(st);
      st.exchange(use(indicator_id));
      prepare_and_run(st, kStoredColumns);
      while (st.fetch()) {
        periods_at({row.area, found->second.number})[periods.id(row.period)] = row.stored(texts);
      }
    }
    last = &found->second;
    return *last;
  }

  soci::session& sql;
  Sources sources;
  std::map<long long, Indicator> indicators;
  const Indicator* last = nullptr;
  Texts periods;
  StoredValue::Numbering texts;
  boost::unordered_flat_map<Place, Periods, PlaceHash> stored;
  Periods* last_periods = nullptr;
  Place last_place{};
  ValueRows rows;
  std::string now = now_iso_utc();
};

BulkValueWriter::BulkValueWriter(soci::session& sql, Writes writes)
    : state_(std::make_unique<State>(sql, writes == Writes::in_background)) {}
BulkValueWriter::~BulkValueWriter() = default;

Upsert BulkValueWriter::write(const Value& value) {
  auto& s = *state_;
  const auto& indicator = s.indicator(value.indicator_id);
  const auto area = area_key(value.area_id);
  auto& periods = s.periods_at({area, indicator.number});
  const auto written = StoredValue::of(value, s.texts);
  auto [found, fresh] = periods.try_emplace(s.periods.id(value.period), written);
  if (!fresh) {
    if (found->second == written) return Upsert::unchanged;
    found->second = written;
  }
  const auto source = s.sources.of(indicator.workspace_id, value, s.now);
  if (fresh) {
    s.rows.insert(value, area, source);
    return Upsert::inserted;
  }
  s.rows.update(value, area, source);
  return Upsert::updated;
}

void BulkValueWriter::flush() {
  state_->rows.flush();
}

}  // namespace samtryg::indicators::store
