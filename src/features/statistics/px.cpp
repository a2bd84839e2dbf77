#include "features/statistics/px.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "core/util/strings.hpp"
#include "features/statistics/charset.hpp"
#include "features/statistics/period.hpp"

namespace samtryg::stats {

namespace {

struct Item {
  std::string text;
  bool quoted = false;
};

struct Entry {
  std::string keyword;
  std::string language;
  std::vector<std::string> subkeys;
  std::vector<Item> items;
  int line = 0;

  std::string name() const {
    std::string name = keyword;
    if (!language.empty()) name += "[" + language + "]";
    if (!subkeys.empty()) {
      name += "(";
      for (std::size_t i = 0; i < subkeys.size(); ++i) {
        name += (i == 0 ? "\"" : ",\"") + subkeys[i] + "\"";
      }
      name += ")";
    }
    return name;
  }
  std::string text() const {
    std::string joined;
    for (const auto& item : items) joined += item.text;
    return joined;
  }
  std::vector<std::string> list() const {
    std::vector<std::string> values;
    values.reserve(items.size());
    for (const auto& item : items) values.push_back(item.text);
    return values;
  }
};

// Keywords whose problems make the table unreadable; every other keyword is descriptive.
bool structural(const std::string& keyword) {
  static const std::set<std::string> keywords{
      "CHARSET", "CODEPAGE", "LANGUAGE", "LANGUAGES",    "MATRIX", "SUBJECT-CODE", "SUBJECT-AREA",
      "TITLE",   "CONTENTS", "UNITS",    "DECIMALS",     "STUB",   "HEADING",      "VALUES",
      "CODES",   "TIMEVAL",  "KEYS",     "CONTVARIABLE", "DATA"};
  return keywords.contains(keyword);
}

class MalformedEntry : public std::runtime_error {
 public:
  MalformedEntry(int at_line, const std::string& message)
      : std::runtime_error(message), line(at_line) {}
  int line;
};

// Splits the metadata part of a PX file (UTF-8 by now) into entries, up to DATA=.
class MetadataReader {
 public:
  explicit MetadataReader(std::string_view text) : text_(text) {}

  // The next entry, or nothing at DATA= (then data_offset() is where the cells start) or
  // at the end of the text.
  std::optional<Entry> next(std::vector<std::string>& warnings) {
    while (true) {
      skip_space();
      if (at_end()) return std::nullopt;
      const std::size_t start = pos_;
      const int start_line = line_;
      Entry entry;
      entry.line = line_;
      try {
        entry.keyword = read_keyword();
        if (entry.keyword.empty()) {
          throw MalformedEntry(
              line_, fmt::format("unexpected \"{}\" where a keyword should start", text_[pos_]));
        }
        read_entry_rest(entry);
        if (entry.keyword == "DATA") {
          data_line_ = entry.line;
          return std::nullopt;
        }
        return entry;
      } catch (const MalformedEntry& error) {
        const std::string keyword = entry.keyword.empty() ? "?" : entry.keyword;
        if (structural(entry.keyword) || entry.keyword.empty()) {
          throw ParseError(error.line, entry.keyword.empty() ? "" : entry.name(), error.what());
        }
        warnings.push_back(fmt::format("line {}, {}: {}; the entry was skipped", error.line,
                                       entry.name(), error.what()));
        pos_ = start;
        line_ = start_line;
        skip_to_entry_end();
      }
    }
  }

  bool found_data() const { return data_line_ > 0; }
  std::size_t data_offset() const { return pos_; }
  int data_line() const { return data_line_; }

 private:
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }

  void skip_space() {
    while (!at_end()) {
      const char c = text_[pos_];
      if (c == '\n') {
        ++line_;
      } else if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') {
        return;
      }
      ++pos_;
    }
  }

  std::string read_keyword() {
    const std::size_t start = pos_;
    while (!at_end()) {
      const char c = text_[pos_];
      if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '-' && c != '_') break;
      ++pos_;
    }
    return to_upper(text_.substr(start, pos_ - start));
  }

  static std::string to_upper(std::string_view text) {
    std::string upper(text);
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return upper;
  }

  void expect(char wanted, const char* what) {
    skip_space();
    if (peek() != wanted) {
      throw MalformedEntry(
          line_, at_end() ? fmt::format("the file ends where {} should be", what)
                          : fmt::format("expected {} but found \"{}\"", what, text_[pos_]));
    }
    ++pos_;
  }

  void read_entry_rest(Entry& entry) {
    skip_space();
    if (peek() == '[') {
      ++pos_;
      const std::size_t start = pos_;
      while (!at_end() && text_[pos_] != ']' && text_[pos_] != '\n') ++pos_;
      if (peek() != ']') throw MalformedEntry(line_, "the language code has no closing ]");
      entry.language = std::string(trim(text_.substr(start, pos_ - start)));
      ++pos_;
      skip_space();
    }
    if (peek() == '(') {
      ++pos_;
      while (true) {
        skip_space();
        entry.subkeys.push_back(read_string());
        skip_space();
        if (peek() == ',') {
          ++pos_;
          continue;
        }
        expect(')', "\")\" after the last name in parentheses");
        break;
      }
    }
    expect('=', "\"=\"");
    if (entry.keyword == "DATA") return;
    while (true) {
      skip_space();
      if (peek() == '"') {
        entry.items.push_back({read_string(), true});
        // HIERARCHIES pairs: "parent":"child"
        while (peek() == ':') {
          ++pos_;
          skip_space();
          entry.items.back().text += ":" + read_string();
        }
      } else {
        entry.items.push_back({read_bare(), false});
      }
      skip_space();
      if (peek() == ',') {
        ++pos_;
        skip_space();
        if (peek() == ';') {  // "1","2",; an empty last value, written by some tools
          entry.items.push_back({"", false});
          ++pos_;
          return;
        }
        continue;
      }
      expect(';', "\";\" at the end of the entry");
      return;
    }
  }

  // A quoted string; adjacent strings ("abc"\n"def") are one string split over lines.
  std::string read_string() {
    if (peek() != '"') {
      throw MalformedEntry(
          line_, at_end() ? "the file ends where a quoted text should be"
                          : fmt::format("expected a quoted text but found \"{}\"", text_[pos_]));
    }
    std::string value;
    while (peek() == '"') {
      ++pos_;
      const std::size_t start = pos_;
      const int start_line = line_;
      while (!at_end() && text_[pos_] != '"') {
        if (text_[pos_] == '\n') ++line_;  // real files have notes with line breaks inside
        ++pos_;
      }
      if (peek() != '"') throw MalformedEntry(start_line, "a quoted text is never closed");
      for (char c : text_.substr(start, pos_ - start)) {
        if (c != '\r') value += c;
      }
      ++pos_;
      skip_space();
      const char next = peek();
      if (next != '"' && next != ',' && next != ';' && next != ')' && next != '-' && next != ':') {
        throw MalformedEntry(
            line_, at_end() ? "the file ends after a quoted text"
                            : fmt::format("unexpected \"{}\" after a closing quote (a stray \" "
                                          "inside the text?)",
                                          next));
      }
    }
    return value;
  }

  // An unquoted value (YES, 0, TLIST(A1) or TLIST(A1, "1994"-"1996")) up to , or ;.
  std::string read_bare() {
    const std::size_t start = pos_;
    int depth = 0;
    bool quoted = false;
    while (!at_end()) {
      const char c = text_[pos_];
      if (c == '\n') {
        if (quoted) throw MalformedEntry(line_, "a quoted text is not closed on its line");
        ++line_;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        ++depth;
      } else if (!quoted && c == ')') {
        --depth;
      } else if (!quoted && depth == 0 && (c == ',' || c == ';')) {
        break;
      }
      ++pos_;
    }
    const auto value = trim(text_.substr(start, pos_ - start));
    if (value.empty()) throw MalformedEntry(line_, "a value is missing");
    return std::string(value);
  }

  // Recovery after a malformed descriptive entry: entries end with ";" at the end of a line.
  void skip_to_entry_end() {
    while (!at_end()) {
      const char c = text_[pos_++];
      if (c == '\n') {
        ++line_;
      } else if (c == ';') {
        std::size_t look = pos_;
        while (look < text_.size() &&
               (text_[look] == ' ' || text_[look] == '\t' || text_[look] == '\r')) {
          ++look;
        }
        if (look >= text_.size() || text_[look] == '\n') return;
      }
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int data_line_ = 0;
};

// Finds CODEPAGE="…" in the raw bytes before DATA= (its value is ASCII in every encoding).
std::optional<std::string> declared_codepage(std::string_view bytes) {
  const std::size_t data = bytes.find("\nDATA=");
  const std::string_view header = bytes.substr(0, data);
  std::size_t at = header.find("CODEPAGE=\"");
  if (at == std::string_view::npos) return std::nullopt;
  at += 10;
  const std::size_t end = header.find('"', at);
  if (end == std::string_view::npos) return std::nullopt;
  return std::string(trim(header.substr(at, end - at)));
}

std::string decode(std::string_view bytes) {
  if (const auto codepage = declared_codepage(bytes)) return to_utf8(bytes, *codepage);
  return decode_legacy_text(bytes);
}

std::string key(std::string_view keyword, std::string_view language,
                const std::vector<std::string>& subkeys) {
  std::string joined(keyword);
  joined += '\x1e';
  joined += language;
  for (const auto& subkey : subkeys) {
    joined += '\x1f';
    joined += subkey;
  }
  return joined;
}

class Metadata {
 public:
  void add(Entry entry, std::vector<std::string>& warnings) {
    auto k = key(entry.keyword, entry.language, entry.subkeys);
    if (entries_.contains(k)) {
      warnings.push_back(
          fmt::format("line {}, {}: the keyword is given twice; the first one is used", entry.line,
                      entry.name()));
      return;
    }
    by_keyword_[entry.keyword].push_back(k);
    entries_.emplace(std::move(k), std::move(entry));
  }

  const Entry* find(std::string_view keyword, std::string_view language = "",
                    const std::vector<std::string>& subkeys = {}) const {
    const auto found = entries_.find(key(keyword, language, subkeys));
    return found == entries_.end() ? nullptr : &found->second;
  }

  std::vector<const Entry*> all(const std::string& keyword) const {
    std::vector<const Entry*> found;
    const auto keys = by_keyword_.find(keyword);
    if (keys == by_keyword_.end()) return found;
    for (const auto& k : keys->second) found.push_back(&entries_.at(k));
    return found;
  }

 private:
  std::unordered_map<std::string, Entry> entries_;
  std::unordered_map<std::string, std::vector<std::string>> by_keyword_;
};

ParseError missing(const std::string& keyword) {
  return {0, keyword, "the mandatory keyword " + keyword + " is missing"};
}

std::optional<int> small_integer(const Entry& entry, int low, int high) {
  if (entry.items.size() != 1 || entry.items[0].quoted) return std::nullopt;
  const auto value = parse_integer(entry.items[0].text);
  if (!value || *value < low || *value > high) return std::nullopt;
  return static_cast<int>(*value);
}

struct TimeList {
  std::string unit;
  std::vector<std::string> values;
};

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
  if (comma != std::string_view::npos) {
    // The interval form: "first"-"last", every period in between.
    std::string range;
    for (char c : head.substr(comma + 1)) {
      if (c != '"' && c != ' ') range += c;
    }
    const std::size_t dash = range.find('-');
    if (dash == std::string::npos) return std::nullopt;
    const auto first = parse_period(range.substr(0, dash), list.unit);
    const auto last = parse_period(range.substr(dash + 1), list.unit);
    if (!first || !last || first->kind != last->kind || *last < *first) return std::nullopt;
    const std::size_t width = range.substr(0, dash).size();
    for (Period period = *first; period <= *last;) {
      list.values.push_back(width == 4 ? fmt::format("{}", period.year)
                                       : fmt::format("{}{:0{}}", period.year, period.number,
                                                     static_cast<int>(width - 4)));
      if (period.kind == PeriodKind::year) {
        ++period.year;
      } else {
        const auto next =
            parse_period(fmt::format("{}{}", period.year, period.number + 1), list.unit);
        period = next ? *next : Period{period.kind, period.year + 1, 1};
      }
      if (list.values.size() > 10000) return std::nullopt;
    }
    return list;
  }
  for (std::size_t i = 1; i < entry.items.size(); ++i) list.values.push_back(entry.items[i].text);
  return list;
}

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

// KEYS("var")=VALUES|CODES: each data row starts with the keys of those stub variables and
// holds the cells of the remaining ones; rows left out are zeros.
void read_keyed(Table& table, DataReader& reader, const std::vector<std::size_t>& keyed,
                const std::vector<bool>& by_code) {
  std::fill(table.values.begin(), table.values.end(), 0.0);
  // The dimensions each row spans, in order (last fastest): the same for every row.
  std::vector<std::size_t> free;
  std::size_t per_row = 1;
  for (std::size_t d = 0; d < table.dimensions.size(); ++d) {
    if (std::find(keyed.begin(), keyed.end(), d) == keyed.end()) {
      free.push_back(d);
      per_row *= table.dimensions[d].categories.size();
    }
  }
  std::vector<std::unordered_map<std::string_view, std::size_t>> lookup(keyed.size());
  for (std::size_t k = 0; k < keyed.size(); ++k) {
    const auto& categories = table.dimensions[keyed[k]].categories;
    for (std::size_t c = 0; c < categories.size(); ++c) {
      lookup[k].emplace(by_code[k] ? categories[c].code : categories[c].label, c);
    }
  }
  std::vector<std::size_t> positions(table.dimensions.size(), 0);
  while (true) {
    auto token = reader.next();
    if (token.kind == DataReader::Kind::end) return;
    for (std::size_t k = 0; k < keyed.size(); ++k) {
      if (k > 0) token = reader.next();
      if (token.kind != DataReader::Kind::symbol) {
        throw ParseError(reader.line(), "DATA",
                         fmt::format("a row should start with the quoted key of \"{}\"",
                                     table.dimensions[keyed[k]].id));
      }
      const auto found = lookup[k].find(token.text);
      if (found == lookup[k].end()) {
        throw ParseError(reader.line(), "DATA",
                         fmt::format("\"{}\" is not a value of \"{}\"", token.text,
                                     table.dimensions[keyed[k]].id));
      }
      positions[keyed[k]] = found->second;
    }
    for (const std::size_t d : free) positions[d] = 0;
    for (std::size_t cell = 0; cell < per_row; ++cell) {
      const auto value = reader.next();
      if (value.kind == DataReader::Kind::end) {
        throw ParseError(reader.line(), "DATA",
                         fmt::format("a keyed row has {} cells but should have {}", cell, per_row));
      }
      store_cell(table, table.cell_index(positions), value);
      for (std::size_t f = free.size(); f-- > 0;) {
        if (++positions[free[f]] < table.dimensions[free[f]].categories.size()) break;
        positions[free[f]] = 0;
      }
    }
  }
}

class TableBuilder {
 public:
  TableBuilder(const Metadata& metadata, std::vector<std::string>& warnings)
      : meta_(metadata), warnings_(warnings) {}

  Table build(const std::string& requested_language) {
    Table table;
    table.format = "px";
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

    for (const char* keyword :
         {"MATRIX", "SUBJECT-CODE", "SUBJECT-AREA", "TITLE", "CONTENTS", "UNITS", "DECIMALS"}) {
      if (meta_.find(keyword) == nullptr) throw missing(keyword);
    }
    table.id = meta_.find("MATRIX")->text();
    table.title = text("TITLE");
    if (const Entry* description_default = meta_.find("DESCRIPTIONDEFAULT");
        description_default != nullptr && description_default->text() == "YES") {
      if (meta_.find("DESCRIPTION") == nullptr) {
        warnings_.push_back("DESCRIPTIONDEFAULT is YES but there is no DESCRIPTION");
      } else {
        table.title = text("DESCRIPTION");
      }
    }
    table.unit = text("UNITS");
    table.source = text("SOURCE");
    table.updated = text("LAST-UPDATED");
    for (const char* note : {"NOTEX", "NOTE"}) {
      if (const auto value = text(note); !value.empty()) table.notes.push_back(value);
    }
    const auto decimals = small_integer(*meta_.find("DECIMALS"), 0, 15);
    if (!decimals) {
      throw ParseError(meta_.find("DECIMALS")->line, "DECIMALS",
                       "must be a whole number from 0 to 15");
    }
    table.decimals = *decimals;
    if (const Entry* show = meta_.find("SHOWDECIMALS")) {
      const auto shown = small_integer(*show, 0, 6);
      if (!shown) {
        warnings_.push_back(
            fmt::format("line {}, SHOWDECIMALS: must be a whole number from 0 to "
                        "6; ignored",
                        show->line));
      } else if (*shown > table.decimals) {
        warnings_.push_back(
            fmt::format("line {}, SHOWDECIMALS: {} is more than DECIMALS ({}); "
                        "ignored",
                        show->line, *shown, table.decimals));
      }
    }

    build_dimensions(table);
    check_references(table);
    return table;
  }

  const std::vector<std::string>& variables() const { return variables_; }

 private:
  // A keyword in the requested language, else in the default language.
  const Entry* localized(std::string_view keyword, const std::vector<std::string>& subkeys = {}) {
    if (language_ != default_language_) {
      if (const Entry* entry = meta_.find(keyword, language_, subkeys)) return entry;
    }
    if (const Entry* entry = meta_.find(keyword, "", subkeys)) return entry;
    return default_language_.empty() ? nullptr : meta_.find(keyword, default_language_, subkeys);
  }
  std::string text(std::string_view keyword) {
    const Entry* entry = localized(keyword);
    return entry == nullptr ? "" : entry->text();
  }

  void build_dimensions(Table& table) {
    const Entry* stub = meta_.find("STUB");
    const Entry* heading = meta_.find("HEADING");
    if (stub == nullptr && heading == nullptr) throw missing("STUB or HEADING");
    for (const Entry* part : {stub, heading}) {
      if (part == nullptr) continue;
      for (const auto& item : part->items) {
        if (std::find(variables_.begin(), variables_.end(), item.text) != variables_.end()) {
          throw ParseError(part->line, part->keyword,
                           fmt::format("the variable \"{}\" is named twice", item.text));
        }
        variables_.push_back(item.text);
      }
    }
    stub_count_ = stub == nullptr ? 0 : stub->items.size();
    for (const char* keyword : {"VALUES", "CODES", "TIMEVAL", "KEYS"}) {
      for (const Entry* entry : meta_.all(keyword)) {
        if (!entry->language.empty() && entry->language != default_language_) continue;
        if (entry->subkeys.size() != 1 || std::find(variables_.begin(), variables_.end(),
                                                    entry->subkeys[0]) == variables_.end()) {
          throw ParseError(entry->line, entry->name(),
                           "names a variable that is not in STUB or HEADING");
        }
      }
    }

    // Variable names in the requested language, by position.
    std::vector<std::string> local_names = variables_;
    if (language_ != default_language_) {
      std::vector<std::string> names;
      for (const char* part : {"STUB", "HEADING"}) {
        const Entry* entry = meta_.find(part, language_);
        const Entry* fallback = meta_.find(part);
        if (entry == nullptr && fallback != nullptr) {
          names.clear();
          break;
        }
        if (entry != nullptr) {
          for (const auto& item : entry->items) names.push_back(item.text);
        }
      }
      if (names.size() == variables_.size()) {
        local_names = names;
      } else {
        warnings_.push_back(
            fmt::format("STUB/HEADING in \"{}\" do not match the default "
                        "language; the variables keep their default names",
                        language_));
      }
    }

    const Entry* contvariable = meta_.find("CONTVARIABLE");
    if (contvariable != nullptr &&
        std::find(variables_.begin(), variables_.end(), contvariable->text()) == variables_.end()) {
      throw ParseError(contvariable->line, "CONTVARIABLE",
                       fmt::format("\"{}\" is not one of the variables in STUB or HEADING",
                                   contvariable->text()));
    }

    for (std::size_t v = 0; v < variables_.size(); ++v) {
      const std::string& name = variables_[v];
      Dimension dimension;
      dimension.id = name;
      dimension.label = local_names[v];
      const Entry* values = meta_.find("VALUES", "", {name});
      if (values == nullptr) throw missing(fmt::format("VALUES(\"{}\")", name));
      if (values->items.empty()) {
        throw ParseError(values->line, values->name(), "a variable needs at least one value");
      }
      const Entry* codes = meta_.find("CODES", "", {name});
      if (codes != nullptr && codes->items.size() != values->items.size()) {
        throw ParseError(
            codes->line, codes->name(),
            fmt::format("{} codes for {} values", codes->items.size(), values->items.size()));
      }
      std::vector<std::string> labels = values->list();
      if (local_names[v] != name || language_ != default_language_) {
        const Entry* local = meta_.find("VALUES", language_, {local_names[v]});
        if (local != nullptr && local->items.size() == labels.size()) {
          labels = local->list();
        } else if (language_ != default_language_) {
          warnings_.push_back(
              fmt::format("VALUES[{}](\"{}\") is missing or has a different "
                          "number of values; default labels are used",
                          language_, local_names[v]));
        }
      }
      std::set<std::string_view> seen;
      for (std::size_t c = 0; c < values->items.size(); ++c) {
        Category category;
        // A value without a code (an empty one) is known by its text.
        const std::string& code = codes != nullptr && !codes->items[c].text.empty()
                                      ? codes->items[c].text
                                      : values->items[c].text;
        category.code = code;
        category.label = labels[c];
        if (!seen.insert(code).second) {
          throw ParseError((codes != nullptr ? codes : values)->line,
                           (codes != nullptr ? codes : values)->name(),
                           fmt::format("\"{}\" occurs twice", category.code));
        }
        dimension.categories.push_back(std::move(category));
      }
      if (const Entry* timeval = meta_.find("TIMEVAL", "", {name})) {
        const auto list = parse_timeval(*timeval);
        if (!list) {
          throw ParseError(timeval->line, timeval->name(),
                           "expected TLIST(unit) followed by periods, or TLIST(unit, \"first\"-"
                           "\"last\")");
        }
        dimension.role = DimensionRole::time;
        dimension.time_unit = list->unit;
        if (list->values.size() != dimension.categories.size()) {
          warnings_.push_back(fmt::format(
              "line {}, {}: {} periods for {} values; the periods "
              "are ignored",
              timeval->line, timeval->name(), list->values.size(), dimension.categories.size()));
        }
      } else if (meta_.find("MAP", "", {name}) != nullptr) {
        dimension.role = DimensionRole::geo;
      }
      if (contvariable != nullptr && contvariable->text() == name) {
        dimension.role = DimensionRole::metric;
        for (std::size_t c = 0; c < dimension.categories.size(); ++c) {
          const std::string& value = values->items[c].text;
          if (const Entry* unit = localized("UNITS", {value})) {
            dimension.categories[c].unit = unit->text();
          } else {
            dimension.categories[c].unit = table.unit;
          }
          if (const Entry* precision = meta_.find("PRECISION", "", {name, value})) {
            if (const auto digits = small_integer(*precision, 0, 15)) {
              dimension.categories[c].decimals = *digits;
            }
          }
        }
      }
      table.dimensions.push_back(std::move(dimension));
    }
  }

  // Keywords that name a variable or a content that does not exist.
  void check_references(const Table& table) {
    const auto is_variable = [&](const std::string& name) {
      return std::find(variables_.begin(), variables_.end(), name) != variables_.end();
    };
    std::set<std::string> contents;
    for (const auto& dimension : table.dimensions) {
      if (dimension.role != DimensionRole::metric) continue;
      const Entry* values = meta_.find("VALUES", "", {dimension.id});
      for (const auto& item : values->items) contents.insert(item.text);
    }
    for (const Entry* entry : meta_.all("UNITS")) {
      if (entry->subkeys.empty() ||
          (!entry->language.empty() && entry->language != default_language_)) {
        continue;
      }
      if (entry->subkeys.size() != 1 || !contents.contains(entry->subkeys[0])) {
        throw ParseError(entry->line, entry->name(),
                         contents.empty() ? "units per content need a CONTVARIABLE"
                                          : "names a content that is not a value of the "
                                            "CONTVARIABLE");
      }
    }
    for (const char* keyword : {"LAST-UPDATED", "STOCKFA", "CONTACT", "REFPERIOD", "BASEPERIOD",
                                "CFPRICES", "DAYADJ", "SEASADJ"}) {
      for (const Entry* entry : meta_.all(keyword)) {
        // Other languages name the contents in their own words.
        if (entry->subkeys.empty() ||
            (!entry->language.empty() && entry->language != default_language_)) {
          continue;
        }
        if (entry->subkeys.size() != 1 || !contents.contains(entry->subkeys[0])) {
          warnings_.push_back(
              fmt::format("line {}, {}: names a content that is not a value of "
                          "the CONTVARIABLE; ignored",
                          entry->line, entry->name()));
        }
      }
    }
    for (const char* keyword :
         {"DOMAIN", "ELIMINATION", "DOUBLECOLUMN", "PRESTEXT", "MAP", "NOTE", "NOTEX",
          "VARIABLE-TYPE", "HIERARCHIES", "HIERARCHYLEVELS", "PARTITIONED", "AGGREGALLOWED"}) {
      for (const Entry* entry : meta_.all(keyword)) {
        if (entry->subkeys.empty() ||
            (!entry->language.empty() && entry->language != default_language_)) {
          continue;
        }
        if (!is_variable(entry->subkeys[0])) {
          warnings_.push_back(
              fmt::format("line {}, {}: names a variable that is not in STUB or "
                          "HEADING; ignored",
                          entry->line, entry->name()));
        }
      }
    }
    for (const char* keyword : {"CELLNOTE", "CELLNOTEX", "DATANOTECELL"}) {
      for (const Entry* entry : meta_.all(keyword)) {
        if (!entry->language.empty() && entry->language != default_language_) continue;
        if (entry->subkeys.size() != variables_.size()) {
          warnings_.push_back(fmt::format("line {}, {}: gives {} values for {} variables; ignored",
                                          entry->line, entry->name(), entry->subkeys.size(),
                                          variables_.size()));
        }
      }
    }
  }

 public:
  std::size_t stub_count() const { return stub_count_; }

 private:
  const Metadata& meta_;
  std::vector<std::string>& warnings_;
  std::string default_language_;
  std::string language_;
  std::vector<std::string> variables_;
  std::size_t stub_count_ = 0;
};

}  // namespace

Table read_px(std::string_view bytes, const PxOptions& options) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const std::string text = decode(bytes);
  std::vector<std::string> warnings;
  MetadataReader reader(text);
  Metadata metadata;
  while (auto entry = reader.next(warnings)) metadata.add(std::move(*entry), warnings);
  if (!reader.found_data()) throw missing("DATA");

  TableBuilder builder(metadata, warnings);
  Table table = builder.build(options.language);
  table.values.assign(checked_cell_count(table.dimensions, "DATA"),
                      std::numeric_limits<double>::quiet_NaN());

  std::vector<std::size_t> keyed;
  std::vector<bool> by_code;
  for (std::size_t d = 0; d < builder.stub_count(); ++d) {
    const Entry* keys = metadata.find("KEYS", "", {table.dimensions[d].id});
    if (keys == nullptr) continue;
    const std::string how = keys->text();
    if (how != "VALUES" && how != "CODES") {
      throw ParseError(keys->line, keys->name(), "must be VALUES or CODES");
    }
    keyed.push_back(d);
    by_code.push_back(how == "CODES");
  }
  for (const Entry* keys : metadata.all("KEYS")) {
    const auto& names = builder.variables();
    const auto at = std::find(names.begin(), names.end(), keys->subkeys.at(0));
    if (static_cast<std::size_t>(at - names.begin()) >= builder.stub_count()) {
      throw ParseError(keys->line, keys->name(), "KEYS are only allowed for STUB variables");
    }
  }

  DataReader data(std::string_view(text).substr(reader.data_offset()), reader.data_line());
  if (keyed.empty()) {
    read_dense(table, data);
  } else {
    read_keyed(table, data, keyed, by_code);
  }
  if (data.ended_without_semicolon()) warnings.emplace_back("DATA does not end with \";\"");
  table.warnings = std::move(warnings);
  return table;
}

}  // namespace samtryg::stats
