#include "features/indicators/export.hpp"

#include <fmt/format.h>

#include <array>

#include "core/documents/csv.hpp"
#include "core/documents/xlsx.hpp"

namespace samtryg::indicators {

namespace {

constexpr std::array<std::string_view, 12> kColumns = {
    "export_indicator", "export_unit",      "export_period",      "export_area",
    "export_value",     "export_numerator", "export_denominator", "export_status",
    "export_note",      "export_origin",    "export_source_file", "export_example"};

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

}  // namespace

std::string values_csv(const std::vector<ExportRow>& rows, const i18n::Catalog& catalog,
                       CsvColumns which) {
  // The public file leaves out what says how a figure was entered: notes, origin, source file.
  std::vector<std::size_t> columns;
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    if (which == CsvColumns::all || (i != 8 && i != 9 && i != 10)) columns.push_back(i);
  }
  const bool decimal_comma = catalog.language() != i18n::Language::en;
  std::string out = "\xEF\xBB\xBF";
  for (const auto i : columns) {
    if (i != columns.front()) out += ';';
    out += documents::csv_text(catalog.text(kColumns[i]));
  }
  out += "\r\n";
  for (const auto& row : rows) {
    auto cells = row_texts(row, catalog);
    cells[4] = csv_number(effective_value(row.indicator, row.value), decimal_comma);
    cells[5] = csv_number(row.value.numerator, decimal_comma);
    cells[6] = csv_number(row.value.denominator, decimal_comma);
    for (const auto i : columns) {
      if (i != columns.front()) out += ';';
      // Figures go as they are: a negative number is a number, not a formula.
      const bool figure = i >= 4 && i <= 6;
      out += figure ? cells[i] : documents::csv_text(cells[i]);
    }
    out += "\r\n";
  }
  return out;
}

std::string values_xlsx(const std::vector<ExportRow>& rows, const i18n::Catalog& catalog) {
  documents::XlsxSheet sheet;
  sheet.name = std::string(catalog.text("export_sheet"));
  for (const auto column : kColumns) sheet.header.emplace_back(catalog.text(column));
  for (const auto& row : rows) {
    const auto texts = row_texts(row, catalog);
    std::vector<documents::XlsxCell> cells;
    cells.reserve(texts.size());
    for (const auto& text : texts) cells.push_back({text, std::nullopt});
    cells[4].number = effective_value(row.indicator, row.value);
    cells[5].number = row.value.numerator;
    cells[6].number = row.value.denominator;
    for (std::size_t i = 4; i < 7; ++i) {
      if (!cells[i].number) cells[i].text.clear();
    }
    sheet.rows.push_back(std::move(cells));
  }
  sheet.column_widths = {40, 16, 16, 16, 8.43, 8.43, 8.43, 8.43, 24, 24, 24};
  return documents::to_xlsx(sheet);
}

}  // namespace samtryg::indicators
