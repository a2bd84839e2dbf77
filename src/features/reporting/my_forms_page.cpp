// "My forms": the forms of the initiatives a lead leads, with their deadlines and states.
#include "core/util/time.hpp"
#include "core/web/page.hpp"
#include "features/home/sections.hpp"
#include "features/reporting/page_support.hpp"

namespace samtryg::reporting {

namespace {

bool is_open(FormStatus status) {
  return status == FormStatus::draft || status == FormStatus::returned;
}

view::Data queue_item(Context& context, const AssignedForm& assigned, std::string_view today) {
  const auto& form = assigned.row.form;
  view::Data item;
  item.set("id", std::to_string(form.id));
  item.set("initiative", assigned.row.initiative_name);
  item.set("round", assigned.round_name);
  item.set("lead", view::text(assigned.row.lead_name));
  item.set("deadline", date_text(context, assigned.deadline));
  item.set("status", status_text(context, form.status));
  item.set("status_code", std::string(code(form.status)));
  item.set("overdue", view::flag(is_open(form.status) && today > assigned.deadline));
  item.set("comment", view::text(form.status == FormStatus::returned ? form.comment : ""));
  return item;
}

// Every form of the initiatives the person leads, the newest round first.
http::Response show_my_forms(Context& context) {
  const auto today = today_iso_utc();
  auto forms = view::list();
  for (const auto& assigned : my_forms(context.services.database, context.actor())) {
    forms.push_back(queue_item(context, assigned, today));
  }
  view::Data data;
  data.set("has_forms", view::flag(!forms.is_empty_list()));
  data.set("forms", forms);
  return web::render_page(context, kTemplates("my_forms"), data,
                          {.title = context.text("my_forms_title"), .nav = "forms"});
}

// The coordinators' part: forms waiting for approval, forms past their deadline, and the
// deadlines of the rounds still running with how far each has come.
// True when any of them has something.
bool add_coordinator_queue(Context& context, view::Data& data, std::string_view today) {
  auto waiting = view::list();
  auto overdue = view::list();
  auto deadlines = view::list();
  struct RoundProgress {
    long long id = 0;
    std::string name;
    std::string deadline;
    int forms = 0;
    int submitted = 0;
  };
  std::vector<RoundProgress> rounds;
  const auto actor = context.actor();
  for (const auto& assigned : coordinated_forms(context.services.database, actor)) {
    const auto& form = assigned.row.form;
    if (form.status == FormStatus::submitted)
      waiting.push_back(queue_item(context, assigned, today));
    // A coordinator's own overdue forms are in their list of forms to fill in already.
    const bool own = assigned.row.lead_user_id && assigned.row.lead_user_id == actor.user_id;
    if (is_open(form.status) && today > assigned.deadline && !own) {
      overdue.push_back(queue_item(context, assigned, today));
    }
    if (assigned.deadline < today) continue;
    if (rounds.empty() || rounds.back().id != form.round_id) {
      rounds.push_back({form.round_id, assigned.round_name, assigned.deadline, 0, 0});
    }
    ++rounds.back().forms;
    if (!is_open(form.status)) ++rounds.back().submitted;
  }
  for (const auto& round : rounds) {
    view::Data item;
    item.set("id", std::to_string(round.id));
    item.set("round", round.name);
    item.set("deadline", date_text(context, round.deadline));
    item.set("progress", context.catalog().format("home_round_progress",
                                                  {{"submitted", std::to_string(round.submitted)},
                                                   {"count", std::to_string(round.forms)}}));
    deadlines.push_back(item);
  }
  data.set("has_waiting", view::flag(!waiting.is_empty_list()));
  data.set("waiting", waiting);
  data.set("has_overdue", view::flag(!overdue.is_empty_list()));
  data.set("overdue_forms", overdue);
  data.set("has_deadlines", view::flag(!deadlines.is_empty_list()));
  data.set("deadlines", deadlines);
  return !waiting.is_empty_list() || !overdue.is_empty_list() || !deadlines.is_empty_list();
}

// On the start page: the forms a lead still has to fill in (a returned one with the
// coordinator's comment), and for coordinators what waits for them in the reporting cycle.
std::string start_section(Context& context) {
  const auto role = context.role();
  if (!role || !auth::allows(*role, auth::Permission::edit_own)) return {};
  const auto today = today_iso_utc();
  view::Data data;
  auto mine = view::list();
  for (const auto& assigned : my_forms(context.services.database, context.actor())) {
    if (is_open(assigned.row.form.status)) mine.push_back(queue_item(context, assigned, today));
  }
  data.set("has_forms", view::flag(!mine.is_empty_list()));
  data.set("forms", mine);
  bool anything = !mine.is_empty_list();
  if (auth::allows(*role, auth::Permission::edit_all)) {
    anything = add_coordinator_queue(context, data, today) || anything;
  }
  if (!anything) return {};
  return view::render(kTemplates("home_forms"), data, context.catalog());
}

}  // namespace

void add_my_forms_routes(web::App& app) {
  app.add({http::Method::get, "/my-forms", web::Access::needs(auth::Permission::edit_own),
           show_my_forms});
  app.services().hooks.get<home::StartSections>().sections.push_back({20, start_section});
}

}  // namespace samtryg::reporting
