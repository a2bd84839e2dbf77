#pragma once
// One table as an XLSX workbook (libxlsxwriter): a bold, frozen header row with a filter, text
// and number cells, column widths. Used for every "open it in Excel" download.
#include <optional>
#include <string>
#include <vector>

namespace samtryg::documents {

struct XlsxCell {
  std::string text;
  std::optional<double> number;  // written as a number when set (text is then ignored)
};

struct XlsxSheet {
  std::string name;
  std::vector<std::string> header;
  std::vector<std::vector<XlsxCell>> rows;
  std::vector<double> column_widths;  // in characters; missing columns keep Excel's default
};

// The workbook's bytes. Throws std::runtime_error when it cannot be written.
std::string to_xlsx(const XlsxSheet& sheet);

}  // namespace samtryg::documents
