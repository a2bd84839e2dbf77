// /api/v1/news: the staff's news as JSON (coordinators and admins, as the pages). A photo is
// added through the page's upload; the API reads and writes the words and says whether there
// is one.
#include "core/util/time.hpp"
#include "core/web/api.hpp"
#include "features/site/commands.hpp"
#include "features/site/json.hpp"
#include "features/site/pages.hpp"
#include "features/site/store.hpp"

namespace samtryg::site {

namespace {

using http::Method;
using http::Response;
using web::Context;

// The shared shape with what a client reads besides: id, state, whether there is a photo.
boost::json::object to_json(const News& news, std::string_view today) {
  auto out = site::to_json(news);
  out["id"] = news.id;
  out["state"] = news_state(news, today);
  out["has_image"] = !news.image_sha256.empty();
  out["row_version"] = news.row_version;
  return out;
}

}  // namespace

// The members a client may send (read_json_body finds it by name).
void read(json::Reader& reader, News& news) {
  reader.optional_integer("initiative_id", news.initiative_id);
  reader.text("title", news.title);
  reader.text("body", news.body);
  reader.text("published_on", news.published_on);
  reader.text("image_alt", news.image_alt);
  reader.integer("row_version", news.row_version);
}

namespace {

News stored_news(Context& context, long long id) {
  auto sql = context.services.database.session();
  auto found = store::find_news(sql, context.actor().workspace_id, id);
  if (!found) throw validation::NotFound();
  return std::move(*found);
}

Response list_news(Context& context) {
  auto sql = context.services.database.session();
  const auto today = today_iso_utc();
  return web::paged_response(context, store::news(sql, context.actor().workspace_id),
                             [&](const News& news) { return to_json(news, today); });
}

Response get_news(Context& context) {
  return web::json_response(to_json(stored_news(context, context.path_id()), today_iso_utc()));
}

Response create_news_api(Context& context) {
  News news;
  web::read_json_body(context, news, false,
                      {"id", "state", "has_image", "created_at", "updated_at"});
  news.id = 0;
  const auto id = save_news(context.services.database, context.actor(), news, {});
  return web::json_response(to_json(stored_news(context, id), today_iso_utc()), 201);
}

Response update_news_api(Context& context) {
  auto news = stored_news(context, context.path_id());
  const auto id = news.id;
  web::read_json_body(context, news, true,
                      {"id", "state", "has_image", "created_at", "updated_at"});
  news.id = id;
  save_news(context.services.database, context.actor(), news, {});
  return web::json_response(to_json(stored_news(context, id), today_iso_utc()));
}

Response delete_news_api(Context& context) {
  delete_news(context.services.database, context.actor(), context.path_id());
  return Response::text("", 204);
}

}  // namespace

void add_news_api_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/api/v1/news", all, list_news});
  app.add({Method::post, "/api/v1/news", all, create_news_api});
  app.add({Method::get, "/api/v1/news/{id}", all, get_news});
  app.add({Method::put, "/api/v1/news/{id}", all, update_news_api});
  app.add({Method::delete_, "/api/v1/news/{id}", all, delete_news_api});
}

}  // namespace samtryg::site
