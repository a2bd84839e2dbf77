#pragma once
// Indicator values out as CSV (semicolons, the language's decimal mark, UTF-8 with a BOM so
// Excel reads the letters right; samtryg's own CSV import reads it back) and as XLSX
// (libxlsxwriter: real numbers, a frozen header row, a filter).
#include <string>
#include <vector>

#include "core/i18n/catalog.hpp"
#include "features/indicators/model.hpp"

namespace samtryg::indicators {

struct ExportRow {
  Indicator indicator;
  Value value;
  std::string area;  // empty: the whole plan
};

// `all` for the staff; `published` for the public site's open data (no notes, origin or source
// file: how a figure was entered is the staff's business).
enum class CsvColumns { all, published };
std::string values_csv(const std::vector<ExportRow>& rows, const i18n::Catalog& catalog,
                       CsvColumns which = CsvColumns::all);
// Throws std::runtime_error when the workbook cannot be written (e.g. a full temp disk).
std::string values_xlsx(const std::vector<ExportRow>& rows, const i18n::Catalog& catalog);

}  // namespace samtryg::indicators
