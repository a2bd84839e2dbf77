#include "app/routes.hpp"

#include "app/modules.hpp"
#include "core/documents/document.hpp"

namespace samtryg::app {

namespace {

// For load balancers and monitoring: 200 when the database answers, 503 when it does not.
http::Response health(web::Context& context) {
  if (context.services.database.ping()) {
    return http::Response::json(R"({"status":"ok","database":"ok"})"
                                "\n");
  }
  return http::Response::json(R"({"status":"unavailable","database":"unreachable"})"
                              "\n",
                              503);
}

// The editor's preview: Markdown drawn by the same function as the saved pages, so what the
// preview shows is what the page will show (links made safe, all text escaped).
http::Response markdown_preview(web::Context& context) {
  auto response = http::Response::html(documents::markdown_html(context.form().value("text")));
  response.header("Cache-Control", "no-store");
  return response;
}

}  // namespace

void add_all_routes(web::App& app) {
  app.add({http::Method::get, "/healthz", web::Access::anyone(), health});
  app.add({http::Method::post, "/markdown/preview", web::Access::signed_in(), markdown_preview});
  for (const auto* feature : modules()) feature->add_routes(app);
}

}  // namespace samtryg::app
