#include "core/view/word_diff.hpp"

#include <dtl/dtl.hpp>

#include <vector>

#include "core/view/render.hpp"

namespace samtryg::view {

namespace {

// Runs of spaces and runs of everything else: words keep their punctuation, so "2017." and
// "2018." differ as one word, and a link is one word.
std::vector<std::string> words_and_spaces(std::string_view text) {
  std::vector<std::string> tokens;
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::size_t start = 0;
  for (std::size_t at = 1; at <= text.size(); ++at) {
    if (at == text.size() || is_space(text[at]) != is_space(text[at - 1])) {
      tokens.emplace_back(text.substr(start, at - start));
      start = at;
    }
  }
  return tokens;
}

}  // namespace

std::string word_diff_html(std::string_view before, std::string_view after) {
  const auto old_tokens = words_and_spaces(before);
  const auto new_tokens = words_and_spaces(after);
  dtl::Diff<std::string, std::vector<std::string>> diff(old_tokens, new_tokens);
  // Very different long texts: a coarser but quick answer instead of a slow exact one.
  diff.onHuge();
  diff.compose();
  // Each stretch of changes reads "<del>old</del><ins>new</ins>", whichever order the
  // script lists its parts in.
  std::string html;
  std::string removed;
  std::string added;
  const auto flush = [&] {
    if (!removed.empty()) html += "<del>" + removed + "</del>";
    if (!added.empty()) html += "<ins>" + added + "</ins>";
    removed.clear();
    added.clear();
  };
  for (const auto& [token, info] : diff.getSes().getSequence()) {
    if (info.type == dtl::SES_DELETE) {
      removed += escape_html(token);
    } else if (info.type == dtl::SES_ADD) {
      added += escape_html(token);
    } else {
      flush();
      html += escape_html(token);
    }
  }
  flush();
  return html;
}

}  // namespace samtryg::view
