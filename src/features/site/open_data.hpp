#pragma once
// A public indicator as open data (no I/O): a JSON-stat 2.0 cube of period × area with one
// measure, so a statistics tool reads it as it reads the agencies' tables.
#include <map>
#include <string>

#include "core/i18n/catalog.hpp"
#include "features/indicators/queries.hpp"
#include "features/statistics/table.hpp"

namespace samtryg::site {

// Periods in order, areas as the values name them ("all" for the whole plan first), every
// cell a value or missing; made-up demo figures have the status "example", figures not yet
// final their status ("provisional"), each explained in a note.
stats::Table indicator_table(const indicators::IndicatorRecord& record,
                             const std::map<long long, std::string>& area_names,
                             const i18n::Catalog& catalog);

}  // namespace samtryg::site
