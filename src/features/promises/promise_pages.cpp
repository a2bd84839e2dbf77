// The list of promises and a promise's staff page: its whole story (problems → promise →
// actions → result), who follows it, and the form to record a follow-up.
#include "core/demo/marks.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "core/web/fields.hpp"
#include "core/web/form_errors.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/promises/commands.hpp"
#include "features/promises/page_support.hpp"

namespace samtryg::promises {

namespace {

using Kind = web::Field::Kind;

std::string publication_text(const Context& context, const Promise& promise,
                             std::string_view today) {
  if (!promise.published) return context.text("promise_not_published");
  if (is_scheduled(promise, today)) {
    return context.catalog().format(
        "promise_scheduled_on",
        {{"date", i18n::format_iso_date(promise.publish_on, context.language)}});
  }
  return context.text("promise_published");
}

Response list_promises(Context& context) {
  const auto actor = context.actor();
  const auto today = today_iso_utc();
  auto sql = context.services.database.session();
  const auto examples = demo::marks_of(sql, actor.workspace_id, "promise");
  auto items = view::list();
  for (const auto& summary : promise_summaries(sql, actor, today)) {
    view::Data item;
    item.set("id", std::to_string(summary.promise.id));
    item.set("title", summary.promise.title);
    item.set("period", period_text(context, summary.promise));
    item.set("publication", publication_text(context, summary.promise, today));
    if (summary.latest) {
      item.set("latest_status", context.text("promise_status_" + summary.latest->status));
      item.set("latest_status_code", summary.latest->status);
    }
    if (const auto found = examples.find(summary.promise.id); found != examples.end()) {
      item.set("example_note",
               view::text(demo::example_note(context.catalog(), "promise_", found->second)));
    }
    items.push_back(item);
  }
  view::Data data;
  data.set("promises", items);
  data.set("has_promises", view::flag(!items.is_empty_list()));
  data.set("can_edit", view::flag(actor.edit_all));
  data.set("notice", view::text(notice_text(context)));
  return web::render_page(
      context, kTemplates("promises"), std::move(data),
      {.title = context.text("promises_title"), .status = 200, .nav = "promises"});
}

std::vector<web::Field> follow_up_fields(const Context& context, const FollowUp& follow_up) {
  return {
      {.name = "period",
       .label = context.text("promise_follow_up_period"),
       .value = follow_up.period,
       .required = true,
       .hint = context.text("promise_follow_up_period_hint")},
      {.name = "status",
       .label = context.text("promise_status"),
       .value = follow_up.status,
       .kind = Kind::select,
       .required = true,
       .options = web::coded_options(kStatuses, "promise_status_", context.catalog())},
      {.name = "account",
       .label = context.text("promise_account"),
       .value = follow_up.account,
       .kind = Kind::textarea,
       .hint = context.text("promise_account_hint")},
      {.name = "recorded_on",
       .label = context.text("promise_recorded_on"),
       .value = follow_up.recorded_on,
       .kind = Kind::date,
       .required = true,
       .hint = context.text("date_hint")},
  };
}

Response render_promise(Context& context, long long id, const FollowUp& typed,
                        const validation::Errors& errors, int status) {
  const auto actor = context.actor();
  const auto today = today_iso_utc();
  const auto record = promise_record(context.services.database, actor, id, today);
  const auto& promise = record.promise;
  auto story = promise_data(context, promise,
                            {record.follow_ups, record.themes, record.initiatives,
                             record.indicators, record.activities, record.evidence},
                            true);
  view::Data data;
  data.set("id", std::to_string(promise.id));
  data.set("title", promise.title);
  data.set("story_html",
           view::text(view::render(kTemplates("promise_story"), story, context.catalog())));
  data.set("publication", publication_text(context, promise, today));
  if (is_public(promise, today)) data.set("public_url", public_path(promise.id));
  data.set("subscribers", std::to_string(record.subscribers));
  data.set("can_edit", view::flag(actor.edit_all));
  data.set("notice", view::text(notice_text(context)));
  {
    auto sql = context.services.database.session();
    data.set("example_note", view::text(demo::example_note(
                                 context.catalog(), "promise_",
                                 demo::marks_of(sql, actor.workspace_id, "promise", promise.id))));
  }
  data.set("fields", web::fields_data(follow_up_fields(context, typed), errors, context.catalog()));
  web::add_errors(data, errors, context.catalog());
  return web::render_page(context, kTemplates("promise"), std::move(data),
                          {.title = promise.title, .status = status, .nav = "promises"});
}

Response show_promise(Context& context) {
  return render_promise(context, context.path_id(), FollowUp{.recorded_on = today_iso_utc()}, {},
                        200);
}

Response add_follow_up_submit(Context& context) {
  const auto id = context.path_id();
  const auto& form = context.form();
  FollowUp follow_up{.period = std::string(trim(form.value("period"))),
                     .status = form.value("status"),
                     .account = std::string(trim(form.value("account"))),
                     .recorded_on = std::string(trim(form.value("recorded_on")))};
  try {
    const auto recorded = add_follow_up(context.services.database, context.actor(), id, follow_up,
                                        context.services.config.effective_public_url());
    return Response::redirect(promise_path(id) + "?notice=notice_promise_follow_up_added&count=" +
                              std::to_string(recorded.notified) + "#follow-up-" +
                              std::to_string(recorded.id));
  } catch (const validation::Invalid& invalid) {
    return render_promise(context, id, follow_up, invalid.errors, 422);
  }
}

Response confirm_delete(Context& context) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  const auto promise = readable_promise(sql, actor, context.path_id(), today_iso_utc());
  return web::render_confirm(context, {.heading = context.catalog().format(
                                           "promise_delete_heading", {{"title", promise.title}}),
                                       .text = context.text("promise_delete_text"),
                                       .confirm = context.text("delete_confirm"),
                                       .action = promise_path(promise.id) + "/delete",
                                       .cancel = promise_path(promise.id),
                                       .nav = "promises"});
}

Response delete_submit(Context& context) {
  delete_promise(context.services.database, context.actor(), context.path_id());
  return Response::redirect("/promises?notice=notice_deleted");
}

}  // namespace

void add_promise_page_routes(web::App& app) {
  const auto readers = web::Access::needs(auth::Permission::read_published);
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/promises", readers, list_promises});
  app.add({Method::get, "/promises/{id}", readers, show_promise});
  app.add({Method::post, "/promises/{id}/follow-ups", all, add_follow_up_submit});
  app.add({Method::get, "/promises/{id}/delete", all, confirm_delete});
  app.add({Method::post, "/promises/{id}/delete", all, delete_submit});
}

}  // namespace samtryg::promises
