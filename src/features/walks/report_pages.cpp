// The walk report's downloads: /walks/{id}/report/{pdf,docx,html}.
#include "core/web/page.hpp"
#include "features/walks/page_support.hpp"
#include "features/walks/report.hpp"

namespace samtryg::walks {

namespace {

Response download_report(Context& context) {
  const auto document =
      walk_report(context.services.database, context.actor(), context.path_id(), context.catalog());
  return web::document_download(document, context.params.at("format"),
                                "walk-" + std::to_string(context.path_id()));
}

}  // namespace

void add_report_routes(web::App& app) {
  app.add({Method::get, "/walks/{id}/report/{format}",
           web::Access::needs(auth::Permission::read_published), download_report});
}

}  // namespace samtryg::walks
