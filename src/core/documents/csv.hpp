#pragma once
// Cells of the CSV files samtryg writes (semicolon-separated, as Danish and Swedish
// spreadsheets read them).
#include <string>
#include <string_view>

namespace samtryg::documents {

// A text cell: quoted when it holds a separator, a quote or a line break. Text that a
// spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) is
// preceded by an apostrophe, so it opens as the text it is.
std::string csv_text(std::string_view text);

}  // namespace samtryg::documents
