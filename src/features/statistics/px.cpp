#include "features/statistics/px.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "core/util/strings.hpp"
#include "features/statistics/period.hpp"
#include "features/statistics/px_data.hpp"
#include "features/statistics/px_metadata.hpp"

namespace samtryg::stats {

namespace {

using px_detail::Entry;
using px_detail::KeyedDimension;
using px_detail::Metadata;
using px_detail::missing;
using px_detail::small_integer;

struct TimeList {
  std::string unit;
  std::vector<std::string> values;
};

// The interval form writes every period as wide as the first one: 1994, 20173, 201709.
std::string compact_code(const Period& period, std::size_t width) {
  return width == 4
             ? fmt::format("{}", period.year)
             : fmt::format("{}{:0{}}", period.year, period.number, static_cast<int>(width - 4));
}

// Asks parse_period for the next number, so that it decides how many periods a year has.
Period following(Period period, const std::string& unit) {
  if (period.kind == PeriodKind::year) {
    ++period.year;
    return period;
  }
  const auto next = parse_period(fmt::format("{}{}", period.year, period.number + 1), unit);
  return next ? *next : Period{period.kind, period.year + 1, 1};
}

// "1994"-"1996": every period from the first to the last.
std::optional<std::vector<std::string>> expand_interval(std::string_view interval,
                                                        const std::string& unit) {
  std::string range;
  for (char c : interval) {
    if (c != '"' && c != ' ') range += c;
  }
  const std::size_t dash = range.find('-');
  if (dash == std::string::npos) return std::nullopt;
  const auto first = parse_period(range.substr(0, dash), unit);
  const auto last = parse_period(range.substr(dash + 1), unit);
  if (!first || !last || first->kind != last->kind || *last < *first) return std::nullopt;
  std::vector<std::string> values;
  for (Period period = *first; period <= *last; period = following(period, unit)) {
    values.push_back(compact_code(period, dash));
    if (values.size() > 10000) return std::nullopt;
  }
  return values;
}

// TIMEVAL("tid")=TLIST(A1),"1994","1995"; or TIMEVAL("tid")=TLIST(A1,"1994"-"1996");
std::optional<TimeList> parse_timeval(const Entry& entry) {
  if (entry.items.empty() || entry.items[0].quoted) return std::nullopt;
  std::string_view head = entry.items[0].text;
  if (!head.starts_with("TLIST(") || !head.ends_with(")")) return std::nullopt;
  head = head.substr(6, head.size() - 7);
  TimeList list;
  const std::size_t comma = head.find(',');
  list.unit = std::string(trim(head.substr(0, comma)));
  if (list.unit.empty() || list.unit.size() > 2) return std::nullopt;  // A1, Q1, or just K
  if (comma == std::string_view::npos) {
    for (std::size_t i = 1; i < entry.items.size(); ++i) list.values.push_back(entry.items[i].text);
    return list;
  }
  auto interval = expand_interval(head.substr(comma + 1), list.unit);
  if (!interval) return std::nullopt;
  list.values = std::move(*interval);
  return list;
}

class TableBuilder {
 public:
  TableBuilder(const Metadata& metadata, std::vector<std::string>& warnings)
      : meta_(metadata), warnings_(warnings) {}

  Table build(const std::string& requested_language) {
    Table table;
    table.format = "px";
    choose_language(table, requested_language);
    for (const char* keyword :
         {"MATRIX", "SUBJECT-CODE", "SUBJECT-AREA", "TITLE", "CONTENTS", "UNITS", "DECIMALS"}) {
      if (meta_.find(keyword) == nullptr) throw missing(keyword);
    }
    table.id = meta_.find("MATRIX")->text();
    table.title = title();
    table.unit = text("UNITS");
    table.source = text("SOURCE");
    table.updated = text("LAST-UPDATED");
    for (const char* note : {"NOTEX", "NOTE"}) {
      if (const auto value = text(note); !value.empty()) table.notes.push_back(value);
    }
    table.decimals = decimals();
    check_shown_decimals(table.decimals);

    build_dimensions(table);
    check_references(table);
    return table;
  }

  const std::vector<std::string>& variables() const { return variables_; }
  std::size_t stub_count() const { return stub_count_; }

 private:
  void choose_language(Table& table, const std::string& requested_language) {
    const Entry* language = meta_.find("LANGUAGE");
    default_language_ = language != nullptr ? language->text() : "";
    if (const Entry* languages = meta_.find("LANGUAGES")) table.languages = languages->list();
    if (table.languages.empty() && !default_language_.empty()) {
      table.languages.push_back(default_language_);
    }
    language_ = requested_language.empty() ? default_language_ : requested_language;
    if (language_ != default_language_ && std::find(table.languages.begin(), table.languages.end(),
                                                    language_) == table.languages.end()) {
      throw ParseError(0, "LANGUAGES",
                       fmt::format("the file has no language \"{}\" (it has {})", language_,
                                   table.languages.empty()
                                       ? std::string("only its default")
                                       : fmt::format("{}", fmt::join(table.languages, ", "))));
    }
    table.language = language_;
  }

  std::string title() {
    const Entry* description_default = meta_.find("DESCRIPTIONDEFAULT");
    if (description_default == nullptr || description_default->text() != "YES") {
      return text("TITLE");
    }
    if (meta_.find("DESCRIPTION") == nullptr) {
      warnings_.push_back("DESCRIPTIONDEFAULT is YES but there is no DESCRIPTION");
      return text("TITLE");
    }
    return text("DESCRIPTION");
  }

  int decimals() const {
    const Entry& entry = *meta_.find("DECIMALS");
    const auto decimals = small_integer(entry, 0, 15);
    if (!decimals) throw ParseError(entry.line, "DECIMALS", "must be a whole number from 0 to 15");
    return *decimals;
  }

  // SHOWDECIMALS only says how many decimals to show, so a bad one is not worth refusing.
  void check_shown_decimals(int decimals) {
    const Entry* show = meta_.find("SHOWDECIMALS");
    if (show == nullptr) return;
    const auto shown = small_integer(*show, 0, 6);
    if (!shown) {
      warnings_.push_back(
          fmt::format("line {}, SHOWDECIMALS: must be a whole number from 0 to "
                      "6; ignored",
                      show->line));
    } else if (*shown > decimals) {
      warnings_.push_back(
          fmt::format("line {}, SHOWDECIMALS: {} is more than DECIMALS ({}); "
                      "ignored",
                      show->line, *shown, decimals));
    }
  }

  // A keyword in the requested language, else in the default language.
  const Entry* localized(std::string_view keyword,
                         const std::vector<std::string>& subkeys = {}) const {
    if (language_ != default_language_) {
      if (const Entry* entry = meta_.find(keyword, language_, subkeys)) return entry;
    }
    if (const Entry* entry = meta_.find(keyword, "", subkeys)) return entry;
    return default_language_.empty() ? nullptr : meta_.find(keyword, default_language_, subkeys);
  }
  std::string text(std::string_view keyword) const {
    const Entry* entry = localized(keyword);
    return entry == nullptr ? "" : entry->text();
  }

  // Entries in another language name variables and contents in their own words, so only the default
  // language's entries can be checked against STUB, HEADING and VALUES.
  bool in_other_language(const Entry& entry) const {
    return !entry.language.empty() && entry.language != default_language_;
  }
  bool is_variable(const std::string& name) const {
    return std::find(variables_.begin(), variables_.end(), name) != variables_.end();
  }

  void build_dimensions(Table& table) {
    read_variables();
    check_variable_keywords();
    const std::vector<std::string> local_names = local_variable_names();
    const Entry* contvariable = find_contvariable();
    for (std::size_t v = 0; v < variables_.size(); ++v) {
      table.dimensions.push_back(
          build_dimension(variables_[v], local_names[v], contvariable, table.unit));
    }
  }

  void read_variables() {
    const Entry* stub = meta_.find("STUB");
    const Entry* heading = meta_.find("HEADING");
    if (stub == nullptr && heading == nullptr) throw missing("STUB or HEADING");
    for (const Entry* part : {stub, heading}) {
      if (part == nullptr) continue;
      for (const auto& item : part->items) {
        if (is_variable(item.text)) {
          throw ParseError(part->line, part->keyword,
                           fmt::format("the variable \"{}\" is named twice", item.text));
        }
        variables_.push_back(item.text);
      }
    }
    stub_count_ = stub == nullptr ? 0 : stub->items.size();
  }

  void check_variable_keywords() const {
    for (const char* keyword : {"VALUES", "CODES", "TIMEVAL", "KEYS"}) {
      for (const Entry* entry : meta_.all(keyword)) {
        if (in_other_language(*entry)) continue;
        if (entry->subkeys.size() != 1 || !is_variable(entry->subkeys[0])) {
          throw ParseError(entry->line, entry->name(),
                           "names a variable that is not in STUB or HEADING");
        }
      }
    }
  }

  // Variable names in the requested language, by position.
  std::vector<std::string> local_variable_names() {
    if (language_ == default_language_) return variables_;
    std::vector<std::string> names = local_stub_and_heading();
    if (names.size() == variables_.size()) return names;
    warnings_.push_back(
        fmt::format("STUB/HEADING in \"{}\" do not match the default "
                    "language; the variables keep their default names",
                    language_));
    return variables_;
  }

  // Nothing when the requested language leaves out a STUB or HEADING the default one has.
  std::vector<std::string> local_stub_and_heading() const {
    std::vector<std::string> names;
    for (const char* part : {"STUB", "HEADING"}) {
      const Entry* entry = meta_.find(part, language_);
      if (entry == nullptr && meta_.find(part) != nullptr) return {};
      if (entry != nullptr) {
        for (const auto& item : entry->items) names.push_back(item.text);
      }
    }
    return names;
  }

  const Entry* find_contvariable() const {
    const Entry* contvariable = meta_.find("CONTVARIABLE");
    if (contvariable != nullptr && !is_variable(contvariable->text())) {
      throw ParseError(contvariable->line, "CONTVARIABLE",
                       fmt::format("\"{}\" is not one of the variables in STUB or HEADING",
                                   contvariable->text()));
    }
    return contvariable;
  }

  Dimension build_dimension(const std::string& name, const std::string& local_name,
                            const Entry* contvariable, const std::string& table_unit) {
    Dimension dimension;
    dimension.id = name;
    dimension.label = local_name;
    const Entry& values = variable_values(name);
    const Entry* codes = variable_codes(name, values);
    const std::vector<std::string> labels = category_labels(values, name, local_name);
    dimension.categories = categories(values, codes, labels);
    if (const Entry* timeval = meta_.find("TIMEVAL", "", {name})) {
      make_time(dimension, *timeval);
    } else if (meta_.find("MAP", "", {name}) != nullptr) {
      dimension.role = DimensionRole::geo;
    }
    if (contvariable != nullptr && contvariable->text() == name) {
      make_metric(dimension, values, table_unit);
    }
    return dimension;
  }

  const Entry& variable_values(const std::string& name) const {
    const Entry* values = meta_.find("VALUES", "", {name});
    if (values == nullptr) throw missing(fmt::format("VALUES(\"{}\")", name));
    if (values->items.empty()) {
      throw ParseError(values->line, values->name(), "a variable needs at least one value");
    }
    return *values;
  }

  const Entry* variable_codes(const std::string& name, const Entry& values) const {
    const Entry* codes = meta_.find("CODES", "", {name});
    if (codes != nullptr && codes->items.size() != values.items.size()) {
      throw ParseError(
          codes->line, codes->name(),
          fmt::format("{} codes for {} values", codes->items.size(), values.items.size()));
    }
    return codes;
  }

  // The values in the requested language when it has one for each, else the default ones.
  std::vector<std::string> category_labels(const Entry& values, const std::string& name,
                                           const std::string& local_name) {
    std::vector<std::string> labels = values.list();
    if (local_name == name && language_ == default_language_) return labels;
    const Entry* local = meta_.find("VALUES", language_, {local_name});
    if (local != nullptr && local->items.size() == labels.size()) return local->list();
    if (language_ != default_language_) {
      warnings_.push_back(
          fmt::format("VALUES[{}](\"{}\") is missing or has a different "
                      "number of values; default labels are used",
                      language_, local_name));
    }
    return labels;
  }

  static std::vector<Category> categories(const Entry& values, const Entry* codes,
                                          const std::vector<std::string>& labels) {
    std::vector<Category> categories;
    std::set<std::string_view> seen;
    for (std::size_t c = 0; c < values.items.size(); ++c) {
      Category category;
      // A value without a code (an empty one) is known by its text.
      const std::string& code = codes != nullptr && !codes->items[c].text.empty()
                                    ? codes->items[c].text
                                    : values.items[c].text;
      category.code = code;
      category.label = labels[c];
      if (!seen.insert(code).second) {
        const Entry& coded_by = codes != nullptr ? *codes : values;
        throw ParseError(coded_by.line, coded_by.name(),
                         fmt::format("\"{}\" occurs twice", category.code));
      }
      categories.push_back(std::move(category));
    }
    return categories;
  }

  // The periods themselves are not kept: the categories' codes already name them.
  void make_time(Dimension& dimension, const Entry& timeval) {
    const auto list = parse_timeval(timeval);
    if (!list) {
      throw ParseError(timeval.line, timeval.name(),
                       "expected TLIST(unit) followed by periods, or TLIST(unit, \"first\"-"
                       "\"last\")");
    }
    dimension.role = DimensionRole::time;
    dimension.time_unit = list->unit;
    if (list->values.size() != dimension.categories.size()) {
      warnings_.push_back(fmt::format(
          "line {}, {}: {} periods for {} values; the periods "
          "are ignored",
          timeval.line, timeval.name(), list->values.size(), dimension.categories.size()));
    }
  }

  // UNITS and PRECISION are keyed by the content's value text, not by its code.
  void make_metric(Dimension& dimension, const Entry& values, const std::string& table_unit) const {
    dimension.role = DimensionRole::metric;
    for (std::size_t c = 0; c < dimension.categories.size(); ++c) {
      const std::string& value = values.items[c].text;
      if (const Entry* unit = localized("UNITS", {value})) {
        dimension.categories[c].unit = unit->text();
      } else {
        dimension.categories[c].unit = table_unit;
      }
      if (const Entry* precision = meta_.find("PRECISION", "", {dimension.id, value})) {
        if (const auto digits = small_integer(*precision, 0, 15)) {
          dimension.categories[c].decimals = *digits;
        }
      }
    }
  }

  // Keywords that name a variable or a content that does not exist.
  void check_references(const Table& table) {
    const std::set<std::string> contents = contents_of(table);
    check_unit_references(contents);
    warn_about_content_references(contents);
    warn_about_variable_references();
    warn_about_cell_references();
  }

  // The values of the CONTVARIABLE, if there is one.
  std::set<std::string> contents_of(const Table& table) const {
    std::set<std::string> contents;
    for (const auto& dimension : table.dimensions) {
      if (dimension.role != DimensionRole::metric) continue;
      const Entry* values = meta_.find("VALUES", "", {dimension.id});
      for (const auto& item : values->items) contents.insert(item.text);
    }
    return contents;
  }

  // Units define the values, so a unit for a content that does not exist is an error.
  void check_unit_references(const std::set<std::string>& contents) const {
    for (const Entry* entry : meta_.all("UNITS")) {
      if (entry->subkeys.empty() || in_other_language(*entry)) continue;
      if (entry->subkeys.size() != 1 || !contents.contains(entry->subkeys[0])) {
        throw ParseError(entry->line, entry->name(),
                         contents.empty() ? "units per content need a CONTVARIABLE"
                                          : "names a content that is not a value of the "
                                            "CONTVARIABLE");
      }
    }
  }

  void warn_about_content_references(const std::set<std::string>& contents) {
    for (const char* keyword : {"LAST-UPDATED", "STOCKFA", "CONTACT", "REFPERIOD", "BASEPERIOD",
                                "CFPRICES", "DAYADJ", "SEASADJ"}) {
      for (const Entry* entry : meta_.all(keyword)) {
        if (entry->subkeys.empty() || in_other_language(*entry)) continue;
        if (entry->subkeys.size() != 1 || !contents.contains(entry->subkeys[0])) {
          warnings_.push_back(
              fmt::format("line {}, {}: names a content that is not a value of "
                          "the CONTVARIABLE; ignored",
                          entry->line, entry->name()));
        }
      }
    }
  }

  void warn_about_variable_references() {
    for (const char* keyword :
         {"DOMAIN", "ELIMINATION", "DOUBLECOLUMN", "PRESTEXT", "MAP", "NOTE", "NOTEX",
          "VARIABLE-TYPE", "HIERARCHIES", "HIERARCHYLEVELS", "PARTITIONED", "AGGREGALLOWED"}) {
      for (const Entry* entry : meta_.all(keyword)) {
        if (entry->subkeys.empty() || in_other_language(*entry)) continue;
        if (!is_variable(entry->subkeys[0])) {
          warnings_.push_back(
              fmt::format("line {}, {}: names a variable that is not in STUB or "
                          "HEADING; ignored",
                          entry->line, entry->name()));
        }
      }
    }
  }

  // Cell keywords name one value of every variable.
  void warn_about_cell_references() {
    for (const char* keyword : {"CELLNOTE", "CELLNOTEX", "DATANOTECELL"}) {
      for (const Entry* entry : meta_.all(keyword)) {
        if (in_other_language(*entry)) continue;
        if (entry->subkeys.size() != variables_.size()) {
          warnings_.push_back(fmt::format("line {}, {}: gives {} values for {} variables; ignored",
                                          entry->line, entry->name(), entry->subkeys.size(),
                                          variables_.size()));
        }
      }
    }
  }

  const Metadata& meta_;
  std::vector<std::string>& warnings_;
  std::string default_language_;
  std::string language_;
  std::vector<std::string> variables_;
  std::size_t stub_count_ = 0;
};

// The stub variables whose data rows start with their keys, in dimension order.
std::vector<KeyedDimension> keyed_dimensions(const Metadata& metadata, const TableBuilder& builder,
                                             const Table& table) {
  std::vector<KeyedDimension> keyed;
  for (std::size_t d = 0; d < builder.stub_count(); ++d) {
    const Entry* keys = metadata.find("KEYS", "", {table.dimensions[d].id});
    if (keys == nullptr) continue;
    const std::string how = keys->text();
    if (how != "VALUES" && how != "CODES") {
      throw ParseError(keys->line, keys->name(), "must be VALUES or CODES");
    }
    keyed.push_back({d, how == "CODES"});
  }
  for (const Entry* keys : metadata.all("KEYS")) {
    if (keys->subkeys.empty()) throw ParseError(keys->line, keys->name(), "names no variable");
    const auto& names = builder.variables();
    const auto at = std::find(names.begin(), names.end(), keys->subkeys.front());
    if (static_cast<std::size_t>(at - names.begin()) >= builder.stub_count()) {
      throw ParseError(keys->line, keys->name(), "KEYS are only allowed for STUB variables");
    }
  }
  return keyed;
}

}  // namespace

Table read_px(std::string_view bytes, const PxOptions& options) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const std::string text = px_detail::decode(bytes);
  std::vector<std::string> warnings;
  const auto metadata = px_detail::read_metadata(text, warnings);

  TableBuilder builder(metadata.metadata, warnings);
  Table table = builder.build(options.language);
  table.values.assign(checked_cell_count(table.dimensions, "DATA", bytes.size()),
                      std::numeric_limits<double>::quiet_NaN());
  const auto keyed = keyed_dimensions(metadata.metadata, builder, table);
  px_detail::read_data(table, std::string_view(text).substr(metadata.data_offset),
                       metadata.data_line, keyed, warnings);
  table.warnings = std::move(warnings);
  return table;
}

}  // namespace samtryg::stats
