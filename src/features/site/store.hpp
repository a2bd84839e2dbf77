#pragma once
// The public site's SQL. Functions take a borrowed session, so the caller decides the
// transaction.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/auth/store.hpp"
#include "features/site/model.hpp"
#include "features/site/news.hpp"

namespace samtryg::site::store {

std::optional<Settings> settings_of(soci::session& sql, long long workspace_id);
std::optional<Settings> settings_by_slug(soci::session& sql, const std::string& slug);
std::optional<Settings> settings_by_host(soci::session& sql, const std::string& host);
// What every public request needs, in one query: the settings of the site at `slug`, its
// workspace (with the data version every audited change raises) and the time of the
// workspace's latest audited change ("" when none).
struct PublicRow {
  Settings settings;
  auth::Workspace workspace;
  std::string last_change;
};
std::optional<PublicRow> public_row(soci::session& sql, const std::string& slug);
// The same for the site of a workspace.
std::optional<PublicRow> public_row_of(soci::session& sql, long long workspace_id);
// The first save inserts; later ones need the stored row_version (false when it differs).
bool save_settings(soci::session& sql, const Settings& settings, bool exists);

// News (news_store.cpp), the newest day first (drafts, with no day, first of all).
std::vector<News> news(soci::session& sql, long long workspace_id);
std::optional<News> find_news(soci::session& sql, long long workspace_id, long long id);
// `image` is the photo as base64 ("" for none).
long long insert_news(soci::session& sql, const News& news, const std::string& image);
// False when the row_version differs. `image`: nothing keeps the photo, "" removes it, a text
// replaces it.
bool update_news(soci::session& sql, const News& news, const std::optional<std::string>& image);
void delete_news(soci::session& sql, long long id);
// The photo as base64; "" when the news has none.
std::string news_image(soci::session& sql, long long id);

}  // namespace samtryg::site::store
