#include "features/statistics/csv.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "core/util/strings.hpp"
#include "features/statistics/charset.hpp"
#include "features/statistics/period.hpp"

namespace samtryg::stats {

namespace {

struct Record {
  std::vector<std::string> fields;
  int line = 0;
};

char detect_delimiter(std::string_view text) {
  std::array<std::pair<char, int>, 4> counts{{{';', 0}, {',', 0}, {'\t', 0}, {'|', 0}}};
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (!quoted && c == '\n') break;
    if (quoted) continue;
    for (auto& [delimiter, count] : counts) count += c == delimiter ? 1 : 0;
  }
  const auto best =
      std::max_element(counts.begin(), counts.end(),
                       [](const auto& a, const auto& b) { return a.second < b.second; });
  return best->second == 0 ? '\0' : best->first;
}

std::vector<Record> split_records(std::string_view text, char delimiter) {
  std::vector<Record> records;
  Record record;
  std::string field;
  bool quoted = false;
  bool field_started = false;
  int line = 1;
  record.line = 1;
  const auto finish_record = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
    const bool blank = record.fields.size() == 1 && record.fields[0].empty();
    if (!blank) records.push_back(std::move(record));
    record = Record{};
    record.line = line;
    field_started = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = true;
      field_started = true;
    } else if (c == delimiter) {
      record.fields.push_back(std::move(field));
      field.clear();
      field_started = false;
    } else if (c == '\n') {
      ++line;
      finish_record();
    } else if (c != '\r') {
      field += c;
      field_started = true;
    }
  }
  if (quoted) throw ParseError(record.line, "", "a quoted field is not closed");
  if (!field.empty() || !record.fields.empty()) finish_record();
  return records;
}

bool looks_like_period(std::string_view text) {
  return parse_period(text).has_value();
}

bool header_is_area(std::string_view header) {
  static constexpr std::array names{
      "område",      "omrade",           "region", "kommune",  "kommun",   "area", "municipality",
      "politikreds", "lokalpolisområde", "bydel",  "stadsdel", "district", "geo"};
  const std::string lower = to_lower_ascii(header);
  return std::any_of(names.begin(), names.end(), [&](const char* name) { return lower == name; });
}

}  // namespace

bool is_missing_symbol(std::string_view text) {
  text = trim(text);
  static constexpr std::array symbols{".", "..", "...", "....", ".....", "......",
                                      "-", ":",  "x",   "X",    "n/a",   "NA"};
  return std::any_of(symbols.begin(), symbols.end(),
                     [&](const char* symbol) { return text == symbol; });
}

bool parse_number(std::string_view text, bool decimal_comma, double& value) {
  text = trim(text);
  if (text.empty()) return false;
  std::string cleaned;
  cleaned.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ') continue;  // thousands separated by spaces: "1 234"
    if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size() &&
        static_cast<unsigned char>(text[i + 1]) == 0xA0) {
      ++i;  // a no-break space, the same
      continue;
    }
    if (c == ',' && decimal_comma) {
      cleaned += '.';
    } else {
      cleaned += c;
    }
  }
  const auto number = parse_finite_double(cleaned);
  if (number) value = *number;
  return number.has_value();
}

Table read_csv(std::string_view bytes, const CsvOptions& options) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const std::string text = decode_legacy_text(bytes);
  const char delimiter = detect_delimiter(text);
  if (delimiter == '\0') {
    throw ParseError(1, "", "no delimiter found in the header row (expected ; , tab or |)");
  }
  const bool decimal_comma = delimiter != ',';
  auto records = split_records(text, delimiter);
  if (records.size() < 2) throw ParseError(0, "", "the file needs a header row and data rows");
  const std::vector<std::string> header = records.front().fields;
  const std::size_t columns = header.size();
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].fields.size() != columns) {
      throw ParseError(records[r].line, "",
                       fmt::format("the row has {} fields but the header has {}",
                                   records[r].fields.size(), columns));
    }
  }
  for (std::size_t c = 0; c < columns; ++c) {
    if (trim(header[c]).empty()) {
      throw ParseError(1, fmt::format("column {}", c + 1), "the header is empty");
    }
    for (std::size_t other = 0; other < c; ++other) {
      if (trim(header[other]) == trim(header[c])) {
        throw ParseError(1, std::string(trim(header[c])), "two columns have this header");
      }
    }
  }

  std::vector<bool> is_value(columns, false);
  if (!options.value_columns.empty()) {
    for (const auto& wanted : options.value_columns) {
      const auto at = std::find_if(header.begin(), header.end(),
                                   [&](const std::string& name) { return trim(name) == wanted; });
      if (at == header.end()) throw ParseError(1, wanted, "no column has this header");
      is_value[static_cast<std::size_t>(at - header.begin())] = true;
    }
  } else {
    const auto numeric = [&](std::size_t c) {
      bool any_number = false;
      bool all_periods = true;
      for (std::size_t r = 1; r < records.size(); ++r) {
        const std::string& cell = records[r].fields[c];
        double value = 0;
        if (parse_number(cell, decimal_comma, value)) {
          any_number = true;
        } else if (!trim(cell).empty() && !is_missing_symbol(cell)) {
          return false;
        }
        if (!looks_like_period(cell)) all_periods = false;
      }
      return any_number && !all_periods;
    };
    for (std::size_t c = columns; c-- > 1;) {
      if (!numeric(c)) break;
      is_value[c] = true;
    }
  }
  const auto value_count =
      static_cast<std::size_t>(std::count(is_value.begin(), is_value.end(), true));
  if (value_count == 0) throw ParseError(0, "", "no column holds numbers");
  if (value_count == columns)
    throw ParseError(0, "", "every column holds numbers; one must name the rows");

  Table table;
  table.format = "csv";
  std::vector<std::size_t> dimension_columns;
  std::vector<std::size_t> value_columns;
  for (std::size_t c = 0; c < columns; ++c)
    (is_value[c] ? value_columns : dimension_columns).push_back(c);
  std::vector<std::unordered_map<std::string, std::size_t>> positions(dimension_columns.size());
  for (std::size_t d = 0; d < dimension_columns.size(); ++d) {
    const std::size_t c = dimension_columns[d];
    Dimension dimension;
    dimension.id = std::string(trim(header[c]));
    dimension.label = dimension.id;
    bool all_periods = true;
    for (std::size_t r = 1; r < records.size(); ++r) {
      const std::string cell(trim(records[r].fields[c]));
      if (!looks_like_period(cell)) all_periods = false;
      if (positions[d].emplace(cell, dimension.categories.size()).second) {
        dimension.categories.push_back({cell, cell, "", -1});
      }
    }
    dimension.role = all_periods                    ? DimensionRole::time
                     : header_is_area(dimension.id) ? DimensionRole::geo
                                                    : DimensionRole::none;
    table.dimensions.push_back(std::move(dimension));
  }
  if (value_columns.size() > 1) {
    Dimension columns_dimension;
    columns_dimension.id = "column";
    columns_dimension.label = "column";
    bool all_periods = true;
    for (const std::size_t c : value_columns) {
      const std::string name(trim(header[c]));
      if (!looks_like_period(name)) all_periods = false;
      columns_dimension.categories.push_back({name, name, "", -1});
    }
    columns_dimension.role = all_periods ? DimensionRole::time : DimensionRole::metric;
    if (all_periods) columns_dimension.id = columns_dimension.label = "period";
    table.dimensions.push_back(std::move(columns_dimension));
  } else {
    table.title = std::string(trim(header[value_columns[0]]));
  }

  const std::size_t cells = checked_cell_count(table.dimensions, "");
  table.values.assign(cells, std::numeric_limits<double>::quiet_NaN());
  std::vector<bool> filled(cells, false);
  std::vector<std::size_t> at(table.dimensions.size(), 0);
  for (std::size_t r = 1; r < records.size(); ++r) {
    const auto& record = records[r];
    for (std::size_t d = 0; d < dimension_columns.size(); ++d) {
      at[d] = positions[d].at(std::string(trim(record.fields[dimension_columns[d]])));
    }
    for (std::size_t v = 0; v < value_columns.size(); ++v) {
      if (value_columns.size() > 1) at.back() = v;
      const std::size_t index = table.cell_index(at);
      if (filled[index]) {
        throw ParseError(record.line, std::string(trim(header[value_columns[v]])),
                         "this combination of row names occurs twice");
      }
      filled[index] = true;
      const std::string& cell = record.fields[value_columns[v]];
      double value = 0;
      if (parse_number(cell, decimal_comma, value)) {
        table.values[index] = value;
      } else if (is_missing_symbol(cell)) {
        table.status[index] = std::string(trim(cell));
      } else if (!trim(cell).empty()) {
        throw ParseError(record.line, std::string(trim(header[value_columns[v]])),
                         fmt::format("\"{}\" is not a number", cell));
      }
    }
  }
  return table;
}

}  // namespace samtryg::stats
