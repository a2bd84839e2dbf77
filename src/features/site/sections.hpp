#pragma once
// The hook the public site's home page offers: what other features publish there (promises with
// their status, later the walks' results and the news), each as one rendered <section>.
#include <soci/soci.h>

#include <functional>
#include <string>
#include <vector>

#include "core/auth/actor.hpp"
#include "core/web/context.hpp"

namespace samtryg::site {

// Who reads: an anonymous viewer of the workspace (published content only), the site's address
// ("/p/tryg-aalborg") and the language the workspace's own texts are written in.
struct PublicReader {
  auth::Actor actor;
  std::string base;
  std::string content_lang;
};

// One part of the public home page, rendered HTML (escaped by its own template); "" when the
// feature has nothing public. Parts are shown by `order`, lowest first, after the plans. It reads
// only through the connection and as the reader it is given.
struct PublicSection {
  int order = 0;
  std::function<std::string(web::Context&, soci::session&, const PublicReader&)> render;
};

struct PublicSections {
  std::vector<PublicSection> sections;
};

}  // namespace samtryg::site
