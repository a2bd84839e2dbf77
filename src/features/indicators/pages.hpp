#pragma once
// The indicators' web pages: a plan's dashboard (roll-up, small multiples, list with
// sparklines), the indicator page (status explained, chart + data table, targets, values,
// value entry), create/edit forms and value export. Server-rendered; no JavaScript needed.
#include "core/web/app.hpp"

namespace samtryg::indicators {

void add_routes(web::App& app);
// Upload → mapping and preview → confirm of a statistics table (import_pages.cpp).
void add_import_routes(web::App& app);

}  // namespace samtryg::indicators
