#pragma once
#include "core/web/app.hpp"

namespace samtryg::accounts {

// Login, logout, password change, language choice and the users admin page.
void add_routes(web::App& app);

}  // namespace samtryg::accounts
