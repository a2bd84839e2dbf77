#include "features/statistics/px_metadata.hpp"

#include <cctype>
#include <set>
#include <stdexcept>

#include <fmt/format.h>

#include "core/util/strings.hpp"
#include "features/statistics/charset.hpp"

namespace samtryg::stats::px_detail {

std::string Entry::name() const {
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

std::string Entry::text() const {
  std::string joined;
  for (const auto& item : items) joined += item.text;
  return joined;
}

std::vector<std::string> Entry::list() const {
  std::vector<std::string> values;
  values.reserve(items.size());
  for (const auto& item : items) values.push_back(item.text);
  return values;
}

namespace {

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
    if (peek() == '[') read_language(entry);
    if (peek() == '(') read_subkeys(entry);
    expect('=', "\"=\"");
    if (entry.keyword == "DATA") return;
    read_items(entry);
  }

  // [sv]
  void read_language(Entry& entry) {
    ++pos_;
    const std::size_t start = pos_;
    while (!at_end() && text_[pos_] != ']' && text_[pos_] != '\n') ++pos_;
    if (peek() != ']') throw MalformedEntry(line_, "the language code has no closing ]");
    entry.language = std::string(trim(text_.substr(start, pos_ - start)));
    ++pos_;
    skip_space();
  }

  // ("region") or ("region","Stockholm")
  void read_subkeys(Entry& entry) {
    ++pos_;
    while (true) {
      skip_space();
      entry.subkeys.push_back(read_string());
      skip_space();
      if (peek() != ',') break;
      ++pos_;
    }
    expect(')', "\")\" after the last name in parentheses");
  }

  void read_items(Entry& entry) {
    while (true) {
      skip_space();
      entry.items.push_back(peek() == '"' ? read_quoted_item() : Item{read_bare(), false});
      skip_space();
      if (peek() != ',') break;
      ++pos_;
      skip_space();
      if (peek() == ';') {  // "1","2",; an empty last value, written by some tools
        entry.items.push_back({"", false});
        ++pos_;
        return;
      }
    }
    expect(';', "\";\" at the end of the entry");
  }

  // HIERARCHIES pairs "parent":"child" are one item.
  Item read_quoted_item() {
    Item item{read_string(), true};
    while (peek() == ':') {
      ++pos_;
      skip_space();
      item.text += ':';
      item.text += read_string();
    }
    return item;
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

}  // namespace

void Metadata::add(Entry entry, std::vector<std::string>& warnings) {
  auto k = key(entry.keyword, entry.language, entry.subkeys);
  if (entries_.contains(k)) {
    warnings.push_back(fmt::format("line {}, {}: the keyword is given twice; the first one is used",
                                   entry.line, entry.name()));
    return;
  }
  by_keyword_[entry.keyword].push_back(k);
  entries_.emplace(std::move(k), std::move(entry));
}

const Entry* Metadata::find(std::string_view keyword, std::string_view language,
                            const std::vector<std::string>& subkeys) const {
  const auto found = entries_.find(key(keyword, language, subkeys));
  return found == entries_.end() ? nullptr : &found->second;
}

std::vector<const Entry*> Metadata::all(const std::string& keyword) const {
  std::vector<const Entry*> found;
  const auto keys = by_keyword_.find(keyword);
  if (keys == by_keyword_.end()) return found;
  for (const auto& k : keys->second) found.push_back(&entries_.at(k));
  return found;
}

std::string decode(std::string_view bytes) {
  if (const auto codepage = declared_codepage(bytes)) return to_utf8(bytes, *codepage);
  return decode_legacy_text(bytes);
}

MetadataPart read_metadata(std::string_view text, std::vector<std::string>& warnings) {
  MetadataPart part;
  MetadataReader reader(text);
  while (auto entry = reader.next(warnings)) part.metadata.add(std::move(*entry), warnings);
  if (!reader.found_data()) throw missing("DATA");
  part.data_offset = reader.data_offset();
  part.data_line = reader.data_line();
  return part;
}

ParseError missing(const std::string& keyword) {
  return {0, keyword, "the mandatory keyword " + keyword + " is missing"};
}

std::optional<int> small_integer(const Entry& entry, int low, int high) {
  if (entry.items.size() != 1 || entry.items[0].quoted) return std::nullopt;
  const auto value = parse_integer(entry.items[0].text);
  if (!value || *value < low || *value > high) return std::nullopt;
  return static_cast<int>(*value);
}

}  // namespace samtryg::stats::px_detail
