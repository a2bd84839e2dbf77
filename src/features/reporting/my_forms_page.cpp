// "My forms": the forms of the initiatives a lead leads, with their deadlines and states.
#include "core/util/time.hpp"
#include "core/web/page.hpp"
#include "features/home/sections.hpp"
#include "features/reporting/page_support.hpp"

namespace samtryg::reporting {

namespace {

// The forms of `actor`'s initiatives, as rows; `open_only` keeps those still to be filled in.
view::Data form_rows(Context& context, bool open_only) {
  const auto actor = context.actor();
  const auto today = today_iso_utc();
  auto forms = view::list();
  for (const auto& assigned : my_forms(context.services.database, actor)) {
    const auto& form = assigned.row.form;
    const bool open = form.status == FormStatus::draft || form.status == FormStatus::returned;
    if (open_only && !open) continue;
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
  return forms;
}

http::Response show_my_forms(Context& context) {
  auto forms = form_rows(context, false);
  view::Data data;
  data.set("has_forms", view::flag(!forms.is_empty_list()));
  data.set("forms", forms);
  return web::render_page(context, kTemplates("my_forms"), data,
                          {.title = context.text("my_forms_title"), .nav = "forms"});
}

// On the start page: the forms still to be filled in, for those who fill them in.
std::string start_section(Context& context) {
  const auto role = context.role();
  if (!role || !auth::allows(*role, auth::Permission::edit_own)) return {};
  auto forms = form_rows(context, true);
  if (forms.is_empty_list()) return {};
  view::Data data;
  data.set("forms", forms);
  return view::render(kTemplates("home_forms"), data, context.catalog());
}

}  // namespace

void add_my_forms_routes(web::App& app) {
  app.add({http::Method::get, "/my-forms", web::Access::needs(auth::Permission::edit_own),
           show_my_forms});
  app.services().hooks.get<home::StartSections>().sections.push_back({20, start_section});
}

}  // namespace samtryg::reporting
