#include "features/promises/api.hpp"

#include "core/util/time.hpp"
#include "core/web/api.hpp"
#include "features/promises/commands.hpp"
#include "features/promises/json.hpp"

namespace samtryg::promises {

namespace {

using boost::json::array;
using boost::json::object;
using http::Method;
using http::Response;
using web::Access;
using web::Context;

// A promise with its follow-ups and, for staff, how many follow it (never who).
object promise_document(const PromiseRecord& record) {
  auto json = to_json(record.promise);
  array follow_ups;
  for (const auto& follow_up : record.follow_ups) follow_ups.push_back(to_json(follow_up));
  json["follow_ups"] = std::move(follow_ups);
  json["subscribers"] = record.subscribers;
  return json;
}

Response promise_answer(Context& context, long long id, int status = 200) {
  auto response =
      web::json_response(promise_document(promise_record(context.services.database, context.actor(),
                                                         id, today_iso_utc())),
                         status);
  if (status == 201) response.header("Location", "/api/v1/promises/" + std::to_string(id));
  return response;
}

Response list_promises(Context& context) {
  auto sql = context.services.database.session();
  return web::paged_response(context, promise_summaries(sql, context.actor(), today_iso_utc()),
                             [](const PromiseSummary& summary) {
                               auto item = to_json(summary.promise);
                               item["latest_follow_up"] =
                                   summary.latest ? boost::json::value(to_json(*summary.latest))
                                                  : nullptr;
                               return item;
                             });
}

Response get_promise(Context& context) {
  return promise_answer(context, context.path_id());
}

Response create_promise_api(Context& context) {
  Promise promise;
  web::read_json_body(context, promise, false, {"follow_ups", "subscribers"});
  promise.created_at.clear();
  promise.updated_at.clear();
  const auto id = create_promise(context.services.database, context.actor(), promise);
  return promise_answer(context, id, 201);
}

Response update_promise_api(Context& context) {
  auto promise = [&] {
    auto sql = context.services.database.session();
    return readable_promise(sql, context.actor(), context.path_id(), today_iso_utc());
  }();
  const auto id = promise.id;
  web::read_json_body(context, promise, true, {"follow_ups", "subscribers"});
  promise.id = id;
  update_promise(context.services.database, context.actor(), promise);
  return promise_answer(context, id);
}

Response add_follow_up_api(Context& context) {
  FollowUp follow_up;
  web::read_json_body(context, follow_up, false);
  if (follow_up.recorded_on.empty()) follow_up.recorded_on = today_iso_utc();
  follow_up.created_at.clear();
  const auto id = context.path_id();
  const auto recorded = add_follow_up(context.services.database, context.actor(), id, follow_up,
                                      context.services.config.effective_public_url());
  auto json = to_json(follow_up);
  json["id"] = recorded.id;
  json["notified"] = recorded.notified;
  auto response = web::json_response(json, 201);
  response.header("Location", "/api/v1/promises/" + std::to_string(id));
  return response;
}

Response delete_promise_api(Context& context) {
  delete_promise(context.services.database, context.actor(), context.path_id());
  return Response::text("", 204);
}

}  // namespace

void add_api_routes(web::App& app) {
  using auth::Permission;
  const auto read = Access::needs(Permission::read_published);
  const auto all = Access::needs(Permission::edit_all);
  app.add({Method::get, "/api/v1/promises", read, list_promises});
  app.add({Method::post, "/api/v1/promises", all, create_promise_api});
  app.add({Method::get, "/api/v1/promises/{id}", read, get_promise});
  app.add({Method::put, "/api/v1/promises/{id}", all, update_promise_api});
  app.add({Method::delete_, "/api/v1/promises/{id}", all, delete_promise_api});
  app.add({Method::post, "/api/v1/promises/{id}/follow-ups", all, add_follow_up_api});
}

}  // namespace samtryg::promises
