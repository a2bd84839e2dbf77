#pragma once
// The news as the public reads it (internal to the site feature): what is public, the lists the
// home and initiative pages show, and the news pages, photos and Atom feeds (news_public.cpp).
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/web/app.hpp"
#include "features/site/news.hpp"
#include "features/site/public_support.hpp"

namespace samtryg::site {

// The site's public news, newest first: published, its day come, and about the partnership or
// an initiative the public reads. `initiative_id`: only that initiative's.
std::vector<News> public_news(soci::session& sql, const PublicSite& site,
                              std::optional<long long> initiative_id = std::nullopt);

// An initiative's public news with those of the same initiative in the plan's earlier versions,
// newest first: what its page and its feed show.
std::vector<News> initiative_news(soci::session& sql, const PublicSite& site,
                                  long long initiative_id, const Versions& versions);

// At most `limit` of `news` as the pages list them ({title, href, day, summary}).
view::Data news_entries(const web::Context& context, const PublicSite& site,
                        const std::vector<News>& news, std::size_t limit);

std::string news_path(const PublicSite& site, long long id);

void add_public_news_routes(web::App& app);

}  // namespace samtryg::site
