#pragma once
// The public site's routes: the public pages (public_pages.hpp) and the coordinator's settings.
#include "core/json/reader.hpp"
#include "core/web/app.hpp"
#include "features/site/news.hpp"

namespace samtryg::site {

// A news item's members from a JSON body (news_api.cpp).
void read(json::Reader& reader, News& news);

void add_settings_routes(web::App& app);
// The staff's news pages (news_pages.cpp).
void add_news_routes(web::App& app);
// /api/v1/news (news_api.cpp).
void add_news_api_routes(web::App& app);

}  // namespace samtryg::site
