#pragma once
// The walks' JSON API under /api/v1 (docs/api.md; described in the OpenAPI document).
#include "core/web/app.hpp"

namespace samtryg::walks {

void add_api_routes(web::App& app);

}  // namespace samtryg::walks
