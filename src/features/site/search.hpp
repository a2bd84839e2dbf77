#pragma once
// Search over the public site's content, with no I/O: the visitor's words, case-folded; a
// document matches when every word is in its title or text; those with the words in the title
// come first; each shown with an excerpt around the first word found.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/site/sections.hpp"

namespace samtryg::site {

inline constexpr std::size_t kMaxQuery = 200;  // characters a visitor may search for
inline constexpr std::size_t kMaxTerms = 10;
inline constexpr std::size_t kMaxHits = 50;

// The query's words, folded; nothing for an empty query; std::nullopt for one too long to be
// a search (over kMaxQuery bytes) or not UTF-8. At most kMaxTerms words.
std::optional<std::vector<std::string>> search_terms(std::string_view query);

struct Hit {
  PublicDocument document;
  std::string excerpt;  // about 200 characters of the text around the first word, or its start
};

// The documents that hold every term, title matches first, at most kMaxHits.
std::vector<Hit> search(const std::vector<PublicDocument>& documents,
                        const std::vector<std::string>& terms);

}  // namespace samtryg::site
