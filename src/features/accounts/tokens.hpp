#pragma once
// API tokens: admins create them for a member of the workspace (the token then acts as that
// person, with their role) and revoke them. The token is shown once; only its hash is kept.
#include "core/web/app.hpp"

namespace samtryg::accounts {

void add_token_routes(web::App& app);

}  // namespace samtryg::accounts
