#include "features/statistics/px_data.hpp"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include <fmt/format.h>

#include "core/util/strings.hpp"

namespace samtryg::stats::px_detail {

namespace {

// The data part: numbers and quoted missing-value symbols separated by blanks (or commas).
class DataReader {
 public:
  DataReader(std::string_view text, int line) : text_(text), line_(line) {}

  enum class Kind { number, symbol, key, end };
  struct Token {
    Kind kind = Kind::end;
    double number = 0;
    std::string_view text;
  };

  Token next() {
    skip_separators();
    if (pos_ >= text_.size()) {
      ended_without_semicolon_ = true;
      return {Kind::end, 0, {}};
    }
    const char c = text_[pos_];
    if (c == ';') {
      ++pos_;
      return {Kind::end, 0, {}};
    }
    if (c == '"') {
      const std::size_t start = ++pos_;
      while (pos_ < text_.size() && text_[pos_] != '"' && text_[pos_] != '\n') ++pos_;
      if (pos_ >= text_.size() || text_[pos_] != '"') {
        throw ParseError(line_, "DATA", "a quoted symbol is not closed on its line");
      }
      const std::string_view inside = text_.substr(start, pos_ - start);
      ++pos_;
      return {Kind::symbol, 0, inside};
    }
    const std::size_t start = pos_;
    while (pos_ < text_.size() && !separator(text_[pos_]) && text_[pos_] != ';') ++pos_;
    const std::string_view token = text_.substr(start, pos_ - start);
    if (const auto value = parse_finite_double(token)) return {Kind::number, *value, token};
    if (!token.empty() &&
        std::all_of(token.begin(), token.end(), [](char ch) { return ch == '.' || ch == '-'; })) {
      return {Kind::symbol, 0, token};  // an unquoted "..", tolerated
    }
    throw ParseError(line_, "DATA",
                     fmt::format("\"{}\" is neither a number nor a quoted missing-value symbol",
                                 token.substr(0, 40)));
  }

  int line() const { return line_; }
  bool ended_without_semicolon() const { return ended_without_semicolon_; }

 private:
  static bool separator(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == '\f' || c == '\v';
  }
  void skip_separators() {
    while (pos_ < text_.size() && separator(text_[pos_])) {
      if (text_[pos_] == '\n') ++line_;
      ++pos_;
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int line_;
  bool ended_without_semicolon_ = false;
};

void store_cell(Table& table, std::size_t index, const DataReader::Token& token) {
  if (token.kind == DataReader::Kind::number) {
    table.values[index] = token.number;
  } else {
    table.values[index] = std::numeric_limits<double>::quiet_NaN();
    table.status[index] = std::string(token.text);
  }
}

std::string describe_sizes(const Table& table) {
  std::string sizes;
  for (const auto& dimension : table.dimensions) {
    if (!sizes.empty()) sizes += " × ";
    sizes += fmt::format("{} {}", dimension.categories.size(), dimension.id);
  }
  return sizes;
}

void read_dense(Table& table, DataReader& reader) {
  const std::size_t expected = table.expected_cells();
  std::size_t count = 0;
  while (true) {
    const auto token = reader.next();
    if (token.kind == DataReader::Kind::end) break;
    if (count < expected) store_cell(table, count, token);
    ++count;
  }
  if (count != expected) {
    throw ParseError(reader.line(), "DATA",
                     fmt::format("the table has {} cells but its dimensions ({}) make {}", count,
                                 describe_sizes(table), expected));
  }
}

// KEYS("var")=VALUES|CODES: each data row starts with the keys of those stub variables and holds
// the cells of the remaining ones.
class KeyedRows {
 public:
  KeyedRows(Table& table, DataReader& reader, const std::vector<KeyedDimension>& keyed)
      : table_(table),
        reader_(reader),
        keyed_(keyed),
        lookup_(keyed.size()),
        positions_(table.dimensions.size(), 0) {
    // The dimensions each row spans, in order (last fastest): the same for every row.
    for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
      if (std::none_of(keyed.begin(), keyed.end(),
                       [d](const KeyedDimension& key) { return key.dimension == d; })) {
        free_.push_back(d);
        per_row_ *= table.dimensions[d].categories.size();
      }
    }
    for (std::size_t k = 0; k < keyed.size(); ++k) {
      const auto& categories = table.dimensions[keyed[k].dimension].categories;
      for (std::size_t c = 0; c < categories.size(); ++c) {
        lookup_[k].emplace(keyed[k].by_code ? categories[c].code : categories[c].label, c);
      }
    }
  }

  // False at the end of the data.
  bool read_row() {
    auto token = reader_.next();
    if (token.kind == DataReader::Kind::end) return false;
    for (std::size_t k = 0; k < keyed_.size(); ++k) {
      if (k > 0) token = reader_.next();
      positions_[keyed_[k].dimension] = key_position(k, token);
    }
    read_row_cells();
    return true;
  }

 private:
  std::size_t key_position(std::size_t k, const DataReader::Token& token) const {
    const std::string& variable = table_.dimensions[keyed_[k].dimension].id;
    if (token.kind != DataReader::Kind::symbol) {
      throw ParseError(reader_.line(), "DATA",
                       fmt::format("a row should start with the quoted key of \"{}\"", variable));
    }
    const auto found = lookup_[k].find(token.text);
    if (found == lookup_[k].end()) {
      throw ParseError(reader_.line(), "DATA",
                       fmt::format("\"{}\" is not a value of \"{}\"", token.text, variable));
    }
    return found->second;
  }

  void read_row_cells() {
    for (const std::size_t d : free_) positions_[d] = 0;
    for (std::size_t cell = 0; cell < per_row_; ++cell) {
      const auto value = reader_.next();
      if (value.kind == DataReader::Kind::end) {
        throw ParseError(
            reader_.line(), "DATA",
            fmt::format("a keyed row has {} cells but should have {}", cell, per_row_));
      }
      store_cell(table_, table_.cell_index(positions_), value);
      next_free_position();
    }
  }

  // Like an odometer over the free dimensions, the last one turning fastest.
  void next_free_position() {
    for (std::size_t f = free_.size(); f-- > 0;) {
      if (++positions_[free_[f]] < table_.dimensions[free_[f]].categories.size()) break;
      positions_[free_[f]] = 0;
    }
  }

  Table& table_;
  DataReader& reader_;
  const std::vector<KeyedDimension>& keyed_;
  std::vector<std::unordered_map<std::string_view, std::size_t>> lookup_;  // per keyed_ entry
  std::vector<std::size_t> free_;
  std::size_t per_row_ = 1;
  std::vector<std::size_t> positions_;
};

// Rows left out of keyed data are zeros, not missing.
void read_keyed(Table& table, DataReader& reader, const std::vector<KeyedDimension>& keyed) {
  std::fill(table.values.begin(), table.values.end(), 0.0);
  KeyedRows rows(table, reader, keyed);
  while (rows.read_row()) {
  }
}

}  // namespace

void read_data(Table& table, std::string_view data, int line,
               const std::vector<KeyedDimension>& keyed, std::vector<std::string>& warnings) {
  DataReader reader(data, line);
  if (keyed.empty()) {
    read_dense(table, reader);
  } else {
    read_keyed(table, reader, keyed);
  }
  if (reader.ended_without_semicolon()) warnings.emplace_back("DATA does not end with \";\"");
}

}  // namespace samtryg::stats::px_detail
