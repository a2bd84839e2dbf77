#pragma once
#include <string>
#include <string_view>

namespace samtryg::stats {

// True when every byte is below 0x80.
bool is_ascii(std::string_view bytes);

// `bytes` converted from `encoding` (an iconv name such as "windows-1252") to UTF-8. A byte
// that is not valid in the encoding throws ParseError with its 1-based line.
std::string to_utf8(std::string_view bytes, const std::string& encoding);

// Text files from Nordic offices are UTF-8 or Windows-1252 (often labelled ISO-8859-1, whose
// 0x80–0x9F range is never text): UTF-8 when the bytes are valid UTF-8, else Windows-1252.
std::string decode_legacy_text(std::string_view bytes);

}  // namespace samtryg::stats
