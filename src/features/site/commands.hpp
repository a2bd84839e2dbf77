#pragma once
// The public site's use cases: check rights → validate → one transaction (store + audit).
#include "core/auth/actor.hpp"
#include "core/db/database.hpp"
#include "features/site/model.hpp"

namespace samtryg::site {

// Coordinators and admins: the workspace's site settings (row_version checked after the first
// save). validation::Invalid with field errors (a slug or host another workspace has, a colour
// white text cannot be read on), Conflict on a stale save.
void save_settings(db::Database& database, const auth::Actor& actor, Settings settings);

}  // namespace samtryg::site
