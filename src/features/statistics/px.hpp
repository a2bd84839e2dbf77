#pragma once
// PX (PC-Axis) files as the Nordic statistics offices publish them.
#include <string>
#include <string_view>

#include "features/statistics/table.hpp"

namespace samtryg::stats {

struct PxOptions {
  std::string language;  // labels in this language; empty: the file's default language
};

// Reads a whole PX file. Keywords that define the table's shape or values (MATRIX, TITLE,
// CONTENTS, UNITS, DECIMALS, STUB/HEADING, VALUES, CODES, TIMEVAL, KEYS, CONTVARIABLE, DATA …)
// must be present and well formed, or ParseError names the line and keyword. Problems in
// descriptive keywords (notes, contacts, domains, maps …) and unknown keywords are tolerated:
// the entry is skipped and listed in Table::warnings.
Table read_px(std::string_view bytes, const PxOptions& options = {});

}  // namespace samtryg::stats
