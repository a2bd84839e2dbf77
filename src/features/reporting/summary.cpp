#include "features/reporting/summary.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/util/strings.hpp"
#include "core/validation/fields.hpp"

namespace samtryg::reporting {

namespace {

// Words written with a full stop that do not end a sentence, in the report languages.
constexpr std::array<std::string_view, 22> kShortForms = {
    "bl.a", "f.eks", "ca",    "pr", "evt", "dvs",  "mm",   "m.m", "osv",   "jf",  "nr",
    "inkl", "ekskl", "t.o.m", "fx", "kl",  "m.fl", "t.ex", "s.k", "d.v.s", "e.g", "i.e"};

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// Whether a sentence may start at `at`: an upper-case letter (ASCII, or Æ Ø Å Ä Ö É in UTF-8),
// a digit, or an opening quote or parenthesis.
bool sentence_start(std::string_view text, std::size_t at) {
  if (at >= text.size()) return true;
  const auto c = static_cast<unsigned char>(text[at]);
  if (std::isupper(c) != 0 || std::isdigit(c) != 0 || c == '"' || c == '(') return true;
  if (c == 0xC3 && at + 1 < text.size()) {
    const auto next = static_cast<unsigned char>(text[at + 1]);
    return next >= 0x80 && next <= 0x9E;  // À–Þ: the Latin-1 capitals
  }
  return c == 0xE2;  // a typographic quote or dash opening the next sentence
}

// Whether the full stop at `at` closes the word before it as a number or a short form.
bool closes_short_form(std::string_view text, std::size_t at) {
  std::size_t start = at;
  while (start > 0 && !is_space(text[start - 1]) && text[start - 1] != '(') --start;
  const auto word = text.substr(start, at - start);
  if (word.empty()) return false;
  if (std::all_of(word.begin(), word.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
    return true;
  }
  std::string lower;
  for (const char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::find(kShortForms.begin(), kShortForms.end(), lower) != kShortForms.end();
}

// The end (one past the punctuation and any closing quote) of the sentence that starts at
// `from`, or npos when the text has no further sentence end.
std::size_t sentence_end(std::string_view text, std::size_t from) {
  for (std::size_t at = from; at < text.size(); ++at) {
    const char c = text[at];
    if (c != '.' && c != '!' && c != '?') continue;
    std::size_t end = at + 1;
    while (end < text.size() && (text[end] == '"' || text[end] == ')')) ++end;
    if (end < text.size() && !is_space(text[end])) continue;
    std::size_t next = end;
    while (next < text.size() && is_space(text[next])) ++next;
    if (!sentence_start(text, next)) continue;
    if (c == '.' && next < text.size() && closes_short_form(text, at)) continue;
    return end;
  }
  return std::string_view::npos;
}

}  // namespace

validation::Errors check_summary(std::string_view summary) {
  validation::Errors errors;
  validation::limit(errors, "summary", summary, kMaxSummary);
  return errors;
}

std::string whole_sentences(std::string_view text, std::size_t max) {
  const auto trimmed = trim(text);
  if (trimmed.empty()) return {};
  std::size_t kept = 0;
  std::size_t at = 0;
  while (true) {
    const auto end = sentence_end(trimmed, at);
    if (end == std::string_view::npos) break;
    if (kept > 0 && end > max) break;
    kept = end;
    at = end;
    if (end >= max) break;
  }
  if (kept == 0) {
    // No sentence ends anywhere: the text is one sentence, given whole and closed.
    std::string whole(trimmed);
    const char last = whole.back();
    if (last != '.' && last != '!' && last != '?') {
      while (!whole.empty() && (whole.back() == ',' || whole.back() == ':' || whole.back() == ';' ||
                                whole.back() == '-')) {
        whole.pop_back();
      }
      whole += '.';
    }
    return whole;
  }
  return std::string(trim(trimmed.substr(0, kept)));
}

}  // namespace samtryg::reporting
