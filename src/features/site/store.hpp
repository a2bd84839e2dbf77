#pragma once
// The public site's SQL. Functions take a borrowed session, so the caller decides the
// transaction.
#include <soci/soci.h>

#include <optional>
#include <string>

#include "features/site/model.hpp"

namespace samtryg::site::store {

std::optional<Settings> settings_of(soci::session& sql, long long workspace_id);
std::optional<Settings> settings_by_slug(soci::session& sql, const std::string& slug);
std::optional<Settings> settings_by_host(soci::session& sql, const std::string& host);
// The first save inserts; later ones need the stored row_version (false when it differs).
bool save_settings(soci::session& sql, const Settings& settings, bool exists);
// The workspace's data_version, which every audited change raises (core/audit).
long long data_version(soci::session& sql, long long workspace_id);
// The time (UTC) of the workspace's latest audited change, "" when none: what its public pages
// were last modified at.
std::string last_change(soci::session& sql, long long workspace_id);

}  // namespace samtryg::site::store
