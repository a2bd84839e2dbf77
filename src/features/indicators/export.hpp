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

std::string values_csv(const std::vector<ExportRow>& rows, const i18n::Catalog& catalog);
// Throws std::runtime_error when the workbook cannot be written (e.g. a full temp disk).
std::string values_xlsx(const std::vector<ExportRow>& rows, const i18n::Catalog& catalog);

}  // namespace samtryg::indicators
