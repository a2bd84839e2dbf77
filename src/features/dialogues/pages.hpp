#pragma once
// The dialogues' web pages: the list, a dialogue's page (facts, participants, themes, the
// safety walk taken as input), the forms to record a dialogue and its themes, and deleting
// either after a confirmation; each file adds its own routes (page_support.hpp).
// Server-rendered; they work without JavaScript.
#include "core/web/app.hpp"

namespace samtryg::dialogues {

// Every page's routes, the API's, the menu entry, and the history's subjects.
void add_routes(web::App& app);

}  // namespace samtryg::dialogues
