#pragma once
// Whether an address a person typed may become a live link in a page or a document.
#include <string>
#include <string_view>

namespace samtryg {

// Whether an address holds what browsers drop or rewrite before they read it: spaces, control
// characters (tab and line breaks are removed) and backslashes (read as '/').
bool has_characters_browsers_rewrite(std::string_view url);

// `url` when a browser following it stays on the web (http, https), opens mail or a phone
// (mailto:, tel:) or stays on this site (a path, "#…", "?…"); "" for anything else, above all
// javascript: and data:, and for addresses with spaces, control characters or backslashes,
// which browsers drop or rewrite before they read the scheme.
std::string safe_link(std::string_view url);

}  // namespace samtryg
