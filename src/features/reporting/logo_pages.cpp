// The workspace's logo on the report's title page: upload, remove and preview.
#include "core/web/form_page.hpp"
#include "features/reporting/commands.hpp"
#include "features/reporting/page_support.hpp"

namespace samtryg::reporting {

namespace {

Response logo_form(Context& context, const validation::Errors& errors, int status) {
  const auto current = workspace_logo(context.services.database, context.actor());
  web::FormPage form{
      .heading = context.text("logo_title"),
      .intro = context.catalog().format(current.empty() ? "logo_intro_none" : "logo_intro_current",
                                        {{"max", std::to_string(kMaxLogoBytes / 1024)},
                                         {"bytes", std::to_string(current.size())}}),
      .action = "/workspace/logo",
      .submit = context.text("logo_save"),
      .cancel = "/",
      .fields = {{.name = "file",
                  .label = context.text("logo_file"),
                  .kind = Kind::file,
                  .hint = context.text("logo_file_hint")}},
      .errors = errors,
      .multipart = true,
      .status = status,
      .nav = "admin"};
  if (!current.empty()) {
    form.fields.push_back(
        {.name = "remove", .label = context.text("logo_remove"), .kind = Kind::checkbox});
  }
  return web::render_form(context, form);
}

Response show_logo_form(Context& context) {
  auth::require_edit_all(context.actor());
  return logo_form(context, {}, 200);
}

Response save_logo_submit(Context& context) {
  const auto actor = context.actor();
  const auto* file = context.form().file("file");
  const bool remove = context.form().value("remove") == "1";
  if (!remove && (file == nullptr || file->bytes.empty())) {
    validation::Errors errors;
    errors.add("file", "logo_missing");
    return logo_form(context, errors, 422);
  }
  try {
    set_logo(context.services.database, actor, remove ? std::string() : file->bytes);
  } catch (const validation::Invalid& invalid) {
    return logo_form(context, invalid.errors, 422);
  }
  return Response::redirect("/workspace/logo?notice=notice_saved");
}

// The logo as an image for the preview; an uploaded SVG never runs scripts (served for <img>
// with a CSP that allows nothing).
Response logo_image(Context& context) {
  const auto svg = workspace_logo(context.services.database, context.actor());
  if (svg.empty()) throw validation::NotFound();
  auto response = Response::html(svg);
  response.header("Content-Type", "image/svg+xml");
  response.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
  response.header("Cache-Control", "private, no-cache");
  return response;
}

}  // namespace

void add_logo_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/workspace/logo", all, show_logo_form});
  app.add({Method::post, "/workspace/logo", all, save_logo_submit});
  app.add({Method::get, "/workspace/logo.svg", web::Access::needs(auth::Permission::read_workspace),
           logo_image});
}

}  // namespace samtryg::reporting
