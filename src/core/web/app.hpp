#pragma once
// The route table and the steps every request goes through, in order: static assets →
// session → language → route (404/405) → access (login or 403) → CSRF (403) → handler →
// security headers. Features only add routes; the rules live here once.
#include <functional>
#include <string>
#include <vector>

#include "core/http/message.hpp"
#include "core/http/router.hpp"
#include "core/web/access.hpp"
#include "core/web/context.hpp"

namespace samtryg::web {

using Handler = std::function<http::Response(Context&)>;

struct Route {
  http::Method method;
  std::string pattern;
  Access access;
  Handler handler;
  // The link itself carries a secret token that authorises the change, and the sender may be a
  // mail program with no cookie (RFC 8058 one-click unsubscribe): no CSRF token is asked for.
  bool authorised_by_link = false;
};

class App {
 public:
  explicit App(Services& services) : services_(services) {}

  void add(Route route);
  const std::vector<Route>& routes() const { return routes_; }
  // What features register besides routes (hooks, menu entries) goes here.
  Services& services() { return services_; }

  // Never throws: failures become error pages.
  http::Response handle(http::Request& request);

 private:
  http::Response dispatch(Context& context);
  void load_session(Context& context);
  // Behind a trusted reverse proxy, the client is the one X-Forwarded-For names.
  // Whether the request came through a trusted proxy (its X-Forwarded-For then names the client).
  bool use_forwarded_client(http::Request& request) const;
  void use_host_site(http::Request& request, bool from_trusted_proxy) const;
  void choose_language(Context& context);

  Services& services_;
  std::vector<Route> routes_;
  http::Router<std::size_t> router_;  // pattern → index into routes_
};

}  // namespace samtryg::web
