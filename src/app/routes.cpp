#include "app/routes.hpp"

#include "features/accounts/pages.hpp"
#include "features/accounts/tokens.hpp"
#include "features/indicators/pages.hpp"
#include "features/reporting/pages.hpp"
#include "features/strategy/api.hpp"
#include "features/strategy/pages.hpp"

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
  accounts::add_routes(app);
  accounts::add_token_routes(app);
  strategy::add_routes(app);
  strategy::add_api_routes(app);
  indicators::add_routes(app);
  reporting::add_routes(app);
}

}  // namespace samtryg::app
