#include "features/statistics/jsonstat.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <fmt/format.h>
#include <boost/json.hpp>

namespace samtryg::stats {

namespace json = boost::json;

namespace {

// PX writes "20040212 16:28"; JSON-stat wants ISO 8601.
std::string iso_updated(const std::string& updated) {
  if (updated.size() >= 8 && std::all_of(updated.begin(), updated.begin() + 8, ::isdigit)) {
    std::string iso =
        updated.substr(0, 4) + "-" + updated.substr(4, 2) + "-" + updated.substr(6, 2);
    if (updated.size() >= 14 && updated[8] == ' ') iso += "T" + updated.substr(9, 5) + ":00";
    return iso;
  }
  return updated;
}

[[noreturn]] void fail(const std::string& path, const std::string& message) {
  throw ParseError(0, path, message);
}

const json::object& object_at(const json::value& value, const std::string& path) {
  if (!value.is_object()) fail(path, "expected an object");
  return value.get_object();
}

std::string string_at(const json::object& object, std::string_view key, const std::string& path) {
  const auto* value = object.if_contains(key);
  if (value == nullptr) return "";
  if (!value->is_string()) fail(path + "." + std::string(key), "expected a text");
  return std::string(value->get_string());
}

std::size_t index_at(const json::value& value, const std::string& path) {
  if (value.is_int64() && value.get_int64() >= 0)
    return static_cast<std::size_t>(value.get_int64());
  if (value.is_uint64()) return static_cast<std::size_t>(value.get_uint64());
  fail(path, "expected a whole number from 0");
}

std::size_t cell_key(std::string_view key, std::size_t cells, const std::string& path) {
  std::size_t index = 0;
  if (key.empty() || key.size() > 12 ||
      !std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    fail(path, fmt::format("\"{}\" is not a cell number", key));
  }
  for (char c : key) index = index * 10 + static_cast<std::size_t>(c - '0');
  if (index >= cells) fail(path, fmt::format("cell {} is outside the {} cells", index, cells));
  return index;
}

double number_at(const json::value& value, const std::string& path) {
  if (value.is_double()) return value.get_double();
  if (value.is_int64()) return static_cast<double>(value.get_int64());
  if (value.is_uint64()) return static_cast<double>(value.get_uint64());
  fail(path, "expected a number or null");
}

const json::object* collection_dataset(const json::object& collection) {
  const auto* items = collection.if_contains("link");
  if (items == nullptr || !items->is_object()) return nullptr;
  const auto* list = items->get_object().if_contains("item");
  if (list == nullptr || !list->is_array()) return nullptr;
  for (const auto& item : list->get_array()) {
    if (item.is_object() && item.get_object().contains("dimension")) return &item.get_object();
  }
  return nullptr;
}

const json::object* bundle_dataset(const json::object& bundle) {
  for (const auto& [name, dataset] : bundle) {
    if (dataset.is_object() && dataset.get_object().contains("dimension")) {
      return &dataset.get_object();
    }
  }
  return nullptr;
}

const json::object& find_dataset(const json::value& root) {
  const auto& object = object_at(root, "$");
  const std::string kind = string_at(object, "class", "$");
  if (kind == "dataset" || object.contains("dimension")) return object;
  if (kind == "collection") {
    if (const json::object* dataset = collection_dataset(object)) return *dataset;
    fail("$.link.item", "the collection holds no embedded dataset");
  }
  if (kind == "bundle" || kind.empty()) {
    if (const json::object* dataset = bundle_dataset(object)) return *dataset;
  }
  fail("$", "not a JSON-stat dataset (no \"dimension\")");
}

// The category codes in index order. One category may go without an index.
std::vector<std::string> category_codes(const json::object& category, const json::object* labels,
                                        const std::string& path) {
  const auto* index = category.if_contains("index");
  if (index == nullptr) {
    if (labels != nullptr && labels->size() == 1) return {std::string(labels->begin()->key())};
    fail(path + ".category", "\"index\" is missing (needed for more than one category)");
  }
  std::vector<std::string> codes;
  if (index->is_array()) {
    for (const auto& code : index->get_array()) {
      if (!code.is_string()) fail(path + ".category.index", "expected texts");
      codes.emplace_back(code.get_string());
    }
  } else if (index->is_object()) {
    const auto& positions = index->get_object();
    codes.resize(positions.size());
    for (const auto& [code, position] : positions) {
      const auto at = index_at(position, path + ".category.index." + std::string(code));
      if (at >= codes.size() || !codes[at].empty()) {
        fail(path + ".category.index", "positions must run from 0 without gaps or repeats");
      }
      codes[at] = std::string(code);
    }
  } else {
    fail(path + ".category.index", "expected an array or an object");
  }
  return codes;
}

// Labels, units and decimals that are not there or not of the right type are left out.
Category read_category(std::string code, const json::object* labels, const json::object* units,
                       const std::string& path) {
  Category entry;
  entry.label = code;
  if (labels != nullptr) {
    if (const auto* label = labels->if_contains(code); label != nullptr && label->is_string()) {
      entry.label = std::string(label->get_string());
    }
  }
  if (units != nullptr) {
    if (const auto* unit = units->if_contains(code); unit != nullptr && unit->is_object()) {
      entry.unit = string_at(unit->get_object(), "label", path + ".category.unit");
      if (const auto* decimals = unit->get_object().if_contains("decimals");
          decimals != nullptr && decimals->is_int64()) {
        entry.decimals = static_cast<int>(decimals->get_int64());
      }
    }
  }
  entry.code = std::move(code);
  return entry;
}

Dimension read_dimension(const json::object& dimensions, const std::string& id) {
  const std::string path = "$.dimension." + id;
  const auto* found = dimensions.if_contains(id);
  if (found == nullptr) fail("$.dimension", fmt::format("the dimension \"{}\" is missing", id));
  const auto& object = object_at(*found, path);
  Dimension dimension;
  dimension.id = id;
  dimension.label = string_at(object, "label", path);
  if (dimension.label.empty()) dimension.label = id;
  const auto* category_value = object.if_contains("category");
  if (category_value == nullptr) fail(path, "\"category\" is missing");
  const auto& category = object_at(*category_value, path + ".category");
  const json::object* labels = nullptr;
  if (const auto* label = category.if_contains("label")) {
    labels = &object_at(*label, path + ".category.label");
  }
  std::vector<std::string> codes = category_codes(category, labels, path);
  const json::object* units = nullptr;
  if (const auto* unit = category.if_contains("unit")) {
    units = &object_at(*unit, path + ".category.unit");
  }
  for (auto& code : codes) {
    dimension.categories.push_back(read_category(std::move(code), labels, units, path));
  }
  if (dimension.categories.empty()) fail(path + ".category", "a dimension needs a category");
  return dimension;
}

json::value parse_with_position(std::string_view text) {
  json::stream_parser parser;
  boost::system::error_code error;
  const std::size_t consumed = parser.write_some(text.data(), text.size(), error);
  if (!error) parser.finish(error);
  if (error) {
    const std::size_t at = std::min(consumed, text.size());
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<long>(at), '\n');
    const auto line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
    const auto column = at - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
    throw ParseError(static_cast<int>(line), fmt::format("column {}", column),
                     "not valid JSON (" + error.message() + ")");
  }
  return parser.release();
}

void read_description(const json::object& dataset, Table& table) {
  table.title = string_at(dataset, "label", "$");
  table.source = string_at(dataset, "source", "$");
  table.updated = string_at(dataset, "updated", "$");
  if (const auto* note = dataset.if_contains("note"); note != nullptr && note->is_array()) {
    for (const auto& line : note->get_array()) {
      if (line.is_string()) table.notes.emplace_back(line.get_string());
    }
  }
}

const json::object& dimensions_of(const json::object& dataset) {
  const auto* dimension_value = dataset.if_contains("dimension");
  if (dimension_value == nullptr) fail("$", "\"dimension\" is missing");
  return object_at(*dimension_value, "$.dimension");
}

// 2.0 has id, size and role at the top; 1.x inside "dimension".
const json::value* shape_field(const json::object& dataset, const json::object& dimensions,
                               std::string_view key) {
  const json::value* value = dataset.if_contains(key);
  return value != nullptr ? value : dimensions.if_contains(key);
}

void read_dimensions(const json::object& dataset, const json::object& dimensions, Table& table) {
  const json::value* ids = shape_field(dataset, dimensions, "id");
  const json::value* sizes = shape_field(dataset, dimensions, "size");
  if (ids == nullptr || !ids->is_array()) fail("$.id", "expected the list of dimension ids");
  if (sizes == nullptr || !sizes->is_array()) fail("$.size", "expected the list of sizes");
  if (ids->get_array().size() != sizes->get_array().size()) {
    fail("$.size", "needs one size per dimension id");
  }
  for (std::size_t d = 0; d < ids->get_array().size(); ++d) {
    const auto& id = ids->get_array()[d];
    if (!id.is_string()) fail(fmt::format("$.id[{}]", d), "expected a text");
    Dimension dimension = read_dimension(dimensions, std::string(id.get_string()));
    const auto size = index_at(sizes->get_array()[d], fmt::format("$.size[{}]", d));
    if (size != dimension.categories.size()) {
      fail(fmt::format("$.size[{}]", d), fmt::format("says {} but \"{}\" has {} categories", size,
                                                     dimension.id, dimension.categories.size()));
    }
    table.dimensions.push_back(std::move(dimension));
  }
}

DimensionRole role_named(std::string_view name) {
  if (name == "time") return DimensionRole::time;
  if (name == "geo") return DimensionRole::geo;
  if (name == "metric") return DimensionRole::metric;
  return DimensionRole::none;
}

// Roles are optional, so a malformed one is ignored rather than refused.
void read_roles(const json::object& dataset, const json::object& dimensions, Table& table) {
  const json::value* role = shape_field(dataset, dimensions, "role");
  if (role == nullptr || !role->is_object()) return;
  for (const auto& [name, members] : role->get_object()) {
    if (!members.is_array()) continue;
    const DimensionRole kind = role_named(name);
    for (const auto& member : members.get_array()) {
      for (auto& dimension : table.dimensions) {
        if (member.is_string() && member.get_string() == dimension.id) dimension.role = kind;
      }
    }
  }
}

void read_values(const json::object& dataset, std::size_t cells, Table& table) {
  const auto* values = dataset.if_contains("value");
  if (values == nullptr) fail("$", "\"value\" is missing");
  if (values->is_array()) {
    const auto& list = values->get_array();
    if (list.size() != cells) {
      fail("$.value",
           fmt::format("has {} values but the dimensions make {} cells", list.size(), cells));
    }
    for (std::size_t i = 0; i < cells; ++i) {
      if (!list[i].is_null()) table.values[i] = number_at(list[i], fmt::format("$.value[{}]", i));
    }
  } else if (values->is_object()) {
    for (const auto& [key, value] : values->get_object()) {
      const std::string path = fmt::format("$.value.{}", std::string_view(key));
      const auto index = cell_key(key, cells, path);
      if (!value.is_null()) table.values[index] = number_at(value, path);
    }
  } else {
    fail("$.value", "expected an array or an object");
  }
}

// One status for every cell, or one per cell.
void read_status_list(const json::array& list, std::size_t cells, Table& table) {
  if (list.size() == 1 && list[0].is_string()) {
    for (std::size_t i = 0; i < cells; ++i) table.status[i] = std::string(list[0].get_string());
    return;
  }
  if (list.size() != cells) fail("$.status", "needs one status per cell, or just one");
  for (std::size_t i = 0; i < cells; ++i) {
    if (list[i].is_string()) table.status[i] = std::string(list[i].get_string());
  }
}

void read_status(const json::object& dataset, std::size_t cells, Table& table) {
  const auto* status = dataset.if_contains("status");
  if (status == nullptr) return;
  if (status->is_string()) {
    for (std::size_t i = 0; i < cells; ++i) table.status[i] = std::string(status->get_string());
  } else if (status->is_array()) {
    read_status_list(status->get_array(), cells, table);
  } else if (status->is_object()) {
    for (const auto& [key, value] : status->get_object()) {
      const auto index = cell_key(key, cells, fmt::format("$.status.{}", std::string_view(key)));
      if (value.is_string()) table.status[index] = std::string(value.get_string());
    }
  }
}

// What write_jsonstat keeps in extension.samtryg and JSON-stat has no place for.
void read_extension(const json::object& dataset, Table& table) {
  const auto* extension = dataset.if_contains("extension");
  if (extension == nullptr || !extension->is_object()) return;
  const auto* ours = extension->get_object().if_contains("samtryg");
  if (ours == nullptr || !ours->is_object()) return;
  const auto& object = ours->get_object();
  table.id = string_at(object, "id", "$.extension.samtryg");
  table.unit = string_at(object, "unit", "$.extension.samtryg");
  table.language = string_at(object, "language", "$.extension.samtryg");
  const auto* units = object.if_contains("time_unit");
  if (units == nullptr || !units->is_object()) return;
  for (auto& dimension : table.dimensions) {
    if (const auto* unit = units->get_object().if_contains(dimension.id);
        unit != nullptr && unit->is_string()) {
      dimension.time_unit = std::string(unit->get_string());
    }
  }
}

json::array text_array(const std::vector<std::string>& texts) {
  json::array array;
  for (const auto& text : texts) array.emplace_back(text);
  return array;
}

json::object roles_of(const Table& table) {
  json::object roles;
  for (const auto& dimension : table.dimensions) {
    if (dimension.role == DimensionRole::none) continue;
    auto& members = roles[role_name(dimension.role)];
    if (!members.is_array()) members = json::array{};
    members.get_array().emplace_back(dimension.id);
  }
  return roles;
}

// A content's own unit and decimals, else the table's.
json::object content_unit(const Table& table, const Category& category) {
  json::object unit{{"label", category.unit.empty() ? table.unit : category.unit}};
  const int decimals = category.decimals >= 0 ? category.decimals : table.decimals;
  if (decimals >= 0) unit["decimals"] = decimals;
  return unit;
}

json::object dimension_object(const Table& table, const Dimension& dimension) {
  json::array index;
  json::object labels;
  json::object units;
  for (const auto& category : dimension.categories) {
    index.emplace_back(category.code);
    labels[category.code] = category.label;
    if (dimension.role == DimensionRole::metric) {
      units[category.code] = content_unit(table, category);
    }
  }
  json::object category{{"index", std::move(index)}, {"label", std::move(labels)}};
  if (!units.empty()) category["unit"] = std::move(units);
  return json::object{{"label", dimension.label}, {"category", std::move(category)}};
}

json::object extension_of(const Table& table) {
  json::object extension{{"format", table.format}};
  if (!table.id.empty()) extension["id"] = table.id;
  if (!table.unit.empty()) extension["unit"] = table.unit;
  if (table.decimals >= 0) extension["decimals"] = table.decimals;
  if (!table.language.empty()) extension["language"] = table.language;
  if (!table.languages.empty()) extension["languages"] = text_array(table.languages);
  json::object time_units;
  for (const auto& dimension : table.dimensions) {
    if (!dimension.time_unit.empty()) time_units[dimension.id] = dimension.time_unit;
  }
  if (!time_units.empty()) extension["time_unit"] = std::move(time_units);
  if (!table.warnings.empty()) extension["warnings"] = text_array(table.warnings);
  return extension;
}

// Written by hand: Boost.JSON prints 8625931.0 as 8.625931E6.
std::string values_text(const std::vector<double>& values) {
  fmt::memory_buffer buffer;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) buffer.push_back(',');
    if (std::isnan(values[i])) {
      fmt::format_to(std::back_inserter(buffer), "null");
    } else {
      fmt::format_to(std::back_inserter(buffer), "{}", values[i]);
    }
  }
  return {buffer.data(), buffer.size()};
}

}  // namespace

Table read_jsonstat(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const json::value root = parse_with_position(text);
  const json::object& dataset = find_dataset(root);
  Table table;
  table.format = "json-stat";
  read_description(dataset, table);
  const json::object& dimensions = dimensions_of(dataset);
  read_dimensions(dataset, dimensions, table);
  read_roles(dataset, dimensions, table);
  const std::size_t cells = checked_cell_count(table.dimensions, "$.size", text.size());
  table.values.assign(cells, std::numeric_limits<double>::quiet_NaN());
  read_values(dataset, cells, table);
  read_status(dataset, cells, table);
  read_extension(dataset, table);
  return table;
}

std::string write_jsonstat(const Table& table) {
  json::object dataset;
  dataset["version"] = "2.0";
  dataset["class"] = "dataset";
  if (!table.title.empty()) dataset["label"] = table.title;
  if (!table.source.empty()) dataset["source"] = table.source;
  if (!table.updated.empty()) dataset["updated"] = iso_updated(table.updated);
  if (!table.notes.empty()) dataset["note"] = text_array(table.notes);
  json::array ids;
  json::array sizes;
  json::object dimensions;
  for (const auto& dimension : table.dimensions) {
    ids.emplace_back(dimension.id);
    sizes.emplace_back(dimension.categories.size());
    dimensions[dimension.id] = dimension_object(table, dimension);
  }
  dataset["id"] = std::move(ids);
  dataset["size"] = std::move(sizes);
  if (auto roles = roles_of(table); !roles.empty()) dataset["role"] = std::move(roles);
  dataset["dimension"] = std::move(dimensions);
  json::object status;
  for (const auto& [index, symbol] : table.status) status[std::to_string(index)] = symbol;
  if (!status.empty()) dataset["status"] = std::move(status);
  dataset["extension"] = json::object{{"samtryg", extension_of(table)}};

  std::string out = json::serialize(dataset);
  out.pop_back();  // the closing brace: the values go last
  out += ",\"value\":[";
  out += values_text(table.values);
  out += "]}";
  return out;
}

}  // namespace samtryg::stats
