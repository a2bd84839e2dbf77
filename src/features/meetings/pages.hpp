#pragma once
// The meetings' web pages: the list, a meeting's page with its agenda, minutes, decisions and
// action items, the forms for each, the decision search, the calendar feeds and the person's
// feed address; each file adds its own routes (page_support.hpp). Server-rendered; they work
// without JavaScript.
#include "core/web/app.hpp"

namespace samtryg::meetings {

// Every page's routes, the API's, the menu entry, the start page's part and the history's
// subjects.
void add_routes(web::App& app);

}  // namespace samtryg::meetings
