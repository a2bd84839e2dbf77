// The meeting's documents and the minutes' approval: the agenda and the beslutningsreferat as
// PDF and DOCX (/meetings/{id}/agenda/{format}, /meetings/{id}/minutes/{format}); an agenda
// item's chart as an image; a member's approval of the minutes (recorded with its time) and
// the coordinator's note that a later meeting approved them.
#include <fmt/format.h>

#include "core/util/strings.hpp"
#include "core/web/page.hpp"
#include "features/meetings/commands.hpp"
#include "features/meetings/page_support.hpp"

namespace samtryg::meetings {

namespace {

// "dagsorden-lokalraadet-2014-01-22": the kind and the day, in letters any system can save.
std::string document_name(const Context& context, std::string_view kind_key,
                          const Meeting& meeting) {
  return fmt::format("{}-{}", context.text(kind_key), meeting.starts_at.substr(0, 10));
}

Response download(Context& context, bool minutes) {
  const auto actor = context.actor();
  const auto record = meeting_record(context.services.database, actor, context.path_id());
  std::string example;
  {
    auto sql = context.services.database.session();
    example = meeting_example_note(context, sql, record.meeting.id);
  }
  const auto format = context.params.at("format");
  if (format == "html") throw validation::NotFound();  // the meeting's page is the HTML
  const auto document = minutes ? minutes_document(context, record, example)
                                : agenda_document(context, record, example);
  return web::document_download(
      document, format,
      document_name(context,
                    minutes ? "meeting_document_minutes_file" : "meeting_document_agenda_file",
                    record.meeting));
}

Response download_agenda(Context& context) {
  return download(context, false);
}

Response download_minutes(Context& context) {
  return download(context, true);
}

// Shown through <img>, where an SVG's scripts never run; the policy says so again.
Response figure_image(Context& context) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  readable_meeting(sql, actor, context.path_id());
  const auto figure_id = parse_id(context.params.at("figure"));
  if (!figure_id) throw validation::NotFound();
  const auto figure = store::find_figure(sql, context.path_id(), *figure_id);
  if (!figure) throw validation::NotFound();
  auto response = Response::text(figure->svg);
  response.header("Content-Type", "image/svg+xml");
  response.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
  response.header("X-Content-Type-Options", "nosniff");
  response.header("Cache-Control", "private, max-age=3600");
  return response;
}

Response refused(Context& context, const validation::Invalid& invalid) {
  const auto& items = invalid.errors.items();
  return web::error_page(context, 422, "meeting_approve_refused",
                         items.empty() ? "meeting_approve_refused" : items.front().message_key);
}

Response approve_submit(Context& context) {
  const auto id = context.path_id();
  try {
    approve_minutes(context.services.database, context.actor(), id, local_now());
  } catch (const validation::Invalid& invalid) {
    return refused(context, invalid);
  }
  return Response::redirect(meeting_path(id) + "?notice=notice_meeting_approved#approval");
}

Response approved_at_submit(Context& context) {
  const auto id = context.path_id();
  const std::string chosen(trim(context.form().value("approved_at_meeting_id")));
  std::optional<long long> approving;
  if (!chosen.empty()) {
    approving = parse_id(chosen);
    if (!approving) throw validation::NotFound();
  }
  try {
    set_minutes_approved_at(context.services.database, context.actor(), id, approving);
  } catch (const validation::Invalid& invalid) {
    return refused(context, invalid);
  }
  return Response::redirect(meeting_path(id) + "?notice=notice_saved#approval");
}

}  // namespace

void add_minutes_routes(web::App& app) {
  const auto members = web::Access::needs(auth::Permission::read_workspace);
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/meetings/{id}/agenda/{format}", members, download_agenda});
  app.add({Method::get, "/meetings/{id}/minutes/{format}", members, download_minutes});
  app.add({Method::get, "/meetings/{id}/figures/{figure}", members, figure_image});
  app.add({Method::post, "/meetings/{id}/approve", members, approve_submit});
  app.add({Method::post, "/meetings/{id}/approved-at", all, approved_at_submit});
}

}  // namespace samtryg::meetings
