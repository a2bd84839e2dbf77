// Photos of a finding: the upload page, the photos themselves (served with an ETag and a long
// cache life: a kept photo never changes), the public switch and deleting one.
#include "core/documents/photo.hpp"
#include "core/util/crypto.hpp"
#include "core/util/strings.hpp"
#include "core/web/form_page.hpp"
#include "features/walks/commands.hpp"
#include "features/walks/page_support.hpp"

namespace samtryg::walks {

namespace {

struct PhotoForm {
  std::string stage = "walk";
  bool is_public = false;
};

Response photo_form(Context& context, const WalkRecord& record, const Finding& finding,
                    const PhotoForm& f, const validation::Errors& errors, int status) {
  web::FormPage form;
  form.heading =
      context.catalog().format("walk_photo_add", {{"number", std::to_string(finding.number)}}) +
      " – " + walk_title(context, record.walk);
  form.intro = context.text("walk_photo_intro");
  form.action = walk_path(record.walk.id) + "/findings/" + std::to_string(finding.id) + "/photos";
  form.submit = context.text("walk_photo_save");
  form.cancel = walk_path(record.walk.id) + "#finding-" + std::to_string(finding.id);
  form.multipart = true;
  web::Field stage{.name = "stage",
                   .label = context.text("walk_photo_stage"),
                   .value = f.stage,
                   .kind = Kind::select,
                   .required = true};
  stage.options = web::coded_options(kPhotoStages, "walk_photo_stage_", context.catalog());
  form.fields = {{.name = "photo",
                  .label = context.text("walk_photo_file"),
                  .kind = Kind::file,
                  .required = true,
                  .hint = context.text("walk_photo_file_hint")},
                 stage,
                 {.name = "public",
                  .label = context.text("walk_photo_public"),
                  .value = f.is_public ? "1" : "",
                  .kind = Kind::checkbox,
                  .hint = context.text("walk_photo_public_hint")}};
  form.errors = errors;
  form.status = status;
  form.nav = "walks";
  return web::render_form(context, form);
}

Response new_photo(Context& context) {
  const auto record = walk_record(context.services.database, context.actor(), context.path_id());
  const auto& finding = finding_in(record, context.path_id("finding"));
  PhotoForm f;
  if (record.walk.status != "planned" && record.walk.status != "walked") f.stage = "follow_up";
  return photo_form(context, record, finding, f, {}, 200);
}

Response add_photo_submit(Context& context) {
  const auto record = walk_record(context.services.database, context.actor(), context.path_id());
  const auto& finding = finding_in(record, context.path_id("finding"));
  auto& form = context.form();
  PhotoForm f{.stage = form.value("stage"), .is_public = form.value("public") == "1"};
  return web::submit(
      [&] {
        const auto* file = form.file("photo");
        if (file == nullptr || file->bytes.empty()) {
          validation::Errors errors;
          errors.add("photo", "walk_photo_missing");
          throw validation::Invalid(errors);
        }
        add_photo(context.services.database, context.actor(), record.walk.id, finding.id,
                  file->bytes, Photo{.stage = f.stage, .is_public = f.is_public});
        return Response::redirect(walk_path(record.walk.id) +
                                  "?notice=notice_photo_added#finding-" +
                                  std::to_string(finding.id));
      },
      [&](const validation::Errors& found, bool) {
        return photo_form(context, record, finding, f, found, 422);
      });
}

// The photo's JPEG for whoever sees its walk. A kept photo never changes, so browsers may keep
// it for a year and ask again with If-None-Match.
Response serve_photo(Context& context, bool thumbnail) {
  std::string content;
  std::string etag;
  {
    auto sql = context.services.database.session();
    const auto found = readable_photo(sql, context.actor(), context.path_id());
    etag = "\"" + found.photo.sha256 + (thumbnail ? "-t" : "") + "\"";
    if (auto unchanged = not_modified(context, etag)) return std::move(*unchanged);
    content = store::photo_content(sql, found.photo.id, thumbnail);
  }
  const auto bytes = crypto::base64_decode(content);
  if (!bytes) throw std::runtime_error("a stored photo is not base64");
  auto response = Response::text(*bytes);
  response.header("Content-Type", "image/jpeg");
  response.header("ETag", etag);
  response.header("Cache-Control", "private, max-age=31536000, immutable");
  return response;
}

Response photo_image(Context& context) {
  return serve_photo(context, false);
}
Response photo_thumbnail(Context& context) {
  return serve_photo(context, true);
}

long long walk_of_photo(Context& context) {
  auto sql = context.services.database.session();
  return readable_photo(sql, context.actor(), context.path_id()).walk_id;
}

Response public_submit(Context& context) {
  const auto walk_id = walk_of_photo(context);
  set_photo_public(context.services.database, context.actor(), context.path_id(),
                   context.form().value("public") == "1");
  return Response::redirect(walk_path(walk_id) + "?notice=notice_saved#photo-" +
                            std::to_string(context.path_id()));
}

Response confirm_delete_photo(Context& context) {
  const auto walk_id = walk_of_photo(context);
  const auto id = std::to_string(context.path_id());
  return web::render_confirm(context, {.heading = context.text("walk_photo_delete_heading"),
                                       .text = context.text("walk_photo_delete_text"),
                                       .confirm = context.text("delete_confirm"),
                                       .action = "/walk-photos/" + id + "/delete",
                                       .cancel = walk_path(walk_id) + "#photo-" + id,
                                       .nav = "walks"});
}

Response delete_photo_submit(Context& context) {
  const auto walk_id = walk_of_photo(context);
  delete_photo(context.services.database, context.actor(), context.path_id());
  return Response::redirect(walk_path(walk_id) + "?notice=notice_deleted#findings");
}

}  // namespace

void add_photo_routes(web::App& app) {
  const auto read = web::Access::needs(auth::Permission::read_published);
  const auto own = web::Access::needs(auth::Permission::edit_own);
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/walks/{id}/findings/{finding}/photos", own, new_photo});
  app.add({Method::post, "/walks/{id}/findings/{finding}/photos", own, add_photo_submit});
  app.add({Method::get, "/walk-photos/{id}", read, photo_image});
  app.add({Method::get, "/walk-photos/{id}/thumbnail", read, photo_thumbnail});
  app.add({Method::post, "/walk-photos/{id}/public", own, public_submit});
  app.add({Method::get, "/walk-photos/{id}/delete", all, confirm_delete_photo});
  app.add({Method::post, "/walk-photos/{id}/delete", all, delete_photo_submit});
}

}  // namespace samtryg::walks
