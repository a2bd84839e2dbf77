#pragma once
// The indicators' web pages: a plan's dashboard (roll-up, small multiples, list with
// sparklines), the indicator page (status explained, chart + data table, targets, values,
// value entry), create/edit forms, value export and the statistics import, each file adding
// its own routes (page_support.hpp). Server-rendered; no JavaScript needed.
#include "core/web/app.hpp"

namespace samtryg::indicators {

// Every page's routes, and what the indicators add to the register's pages and the history.
void add_routes(web::App& app);

}  // namespace samtryg::indicators
