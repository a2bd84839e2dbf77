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
#include "features/site/model.hpp"

namespace samtryg::site {

inline constexpr web::Templates kTemplates{"site"};

struct PublicSite {
  Settings settings;
  auth::Workspace workspace;
  auth::Actor reader;  // an anonymous viewer of the workspace: published content only
  std::string base;    // "/p/tryg-aalborg"
};

// The enabled site of the path's {slug}; validation::NotFound otherwise. Sets the request's
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
};
// The page in the layout, built now and kept nowhere.
std::string public_html(web::Context& context, const PublicSite& site, const PublicPage& page,
                        view::Data data);
http::Response public_response(web::Context& context, const PublicSite& site,
                               const std::function<std::pair<PublicPage, view::Data>()>& build);

}  // namespace samtryg::site
