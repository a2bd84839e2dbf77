#pragma once
// The register's JSON API under /api/v1 (described by /api/v1/openapi.json, see docs/api.md):
// the same commands as the pages, JSON in and out, session or API-token authentication.
#include "core/web/app.hpp"

namespace samtryg::strategy {

void add_api_routes(web::App& app);

}  // namespace samtryg::strategy
