// The walk report's downloads: /walks/{id}/report/{pdf,docx,html}.
#include "core/documents/docx.hpp"
#include "core/documents/html.hpp"
#include "core/documents/pdf.hpp"
#include "core/web/page.hpp"
#include "features/walks/page_support.hpp"
#include "features/walks/report.hpp"

namespace samtryg::walks {

namespace {

Response download_report(Context& context) {
  const auto format = context.params.at("format");
  const auto document =
      walk_report(context.services.database, context.actor(), context.path_id(), context.catalog());
  const auto name = "walk-" + std::to_string(context.path_id());
  Response response;
  if (format == "pdf") {
    response = Response::text(documents::to_pdf(document));
    response.header("Content-Type", "application/pdf");
  } else if (format == "docx") {
    response = Response::text(documents::to_docx(document));
    response.header("Content-Type",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  } else if (format == "html") {
    response = Response::html(documents::to_html(document));
  } else {
    throw validation::NotFound();
  }
  response.header("Content-Disposition", web::content_disposition(name + "." + format));
  response.header("Cache-Control", "private, no-store");
  return response;
}

}  // namespace

void add_report_routes(web::App& app) {
  app.add({Method::get, "/walks/{id}/report/{format}",
           web::Access::needs(auth::Permission::read_published), download_report});
}

}  // namespace samtryg::walks
