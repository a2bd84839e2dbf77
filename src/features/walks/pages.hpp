#pragma once
// The walks' web pages: the list, a walk's page (plan, participants against the target,
// state, findings with actions and follow-up), the forms to plan a walk, record and check
// findings and keep the action list, each file adding its own routes (page_support.hpp).
// Server-rendered; they work without JavaScript.
#include "core/web/app.hpp"

namespace samtryg::walks {

// Every page's routes, the menu entry, and what walks add to the start page and the history.
void add_routes(web::App& app);

}  // namespace samtryg::walks
