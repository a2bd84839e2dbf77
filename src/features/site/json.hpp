#pragma once
// The site's records as JSON, one shape each: the settings as the audit log and the workspace
// document hold them; a news item's words as all three (audit, document, API) share them, each
// adding what is its own (the photo's hash, the photo, the state).
#include <boost/json/object.hpp>

#include "features/site/model.hpp"
#include "features/site/news.hpp"

namespace samtryg::site {

boost::json::object to_json(const Settings& settings);
// {initiative_id (or null), title, body, published_on, image_alt, created_at, updated_at}
boost::json::object to_json(const News& news);

}  // namespace samtryg::site
