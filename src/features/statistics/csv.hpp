#pragma once
// CSV tables as offices and spreadsheets write them: "område;tid;indhold" (long) or
// "area;2015;2016;2017" (wide). The delimiter (; , tab |) and the encoding (UTF-8 or
// Windows-1252) are detected; a decimal comma is accepted when the delimiter is not a comma.
#include <string>
#include <string_view>
#include <vector>

#include "features/statistics/table.hpp"

namespace samtryg::stats {

struct CsvOptions {
  // Header names of the columns that hold numbers. Empty: the numeric columns at the right
  // end (a column of years or period codes stays a dimension).
  std::vector<std::string> value_columns;
};

// Every other column is a dimension whose categories are its distinct cells in order of first
// appearance; with several value columns, the columns form one more dimension (a time
// dimension when their headers are periods).
Table read_csv(std::string_view bytes, const CsvOptions& options = {});

// A number as people type it: "12", "-3.5", "3,5" (decimal comma when allowed), "1 234".
bool parse_number(std::string_view text, bool decimal_comma, double& value);
// "..", ".", "-", ":", "x" and the like: a cell that is deliberately empty.
bool is_missing_symbol(std::string_view text);

}  // namespace samtryg::stats
