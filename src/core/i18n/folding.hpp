#pragma once
// Text compared as a reader compares it: Unicode case folding (ICU), so "Tryghed", "TRYGHED"
// and "tryghed" are the same word and "Å" meets "å". Letters keep their accents: in Danish and
// Swedish "å", "ä" and "ø" are letters of their own.
#include <string>
#include <string_view>

namespace samtryg::i18n {

// `text` (UTF-8) case-folded; invalid bytes become U+FFFD.
std::string fold_case(std::string_view text);

}  // namespace samtryg::i18n
