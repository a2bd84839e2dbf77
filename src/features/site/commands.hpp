#pragma once
// The public site's use cases: check rights → validate → one transaction (store + audit).
#include "core/auth/actor.hpp"
#include "core/db/database.hpp"
#include "features/site/model.hpp"
#include "features/site/news.hpp"

#include <optional>
#include <string>

namespace samtryg::site {

// Coordinators and admins: the workspace's site settings (row_version checked after the first
// save). validation::Invalid with field errors (a slug or host another workspace has, a colour
// white text cannot be read on), Conflict on a stale save.
void save_settings(db::Database& database, const auth::Actor& actor, Settings settings);

// What happens to a news item's photo on a save.
struct NewsPhoto {
  std::optional<std::string> upload;  // the bytes of a new photo (JPEG, PNG, WebP)
  bool remove = false;
};

// Coordinators and admins write the news (news.id 0: a new one; else row_version checked).
// The photo is decoded and encoded again (documents::process_photo); a file that is no photo or
// too large is refused under "image". The initiative must be one the actor reads. Returns the id.
long long save_news(db::Database& database, const auth::Actor& actor, News news,
                    const NewsPhoto& photo);
// Coordinators and admins; NotFound for news not the workspace's.
void delete_news(db::Database& database, const auth::Actor& actor, long long id);

}  // namespace samtryg::site
