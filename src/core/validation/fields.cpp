#include "core/validation/fields.hpp"

#include <algorithm>
#include <charconv>
#include <string>

namespace samtryg::validation {

namespace {

int number(std::string_view text) {
  int value = -1;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() ? value : -1;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

bool is_one_of(std::string_view code, std::span<const std::string_view> codes) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  const int year = number(text.substr(0, 4));
  const int month = number(text.substr(5, 2));
  const int day = number(text.substr(8, 2));
  return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

void require(Errors& errors, std::string_view field, std::string_view value, std::size_t max) {
  const auto blank = value.find_first_not_of(" \t\r\n") == std::string_view::npos;
  if (blank) {
    errors.add(std::string(field), "field_required");
  } else if (utf8_length(value) > max) {
    errors.add(std::string(field), "field_too_long", {{"max", std::to_string(max)}});
  }
}

void limit(Errors& errors, std::string_view field, std::string_view value, std::size_t max) {
  if (utf8_length(value) > max) {
    errors.add(std::string(field), "field_too_long", {{"max", std::to_string(max)}});
  }
}

void choice(Errors& errors, std::string_view field, std::string_view value,
            std::span<const std::string_view> codes) {
  if (!is_one_of(value, codes)) errors.add(std::string(field), "choice_invalid");
}

void optional_date(Errors& errors, std::string_view field, std::string_view value) {
  if (!value.empty() && !is_iso_date(value)) errors.add(std::string(field), "date_invalid");
}

}  // namespace samtryg::validation
