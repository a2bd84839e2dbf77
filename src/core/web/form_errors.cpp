#include "core/web/form_errors.hpp"

namespace samtryg::web {

view::Data error_data(const validation::Errors& errors, const i18n::Catalog& catalog) {
  view::Data data;
  auto list = view::list();
  for (const auto& error : errors.items()) {
    const auto message = catalog.format(error.message_key, error.values);
    view::Data item;
    item.set("field", error.field);
    item.set("message", message);
    list.push_back(item);
    data.set(error.field, message);
  }
  data.set("any", view::flag(!errors.empty()));
  data.set("list", list);
  return data;
}

}  // namespace samtryg::web
