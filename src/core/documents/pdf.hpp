#pragma once
// A Document as an A4 PDF drawn natively with cairo and pango: embedded Open Sans (subset),
// selectable text, a title page with the logo, a table of contents with page numbers and
// links, headings as PDF bookmarks, a running header and "page N of M" footer, tables that
// break across pages with their header row repeated, and no heading left alone at the foot of
// a page. Charts stay vectors (librsvg onto the same cairo context).
#include <string>
#include <vector>

#include "core/documents/document.hpp"

namespace samtryg::documents {

std::string to_pdf(const Document& document);

// The page each heading of the document (every level, in order) falls on in to_pdf's layout,
// counting the title page as page 1.
std::vector<int> pdf_heading_pages(const Document& document);

}  // namespace samtryg::documents
