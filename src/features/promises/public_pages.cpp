// What residents see without signing in: a published promise with its whole story, its Atom
// feed, and the e-mail subscription (subscribe → confirm → notified → one-click unsubscribe).
// The public site (a later feature) will link here; these addresses stay.
#include <fmt/format.h>

#include <algorithm>

#include "core/i18n/locale_format.hpp"
#include "core/util/time.hpp"
#include "core/web/fields.hpp"
#include "core/web/form_errors.hpp"
#include "core/web/page.hpp"
#include "features/promises/commands.hpp"
#include "features/promises/feed.hpp"
#include "features/promises/page_support.hpp"
#include "features/promises/subscriptions.hpp"
#include "features/site/sections.hpp"

namespace samtryg::promises {

namespace {

// Last updated: the promise's own change or its latest follow-up, whichever came later.
std::string last_updated(const PublicPromise& record) {
  auto updated = record.promise.updated_at;
  for (const auto& follow_up : record.follow_ups) updated = std::max(updated, follow_up.created_at);
  return updated;
}

// The page's parts: the story, the subscription form (when mail can be sent) and the feed.
view::Data public_data(Context& context, const PublicPromise& record,
                       const std::string& typed_address, const validation::Errors& errors) {
  const auto& promise = record.promise;
  auto story = promise_data(context, promise,
                            {record.follow_ups, record.themes, record.initiatives,
                             record.indicators, record.activities, record.evidence},
                            false);
  view::Data data;
  data.set("id", std::to_string(promise.id));
  data.set("title", promise.title);
  data.set("workspace", record.workspace.name);
  data.set("content_lang", record.workspace.language);
  data.set("story_html",
           view::text(view::render(kTemplates("promise_story"), story, context.catalog())));
  data.set("feed_url", public_path(promise.id) + "/feed.atom");
  data.set("updated", i18n::format_iso_date(last_updated(record).substr(0, 10), context.language));
  data.set("notice", view::text(notice_text(context)));
  // Without an SMTP server nobody could confirm: the form is not offered.
  data.set("can_subscribe", view::flag(!context.services.config.smtp_url.empty()));
  data.set("csrf", context.csrf_token());
  data.set("fields", web::fields_data({{.name = "email",
                                        .label = context.text("promise_subscribe_email"),
                                        .value = typed_address,
                                        .kind = web::Field::Kind::text,
                                        .required = true,
                                        .hint = context.text("promise_subscribe_hint")}},
                                      errors, context.catalog()));
  web::add_errors(data, errors, context.catalog());
  return data;
}

Response render_public(Context& context, long long id, const std::string& typed_address,
                       const validation::Errors& errors, int status) {
  const auto record = public_promise(context.services.database, id, today_iso_utc());
  const auto& promise = record.promise;
  // In the layout of the workspace's public site when it has one: the visitor came from there.
  const auto& frame = context.services.hooks.find<site::PublicFrame>().frame;
  std::optional<std::string> framed;
  if (frame) {
    framed = frame(context, promise.workspace_id, [&](const site::PublicReader& reader) {
      auto data = public_data(context, record, typed_address, errors);
      data.set("home", reader.base);
      return site::FramedPage{
          .title = promise.title,
          .content_html = view::render(kTemplates("site_promise"), data, context.catalog()),
          .updated = last_updated(record),
          .path = public_path(promise.id)};
    });
  }
  auto response = framed ? Response::html(std::move(*framed), status)
                         : web::render_page(context, kTemplates("public_promise"),
                                            public_data(context, record, typed_address, errors),
                                            {.title = promise.title + " – " + record.workspace.name,
                                             .status = status,
                                             .nav = {}});
  // The form carries the visitor's own token: no shared cache keeps the page.
  if (framed) response.header("Cache-Control", "private, no-cache");
  response.header("Link", fmt::format("<{}/feed.atom>; rel=\"alternate\"; "
                                      "type=\"application/atom+xml\"",
                                      public_path(promise.id)));
  return response;
}

Response show_public(Context& context) {
  return render_public(context, context.path_id(), {}, {}, 200);
}

Response feed(Context& context) {
  const auto id = context.path_id();
  const auto record = public_promise(context.services.database, id, today_iso_utc());
  auto response = Response::text(
      documents::atom_xml(promise_feed(record, context.catalog(), context.language,
                                       context.services.config.effective_public_url())));
  response.header("Content-Type", "application/atom+xml; charset=utf-8");
  return response;
}

Response subscribe_submit(Context& context) {
  const auto id = context.path_id();
  const auto address = context.form().value("email");
  const auto outcome = subscribe(context.services.database,
                                 {.promise_id = id,
                                  .address = address,
                                  .language = context.language,
                                  .client = context.request.client_address},
                                 context.services.config.effective_public_url());
  if (outcome == SubscribeOutcome::invalid_address) {
    validation::Errors errors;
    errors.add("email", "promise_subscribe_email_invalid");
    return render_public(context, id, address, errors, 422);
  }
  if (outcome == SubscribeOutcome::slowed_down) {
    auto response =
        web::error_page(context, 429, "promise_slow_down_title", "promise_slow_down_text");
    response.header("Retry-After", "3600");
    return response;
  }
  // The same answer whether or not the address already follows the promise.
  return Response::redirect(public_path(id) + "?notice=notice_promise_subscribe_check_mail");
}

// A link from an e-mail: the page asks for one click, so a mail scanner that opens every link
// confirms or cancels nothing.
Response link_page(Context& context, const std::optional<long long>& promise_id,
                   const char* heading, const char* text, const char* button,
                   const std::string& action) {
  if (!promise_id) {
    return web::error_page(context, 404, "promise_link_unknown_title", "promise_link_unknown_text");
  }
  const auto record = public_promise(context.services.database, *promise_id, today_iso_utc());
  view::Data data;
  data.set("heading", context.text(heading));
  data.set("text", context.catalog().format(text, {{"title", record.promise.title}}));
  data.set("button", context.text(button));
  data.set("action", action);
  data.set("token", context.query("token"));
  return web::render_page(context, kTemplates("subscription_link"), std::move(data),
                          {.title = context.text(heading), .status = 200, .nav = {}});
}

Response confirm_page(Context& context) {
  return link_page(
      context, promise_of_confirmation(context.services.database, context.query("token")),
      "promise_confirm_heading", "promise_confirm_text", "promise_confirm_button", confirm_path());
}

Response confirm_submit(Context& context) {
  const auto promise_id =
      confirm_subscription(context.services.database, context.form().value("token"));
  if (!promise_id) {
    return web::error_page(context, 404, "promise_link_unknown_title", "promise_link_unknown_text");
  }
  return Response::redirect(public_path(*promise_id) + "?notice=notice_promise_subscribed");
}

Response unsubscribe_page(Context& context) {
  return link_page(context,
                   promise_of_unsubscribe(context.services.database, context.query("token")),
                   "promise_unsubscribe_heading", "promise_unsubscribe_text",
                   "promise_unsubscribe_button", unsubscribe_path());
}

// Posted by the page's button (token in the form) or by a mail program's one-click unsubscribe
// (token in the link, body "List-Unsubscribe=One-Click"): either way the address is deleted.
Response unsubscribe_submit(Context& context) {
  auto token = context.query("token");
  if (token.empty()) token = context.form().value("token");
  const auto promise_id = unsubscribe(context.services.database, token);
  if (!promise_id) {
    return web::error_page(context, 404, "promise_link_unknown_title", "promise_link_unknown_text");
  }
  return Response::redirect(public_path(*promise_id) + "?notice=notice_promise_unsubscribed");
}

}  // namespace

void add_public_routes(web::App& app) {
  const auto anyone = web::Access::anyone();
  app.add({Method::get, "/public/promises/{id}", anyone, show_public});
  app.add({Method::get, "/public/promises/{id}/feed.atom", anyone, feed});
  app.add({Method::post, "/public/promises/{id}/subscribe", anyone, subscribe_submit});
  app.add({Method::get, "/public/subscriptions/confirm", anyone, confirm_page});
  app.add({Method::post, "/public/subscriptions/confirm", anyone, confirm_submit});
  app.add({Method::get, "/public/subscriptions/unsubscribe", anyone, unsubscribe_page});
  app.add({.method = Method::post,
           .pattern = "/public/subscriptions/unsubscribe",
           .access = anyone,
           .handler = unsubscribe_submit,
           .authorised_by_link = true});
}

}  // namespace samtryg::promises
