#pragma once
#include "core/i18n/catalog.hpp"
#include "core/validation/validation.hpp"
#include "core/view/render.hpp"

namespace samtryg::web {

// {"any": true, "list": [{field, message}], "<field>": message, …}: templates show a summary
// at the top (linking to the fields) and each message next to its field.
view::Data error_data(const validation::Errors& errors, const i18n::Catalog& catalog);

}  // namespace samtryg::web
