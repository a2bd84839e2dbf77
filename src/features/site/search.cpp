#include "features/site/search.hpp"

#include <algorithm>

#include "core/i18n/folding.hpp"
#include "core/validation/validation.hpp"

namespace samtryg::site {

namespace {

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

// `text` cut at `from` and `to` on character boundaries, with "…" where it was cut.
std::string cut(const std::string& text, std::size_t from, std::size_t to) {
  while (from > 0 && from < text.size() && is_continuation(text[from])) --from;
  while (to < text.size() && is_continuation(text[to])) ++to;
  std::string out = text.substr(from, to - from);
  for (auto& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return (from > 0 ? "… " : "") + out + (to < text.size() ? " …" : "");
}

// Markdown's marks are not words.
std::string plain(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '*' || c == '_' || c == '#' || c == '`' || c == '>') continue;
    out += c;
  }
  return out;
}

// The document with its excerpt and how many terms its title holds, when it holds every term.
std::optional<std::pair<int, Hit>> match(const PublicDocument& document,
                                         const std::vector<std::string>& terms) {
  const auto title = i18n::fold_case(document.title);
  const auto text_plain = plain(document.text);
  // Case folding keeps most letters' lengths, but not all ("ß" → "ss"): the excerpt is placed
  // in the folded text and cut from the same, so positions always agree.
  const auto text = i18n::fold_case(text_plain);
  int in_title = 0;
  std::size_t first = std::string::npos;
  for (const auto& term : terms) {
    const bool title_has = title.find(term) != std::string::npos;
    const auto at = text.find(term);
    if (!title_has && at == std::string::npos) return std::nullopt;
    in_title += title_has ? 1 : 0;
    first = std::min(first, at);
  }
  const auto& source = text_plain.size() == text.size() ? text_plain : text;
  const auto from = first == std::string::npos || first <= 80 ? 0 : first - 80;
  return std::pair{in_title, Hit{document, cut(source, from, std::min(source.size(), from + 200))}};
}

}  // namespace

std::optional<std::vector<std::string>> search_terms(std::string_view query) {
  if (query.size() > kMaxQuery || !validation::valid_utf8(query)) return std::nullopt;
  std::vector<std::string> terms;
  const auto folded = i18n::fold_case(query);
  std::size_t start = 0;
  while (start < folded.size() && terms.size() < kMaxTerms) {
    const auto end = folded.find_first_of(" \t\r\n", start);
    const auto word = folded.substr(start, end == std::string::npos ? end : end - start);
    if (!word.empty() && std::find(terms.begin(), terms.end(), word) == terms.end()) {
      terms.push_back(word);
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return terms;
}

std::vector<Hit> search(const std::vector<PublicDocument>& documents,
                        const std::vector<std::string>& terms) {
  std::vector<std::pair<int, Hit>> ranked;
  if (terms.empty()) return {};
  for (const auto& document : documents) {
    if (auto found = match(document, terms)) ranked.push_back(std::move(*found));
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<Hit> out;
  for (auto& [rank, hit] : ranked) {
    if (out.size() == kMaxHits) break;
    out.push_back(std::move(hit));
  }
  return out;
}

}  // namespace samtryg::site
