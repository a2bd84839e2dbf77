#pragma once
#include "core/web/app.hpp"

namespace samtryg::meetings {

// /api/v1/meetings: meetings with their agenda, decisions and action items for members, and
// planning a meeting for coordinators.
void add_api_routes(web::App& app);

}  // namespace samtryg::meetings
