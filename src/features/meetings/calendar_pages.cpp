// Calendars: the workspace's meetings and a body's as iCalendar feeds for members, and a
// person's own feed (the meetings of the bodies they belong to, and their open action items on
// their due days) behind a secret address a calendar program can subscribe to without signing
// in; a new address revokes the old one. Feeds answer 304 when unchanged.
#include <fmt/format.h>

#include "core/auth/store.hpp"
#include "core/util/crypto.hpp"
#include "core/web/form_page.hpp"
#include "core/web/fragment_cache.hpp"
#include "core/web/page.hpp"
#include "features/meetings/commands.hpp"
#include "features/meetings/feed.hpp"
#include "features/meetings/page_support.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::meetings {

namespace {

// Feeds carry everything dated, as they carry every meeting: a calendar keeps the past too.
constexpr std::pair<std::string_view, std::string_view> kEver{"0001-01-01", "9999-12-31"};

// The feed, or 304 without building it when the client has this version: the ETag names the
// workspace's data_version (raised by every audited change, and a feed holds only audited
// records), the feed and the program's version. The text built for a version is kept (the
// servers' fragment cache) for every calendar program that asks for it again without its ETag,
// apart per reader's rights and language.
template <class Build>
Response calendar_response(const Context& context, const Actor& reader, i18n::Language language,
                           long long data_version, std::string_view feed, Build&& build) {
  const auto etag = fmt::format("\"{}-{}-{}\"", data_version, feed, SAMTRYG_VERSION);
  if (context.request.header("If-None-Match") == etag) {
    auto response = Response::text("", 304);
    response.header("ETag", etag);
    return response;
  }
  const auto key =
      fmt::format("calendar:{}:{}:{}{}{}:{}", reader.workspace_id, i18n::code(language),
                  reader.read_all, reader.edit_own, reader.edit_all, etag);
  auto kept = context.services.fragments->find(key);
  if (!kept) {
    web::Fragment built;
    built.pieces.push_back({build()});
    kept = std::make_shared<const web::Fragment>(std::move(built));
    context.services.fragments->store(key, kept);
  }
  auto response = Response::text(kept->pieces.front().text);
  response.header("Content-Type", "text/calendar; charset=utf-8");
  response.header("ETag", etag);
  response.header("Cache-Control", "private, no-cache");
  return response;
}

std::map<long long, std::string> body_names(soci::session& sql, const Actor& actor) {
  std::map<long long, std::string> names;
  for (const auto& group : strategy::groups(sql, actor)) names[group.id] = group.name;
  return names;
}

FeedContent content_for(const Context& context, soci::session& sql, const Actor& actor,
                        const std::string& name, const std::string& time_zone,
                        const i18n::Catalog& catalog) {
  FeedContent content;
  content.workspace_id = actor.workspace_id;
  content.name = name;
  content.time_zone = time_zone;
  content.bodies = body_names(sql, actor);
  content.base_url = context.services.config.effective_public_url();
  content.action_prefix = std::string(catalog.text("meeting_calendar_action_prefix"));
  return content;
}

Response workspace_feed(Context& context) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  return calendar_response(context, actor, context.language,
                           store::workspace_version(sql, actor.workspace_id), "workspace", [&] {
                             auto content =
                                 content_for(context, sql, actor, context.workspace().name,
                                             context.workspace().time_zone, context.catalog());
                             content.meetings = meetings(sql, actor);
                             content.dated = dated_entries(context, sql, actor, context.catalog(),
                                                           kEver.first, kEver.second);
                             return feed_text(content);
                           });
}

Response body_feed(Context& context) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  const auto group = strategy::readable_group(sql, actor, context.path_id());
  return calendar_response(
      context, actor, context.language, store::workspace_version(sql, actor.workspace_id),
      fmt::format("body{}", group.id), [&] {
        auto content = content_for(context, sql, actor, group.name, context.workspace().time_zone,
                                   context.catalog());
        for (auto& meeting : meetings(sql, actor)) {
          if (meeting.group_id == group.id) content.meetings.push_back(std::move(meeting));
        }
        return feed_text(content);
      });
}

// No session: the token says who, and the person reads what their role lets them read.
Response personal_feed(Context& context) {
  const auto token = context.query("token");
  auto sql = context.services.database.session();
  const auto owner =
      token.empty() ? std::nullopt : store::calendar_token_owner(sql, crypto::sha256_hex(token));
  if (!owner) throw validation::NotFound();
  const auto role = auth::role_in(sql, owner->workspace_id, owner->user_id);
  if (!role) throw validation::NotFound();
  const auto actor =
      Actor::for_role(owner->workspace_id, audit::Author{owner->user_id, ""}, owner->user_id, role);
  auth::Workspace workspace;
  for (const auto& membership : auth::memberships_of(sql, owner->user_id)) {
    if (membership.workspace.id == owner->workspace_id) workspace = membership.workspace;
  }
  // A calendar program sends no language: the feed speaks the workspace's.
  const auto language = i18n::parse_language(workspace.language).value_or(context.language);
  return calendar_response(
      context, actor, language, store::workspace_version(sql, owner->workspace_id),
      fmt::format("person{}", owner->user_id), [&] {
        const auto& catalog = i18n::Catalog::get(language);
        auto content =
            content_for(context, sql, actor, workspace.name, workspace.time_zone, catalog);
        content.meetings = meetings_of_member(sql, actor, owner->user_id);
        content.actions = my_open_actions(sql, actor);
        content.dated = dated_entries(context, sql, actor, catalog, kEver.first, kEver.second);
        return feed_text(content);
      });
}

Response render_calendar_page(Context& context, const std::string& new_address) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  view::Data data;
  data.set("has_feed", view::flag(actor.user_id && store::has_calendar_token(
                                                       sql, actor.workspace_id, *actor.user_id)));
  data.set("new_address", view::text(new_address));
  auto bodies = view::list();
  for (const auto& group : strategy::groups(sql, actor)) {
    view::Data body;
    body.set("id", std::to_string(group.id));
    body.set("name", group.name);
    bodies.push_back(body);
  }
  data.set("bodies", bodies);
  data.set("notice", view::text(notice_text(context)));
  return web::render_page(
      context, kTemplates("calendar"), std::move(data),
      {.title = context.text("meeting_calendar_title"), .status = 200, .nav = "meetings"});
}

Response calendar_page(Context& context) {
  return render_calendar_page(context, "");
}

// The address is shown once, on the page the POST answers; only its hash is kept.
Response new_feed_submit(Context& context) {
  const auto token = new_calendar_token(context.services.database, context.actor());
  return render_calendar_page(context, context.services.config.effective_public_url() +
                                           "/calendar/feed.ics?token=" + token);
}

Response confirm_revoke(Context& context) {
  return web::render_confirm(context, {.heading = context.text("meeting_calendar_revoke_heading"),
                                       .text = context.text("meeting_calendar_revoke_text"),
                                       .confirm = context.text("meeting_calendar_revoke"),
                                       .action = "/calendar/revoke",
                                       .cancel = "/calendar",
                                       .nav = "meetings"});
}

Response revoke_feed_submit(Context& context) {
  revoke_calendar_token(context.services.database, context.actor());
  return Response::redirect("/calendar?notice=notice_calendar_closed");
}

}  // namespace

void add_calendar_routes(web::App& app) {
  const auto members = web::Access::needs(auth::Permission::read_workspace);
  app.add({Method::get, "/meetings/calendar.ics", members, workspace_feed});
  app.add({Method::get, "/meetings/bodies/{id}/calendar.ics", members, body_feed});
  app.add({Method::get, "/calendar", members, calendar_page});
  app.add({Method::post, "/calendar/new", members, new_feed_submit});
  app.add({Method::get, "/calendar/revoke", members, confirm_revoke});
  app.add({Method::post, "/calendar/revoke", members, revoke_feed_submit});
  app.add({Method::get, "/calendar/feed.ics", web::Access::anyone(), personal_feed});
}

}  // namespace samtryg::meetings
