#pragma once
// The register's web pages: plans, plan overview, initiative, forms, status change, version
// compare, audit history, search and groups. Server-rendered; they work without JavaScript.
#include <functional>
#include <string>

#include "core/web/app.hpp"

namespace samtryg::strategy {

void add_routes(web::App& app);

}  // namespace samtryg::strategy
