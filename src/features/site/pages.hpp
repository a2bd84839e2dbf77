#pragma once
// The public site's routes: the public pages (public_pages.hpp) and the coordinator's settings.
#include "core/web/app.hpp"

namespace samtryg::site {

void add_settings_routes(web::App& app);

}  // namespace samtryg::site
