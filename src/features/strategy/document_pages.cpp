// Documents attached to a plan or an initiative: upload, download and delete.
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/strategy/commands.hpp"
#include "features/strategy/page_support.hpp"

namespace samtryg::strategy {

namespace {

// What documents are attached to, for the upload form and its redirects.
struct DocumentOwner {
  std::optional<long long> plan_id;
  std::optional<long long> initiative_id;
  std::string name;
  std::string path;  // the owner's page
};

Response document_form(Context& context, const DocumentOwner& owner,
                       const validation::Errors& errors, int status) {
  web::FormPage form;
  form.heading = context.text("document_add") + ": " + owner.name;
  form.intro = context.catalog().format("document_intro",
                                        {{"max", std::to_string(kMaxDocumentBytes >> 20U)}});
  form.action = owner.path + "/documents";
  form.submit = context.text("document_upload");
  form.cancel = owner.path;
  form.multipart = true;
  form.fields = {{.name = "file",
                  .label = context.text("document_file"),
                  .kind = web::Field::Kind::file,
                  .required = true,
                  .hint = context.text("document_file_hint")}};
  form.errors = errors;
  form.status = status;
  return web::render_form(context, form);
}

// A plan's documents are the coordinators'; an initiative's, whoever may change it.
DocumentOwner document_owner(Context& context, const Actor& actor, bool plan) {
  const auto id = context.path_id();
  auto sql = context.services.database.session();
  if (plan) {
    const auto found = readable_plan(sql, actor, id);
    if (!actor.edit_all) throw validation::Forbidden();
    return {found.id, std::nullopt, found.name, "/plans/" + std::to_string(found.id)};
  }
  const auto found = editable_initiative(sql, actor, id);
  return {std::nullopt, found.id, found.name, "/initiatives/" + std::to_string(found.id)};
}

Response new_document(Context& context, bool plan) {
  return document_form(context, document_owner(context, context.actor(), plan), {}, 200);
}

Response upload_document(Context& context, bool plan) {
  const auto actor = context.actor();
  const auto owner = document_owner(context, actor, plan);
  const auto* file = context.form().file("file");
  Document document;
  document.plan_id = owner.plan_id;
  document.initiative_id = owner.initiative_id;
  if (file != nullptr) {
    document.filename = file->filename;
    document.content = file->bytes;
  }
  try {
    add_document(context.services.database, actor, document);
  } catch (const validation::Invalid& invalid) {
    return document_form(context, owner, invalid.errors, 422);
  }
  return Response::redirect(owner.path + "?notice=notice_created#documents");
}

// Downloads are attachments with the type samtryg decided on upload, never rendered inline.
Response download_document(Context& context) {
  const auto document =
      readable_document(context.services.database, context.actor(), context.path_id());
  auto response = Response::html(document.content);
  response.header("Content-Type", document.content_type);
  response.header("Content-Disposition", web::content_disposition(document.filename));
  response.header("Cache-Control", "private, no-store");
  return response;
}

std::string owner_path(const Document& document) {
  return document.plan_id ? "/plans/" + std::to_string(*document.plan_id)
                          : "/initiatives/" + std::to_string(document.initiative_id.value_or(0));
}

Response confirm_delete_document(Context& context) {
  const auto actor = context.actor();
  Document document;
  {
    auto sql = context.services.database.session();
    document = readable_document(sql, actor, context.path_id());
    if (!may_edit_document(sql, actor, document)) throw validation::Forbidden();
  }
  return web::render_confirm(context,
                             {.heading = context.catalog().format("document_delete_heading",
                                                                  {{"name", document.filename}}),
                              .text = context.text("document_delete_text"),
                              .confirm = context.text("document_delete_confirm"),
                              .action = "/documents/" + std::to_string(document.id) + "/delete",
                              .cancel = owner_path(document) + "#documents",
                              .nav = "plans"});
}

Response delete_document_submit(Context& context) {
  const auto actor = context.actor();
  const auto document = readable_document(context.services.database, actor, context.path_id());
  delete_document(context.services.database, actor, document.id);
  return Response::redirect(owner_path(document) + "?notice=notice_deleted#documents");
}

}  // namespace

void add_document_routes(web::App& app) {
  const auto read = web::Access::needs(auth::Permission::read_published);
  const auto own = web::Access::needs(auth::Permission::edit_own);
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/plans/{id}/documents/new", all,
           [](Context& c) { return new_document(c, true); }});
  app.add({Method::post, "/plans/{id}/documents", all,
           [](Context& c) { return upload_document(c, true); }});
  app.add({Method::get, "/initiatives/{id}/documents/new", own,
           [](Context& c) { return new_document(c, false); }});
  app.add({Method::post, "/initiatives/{id}/documents", own,
           [](Context& c) { return upload_document(c, false); }});
  app.add({Method::get, "/documents/{id}", read, download_document});
  // The same bytes for the JSON API, where tokens work (they do not on pages).
  app.add({Method::get, "/api/v1/documents/{id}/content", read, download_document});
  app.add({Method::get, "/documents/{id}/delete", own, confirm_delete_document});
  app.add({Method::post, "/documents/{id}/delete", own, delete_document_submit});
}

}  // namespace samtryg::strategy
