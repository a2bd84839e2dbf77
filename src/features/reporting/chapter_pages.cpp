// The compiled report's chapters: the coordinators edit each one's title and text.
#include <fmt/format.h>

#include "core/web/form_page.hpp"
#include "features/reporting/commands.hpp"
#include "features/reporting/page_support.hpp"

namespace samtryg::reporting {

namespace {

Response chapter_form(Context& context, const RoundRecord& record, const Chapter& chapter,
                      const validation::Errors& errors, bool conflict) {
  web::FormPage page;
  page.heading = context.text("round_chapter_edit") + ": " + chapter.title;
  page.action = fmt::format("/rounds/{}/chapters/{}/edit", record.round.id, chapter.id);
  page.submit = context.text("form_save");
  page.cancel = "/rounds/" + std::to_string(record.round.id);
  page.fields = {
      {.name = "title",
       .label = context.text("chapter_title"),
       .value = chapter.title,
       .required = true},
      {.name = "body",
       .label = context.text("chapter_body"),
       .value = chapter.body,
       .kind = Kind::markdown,
       .hint = context.text("chapter_body_hint"),
       .rows = 18},
  };
  page.hidden = web::hidden_values({{"row_version", std::to_string(chapter.row_version)}});
  page.errors = errors;
  page.conflict = conflict;
  page.status = conflict ? 409 : (errors.empty() ? 200 : 422);
  return web::render_form(context, page);
}

Chapter find_chapter(const RoundRecord& record, long long id) {
  for (const auto& chapter : record.chapters) {
    if (chapter.id == id) return chapter;
  }
  throw validation::NotFound();
}

Response edit_chapter(Context& context) {
  const auto actor = context.actor();
  auth::require_edit_all(actor);
  const auto record = readable_round(context.services.database, actor, context.path_id());
  return chapter_form(context, record, find_chapter(record, context.path_id("chapter")), {}, false);
}

Response save_chapter_submit(Context& context) {
  const auto actor = context.actor();
  const auto record = readable_round(context.services.database, actor, context.path_id());
  auto chapter = find_chapter(record, context.path_id("chapter"));
  chapter.title = context.form().value("title");
  chapter.body = context.form().value("body");
  chapter.row_version = row_version_of(context);
  return web::submit(
      [&] {
        save_chapter(context.services.database, actor, chapter);
        return Response::redirect("/rounds/" + std::to_string(record.round.id) +
                                  "?notice=notice_saved");
      },
      [&](const validation::Errors& errors, bool conflict) {
        return chapter_form(context, record, chapter, errors, conflict);
      });
}

}  // namespace

void add_chapter_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/rounds/{id}/chapters/{chapter}/edit", all, edit_chapter});
  app.add({Method::post, "/rounds/{id}/chapters/{chapter}/edit", all, save_chapter_submit});
}

}  // namespace samtryg::reporting
