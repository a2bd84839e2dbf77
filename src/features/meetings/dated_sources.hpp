#pragma once
// The hook calendars and the year wheel read: the dated things of the partnership's year that
// other features keep (form deadlines and reporting periods, safety walks and their follow-ups).
// A feature fills it while its routes are added; meetings names none of them. The meetings
// themselves and action items are meetings' own.
#include <soci/soci.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/actor.hpp"
#include "core/i18n/catalog.hpp"

namespace samtryg::meetings {

// The kinds the wheel colours and calendars categorise (CATEGORIES), in the legend's order.
inline constexpr std::string_view kDatedKinds[] = {"meeting", "reporting_period", "deadline",
                                                   "walk", "action"};

struct DatedEntry {
  // Stable and unique in the workspace ("round-3-deadline"): a calendar's UID is made from it.
  std::string key;
  std::string kind;  // one of kDatedKinds
  std::string title;
  std::string first_day;  // ISO days; last_day inclusive, the same for a single day
  std::string last_day;
  std::string path;     // its page in samtryg ("/rounds/3")
  std::string changed;  // UTC time of its last change, for calendars
};

// Entries that touch first_day..last_day (ISO days, inclusive), in the catalog's language, as
// `actor` may read them, through the connection given.
struct DatedSource {
  std::function<std::vector<DatedEntry>(soci::session&, const auth::Actor&, const i18n::Catalog&,
                                        std::string_view first_day, std::string_view last_day)>
      entries;
};

struct DatedSources {
  std::vector<DatedSource> sources;
};

}  // namespace samtryg::meetings
