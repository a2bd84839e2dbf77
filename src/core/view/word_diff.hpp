#pragma once
// What changed between two versions of a text, word by word, for people comparing revisions.
#include <string>
#include <string_view>

namespace samtryg::view {

// `after` as HTML with the words taken out of `before` in <del> and the words put in as <ins>,
// everything else as it was; all text escaped. Spaces and line breaks are kept as written (show
// it with white-space: pre-wrap), so a changed link or number stands out on its own.
std::string word_diff_html(std::string_view before, std::string_view after);

}  // namespace samtryg::view
