#pragma once
#include "core/web/app.hpp"

namespace samtryg::app {

// Every feature's routes plus /healthz: the complete route table of the server.
void add_all_routes(web::App& app);

}  // namespace samtryg::app
