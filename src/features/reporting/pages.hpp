#pragma once
// The reporting cycle's web pages: a plan's rounds and the new-round form, the coordinator's
// board per round (who submitted, who is late, who was returned) with the report downloads
// and chapters, the form itself (fill in, submit, return, approve, reopen), its revisions
// side by side, and "my forms" for leads. Server-rendered; they work without JavaScript (a
// small script adds the live character count and keeps unsaved text in the browser). Each file
// adds its own routes (page_support.hpp).
#include "core/web/app.hpp"

namespace samtryg::reporting {

void add_routes(web::App& app);

}  // namespace samtryg::reporting
