#include "core/web/form_errors.hpp"

#include <set>
#include <utility>

#include "core/web/fields.hpp"

namespace samtryg::web {

void add_errors(view::Data& page, const validation::Errors& errors, const i18n::Catalog& catalog) {
  auto list = view::list();
  // A page that checks a form before its command, and shows the form's own findings beside the
  // command's, may hold one finding twice; the summary lists it once.
  std::set<std::pair<std::string, std::string>> listed;
  for (const auto& error : errors.items()) {
    const auto message = error_message(error, catalog);
    if (!listed.emplace(error.field, message).second) continue;
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
