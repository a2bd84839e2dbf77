#include "core/util/links.hpp"

#include <array>

#include "core/util/strings.hpp"

namespace samtryg {

bool has_characters_browsers_rewrite(std::string_view url) {
  for (const char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == '\x7f' || c == '\\') return true;
  }
  return false;
}

std::string safe_link(std::string_view url) {
  if (url.empty() || has_characters_browsers_rewrite(url)) return {};
  if (url.front() == '/') return url.starts_with("//") ? std::string() : std::string(url);
  if (url.front() == '#' || url.front() == '?') return std::string(url);
  const auto scheme_end = url.find(':');
  if (scheme_end == std::string_view::npos || url.find_first_of("/?#") < scheme_end) {
    return std::string(url);  // relative: no scheme
  }
  const auto scheme = to_lower_ascii(url.substr(0, scheme_end));
  constexpr std::array<std::string_view, 4> kAllowed = {"http", "https", "mailto", "tel"};
  for (const auto allowed : kAllowed) {
    if (scheme == allowed) return std::string(url);
  }
  return {};
}

}  // namespace samtryg
