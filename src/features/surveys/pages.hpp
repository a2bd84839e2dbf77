#pragma once
// The surveys' web pages: the list, a survey's page (waves, questions, results per wave and
// area), the forms to record a survey, a wave, a question and a result, the import of results
// from a statistics table, and deleting each after a confirmation; each file adds its own routes
// (page_support.hpp). Server-rendered; they work without JavaScript.
#include "core/web/app.hpp"

namespace samtryg::surveys {

// Every page's routes, the API's, the menu entry, and the history's subjects.
void add_routes(web::App& app);

}  // namespace samtryg::surveys
