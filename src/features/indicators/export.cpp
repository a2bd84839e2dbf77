#include "features/indicators/export.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace samtryg::indicators {

namespace {

constexpr std::array<std::string_view, 12> kColumns = {
    "export_indicator", "export_unit",      "export_period",      "export_area",
    "export_value",     "export_numerator", "export_denominator", "export_status",
    "export_note",      "export_origin",    "export_source_file", "export_example"};

std::string csv_cell(std::string_view text) {
  if (text.find_first_of(";\"\n\r") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

std::string csv_number(const std::optional<double>& value, bool decimal_comma) {
  if (!value) return {};
  auto text = fmt::format("{}", *value);
  if (decimal_comma) {
    for (auto& c : text) {
      if (c == '.') c = ',';
    }
  }
  return text;
}

std::string unit_text(const Indicator& indicator, const i18n::Catalog& catalog) {
  auto text = std::string(catalog.text("unit_" + indicator.unit));
  if (!indicator.currency.empty()) text += " (" + indicator.currency + ")";
  return text;
}

std::vector<std::string> row_texts(const ExportRow& row, const i18n::Catalog& catalog) {
  const auto& value = row.value;
  return {row.indicator.name,
          unit_text(row.indicator, catalog),
          value.period,
          row.area,
          "",
          "",
          "",
          std::string(catalog.text("value_status_" + value.status)),
          value.note,
          std::string(catalog.text(value.origin == "imported" ? "export_origin_imported"
                                                              : "export_origin_typed")),
          value.import_file.empty() ? "" : value.import_file + " (" + value.import_table + ")",
          value.example ? std::string(catalog.text("answer_yes")) : ""};
}

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

std::string values_csv(const std::vector<ExportRow>& rows, const i18n::Catalog& catalog) {
  const bool decimal_comma = catalog.language() != i18n::Language::en;
  std::string out = "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    if (i > 0) out += ';';
    out += csv_cell(catalog.text(kColumns[i]));
  }
  out += "\r\n";
  for (const auto& row : rows) {
    auto cells = row_texts(row, catalog);
    cells[4] = csv_number(effective_value(row.indicator, row.value), decimal_comma);
    cells[5] = csv_number(row.value.numerator, decimal_comma);
    cells[6] = csv_number(row.value.denominator, decimal_comma);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += ';';
      out += csv_cell(cells[i]);
    }
    out += "\r\n";
  }
  return out;
}

std::string values_xlsx(const std::vector<ExportRow>& rows, const i18n::Catalog& catalog) {
  TemporaryFile file;
  lxw_workbook* workbook = workbook_new(file.path().c_str());
  if (workbook == nullptr) throw std::runtime_error("cannot start the workbook");
  lxw_worksheet* sheet =
      workbook_add_worksheet(workbook, std::string(catalog.text("export_sheet")).c_str());
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(i),
                           std::string(catalog.text(kColumns[i])).c_str(), bold);
  }
  lxw_row_t line = 1;
  for (const auto& row : rows) {
    const auto cells = row_texts(row, catalog);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (!cells[i].empty()) {
        worksheet_write_string(sheet, line, static_cast<lxw_col_t>(i), cells[i].c_str(), nullptr);
      }
    }
    const std::array<std::optional<double>, 3> numbers = {
        effective_value(row.indicator, row.value), row.value.numerator, row.value.denominator};
    for (std::size_t i = 0; i < numbers.size(); ++i) {
      if (numbers[i]) {
        worksheet_write_number(sheet, line, static_cast<lxw_col_t>(4 + i), *numbers[i], nullptr);
      }
    }
    ++line;
  }
  worksheet_set_column(sheet, 0, 0, 40, nullptr);
  worksheet_set_column(sheet, 1, 3, 16, nullptr);
  worksheet_set_column(sheet, 8, 10, 24, nullptr);
  worksheet_freeze_panes(sheet, 1, 0);
  worksheet_autofilter(sheet, 0, 0, line - 1, static_cast<lxw_col_t>(kColumns.size() - 1));
  if (workbook_close(workbook) != LXW_NO_ERROR) {
    throw std::runtime_error("the workbook could not be written");
  }
  std::ifstream in(file.path(), std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace samtryg::indicators
