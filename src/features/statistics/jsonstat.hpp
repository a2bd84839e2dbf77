#pragma once
// JSON-stat 2.0 datasets (https://json-stat.org/full/): read (also 1.x bundles and
// collections holding one dataset) and written.
#include <string>
#include <string_view>

#include "features/statistics/table.hpp"

namespace samtryg::stats {

// The first dataset in the document. Dense and sparse values, status as a string, array or
// object, category index as an array or object. Errors name the JSON path or the line.
Table read_jsonstat(std::string_view text);

// A JSON-stat 2.0 dataset; missing cells are null with their symbol in "status". The
// reader's extras (format, table id, language, time units, warnings) go in
// extension.samtryg.
std::string write_jsonstat(const Table& table);

}  // namespace samtryg::stats
