#pragma once
// The metadata part of a PX file, internal to the PX reader (px.cpp, px_data.cpp): the entries
// KEYWORD[lang]("sub",…)=values; before DATA=, looked up by keyword, language and subkeys.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "features/statistics/table.hpp"

namespace samtryg::stats::px_detail {

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

  // As the file writes it: KEYWORD[lang]("sub","sub").
  std::string name() const;
  // The items joined: long texts are split over several quoted strings.
  std::string text() const;
  std::vector<std::string> list() const;
};

class Metadata {
 public:
  // The first of two entries with the same keyword, language and subkeys wins.
  void add(Entry entry, std::vector<std::string>& warnings);
  const Entry* find(std::string_view keyword, std::string_view language = "",
                    const std::vector<std::string>& subkeys = {}) const;
  // Every entry of the keyword, whatever its language and subkeys, in the file's order.
  std::vector<const Entry*> all(const std::string& keyword) const;

 private:
  std::unordered_map<std::string, Entry> entries_;
  std::unordered_map<std::string, std::vector<std::string>> by_keyword_;
};

struct MetadataPart {
  Metadata metadata;
  std::size_t data_offset = 0;  // where the cells start, just after DATA=
  int data_line = 0;            // the line of DATA=
};

// The file's bytes as UTF-8: in its CODEPAGE if it declares one, else UTF-8 or Windows-1252.
std::string decode(std::string_view bytes);

// Reads the entries of the decoded text up to DATA=. A malformed entry of a keyword that defines
// the table is a ParseError; a malformed descriptive one is skipped with a warning.
MetadataPart read_metadata(std::string_view text, std::vector<std::string>& warnings);

ParseError missing(const std::string& keyword);

// The entry's single unquoted value when it is a whole number from low to high.
std::optional<int> small_integer(const Entry& entry, int low, int high);

}  // namespace samtryg::stats::px_detail
