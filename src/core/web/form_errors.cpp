#include "core/web/form_errors.hpp"

#include "core/web/fields.hpp"

namespace samtryg::web {

void add_errors(view::Data& page, const validation::Errors& errors, const i18n::Catalog& catalog) {
  auto list = view::list();
  for (const auto& error : errors.items()) {
    const auto message = error_message(error, catalog);
    view::Data item;
    item.set("field", error.field);
    item.set("message", message);
    list.push_back(item);
    page.set("error_" + error.field, message);
  }
  page.set("errors_any", view::flag(!errors.empty()));
  page.set("errors_list", list);
}

}  // namespace samtryg::web
