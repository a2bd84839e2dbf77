#include "core/documents/xlsx.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace samtryg::documents {

namespace {

// libxlsxwriter writes to a file; the workbook lives in a private temporary file for as long
// as it is being built.
class TemporaryFile {
 public:
  TemporaryFile() {
    auto pattern = (std::filesystem::temp_directory_path() / "samtryg-XXXXXX.xlsx").string();
    const int fd = mkstemps(pattern.data(), 5);
    if (fd < 0) throw std::runtime_error("cannot create a temporary file for the workbook");
    close(fd);
    path_ = pattern;
  }
  ~TemporaryFile() {
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

std::string to_xlsx(const XlsxSheet& sheet) {
  TemporaryFile file;
  lxw_workbook* workbook = workbook_new(file.path().c_str());
  if (workbook == nullptr) throw std::runtime_error("cannot start the workbook");
  // Excel allows 31 characters in a sheet name.
  const auto name = sheet.name.substr(0, 31);
  lxw_worksheet* worksheet = workbook_add_worksheet(workbook, name.c_str());
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  for (std::size_t column = 0; column < sheet.header.size(); ++column) {
    worksheet_write_string(worksheet, 0, static_cast<lxw_col_t>(column),
                           sheet.header[column].c_str(), bold);
  }
  lxw_row_t line = 1;
  for (const auto& row : sheet.rows) {
    for (std::size_t column = 0; column < row.size(); ++column) {
      const auto& cell = row[column];
      const auto at = static_cast<lxw_col_t>(column);
      if (cell.number) {
        worksheet_write_number(worksheet, line, at, *cell.number, nullptr);
      } else if (!cell.text.empty()) {
        worksheet_write_string(worksheet, line, at, cell.text.c_str(), nullptr);
      }
    }
    ++line;
  }
  for (std::size_t column = 0; column < sheet.column_widths.size(); ++column) {
    const auto at = static_cast<lxw_col_t>(column);
    worksheet_set_column(worksheet, at, at, sheet.column_widths[column], nullptr);
  }
  worksheet_freeze_panes(worksheet, 1, 0);
  if (!sheet.header.empty()) {
    worksheet_autofilter(worksheet, 0, 0, line - 1,
                         static_cast<lxw_col_t>(sheet.header.size() - 1));
  }
  if (workbook_close(workbook) != LXW_NO_ERROR) {
    throw std::runtime_error("the workbook could not be written");
  }
  std::ifstream in(file.path(), std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace samtryg::documents
