#include "features/statistics/charset.hpp"

#include <iconv.h>
#include <cerrno>

#include <algorithm>
#include <memory>

#include "core/util/strings.hpp"
#include "core/validation/validation.hpp"
#include "features/statistics/table.hpp"

namespace samtryg::stats {

bool is_ascii(std::string_view bytes) {
  return std::all_of(bytes.begin(), bytes.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string to_utf8(std::string_view bytes, const std::string& encoding) {
  if (is_ascii(bytes)) return std::string(bytes);
  std::string from = to_lower_ascii(encoding);
  if (from == "utf-8" || from == "utf8") {
    if (!validation::valid_utf8(bytes))
      throw ParseError(0, "CODEPAGE", "the file is not valid UTF-8");
    return std::string(bytes);
  }
  // ISO-8859-1's 0x80–0x9F are control characters that never occur in text; files that
  // declare it and use those bytes mean Windows-1252 (as browsers assume too).
  if (from == "iso-8859-1" || from == "latin1" || from == "ansi") from = "windows-1252";
  iconv_t converter = iconv_open("UTF-8", from.c_str());
  // (iconv_t)-1 is iconv_open's documented failure value.
  if (converter == reinterpret_cast<iconv_t>(-1)) {  // NOLINT(performance-no-int-to-ptr)
    throw ParseError(0, "CODEPAGE", "the character set " + encoding + " is not known");
  }
  const std::unique_ptr<void, int (*)(iconv_t)> guard(converter, iconv_close);
  std::string out(bytes.size() * 3 + 4, '\0');
  // iconv's interface takes non-const pointers but does not write through the input one.
  char* in_pointer =
      const_cast<char*>(bytes.data());  // NOLINT(cppcoreguidelines-pro-type-const-cast)
  std::size_t in_left = bytes.size();
  char* out_pointer = out.data();
  std::size_t out_left = out.size();
  if (iconv(converter, &in_pointer, &in_left, &out_pointer, &out_left) ==
      static_cast<std::size_t>(-1)) {
    const auto offset = static_cast<std::size_t>(in_pointer - bytes.data());
    const auto line =
        1 + std::count(bytes.begin(), bytes.begin() + static_cast<long>(offset), '\n');
    throw ParseError(static_cast<int>(line), "",
                     errno == EILSEQ || errno == EINVAL
                         ? "a byte that is not valid in " + encoding
                         : "the text could not be converted from " + encoding);
  }
  out.resize(out.size() - out_left);
  return out;
}

std::string decode_legacy_text(std::string_view bytes) {
  if (is_ascii(bytes) || validation::valid_utf8(bytes)) return std::string(bytes);
  return to_utf8(bytes, "windows-1252");
}

}  // namespace samtryg::stats
