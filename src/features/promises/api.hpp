#pragma once
// The promises' JSON API under /api/v1 (docs/api.md; described in the OpenAPI document).
#include "core/web/app.hpp"

namespace samtryg::promises {

void add_api_routes(web::App& app);

}  // namespace samtryg::promises
