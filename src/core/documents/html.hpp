#pragma once
// A Document as one standalone HTML page: semantic headings, lists and tables, a linked table
// of contents, charts inline as SVG, and a print stylesheet (A4, chapters on new pages, table
// header rows repeated, headings kept with what follows).
#include <string>

#include "core/documents/document.hpp"

namespace samtryg::documents {

std::string to_html(const Document& document);

}  // namespace samtryg::documents
