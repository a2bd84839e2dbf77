#include "core/i18n/folding.hpp"

#include <unicode/unistr.h>

namespace samtryg::i18n {

std::string fold_case(std::string_view text) {
  auto unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  unicode.foldCase();
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

}  // namespace samtryg::i18n
