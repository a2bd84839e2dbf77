#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace samtryg {

std::string_view trim(std::string_view text);
std::string to_lower_ascii(std::string_view text);
std::vector<std::string_view> split(std::string_view text, char separator);
bool iequals_ascii(std::string_view a, std::string_view b);

}  // namespace samtryg
