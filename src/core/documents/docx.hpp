#pragma once
// A Document as a Word file (Office Open XML, written with pugixml and zipped with libzip):
// real Title/Heading 1–3 styles (so Word's own table of contents and navigation pane work), a
// table of contents field, real bulleted and numbered lists, tables with a repeated header
// row, the logo and charts as PNG pictures, and a running header and page-number footer.
#include <string>

#include "core/documents/document.hpp"

namespace samtryg::documents {

// Throws std::runtime_error when the archive cannot be written (out of memory).
std::string to_docx(const Document& document);

}  // namespace samtryg::documents
