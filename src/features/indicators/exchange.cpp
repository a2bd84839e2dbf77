#include "features/indicators/exchange.hpp"

#include <algorithm>
#include <map>

#include "core/exchange/records.hpp"
#include "features/indicators/json.hpp"
#include "features/indicators/store.hpp"

namespace samtryg::indicators {

namespace {

using boost::json::array;
using exchange::Reading;
using exchange::Storing;
using exchange::Writing;

struct IndicatorEntry {
  Indicator indicator;
  std::vector<Link> links;
  std::vector<Target> targets;
  std::vector<Value> values;
};

using exchange::sort_by_id;

array export_areas(Writing& out) {
  return exchange::numbered(store::areas(out.sql, out.workspace_id), out.ids.of("area"),
                            [](const Area& area) { return to_json(area); });
}

// Every indicator with its links, targets and values, read in one query each.
array export_indicators(Writing& out) {
  auto indicators = store::indicators(out.sql, out.workspace_id);
  sort_by_id(indicators);
  const auto scope = store::Scope::plan(out.workspace_id, 0);
  std::map<long long, array> links_of;
  std::map<long long, array> targets_of;
  std::map<long long, array> values_of;
  for (const auto& link : store::links(out.sql, scope)) {
    auto json = to_json(link);
    out.ids.relink(json, "initiative_id", "initiative");
    out.ids.relink(json, "focus_area_id", "focus_area");
    links_of[link.indicator_id].push_back(std::move(json));
  }
  for (const auto& target : store::targets(out.sql, scope)) {
    auto json = to_json(target);
    json.stable_erase("id");  // nothing refers to a target or a value
    out.ids.relink(json, "area_id", "area");
    targets_of[target.indicator_id].push_back(std::move(json));
  }
  for (const auto& item : store::values(out.sql, scope)) {
    auto json = to_json(item);
    json.stable_erase("id");
    out.ids.relink(json, "area_id", "area");
    out.ids.relink(json, "entered_by", "user");
    values_of[item.indicator_id].push_back(std::move(json));
  }
  auto& indicator_ids = out.ids.of("indicator");
  array list;
  for (const auto& indicator : indicators) {
    auto json = to_json(indicator);
    json["id"] = indicator_ids.add(indicator.id);
    out.ids.relink(json, "plan_id", "plan");
    json.stable_erase("row_version");
    json["links"] = std::move(links_of[indicator.id]);
    json["targets"] = std::move(targets_of[indicator.id]);
    json["values"] = std::move(values_of[indicator.id]);
    list.push_back(std::move(json));
  }
  return list;
}

std::vector<Link> read_links(Reading& in, json::Reader& reader) {
  return exchange::read_records<Link>(
      in, reader, "links",
      {.references = {{"initiative_id", "initiative",
                       [](const Link& link) { return link.initiative_id; }},
                      {"focus_area_id", "focus_area",
                       [](const Link& link) { return link.focus_area_id; }}}},
      [&in](json::Reader& link_reader, Link& link, const std::string& path) {
        read(link_reader, link);
        if (link.initiative_id.has_value() == link.focus_area_id.has_value()) {
          in.add(path, "exchange_link_one_of");
        }
      });
}

std::vector<Value> read_values(Reading& in, json::Reader& reader, const Indicator& indicator) {
  return exchange::read_records<Value>(
      in, reader, "values",
      {.validate = [&indicator](const Value& value) { return validate_value(indicator, value); },
       .references = {{"area_id", "area", [](const Value& value) { return value.area_id; }},
                      {"entered_by", "user", [](const Value& value) { return value.entered_by; }}},
       .unique = [](const Value& value) -> std::optional<std::string> {
         return value.period + '\x1f' + std::to_string(value.area_id.value_or(0));
       },
       .unique_member = "period",
       .unique_error = "exchange_value_duplicate"},
      [](json::Reader& value_reader, Value& value, const std::string&) {
        read(value_reader, value);
      });
}

void read_indicator(Reading& in, json::Reader& reader, IndicatorEntry& entry) {
  read(reader, entry.indicator);
  entry.links = read_links(in, reader);
  entry.targets = exchange::read_records<Target>(
      in, reader, "targets",
      {.validate =
           [&entry](const Target& target) { return validate_target(entry.indicator, target); },
       .references = {{"area_id", "area", [](const Target& target) { return target.area_id; }}}},
      [](json::Reader& target_reader, Target& target, const std::string&) {
        read(target_reader, target);
      });
  entry.values = read_values(in, reader, entry.indicator);
}

void store_indicators(Storing& out, const std::vector<IndicatorEntry>& indicators) {
  // A workspace can carry many values: they go in batches, like a statistics import.
  store::BulkValueWriter values(out.sql);
  int value_count = 0;
  for (const auto& entry : indicators) {
    auto indicator = entry.indicator;
    indicator.workspace_id = out.workspace_id;
    indicator.plan_id = out.ids.find("plan", indicator.plan_id);
    const auto indicator_id = store::insert_indicator(out.sql, indicator);
    // Later sections point at indicators (a walk's per-event count, a promise's effect).
    out.ids.add("indicator", entry.indicator.id, indicator_id);
    auto links = entry.links;
    for (auto& link : links) {
      link.initiative_id = out.ids.find("initiative", link.initiative_id);
      link.focus_area_id = out.ids.find("focus_area", link.focus_area_id);
    }
    store::replace_links(out.sql, indicator_id, links);
    for (auto target : entry.targets) {
      target.indicator_id = indicator_id;
      target.area_id = out.ids.find("area", target.area_id);
      store::insert_target(out.sql, target);
    }
    for (auto value : entry.values) {
      value.indicator_id = indicator_id;
      value.period = normalise_period(entry.indicator, value.period);
      value.area_id = out.ids.find("area", value.area_id);
      value.entered_by = out.ids.find("user", value.entered_by);
      if (value.updated_at.empty()) value.updated_at = out.now;
      values.write(value);
      ++value_count;
    }
  }
  values.flush();
  out.count("indicators", static_cast<int>(indicators.size()));
  out.count("values", value_count);
}

class IndicatorsSection final : public exchange::Section {
 public:
  void write(Writing& out) const override {
    out.document["areas"] = export_areas(out);
    out.document["indicators"] = export_indicators(out);
  }

  void read(Reading& in) override {
    areas_ = exchange::read_records<Area>(
        in, in.document, "areas",
        {.kind = "area",
         .id = [](const Area& area) { return area.id; },
         .validate = validate_area,
         .unique = [](const Area& area) -> std::optional<std::string> { return area.name; }},
        [](json::Reader& reader, Area& area, const std::string&) {
          indicators::read(reader, area);
        });
    indicators_ = exchange::read_records<IndicatorEntry>(
        in, in.document, "indicators",
        {.kind = "indicator",
         .id = [](const IndicatorEntry& entry) { return entry.indicator.id; },
         .validate =
             [](const IndicatorEntry& entry) { return validate_indicator(entry.indicator); },
         .references = {{"plan_id", "plan",
                         [](const IndicatorEntry& entry) { return entry.indicator.plan_id; }}},
         .unique = [](const IndicatorEntry& entry) -> std::optional<std::string> {
           return entry.indicator.name;
         }},
        [&in](json::Reader& reader, IndicatorEntry& entry, const std::string&) {
          read_indicator(in, reader, entry);
        });
  }

  void store(Storing& out) override {
    for (auto area : areas_) {
      const auto local = area.id;
      area.workspace_id = out.workspace_id;
      out.ids.add("area", local, store::insert_area(out.sql, area));
    }
    store_indicators(out, indicators_);
  }

 private:
  std::vector<Area> areas_;
  std::vector<IndicatorEntry> indicators_;
};

}  // namespace

std::unique_ptr<exchange::Section> exchange_section() {
  return std::make_unique<IndicatorsSection>();
}

}  // namespace samtryg::indicators
