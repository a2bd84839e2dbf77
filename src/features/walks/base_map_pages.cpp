// The workspace's base map: the admin's page to upload, see and remove it, and the GeoJSON the
// walk page's map draws when no tile server is used.
#include "core/i18n/locale_format.hpp"
#include "core/web/form_errors.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/walks/commands.hpp"
#include "features/walks/map_svg.hpp"
#include "features/walks/page_support.hpp"

namespace samtryg::walks {

namespace {

std::vector<web::Field> upload_fields(const Context& context, const std::string& system) {
  web::Field choice{.name = "system",
                    .label = context.text("walk_base_map_system"),
                    .value = system,
                    .kind = Kind::select,
                    .required = true,
                    .hint = context.text("walk_base_map_system_hint")};
  choice.options =
      web::coded_options(kBaseMapSystemChoices, "walk_base_map_system_", context.catalog());
  return {{.name = "file",
           .label = context.text("walk_base_map_file"),
           .kind = Kind::file,
           .required = true,
           .hint = context.text("walk_base_map_file_hint")},
          choice};
}

Response base_map_page(Context& context, const std::string& system,
                       const validation::Errors& errors, int status) {
  auth::require_manage_users(context.actor());
  std::optional<KeptBaseMap> kept;
  std::optional<BaseMap> shapes;
  {
    auto sql = context.services.database.session();
    kept = store::base_map_info(sql, context.actor().workspace_id);
    if (kept) shapes = base_map_of(sql, context.actor());
  }
  view::Data data;
  data.set("notice", view::text(notice_text(context)));
  data.set("tiles_in_use", view::flag(!context.services.config.map_tile_url.empty()));
  if (kept) {
    view::Data about;
    about.set("summary",
              context.catalog().format(
                  "walk_base_map_summary",
                  {{"shapes", std::to_string(kept->shapes)},
                   {"positions", std::to_string(kept->positions)},
                   {"system", context.text("walk_base_map_system_" + kept->source_system)},
                   {"when", i18n::format_iso_timestamp(kept->uploaded_at, context.language)},
                   {"who", kept->uploaded_by}}));
    // Drawn here, not by the browser: the page needs neither JavaScript nor a tile server.
    if (shapes) about.set("preview", base_map_svg(*shapes));
    data.set("kept", about);
  }
  data.set("fields", web::fields_data(upload_fields(context, system), errors, context.catalog()));
  web::add_errors(data, errors, context.catalog());
  return web::render_page(
      context, kTemplates("base_map"), std::move(data),
      {.title = context.text("walk_base_map_title"), .status = status, .nav = "walk_base_map"});
}

Response show_base_map(Context& context) {
  return base_map_page(context, "file", {}, 200);
}

Response upload_submit(Context& context) {
  auto& form = context.form();
  const auto system = form.value("system");
  try {
    const auto* file = form.file("file");
    if (file == nullptr || file->bytes.empty()) {
      validation::Errors errors;
      errors.add("file", "walk_base_map_missing");
      throw validation::Invalid(errors);
    }
    set_base_map(context.services.database, context.actor(), file->bytes, system_of_code(system));
  } catch (const validation::Invalid& invalid) {
    return base_map_page(context, system, invalid.errors, 422);
  }
  return Response::redirect("/walks/base-map?notice=notice_base_map_uploaded");
}

Response confirm_remove(Context& context) {
  auth::require_manage_users(context.actor());
  return web::render_confirm(context, {.heading = context.text("walk_base_map_remove_heading"),
                                       .text = context.text("walk_base_map_remove_text"),
                                       .confirm = context.text("delete_confirm"),
                                       .action = "/walks/base-map/delete",
                                       .cancel = "/walks/base-map",
                                       .nav = "walk_base_map"});
}

Response remove_submit(Context& context) {
  remove_base_map(context.services.database, context.actor());
  return Response::redirect("/walks/base-map?notice=notice_deleted");
}

// For the walk page's map. Changes only when an admin uploads again: the browser asks again
// each time, and the ETag spares it the download.
Response serve_geojson(Context& context) {
  std::string etag;
  std::optional<std::string> geojson;
  {
    auto sql = context.services.database.session();
    const auto kept = store::base_map_info(sql, context.actor().workspace_id);
    if (!kept) throw validation::NotFound();
    etag = "\"" + kept->sha256 + "\"";
    if (auto unchanged = not_modified(context, etag)) return std::move(*unchanged);
    geojson = store::base_map_geojson(sql, context.actor().workspace_id);
  }
  if (!geojson) throw validation::NotFound();
  auto response = Response::text(*geojson);
  response.header("Content-Type", "application/geo+json");
  response.header("ETag", etag);
  response.header("Cache-Control", "private, no-cache");
  return response;
}

}  // namespace

void add_base_map_routes(web::App& app) {
  const auto admins = web::Access::needs(auth::Permission::manage_users);
  app.add({Method::get, "/walks/base-map", admins, show_base_map});
  app.add({Method::post, "/walks/base-map", admins, upload_submit});
  app.add({Method::get, "/walks/base-map/delete", admins, confirm_remove});
  app.add({Method::post, "/walks/base-map/delete", admins, remove_submit});
  app.add({Method::get, "/walks/base-map.geojson",
           web::Access::needs(auth::Permission::read_published), serve_geojson});
  app.services().navigation.add(
      {"walk_base_map", "/walks/base-map", "nav_walk_base_map", admins, 88});
}

}  // namespace samtryg::walks
