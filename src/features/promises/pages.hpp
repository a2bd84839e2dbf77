#pragma once
// The promises' web pages: the staff list and a promise's page with its whole story and the
// follow-up form, the forms to write a promise, and the public page with its feed and the
// e-mail subscription. Server-rendered; they work without JavaScript.
#include "core/web/app.hpp"

namespace samtryg::promises {

// Every page's routes, the menu entry, and what promises add to the history.
void add_routes(web::App& app);

}  // namespace samtryg::promises
