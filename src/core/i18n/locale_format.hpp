#pragma once
// Dates, numbers and sorting the way each language writes them, through ICU:
// da "14. januar 2018", "84,9 %"; sv "14 januari 2018"; en "14 January 2018".
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/i18n/language.hpp"

namespace samtryg::i18n {

struct Date {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
};

std::string format_date(Date date, Language language);
// An ISO date, or the day a timestamp ("2018-01-14T23:30:00Z") falls on in the workspace's
// time zone, as the language writes it; any other text unchanged.
std::string format_iso_date(std::string_view iso, Language language);
// The time of day of a UTC timestamp ("2026-11-22T13:32:05Z") in the workspace's time zone
// (i18n::ClockScope; Danish time by default): "14.32" (da), "14:32" (sv, en); other text
// unchanged.
std::string format_iso_time(std::string_view timestamp, Language language);
// Day and time of a UTC timestamp on the same clock: "6. dec. 2026 14.32" (da).
std::string format_iso_timestamp(std::string_view timestamp, Language language);
// "januar 2018", "januari 2018", "January 2018".
std::string format_month(int year, int month, Language language);
std::string format_number(double value, int decimals, Language language);
// `percent` is already in percent: 84.9 → "84,9 %".
std::string format_percent(double percent, int decimals, Language language);

// Orders UTF-8 strings as a reader of `language` expects (Danish æ ø å after z, Swedish å ä ö).
void sort_names(std::vector<std::string>& names, Language language);
bool collate_less(std::string_view a, std::string_view b, Language language);
// The bytes that order a text as `language` reads it: keys compared with < order their texts
// as collate_less does, with one collation per text instead of one per comparison.
std::string sort_key(std::string_view text, Language language);

// Sorts `items` by `name_of(item)` as a reader of `language` expects, equal names kept in
// their order. Databases cannot do this alike: PostgreSQL's C.UTF-8 and SQLite's binary
// collation both put "Å" before "Ä" and "Æ" before "Ø" by code point.
template <class Item, class NameOf>
void sort_by_name(std::vector<Item>& items, Language language, NameOf&& name_of) {
  std::vector<std::pair<std::string, std::size_t>> keys;
  keys.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    keys.emplace_back(sort_key(name_of(items[i]), language), i);
  }
  std::stable_sort(keys.begin(), keys.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Item> sorted;
  sorted.reserve(items.size());
  for (const auto& key : keys) sorted.push_back(std::move(items[key.second]));
  items = std::move(sorted);
}

}  // namespace samtryg::i18n
