#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace samtryg {

std::string_view trim(std::string_view text);
std::string to_lower_ascii(std::string_view text);
std::vector<std::string_view> split(std::string_view text, char separator);
bool iequals_ascii(std::string_view a, std::string_view b);
// Replaces every occurrence of `from` (not inside what was put in) with `to`.
void replace_all(std::string& text, std::string_view from, std::string_view to);
// The whole text as a decimal integer, or nothing ("12", "-3"; not "", "1x", " 1").
std::optional<long long> parse_integer(std::string_view text);
// The whole text as a finite decimal number, an optional leading "+" allowed ("12", "-3.5",
// "+1e3"; not "", "1x", "nan", "inf").
std::optional<double> parse_finite_double(std::string_view text);
// A record id: a positive integer.
std::optional<long long> parse_id(std::string_view text);

}  // namespace samtryg
