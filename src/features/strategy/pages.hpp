#pragma once
// The register's web pages: plans, plan overview, initiative, forms, status change, version
// compare, documents, search and groups, each file adding its own routes (page_support.hpp).
// Server-rendered; they work without JavaScript.
#include "core/web/app.hpp"

namespace samtryg::strategy {

// Every page's routes, the register's menu entries, and its records on the history page.
void add_routes(web::App& app);

}  // namespace samtryg::strategy
