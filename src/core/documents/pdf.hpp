#pragma once
// A Document as an A4 PDF drawn natively with cairo and pango: embedded Open Sans (subset),
// selectable text, a title page with the logo, a table of contents with page numbers and
// links, headings as PDF bookmarks, a running header and "page N of M" footer, tables that
// break across pages with their header row repeated, and no heading left alone at the foot of
// a page. Charts stay vectors (librsvg onto the same cairo context).
#include <string>

#include "core/documents/document.hpp"

namespace samtryg::documents {

std::string to_pdf(const Document& document);

}  // namespace samtryg::documents
