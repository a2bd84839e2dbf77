#pragma once
#include "core/web/app.hpp"

namespace samtryg::dialogues {

// /api/v1/dialogues: list, read, create and change dialogues with their themes (docs/api.md).
void add_api_routes(web::App& app);

}  // namespace samtryg::dialogues
