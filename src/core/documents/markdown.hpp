#pragma once
// The Markdown samtryg reads, the same for pages and documents: CommonMark with strikethrough
// and bare web addresses as links; raw HTML is shown as text, never interpreted.
#include <md4c.h>

namespace samtryg::documents {

inline constexpr unsigned kMarkdownFlags =
    MD_FLAG_NOHTML | MD_FLAG_PERMISSIVEURLAUTOLINKS | MD_FLAG_STRIKETHROUGH;

}  // namespace samtryg::documents
