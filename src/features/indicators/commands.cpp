#include "features/indicators/commands.hpp"

#include <boost/unordered/unordered_flat_map.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/audit/audit.hpp"
#include "core/util/time.hpp"
#include "features/indicators/json.hpp"
#include "features/indicators/queries.hpp"
#include "features/indicators/store.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::indicators {

namespace {

using validation::Errors;

// Links, the plan and areas must stay inside the actor's workspace (and the indicator's plan).
void check_indicator_links(soci::session& sql, const Actor& actor, const Indicator& indicator,
                           const std::vector<Link>& links, Errors& errors) {
  if (indicator.plan_id && !strategy::find_plan(sql, actor, *indicator.plan_id)) {
    errors.add("plan_id", "link_not_in_workspace");
  }
  for (const auto& link : links) {
    if (link.weight < 0 || !std::isfinite(link.weight)) errors.add("links", "number_invalid");
    if (link.initiative_id) {
      const auto found = strategy::find_initiative(sql, actor, *link.initiative_id);
      if (!found || (indicator.plan_id && found->plan_id != *indicator.plan_id)) {
        errors.add("links", "link_not_in_plan");
      }
    }
    if (link.focus_area_id) {
      const auto found = strategy::find_focus_area(sql, actor, *link.focus_area_id);
      if (!found) errors.add("links", "link_not_in_workspace");
    }
    if (link.initiative_id.has_value() == link.focus_area_id.has_value()) {
      errors.add("links", "link_not_in_plan");
    }
  }
  if (store::indicator_name_taken(sql, actor.workspace_id, indicator.name, indicator.id)) {
    errors.add("name", "name_taken");
  }
}

bool area_in_workspace(soci::session& sql, const Actor& actor, long long area_id) {
  for (const auto& area : store::areas(sql, actor.workspace_id)) {
    if (area.id == area_id) return true;
  }
  return false;
}

}  // namespace

long long create_area(db::Database& database, const Actor& actor, Area area) {
  auth::require_edit_all(actor);
  area.workspace_id = actor.workspace_id;
  validation::throw_if_any(validate_area(area));
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    for (const auto& existing : store::areas(sql, actor.workspace_id)) {
      if (existing.name == area.name) {
        Errors errors;
        errors.add("name", "name_taken");
        throw validation::Invalid(errors);
      }
    }
    area.id = id = store::insert_area(sql, area);
    audit::record_change(sql, actor, "create", "area", id, nullptr, to_json(area));
  });
  return id;
}

long long create_indicator(db::Database& database, const Actor& actor, Indicator indicator,
                           const std::vector<Link>& links) {
  auth::require_edit_all(actor);
  indicator.workspace_id = actor.workspace_id;
  indicator.id = 0;
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    auto errors = validate_indicator(indicator);
    check_indicator_links(sql, actor, indicator, links, errors);
    validation::throw_if_any(errors);
    indicator.id = id = store::insert_indicator(sql, indicator);
    store::replace_links(sql, id, links);
    auto after = to_json(indicator);
    boost::json::array link_json;
    for (const auto& link : links) link_json.push_back(to_json(link));
    after["links"] = std::move(link_json);
    audit::record_change(sql, actor, "create", "indicator", id, nullptr, std::move(after));
  });
  return id;
}

void update_indicator(db::Database& database, const Actor& actor, Indicator indicator,
                      const std::vector<Link>& links) {
  auth::require_edit_all(actor);
  indicator.workspace_id = actor.workspace_id;
  database.in_transaction([&](soci::session& sql) {
    const auto before = indicator_in_workspace(sql, actor, indicator.id);
    indicator.created_at = before.created_at;
    auto errors = validate_indicator(indicator);
    check_indicator_links(sql, actor, indicator, links, errors);
    validation::throw_if_any(errors);
    if (!store::update_indicator(sql, indicator)) throw validation::Conflict();
    store::replace_links(sql, indicator.id, links);
    indicator.row_version += 1;
    audit::record_change(sql, actor, "update", "indicator", indicator.id, to_json(before),
                         to_json(indicator));
  });
}

long long add_target(db::Database& database, const Actor& actor, Target target) {
  auth::require_edit_all(actor);
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    const auto indicator = indicator_in_workspace(sql, actor, target.indicator_id);
    auto errors = validate_target(indicator, target);
    if (target.area_id && !area_in_workspace(sql, actor, *target.area_id)) {
      errors.add("area_id", "link_not_in_workspace");
    }
    validation::throw_if_any(errors);
    target.id = id = store::insert_target(sql, target);
    audit::record_change(sql, actor, "target_added", "indicator", target.indicator_id, nullptr,
                         to_json(target));
  });
  return id;
}

void remove_target(db::Database& database, const Actor& actor, long long indicator_id,
                   long long target_id) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    indicator_in_workspace(sql, actor, indicator_id);
    for (const auto& target : store::targets(sql, store::Scope::indicator(indicator_id))) {
      if (target.id != target_id) continue;
      store::delete_target(sql, indicator_id, target_id);
      audit::record_change(sql, actor, "target_removed", "indicator", indicator_id, to_json(target),
                           nullptr);
      return;
    }
    throw validation::NotFound();
  });
}

validation::Errors check_value(soci::session& sql, const Actor& actor, const Value& value) {
  const auto indicator = indicator_in_workspace(sql, actor, value.indicator_id);
  if (!may_enter_values(sql, actor, store::links(sql, store::Scope::indicator(indicator.id)))) {
    throw validation::Forbidden();
  }
  auto errors = validate_value(indicator, value);
  if (value.area_id && !area_in_workspace(sql, actor, *value.area_id)) {
    errors.add("area_id", "link_not_in_workspace");
  }
  return errors;
}

Upsert save_value_in(soci::session& sql, const Actor& actor, Value value) {
  validation::throw_if_any(check_value(sql, actor, value));
  const auto indicator = indicator_in_workspace(sql, actor, value.indicator_id);
  value.period = normalise_period(indicator, value.period);
  value.entered_by = actor.user_id;
  value.updated_at = now_iso_utc();
  store::ValueWriter writer(sql);
  const auto result = writer.write(value);
  if (result != Upsert::unchanged) {
    auto after = to_json(value);
    after["indicator_id"] = indicator.id;
    audit::record_change(sql, actor, "value_saved", "indicator", indicator.id, nullptr,
                         std::move(after));
  }
  return result;
}

Upsert save_value(db::Database& database, const Actor& actor, const Value& value) {
  Upsert result = Upsert::unchanged;
  database.in_transaction([&](soci::session& sql) { result = save_value_in(sql, actor, value); });
  return result;
}

void remove_value(db::Database& database, const Actor& actor, long long indicator_id,
                  long long value_id) {
  database.in_transaction([&](soci::session& sql) {
    indicator_in_workspace(sql, actor, indicator_id);
    if (!may_enter_values(sql, actor, store::links(sql, store::Scope::indicator(indicator_id)))) {
      throw validation::Forbidden();
    }
    for (const auto& value : store::values(sql, store::Scope::indicator(indicator_id))) {
      if (value.id != value_id) continue;
      store::delete_value(sql, indicator_id, value_id);
      auto before = to_json(value);
      before["indicator_id"] = indicator_id;
      audit::record_change(sql, actor, "value_removed", "indicator", indicator_id,
                           std::move(before), nullptr);
      return;
    }
    throw validation::NotFound();
  });
}

long long stage_import(db::Database& database, const Actor& actor, long long plan_id,
                       const std::string& file_name, const std::string& content) {
  auth::require_edit_all(actor);
  // Staged files nobody confirmed are dropped after this long.
  constexpr auto kStagedLifetime = std::chrono::hours(48);
  StagedImport staged;
  staged.workspace_id = actor.workspace_id;
  staged.user_id = actor.user_id;
  staged.plan_id = plan_id;
  staged.file_name = file_name;
  staged.content = content;
  staged.created_at = now_iso_utc();
  auto sql = database.session();
  store::delete_staged_imports_before(sql, to_iso_utc(Clock::now() - kStagedLifetime));
  return store::insert_staged_import(sql, staged);
}

StagedImport staged_import(db::Database& database, const Actor& actor, long long id) {
  auth::require_edit_all(actor);
  auto sql = database.session();
  auto staged = store::find_staged_import(sql, actor.workspace_id, id);
  if (!staged || !staged->plan_id) throw validation::NotFound();
  return std::move(*staged);
}

void drop_staged_import(db::Database& database, const Actor& actor, long long id) {
  auto sql = database.session();
  store::delete_staged_import(sql, actor.workspace_id, id);
}

namespace {

// One table's values going into the database, inside the import's transaction. First the
// indicators and the areas the table brings, which use the session; then the values, which the
// writer writes in the background while this thread checks and prepares the next ones (so
// nothing else may use the session until writer.flush()). A bad cell anywhere throws, and the
// transaction stores nothing of the table.
class ValueImport {
 public:
  ValueImport(soci::session& sql, const Actor& actor) : sql_(sql), actor_(actor) {
    // Read once: the loop may run over a million cells.
    for (const auto& area : store::areas(sql, actor.workspace_id)) known_areas_.insert(area.id);
  }

  void create_areas(const Preview& preview, ImportOutcome& outcome) {
    for (const auto& item : preview.values) {
      filled_by(item.indicator_id);
      if (!item.area_id && !item.area_code.empty() && !created_.contains(item.area_code)) {
        created_.emplace(item.area_code, create_area(item));
        ++outcome.areas_created;
      } else if (item.area_id && !known_areas_.contains(*item.area_id)) {
        throw validation::NotFound();
      }
    }
  }

  void write_values(const Preview& preview, Value value, ImportOutcome& outcome) {
    store::BulkValueWriter writer(sql_, store::BulkValueWriter::Writes::in_background);
    for (const auto& item : preview.values) {
      auto& target = filled_by(item.indicator_id);
      value.indicator_id = item.indicator_id;
      value.period = item.period;
      value.area_id = item.area_id || item.area_code.empty()
                          ? item.area_id
                          : std::optional(created_.at(item.area_code));
      value.value = item.value;
      check(target, value);
      count(writer.write(value), outcome);
      ++target.values;
    }
    writer.flush();
  }

  void record(const std::string& file_name, const std::string& table_id) {
    for (const auto& [indicator_id, indicator] : filled_) {
      audit::record_change(
          sql_, actor_, "values_imported", "indicator", indicator_id, nullptr,
          boost::json::object{
              {"file", file_name}, {"table", table_id}, {"values", indicator.values}});
    }
  }

 private:
  struct Filled {
    Indicator indicator;
    int values = 0;
    // The periods checked against the indicator's frequency: a table repeats each of them in
    // every area.
    boost::unordered_flat_map<std::string, bool> period_fits;
  };

  Filled& filled_by(long long indicator_id) {
    if (current_ == nullptr || current_->indicator.id != indicator_id) {
      auto [found, fresh] = filled_.try_emplace(indicator_id);
      if (fresh) found->second.indicator = indicator_in_workspace(sql_, actor_, indicator_id);
      current_ = &found->second;
    }
    return *current_;
  }

  long long create_area(const PreviewValue& item) {
    Area area;
    area.workspace_id = actor_.workspace_id;
    area.name = item.area_label.empty() ? item.area_code : item.area_label;
    area.code = item.area_code;
    area.kind = "other";
    validation::throw_if_any(validate_area(area));
    area.id = store::insert_area(sql_, area);
    audit::record_change(sql_, actor_, "create", "area", area.id, nullptr, to_json(area));
    return area.id;
  }

  static void check(Filled& target, const Value& value) {
    validation::Errors errors;
    auto [fits, fresh_period] = target.period_fits.try_emplace(value.period, true);
    if (fresh_period || !fits->second) check_value_period(errors, target.indicator, value.period);
    fits->second = errors.empty();
    check_value_figures(errors, target.indicator, value);
    validation::throw_if_any(errors);
  }

  static void count(Upsert upsert, ImportOutcome& outcome) {
    switch (upsert) {
      case Upsert::inserted:
        ++outcome.inserted;
        break;
      case Upsert::updated:
        ++outcome.updated;
        break;
      case Upsert::unchanged:
        ++outcome.unchanged;
        break;
    }
  }

  soci::session& sql_;
  const Actor& actor_;
  std::map<long long, Filled> filled_;
  Filled* current_ = nullptr;
  std::map<std::string, long long> created_;  // the table's area code → new area
  std::set<long long> known_areas_;
};

}  // namespace

ImportOutcome import_values(db::Database& database, const Actor& actor, const Preview& preview,
                            const std::string& file_name, const std::string& table_id) {
  auth::require_edit_all(actor);
  ImportOutcome outcome;
  // Every reference is checked here, inside the transaction: the indicators are read in the
  // actor's workspace, the areas are the workspace's (read once) or created here, and the
  // writer creates the value source. So SQLite need not check them again for every row.
  database.in_bulk_transaction([&](soci::session& sql) {
    ValueImport import(sql, actor);
    import.create_areas(preview, outcome);
    // One value, its provenance set once.
    Value value;
    value.origin = "imported";
    value.import_file = file_name;
    value.import_table = table_id;
    value.entered_by = actor.user_id;
    value.updated_at = now_iso_utc();
    import.write_values(preview, std::move(value), outcome);
    import.record(file_name, table_id);
  });
  return outcome;
}

}  // namespace samtryg::indicators
