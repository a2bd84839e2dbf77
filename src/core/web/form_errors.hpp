#pragma once
#include "core/i18n/catalog.hpp"
#include "core/validation/validation.hpp"
#include "core/view/render.hpp"

namespace samtryg::web {

// Adds a form's errors to the page data under flat names (kainjow splits dotted names on every
// lookup): "errors_any", "errors_list" [{field, message}] for the summary at the top, and
// "error_<field>" with the message shown next to each field.
void add_errors(view::Data& page, const validation::Errors& errors, const i18n::Catalog& catalog);

}  // namespace samtryg::web
