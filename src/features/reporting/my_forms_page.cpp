// "My forms": the forms of the initiatives a lead leads, with their deadlines and states.
#include "core/util/time.hpp"
#include "core/web/page.hpp"
#include "features/reporting/page_support.hpp"

namespace samtryg::reporting {

namespace {

using web::Context;

http::Response show_my_forms(Context& context) {
  const auto actor = context.actor();
  const auto today = today_iso_utc();
  auto forms = view::list();
  for (const auto& assigned : my_forms(context.services.database, actor)) {
    const auto& form = assigned.row.form;
    const bool open = form.status == FormStatus::draft || form.status == FormStatus::returned;
    view::Data item;
    item.set("id", std::to_string(form.id));
    item.set("initiative", assigned.row.initiative_name);
    item.set("round", assigned.round_name);
    item.set("deadline", date_text(context, assigned.deadline));
    item.set("status", status_text(context, form.status));
    item.set("status_code", std::string(code(form.status)));
    item.set("overdue", view::flag(open && today > assigned.deadline));
    forms.push_back(item);
  }
  view::Data data;
  data.set("forms", forms);
  data.set("has_forms", view::flag(!forms.is_empty_list()));
  return web::render_page(context, kTemplates("my_forms"), data,
                          {.title = context.text("my_forms_title"), .nav = "forms"});
}

}  // namespace

void add_my_forms_routes(web::App& app) {
  app.add({http::Method::get, "/my-forms", web::Access::needs(auth::Permission::edit_own),
           show_my_forms});
}

}  // namespace samtryg::reporting
