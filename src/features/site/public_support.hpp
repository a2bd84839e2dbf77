#pragma once
// What the public pages share (internal to the site feature): finding the site a request is
// for, the reader it reads as, the language, the layout around each page, and the caching.
#include <functional>
#include <string>

#include "core/auth/actor.hpp"
#include "core/auth/store.hpp"
#include "core/view/render.hpp"
#include "core/web/context.hpp"
#include "core/web/templates.hpp"
#include "features/indicators/queries.hpp"
#include "features/site/model.hpp"
#include "features/site/sections.hpp"
#include "features/strategy/model.hpp"

namespace samtryg::site {

inline constexpr web::Templates kTemplates{"site"};

struct PublicSite {
  Settings settings;
  auth::Workspace workspace;
  auth::Actor reader;  // an anonymous viewer of the workspace: published content only
  std::string base;    // "/p/tryg-aalborg"
  // The site is off and a coordinator of its workspace looks at it before switching it on:
  // the pages say so and nobody else may keep them.
  bool preview = false;
  std::string last_change{};  // the workspace's latest audited change: Last-Modified
};

// The enabled site of the path's {slug} (or, for its coordinators, the site while it is off);
// validation::NotFound otherwise. Sets the request's
// language to the visitor's choice (the language cookie) or else the workspace's.
PublicSite public_site(web::Context& context);

// A public page: the body (rendered from `template_name` with `data`, in the layout with the
// site's name, colour, language links and footer) built once per data version, language and
// address and kept; ETag, Last-Modified (the workspace's latest change) and Cache-Control; 304
// when the visitor has it. `data` is only built when the page is not kept.
struct PublicPage {
  std::string title;
  std::string template_name;
  std::string updated;  // ISO day or time the content last changed, shown in the footer
  std::string path{};   // the page's own address for its canonical link; "" for the request's
  bool bare = false;    // the template is the whole document (an embeddable chart): no layout
  std::string feed{};   // the Atom feed the page follows, for the browser's and readers' discovery
  std::string query{};  // what the language links keep ("q=natteliv"); pages not kept only
};
// The page in the layout, built now and kept nowhere.
std::string public_html(web::Context& context, const PublicSite& site, const PublicPage& page,
                        view::Data data);
// The published plans a citizen reads, newest first: a plan that a later published version
// replaced is history (the staff pages keep it).
std::vector<strategy::Plan> current_plans(soci::session& sql, const PublicSite& site);

// Thrown by a public page for a request it cannot answer: the site's 400 page with the
// catalog text `text_key`.
struct BadPublicRequest {
  std::string text_key;
};

// The same initiative in the plan's other published versions (a new version of a plan copies
// its initiatives, by name): the earlier ones hold the years before, with their activities and
// news.
struct Versions {
  std::vector<std::pair<long long, strategy::Plan>>
      earlier;  // initiative id, its plan; newest first
  std::optional<std::pair<long long, strategy::Plan>> newer;
};
Versions versions_of(soci::session& sql, const PublicSite& site,
                     const strategy::Initiative& initiative);

// How the site's other features read: as the site's anonymous reader.
PublicReader reader_of(const PublicSite& site);

// Serves a public page: the visitor's language choice (?lang=, kept, then back without it),
// the site (or the 404 of no site), and the site's own 404 for what `page` does not find
// (validation::NotFound).
using PublicHandler = http::Response (*)(web::Context&, const PublicSite&);
http::Response serve_public(web::Context& context, PublicHandler page);
template <PublicHandler Page>
http::Response site_page(web::Context& context) {
  return serve_public(context, Page);
}

// site::PublicFrame's frame: the page in the layout of the workspace's site, if it is on.
std::optional<std::string> framed(web::Context& context, long long workspace_id,
                                  const std::function<FramedPage(const PublicReader&)>& content);

// "Not found" for an address of no site (an unknown or switched-off one), in the visitor's
// language, on a page of its own that names no workspace.
http::Response no_site(web::Context& context);

http::Response public_response(web::Context& context, const PublicSite& site,
                               const std::function<std::pair<PublicPage, view::Data>()>& build);

// Data (CSV, JSON-stat) cached and answered as the pages are.
http::Response public_data(web::Context& context, const PublicSite& site,
                           const std::string& content_type,
                           const std::function<std::string()>& build);

// A public indicator as its pages show it: name, source, status with its explanation, the chart
// (SVG, inline) and the same figures as table rows; made-up figures said so in words
// (`example`).
view::Data indicator_view(web::Context& context, const indicators::IndicatorRecord& record);

// A file another feature publishes (a photo, a report), cached and answered as the pages are,
// with the disposition and policy it asks for.
http::Response public_file(web::Context& context, const PublicSite& site,
                           const std::function<PublicFile()>& build);

}  // namespace samtryg::site
