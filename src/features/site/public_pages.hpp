#pragma once
// What a citizen sees of a workspace without signing in, under /p/{slug}: its home (the
// published plans, their focus areas and initiatives), a page per published initiative as seed
// 003 shows one (goal, why it creates safety, what is already done, what to focus on,
// activities, documents to download, the lead, the published indicators with chart and data
// table), its documents, the accessibility statement and a sitemap. Only what a viewer may read
// (published content) is shown: the pages read as an anonymous viewer through the features'
// own queries. Every page carries ETag, Last-Modified and Cache-Control and answers 304 when
// unchanged; its body is kept per data version.
#include "core/web/app.hpp"

namespace samtryg::site {

void add_public_routes(web::App& app);
// Each public indicator as CSV and JSON-stat, and as a chart to embed (open_data_pages.cpp).
void add_open_data_routes(web::App& app);
// The search (search_pages.cpp).
void add_search_routes(web::App& app);

}  // namespace samtryg::site
