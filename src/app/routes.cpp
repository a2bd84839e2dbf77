#include "app/routes.hpp"

#include "app/modules.hpp"

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

}  // namespace

void add_all_routes(web::App& app) {
  app.add({http::Method::get, "/healthz", web::Access::anyone(), health});
  for (const auto* feature : modules()) feature->add_routes(app);
}

}  // namespace samtryg::app
