#pragma once
// The Markdown samtryg reads, the same for pages and documents: CommonMark with strikethrough
// and bare web addresses as links; raw HTML is shown as text, never interpreted.
#include <md4c.h>

#include <string>
#include <string_view>

namespace samtryg::documents {

inline constexpr unsigned kMarkdownFlags =
    MD_FLAG_NOHTML | MD_FLAG_PERMISSIVEURLAUTOLINKS | MD_FLAG_STRIKETHROUGH;

// Runs md4c over `markdown`, calling the handler's enter_block(type, detail),
// leave_block(type, detail), enter_span(type, detail), leave_span(type) and text(type, text).
template <class Handler>
void parse_markdown(std::string_view markdown, Handler& handler) {
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = kMarkdownFlags;
  parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
    return static_cast<Handler*>(self)->enter_block(type, detail);
  };
  parser.leave_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
    return static_cast<Handler*>(self)->leave_block(type, detail);
  };
  parser.enter_span = [](MD_SPANTYPE type, void* detail, void* self) {
    return static_cast<Handler*>(self)->enter_span(type, detail);
  };
  parser.leave_span = [](MD_SPANTYPE type, void* /*detail*/, void* self) {
    return static_cast<Handler*>(self)->leave_span(type);
  };
  parser.text = [](MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
    return static_cast<Handler*>(self)->text(type, std::string_view(text, size));
  };
  // A copy that ends in NUL: md4c 0.4.8 reads the byte after Markdown that ends inside a link
  // ("[](") and runs on when it is not NUL (fixed in md4c 0.5.0; docs/security.md).
  const std::string text(markdown);
  md_parse(text.c_str(), static_cast<MD_SIZE>(text.size()), &parser, &handler);
}

}  // namespace samtryg::documents
