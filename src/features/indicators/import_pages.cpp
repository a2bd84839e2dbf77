// The web import of a statistics table: upload (the file is parsed at once and kept as a staged
// import) → mapping and preview (a GET form, so the preview can be refreshed freely) → confirm
// (a POST that maps the staged file again and stores all or nothing). The preview and the
// confirmation run the same `preview()` as `samtryg values import`, so what is shown is what is
// stored.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <memory>

#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "core/web/fields.hpp"
#include "core/web/form_errors.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/indicators/commands.hpp"
#include "features/indicators/page_support.hpp"
#include "features/indicators/presentation.hpp"
#include "features/statistics/reader.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::indicators {

namespace {

using web::Field;

// Series slots on the mapping form: one table can fill several indicators at once (e.g. a
// count and a rate), and without JavaScript the slots must be there from the start.
constexpr int kSeriesSlots = 3;
constexpr std::size_t kPreviewRows = 200;
constexpr std::size_t kListedProblems = 50;

// The table with its labels in the page's language when the file has it (PX files often carry
// Danish and English, or Swedish and English).
stats::Table read_staged_table(const StagedImport& staged, i18n::Language language) {
  auto table = stats::read_table(staged.content, staged.file_name);
  const std::string wanted(i18n::code(language));
  if (table.language != wanted &&
      std::find(table.languages.begin(), table.languages.end(), wanted) != table.languages.end()) {
    stats::ReadOptions options;
    options.language = wanted;
    table = stats::read_table(staged.content, staged.file_name, options);
  }
  return table;
}

// ---- upload ---------------------------------------------------------------------------------

Response upload_form(Context& context, const strategy::Plan& plan, validation::Errors errors,
                     int status) {
  web::FormPage form;
  form.heading = context.text("import_new") + ": " + plan.name;
  form.intro = context.text("import_intro");
  form.action = "/plans/" + std::to_string(plan.id) + "/imports";
  form.submit = context.text("import_upload");
  form.cancel = "/plans/" + std::to_string(plan.id) + "/indicators";
  form.fields = {{"file",
                  context.text("import_file"),
                  "",
                  Kind::file,
                  true,
                  context.text("import_file_hint"),
                  {},
                  4}};
  form.multipart = true;
  form.errors = std::move(errors);
  form.status = status;
  return web::render_form(context, form);
}

Response new_import(Context& context) {
  const auto actor = context.actor();
  const auto plan = strategy::readable_plan(context.services.database, actor, context.path_id());
  return upload_form(context, plan, {}, 200);
}

Response upload_submit(Context& context) {
  const auto actor = context.actor();
  const auto plan = strategy::readable_plan(context.services.database, actor, context.path_id());
  const auto* file = context.form().file("file");
  validation::Errors errors;
  if (file == nullptr || file->bytes.empty()) {
    errors.add("file", "import_file_missing");
  } else {
    try {
      const stats::LargeFileTurn turn(file->bytes.size());
      (void)stats::read_table(file->bytes, file->filename);
    } catch (const stats::ParseError& error) {
      errors.add("file", "import_file_unreadable", {{"problem", error.what()}});
    }
  }
  if (!errors.empty()) return upload_form(context, plan, std::move(errors), 422);

  const auto id = stage_import(context.services.database, actor, plan.id,
                               stats::upload_name(file->filename), file->bytes);
  return Response::redirect("/imports/" + std::to_string(id));
}

// ---- mapping --------------------------------------------------------------------------------

// The mapping as the form carries it: dimensions by position, categories by code.
struct MappingForm {
  std::string time;  // dimension position
  std::string area;  // dimension position, or empty
  struct Slot {
    std::string indicator;                     // indicator id, or empty
    std::map<std::size_t, std::string> where;  // dimension position → category code
  };
  std::vector<Slot> slots = std::vector<Slot>(kSeriesSlots);
  bool create_missing_areas = false;
};

std::string slot_field(int slot, std::string_view what) {
  return fmt::format("s{}_{}", slot, what);
}
std::string category_field(int slot, std::size_t dimension) {
  return fmt::format("s{}_d{}", slot, dimension);
}

std::optional<std::size_t> position_of(const stats::Table& table, const std::string& text) {
  const auto id = parse_integer(text);
  if (!id || *id < 0 || static_cast<std::size_t>(*id) >= table.dimensions.size()) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(*id);
}

// First guess for a fresh upload: the dimensions the file marks as time and area.
MappingForm default_mapping(const stats::Table& table) {
  MappingForm form;
  for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
    const auto role = table.dimensions[d].role;
    if (role == stats::DimensionRole::time && form.time.empty()) form.time = std::to_string(d);
    if (role == stats::DimensionRole::geo && form.area.empty()) form.area = std::to_string(d);
  }
  return form;
}

MappingForm read_mapping_form(const stats::Table& table,
                              const std::function<std::string(std::string_view)>& value) {
  MappingForm form;
  form.time = value("time");
  form.area = value("area");
  form.create_missing_areas = value("create_areas") == "1";
  for (int s = 0; s < kSeriesSlots; ++s) {
    auto& slot = form.slots[static_cast<std::size_t>(s)];
    slot.indicator = value(slot_field(s, "indicator"));
    for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
      auto code = value(category_field(s, d));
      if (!code.empty()) slot.where[d] = std::move(code);
    }
  }
  return form;
}

// Every name=value of the mapping form, to carry it into the confirmation.
std::vector<std::pair<std::string, std::string>> mapping_values(const MappingForm& form) {
  std::vector<std::pair<std::string, std::string>> values{{"time", form.time}, {"area", form.area}};
  if (form.create_missing_areas) values.emplace_back("create_areas", "1");
  for (int s = 0; s < kSeriesSlots; ++s) {
    const auto& slot = form.slots[static_cast<std::size_t>(s)];
    values.emplace_back(slot_field(s, "indicator"), slot.indicator);
    for (const auto& [d, code] : slot.where) values.emplace_back(category_field(s, d), code);
  }
  return values;
}

bool slot_used(const MappingForm::Slot& slot) {
  return !slot.indicator.empty() || !slot.where.empty();
}

// The form's mapping in the terms of import.hpp. Field errors come back under the form's own
// field names; check_mapping's names ("series[1].where.Kon") are translated.
Mapping to_mapping(const stats::Table& table, const MappingForm& form, validation::Errors& errors,
                   std::vector<int>& slot_of_series) {
  Mapping mapping;
  const auto time = position_of(table, form.time);
  if (time) {
    mapping.time_dimension = table.dimensions[*time].id;
  } else {
    errors.add("time", "import_dimension_unknown");
  }
  if (!form.area.empty()) {
    const auto area = position_of(table, form.area);
    if (area) {
      mapping.area_dimension = table.dimensions[*area].id;
    } else {
      errors.add("area", "import_dimension_unknown");
    }
  }
  mapping.create_missing_areas = form.create_missing_areas;
  for (int s = 0; s < kSeriesSlots; ++s) {
    const auto& slot = form.slots[static_cast<std::size_t>(s)];
    if (!slot_used(slot)) continue;
    SeriesMapping series;
    series.indicator_id = parse_id(slot.indicator).value_or(0);
    for (const auto& [d, code] : slot.where) {
      if (d < table.dimensions.size()) series.where[table.dimensions[d].id] = code;
    }
    mapping.series.push_back(std::move(series));
    slot_of_series.push_back(s);
  }
  return mapping;
}

std::string form_field_of(const stats::Table& table, const std::string& field,
                          const std::vector<int>& slot_of_series) {
  int slot = slot_of_series.empty() ? 0 : slot_of_series.front();
  std::string rest = field;
  if (field.starts_with("series[")) {
    const auto close = field.find("].");
    const auto index = parse_integer(field.substr(7, close - 7)).value_or(0);
    if (index >= 0 && static_cast<std::size_t>(index) < slot_of_series.size()) {
      slot = slot_of_series[static_cast<std::size_t>(index)];
    }
    rest = field.substr(close + 2);
  }
  if (rest == "indicator") return slot_field(slot, "indicator");
  if (rest.starts_with("where.")) {
    const auto id = rest.substr(6);
    for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
      if (table.dimensions[d].id == id) return category_field(slot, d);
    }
  }
  return field;
}

struct StagedContext {
  // First, so it ends last: after the table is gone.
  std::unique_ptr<stats::LargeFileTurn> turn;
  StagedImport staged;
  strategy::Plan plan;
  stats::Table table;
  std::vector<Indicator> indicators;  // the plan's
  std::vector<Area> areas;
};

StagedContext load_staged(Context& context, const auth::Actor& actor) {
  StagedContext loaded;
  loaded.staged = staged_import(context.services.database, actor, context.path_id());
  loaded.plan = strategy::readable_plan(context.services.database, actor, *loaded.staged.plan_id);
  // Only the indicators' definitions: their values and status play no part in a mapping.
  auto targets = import_targets(context.services.database, actor, loaded.plan.id);
  loaded.areas = std::move(targets.areas);
  loaded.indicators = std::move(targets.indicators);
  // The file was read when it was uploaded; the same bytes and reader give the same table.
  loaded.turn = std::make_unique<stats::LargeFileTurn>(loaded.staged.content.size());
  loaded.table = read_staged_table(loaded.staged, context.language);
  return loaded;
}

std::string category_sample(const stats::Dimension& dimension) {
  std::string sample;
  const std::size_t shown = std::min<std::size_t>(dimension.categories.size(), 4);
  for (std::size_t c = 0; c < shown; ++c) {
    if (c > 0) sample += ", ";
    sample += dimension.categories[c].label;
  }
  if (dimension.categories.size() > shown) sample += " …";
  return sample;
}

view::Data table_facts(const Context& context, const stats::Table& table) {
  view::Data data;
  data.set("table_id", view::text(table.id));
  data.set("title", view::text(table.title));
  data.set("source", view::text(table.source));
  data.set("format", table.format);
  auto dimensions = view::list();
  for (const auto& dimension : table.dimensions) {
    view::Data item;
    item.set("label", dimension.label);
    item.set("categories",
             context.catalog().format("import_categories",
                                      {{"count", std::to_string(dimension.categories.size())},
                                       {"sample", category_sample(dimension)}}));
    dimensions.push_back(item);
  }
  data.set("dimensions", dimensions);
  auto warnings = view::list();
  for (const auto& warning : table.warnings) {
    view::Data item;
    item.set("text", warning);
    warnings.push_back(item);
  }
  data.set("warnings", warnings);
  data.set("has_warnings", view::flag(!table.warnings.empty()));
  return data;
}

std::vector<Field> dimension_fields(const Context& context, const stats::Table& table,
                                    const MappingForm& form) {
  std::vector<web::Option> time_options{{"", context.text("import_choose")}};
  std::vector<web::Option> area_options{{"", context.text("import_area_none")}};
  for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
    time_options.push_back({std::to_string(d), table.dimensions[d].label});
    area_options.push_back({std::to_string(d), table.dimensions[d].label});
  }
  return {
      {"time", context.text("import_time"), form.time, Kind::select, true,
       context.text("import_time_hint"), time_options, 4},
      {"area", context.text("import_area"), form.area, Kind::select, false,
       context.text("import_area_hint"), area_options, 4},
      {"create_areas",
       context.text("import_create_areas"),
       form.create_missing_areas ? "1" : "",
       Kind::checkbox,
       false,
       context.text("import_create_areas_hint"),
       {},
       4},
  };
}

std::vector<Field> slot_fields(const Context& context, const StagedContext& loaded,
                               const MappingForm& form, int s) {
  const auto& slot = form.slots[static_cast<std::size_t>(s)];
  std::vector<web::Option> indicator_options{{"", context.text("import_choose")}};
  for (const auto& indicator : loaded.indicators) {
    indicator_options.push_back({std::to_string(indicator.id), indicator.name});
  }
  std::vector<Field> fields{{slot_field(s, "indicator"),
                             context.text("import_indicator"),
                             slot.indicator,
                             Kind::select,
                             s == 0,
                             {},
                             indicator_options,
                             4}};
  const auto time = position_of(loaded.table, form.time);
  const auto area = position_of(loaded.table, form.area);
  for (std::size_t d = 0; d < loaded.table.dimensions.size(); ++d) {
    if (d == time || d == area) continue;
    const auto& dimension = loaded.table.dimensions[d];
    std::vector<web::Option> options;
    if (dimension.categories.size() != 1) options.push_back({"", context.text("import_choose")});
    for (const auto& category : dimension.categories) {
      options.push_back({category.code, category.label});
    }
    const auto chosen = slot.where.find(d);
    fields.push_back({category_field(s, d), dimension.label,
                      chosen == slot.where.end() ? std::string() : chosen->second, Kind::select,
                      false, context.text("import_category_hint"), options, 4});
  }
  return fields;
}

view::Data problem_list(const Context& context, const std::vector<std::string>& items) {
  auto list = view::list();
  for (std::size_t i = 0; i < items.size() && i < kListedProblems; ++i) {
    view::Data item;
    item.set("text", items[i]);
    list.push_back(item);
  }
  if (items.size() > kListedProblems) {
    view::Data item;
    item.set("text",
             context.catalog().format("import_more",
                                      {{"count", std::to_string(items.size() - kListedProblems)}}));
    list.push_back(item);
  }
  return list;
}

int decimals_needed(double value) {
  constexpr int kMost = 4;
  double scaled = value;
  for (int decimals = 0; decimals < kMost; ++decimals, scaled *= 10) {
    if (std::abs(scaled - std::round(scaled)) < 1e-6) return decimals;
  }
  return kMost;
}

view::Data preview_data(const Context& context, const StagedContext& loaded,
                        const Preview& preview) {
  std::map<long long, const Indicator*> by_id;
  for (const auto& indicator : loaded.indicators) by_id[indicator.id] = &indicator;
  std::map<long long, std::string> area_names;
  for (const auto& area : loaded.areas) area_names[area.id] = area.name;

  view::Data data;
  const auto count = std::to_string(preview.values.size());
  data.set("summary",
           context.catalog().format("import_preview_summary",
                                    {{"cells", std::to_string(preview.cells)}, {"count", count}}));
  auto rows = view::list();
  for (std::size_t i = 0; i < preview.values.size() && i < kPreviewRows; ++i) {
    const auto& value = preview.values[i];
    const auto* indicator = by_id.at(value.indicator_id);
    view::Data row;
    row.set("indicator", indicator->name);
    row.set("period", period_label(value.period, context.language));
    row.set("area", value.area_id ? area_names[*value.area_id] : value.area_label);
    row.set("new_area", view::flag(!value.area_id && !value.area_code.empty()));
    // The figure exactly as the file has it, even where the indicator shows fewer decimals.
    auto exact = *indicator;
    exact.decimals = std::max(exact.decimals, decimals_needed(value.value));
    row.set("value", format_figure(exact, value.value, context.language));
    rows.push_back(row);
  }
  data.set("rows", rows);
  data.set("has_rows", view::flag(!preview.values.empty()));
  data.set("shown",
           view::text(preview.values.size() > kPreviewRows
                          ? context.catalog().format(
                                "import_preview_more",
                                {{"shown", std::to_string(kPreviewRows)}, {"count", count}})
                          : std::string()));
  data.set("unknown_periods", problem_list(context, preview.unknown_periods));
  data.set("has_unknown_periods", view::flag(!preview.unknown_periods.empty()));
  data.set("unknown_areas", problem_list(context, preview.unknown_areas));
  data.set("has_unknown_areas", view::flag(!preview.unknown_areas.empty()));
  data.set("missing_cells", problem_list(context, preview.missing_cells));
  data.set("has_missing_cells", view::flag(!preview.missing_cells.empty()));
  data.set("confirm", context.catalog().format("import_confirm", {{"count", count}}));
  return data;
}

Response mapping_page(Context& context, const StagedContext& loaded, const MappingForm& form,
                      const validation::Errors& errors, const std::optional<Preview>& preview,
                      int status) {
  const auto id = std::to_string(loaded.staged.id);
  view::Data data;
  data.set("id", id);
  data.set("plan_id", std::to_string(loaded.plan.id));
  data.set("plan_name", loaded.plan.name);
  data.set("file_name", loaded.staged.file_name);
  data.set("table", table_facts(context, loaded.table));

  view::Data dimensions;
  dimensions.set("fields", web::fields_data(dimension_fields(context, loaded.table, form), errors,
                                            context.catalog()));
  data.set("dimension_fields", dimensions);
  auto slots = view::list();
  for (int s = 0; s < kSeriesSlots; ++s) {
    view::Data slot;
    slot.set("legend",
             context.catalog().format("import_series_legend", {{"number", std::to_string(s + 1)}}));
    slot.set("optional", view::flag(s > 0));
    slot.set("fields",
             web::fields_data(slot_fields(context, loaded, form, s), errors, context.catalog()));
    slots.push_back(slot);
  }
  data.set("slots", slots);
  web::add_errors(data, errors, context.catalog());

  if (preview) {
    auto shown = preview_data(context, loaded, *preview);
    auto hidden = view::list();
    for (const auto& [name, value] : mapping_values(form)) {
      view::Data item;
      item.set("name", name);
      item.set("value", value);
      hidden.push_back(item);
    }
    shown.set("hidden", hidden);
    data.set("preview", shown);
  }
  return web::render_page(
      context, "src/features/indicators/templates/import.mustache", std::move(data),
      {.title = context.text("import_mapping_title") + ": " + loaded.staged.file_name,
       .status = status,
       .nav = "plans"});
}

// Maps and previews; on bad input fills `errors` (form field names) and returns nothing.
std::optional<Preview> try_preview(const StagedContext& loaded, const MappingForm& form,
                                   validation::Errors& errors, Mapping& mapping) {
  std::vector<int> slot_of_series;
  mapping = to_mapping(loaded.table, form, errors, slot_of_series);
  if (!errors.empty()) return std::nullopt;
  try {
    return preview(loaded.table, mapping, loaded.indicators, loaded.areas);
  } catch (const validation::Invalid& invalid) {
    for (const auto& item : invalid.errors.items()) {
      errors.add(form_field_of(loaded.table, item.field, slot_of_series), item.message_key,
                 item.values);
    }
    return std::nullopt;
  }
}

Response show_import(Context& context) {
  const auto actor = context.actor();
  const auto loaded = load_staged(context, actor);
  if (context.query("preview").empty()) {
    return mapping_page(context, loaded, default_mapping(loaded.table), {}, std::nullopt, 200);
  }
  const auto form =
      read_mapping_form(loaded.table, [&](std::string_view name) { return context.query(name); });
  validation::Errors errors;
  Mapping mapping;
  auto preview = try_preview(loaded, form, errors, mapping);
  const int status = errors.empty() ? 200 : 422;
  return mapping_page(context, loaded, form, errors, preview, status);
}

Response confirm_import(Context& context) {
  const auto actor = context.actor();
  const auto loaded = load_staged(context, actor);
  const auto& posted = context.form();
  const auto form =
      read_mapping_form(loaded.table, [&](std::string_view name) { return posted.value(name); });
  validation::Errors errors;
  Mapping mapping;
  const auto preview = try_preview(loaded, form, errors, mapping);
  if (!preview) return mapping_page(context, loaded, form, errors, std::nullopt, 422);
  ImportOutcome outcome;
  try {
    outcome = import_values(context.services.database, actor, *preview, loaded.staged.file_name,
                            loaded.table.id);
  } catch (const validation::Invalid& invalid) {
    return mapping_page(context, loaded, form, invalid.errors, preview, 422);
  }
  drop_staged_import(context.services.database, actor, loaded.staged.id);
  return Response::redirect(fmt::format(
      "/plans/{}/indicators?notice=notice_values_imported&inserted={}&updated={}&unchanged={}"
      "&areas={}",
      loaded.plan.id, outcome.inserted, outcome.updated, outcome.unchanged, outcome.areas_created));
}

}  // namespace

void add_import_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/plans/{id}/imports/new", all, new_import});
  app.add({Method::post, "/plans/{id}/imports", all, upload_submit});
  app.add({Method::get, "/imports/{id}", all, show_import});
  app.add({Method::post, "/imports/{id}/confirm", all, confirm_import});
}

}  // namespace samtryg::indicators
