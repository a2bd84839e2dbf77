#include "features/meetings/api.hpp"

#include "core/web/api.hpp"
#include "features/meetings/commands.hpp"
#include "features/meetings/json.hpp"
#include "features/meetings/page_support.hpp"

namespace samtryg::meetings {

namespace {

using boost::json::array;
using boost::json::object;
using http::Method;
using http::Response;
using web::Access;
using web::Context;

object meeting_document(const MeetingRecord& record) {
  auto json = to_json(record.meeting);
  array items;
  for (const auto& item : record.items) {
    auto entry = to_json(item);
    array decisions;
    for (const auto& decision : record.decisions) {
      if (decision.item_id == item.id) decisions.push_back(to_json(decision));
    }
    entry["decisions"] = std::move(decisions);
    array figures;
    for (const auto& figure : item.figures) {
      figures.push_back({{"id", figure.id},
                         {"caption", figure.caption},
                         {"alt", figure.alt},
                         {"url", "/meetings/" + std::to_string(record.meeting.id) + "/figures/" +
                                     std::to_string(figure.id)}});
    }
    entry["figures"] = std::move(figures);
    items.push_back(std::move(entry));
  }
  array actions;
  for (const auto& action : record.actions) actions.push_back(to_json(action));
  json["items"] = std::move(items);
  json["actions"] = std::move(actions);
  array approvals;
  for (const auto& approval : record.approvals) {
    approvals.push_back({{"user_id", approval.user_id}, {"approved_at", approval.approved_at}});
  }
  json["approvals"] = std::move(approvals);
  return json;
}

Response list_meetings(Context& context) {
  auto sql = context.services.database.session();
  return web::paged_response(context, meetings(sql, context.actor()),
                             [](const Meeting& meeting) { return to_json(meeting); });
}

Response get_meeting(Context& context) {
  return web::json_response(meeting_document(
      meeting_record(context.services.database, context.actor(), context.path_id())));
}

Response create_meeting_api(Context& context) {
  Meeting meeting;
  web::read_json_body(context, meeting, false, {"items", "actions"});
  const auto id = create_meeting(context.services.database, context.actor(), meeting);
  auto response = web::json_response(
      meeting_document(meeting_record(context.services.database, context.actor(), id)), 201);
  response.header("Location", "/api/v1/meetings/" + std::to_string(id));
  return response;
}

// What the features propose for the meeting's agenda, in the reader's language (Accept-Language
// or the workspace's), with the stretch of time they looked back over.
Response get_suggestions(Context& context) {
  const auto record = meeting_record(context.services.database, context.actor(), context.path_id());
  auto sql = context.services.database.session();
  const auto period = agenda_period(sql, record.meeting);
  array suggestions;
  for (const auto& suggestion : agenda_suggestions(context, sql, period)) {
    array figures;
    for (const auto& figure : suggestion.figures) {
      figures.push_back({{"svg", figure.svg}, {"caption", figure.caption}, {"alt", figure.alt}});
    }
    object entry{{"title", suggestion.title},
                 {"description", suggestion.description},
                 {"figures", std::move(figures)}};
    if (suggestion.theme_id) entry["theme_id"] = *suggestion.theme_id;
    suggestions.push_back(std::move(entry));
  }
  return web::json_response(
      object{{"since", period.since.empty() ? boost::json::value(nullptr)
                                            : boost::json::value(period.since)},
             {"until", period.until},
             {"suggestions", std::move(suggestions)}});
}

Response list_themes(Context& context) {
  auto sql = context.services.database.session();
  return web::paged_response(context, themes(sql, context.actor()),
                             [](const Theme& theme) { return to_json(theme); });
}

Response propose_theme_api(Context& context) {
  Theme theme;
  web::read_json_body(context, theme, false, {"status", "item_id", "item_meeting_id"});
  const auto id = propose_theme(context.services.database, context.actor(), theme, local_now());
  auto sql = context.services.database.session();
  const auto stored = store::find_theme(sql, context.actor().workspace_id, id);
  if (!stored) throw validation::NotFound();
  return web::json_response(to_json(*stored), 201);
}

}  // namespace

void add_api_routes(web::App& app) {
  using auth::Permission;
  const auto members = Access::needs(Permission::read_workspace);
  const auto all = Access::needs(Permission::edit_all);
  app.add({Method::get, "/api/v1/meetings", members, list_meetings});
  app.add({Method::post, "/api/v1/meetings", all, create_meeting_api});
  app.add({Method::get, "/api/v1/meetings/{id}", members, get_meeting});
  app.add({Method::get, "/api/v1/meetings/{id}/suggestions", all, get_suggestions});
  app.add({Method::get, "/api/v1/meeting-themes", members, list_themes});
  app.add({Method::post, "/api/v1/meeting-themes", members, propose_theme_api});
}

}  // namespace samtryg::meetings
