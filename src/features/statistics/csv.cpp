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

// Splits the text into records of fields. A quoted field may hold delimiters, line breaks and
// doubled quotes; a record's line is the one it starts on.
class RecordSplitter {
 public:
  RecordSplitter(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {
    record_.line = 1;
  }

  std::vector<Record> split() {
    for (std::size_t i = 0; i < text_.size(); ++i) {
      if (quoted_) {
        i = take_quoted(i);
      } else {
        take(text_[i]);
      }
    }
    if (quoted_) throw ParseError(record_.line, "", "a quoted field is not closed");
    if (!field_.empty() || !record_.fields.empty()) end_record();
    return std::move(records_);
  }

 private:
  // Returns the index of the last character taken: a doubled quote is two.
  std::size_t take_quoted(std::size_t i) {
    const char c = text_[i];
    if (c != '"') {
      if (c == '\n') ++line_;
      field_ += c;
      return i;
    }
    if (i + 1 < text_.size() && text_[i + 1] == '"') {
      field_ += '"';
      return i + 1;
    }
    quoted_ = false;
    return i;
  }

  // A quote only opens a quoted field at its start; elsewhere it is text.
  void take(char c) {
    if (c == '"' && !field_started_) {
      quoted_ = true;
      field_started_ = true;
    } else if (c == delimiter_) {
      end_field();
    } else if (c == '\n') {
      ++line_;
      end_record();
    } else if (c != '\r') {
      field_ += c;
      field_started_ = true;
    }
  }

  void end_field() {
    record_.fields.push_back(std::move(field_));
    field_.clear();
    field_started_ = false;
  }

  // Blank lines are no records.
  void end_record() {
    end_field();
    const bool blank = record_.fields.size() == 1 && record_.fields[0].empty();
    if (!blank) records_.push_back(std::move(record_));
    record_ = Record{};
    record_.line = line_;
  }

  std::string_view text_;
  char delimiter_;
  std::vector<Record> records_;
  Record record_;
  std::string field_;
  bool quoted_ = false;
  bool field_started_ = false;
  int line_ = 1;
};

std::vector<Record> split_records(std::string_view text, char delimiter) {
  return RecordSplitter(text, delimiter).split();
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

namespace {

// The rows of a CSV file, the header first.
struct Sheet {
  std::vector<Record> records;
  bool decimal_comma = false;

  const std::vector<std::string>& header() const { return records.front().fields; }
  std::string column_name(std::size_t column) const { return std::string(trim(header()[column])); }
};

void check_row_widths(const std::vector<Record>& records) {
  const std::size_t columns = records.front().fields.size();
  for (std::size_t r = 1; r < records.size(); ++r) {
    if (records[r].fields.size() != columns) {
      throw ParseError(records[r].line, "",
                       fmt::format("the row has {} fields but the header has {}",
                                   records[r].fields.size(), columns));
    }
  }
}

void check_header(const std::vector<std::string>& header) {
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (trim(header[c]).empty()) {
      throw ParseError(1, fmt::format("column {}", c + 1), "the header is empty");
    }
    for (std::size_t other = 0; other < c; ++other) {
      if (trim(header[other]) == trim(header[c])) {
        throw ParseError(1, std::string(trim(header[c])), "two columns have this header");
      }
    }
  }
}

Sheet read_sheet(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const std::string text = decode_legacy_text(bytes);
  const char delimiter = detect_delimiter(text);
  if (delimiter == '\0') {
    throw ParseError(1, "", "no delimiter found in the header row (expected ; , tab or |)");
  }
  Sheet sheet;
  sheet.decimal_comma = delimiter != ',';
  sheet.records = split_records(text, delimiter);
  if (sheet.records.size() < 2) {
    throw ParseError(0, "", "the file needs a header row and data rows");
  }
  check_row_widths(sheet.records);
  check_header(sheet.header());
  return sheet;
}

std::vector<bool> named_value_columns(const Sheet& sheet, const std::vector<std::string>& names) {
  const auto& header = sheet.header();
  std::vector<bool> is_value(header.size(), false);
  for (const auto& wanted : names) {
    const auto at = std::find_if(header.begin(), header.end(),
                                 [&](const std::string& name) { return trim(name) == wanted; });
    if (at == header.end()) throw ParseError(1, wanted, "no column has this header");
    is_value[static_cast<std::size_t>(at - header.begin())] = true;
  }
  return is_value;
}

// Numbers and missing symbols, but not only periods: a column of years names the rows.
bool holds_values(const Sheet& sheet, std::size_t column) {
  bool any_number = false;
  bool all_periods = true;
  for (std::size_t r = 1; r < sheet.records.size(); ++r) {
    const std::string& cell = sheet.records[r].fields[column];
    double value = 0;
    if (parse_number(cell, sheet.decimal_comma, value)) {
      any_number = true;
    } else if (!trim(cell).empty() && !is_missing_symbol(cell)) {
      return false;
    }
    if (!looks_like_period(cell)) all_periods = false;
  }
  return any_number && !all_periods;
}

// The columns at the right end that hold values; the first column always names the rows.
std::vector<bool> detected_value_columns(const Sheet& sheet) {
  const std::size_t columns = sheet.header().size();
  std::vector<bool> is_value(columns, false);
  for (std::size_t c = columns; c-- > 1;) {
    if (!holds_values(sheet, c)) break;
    is_value[c] = true;
  }
  return is_value;
}

struct Columns {
  std::vector<std::size_t> dimensions;  // the columns that name the rows
  std::vector<std::size_t> values;
};

Columns split_columns(const Sheet& sheet, const CsvOptions& options) {
  const std::vector<bool> is_value = options.value_columns.empty()
                                         ? detected_value_columns(sheet)
                                         : named_value_columns(sheet, options.value_columns);
  const auto value_count =
      static_cast<std::size_t>(std::count(is_value.begin(), is_value.end(), true));
  if (value_count == 0) throw ParseError(0, "", "no column holds numbers");
  if (value_count == is_value.size()) {
    throw ParseError(0, "", "every column holds numbers; one must name the rows");
  }
  Columns columns;
  for (std::size_t c = 0; c < is_value.size(); ++c) {
    (is_value[c] ? columns.values : columns.dimensions).push_back(c);
  }
  return columns;
}

using Positions = std::unordered_map<std::string, std::size_t>;  // category code → index

// The distinct cells of a column, in the order they first appear.
Dimension row_dimension(const Sheet& sheet, std::size_t column, Positions& positions) {
  Dimension dimension;
  dimension.id = sheet.column_name(column);
  dimension.label = dimension.id;
  bool all_periods = true;
  for (std::size_t r = 1; r < sheet.records.size(); ++r) {
    const std::string cell(trim(sheet.records[r].fields[column]));
    if (!looks_like_period(cell)) all_periods = false;
    if (positions.emplace(cell, dimension.categories.size()).second) {
      dimension.categories.push_back({cell, cell, "", -1});
    }
  }
  dimension.role = all_periods                    ? DimensionRole::time
                   : header_is_area(dimension.id) ? DimensionRole::geo
                                                  : DimensionRole::none;
  return dimension;
}

// Several value columns: periods in a wide table, else contents.
Dimension column_dimension(const Sheet& sheet, const std::vector<std::size_t>& value_columns) {
  Dimension dimension;
  dimension.id = "column";
  dimension.label = "column";
  bool all_periods = true;
  for (const std::size_t c : value_columns) {
    const std::string name = sheet.column_name(c);
    if (!looks_like_period(name)) all_periods = false;
    dimension.categories.push_back({name, name, "", -1});
  }
  dimension.role = all_periods ? DimensionRole::time : DimensionRole::metric;
  if (all_periods) dimension.id = dimension.label = "period";
  return dimension;
}

void store_cell(Table& table, std::size_t index, const Sheet& sheet, const Record& record,
                std::size_t column) {
  const std::string& cell = record.fields[column];
  double value = 0;
  if (parse_number(cell, sheet.decimal_comma, value)) {
    table.values[index] = value;
  } else if (is_missing_symbol(cell)) {
    table.status[index] = std::string(trim(cell));
  } else if (!trim(cell).empty()) {
    throw ParseError(record.line, sheet.column_name(column),
                     fmt::format("\"{}\" is not a number", cell));
  }
}

void fill_values(Table& table, const Sheet& sheet, const Columns& columns,
                 const std::vector<Positions>& positions, std::size_t file_bytes) {
  const std::size_t cells = checked_cell_count(table.dimensions, "", file_bytes);
  table.values.assign(cells, std::numeric_limits<double>::quiet_NaN());
  std::vector<bool> filled(cells, false);
  std::vector<std::size_t> at(table.dimensions.size(), 0);
  for (std::size_t r = 1; r < sheet.records.size(); ++r) {
    const auto& record = sheet.records[r];
    for (std::size_t d = 0; d < columns.dimensions.size(); ++d) {
      at[d] = positions[d].at(std::string(trim(record.fields[columns.dimensions[d]])));
    }
    for (std::size_t v = 0; v < columns.values.size(); ++v) {
      if (columns.values.size() > 1) at.back() = v;
      const std::size_t index = table.cell_index(at);
      if (filled[index]) {
        throw ParseError(record.line, sheet.column_name(columns.values[v]),
                         "this combination of row names occurs twice");
      }
      filled[index] = true;
      store_cell(table, index, sheet, record, columns.values[v]);
    }
  }
}

}  // namespace

Table read_csv(std::string_view bytes, const CsvOptions& options) {
  const Sheet sheet = read_sheet(bytes);
  const Columns columns = split_columns(sheet, options);
  Table table;
  table.format = "csv";
  std::vector<Positions> positions(columns.dimensions.size());
  for (std::size_t d = 0; d < columns.dimensions.size(); ++d) {
    table.dimensions.push_back(row_dimension(sheet, columns.dimensions[d], positions[d]));
  }
  if (columns.values.size() > 1) {
    table.dimensions.push_back(column_dimension(sheet, columns.values));
  } else {
    table.title = sheet.column_name(columns.values[0]);
  }
  fill_values(table, sheet, columns, positions, bytes.size());
  return table;
}

}  // namespace samtryg::stats
