#include "core/validation/fields.hpp"

#include <algorithm>
#include <string>

#include "core/util/time.hpp"

namespace samtryg::validation {

bool is_one_of(std::string_view code, std::span<const std::string_view> codes) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

bool is_iso_date(std::string_view text) {
  const auto day = parse_iso_day(text);
  return day && static_cast<int>(day->year()) >= 1900;
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
