// In calendars and on the year wheel: each safety walk on its day (Landskrona walks in spring and
// autumn, seed 004) and its follow-up walk, once the days are fixed.
#include "features/meetings/dated_sources.hpp"
#include "features/walks/naming.hpp"
#include "features/walks/page_support.hpp"
#include "features/walks/queries.hpp"

namespace samtryg::walks {

namespace {

std::vector<meetings::DatedEntry> walk_entries(soci::session& sql, const auth::Actor& actor,
                                               const i18n::Catalog& catalog,
                                               std::string_view first_day,
                                               std::string_view last_day) {
  std::vector<meetings::DatedEntry> out;
  const auto within = [&](const std::string& day) {
    return !day.empty() && day >= first_day && day <= last_day;
  };
  for (const auto& walk : walks(sql, actor)) {
    const auto title = walk_title(catalog, walk.area, walk.season, walk.year);
    const auto id = std::to_string(walk.id);
    if (within(walk.walk_date)) {
      out.push_back({"walk-" + id, "walk", title, walk.walk_date, walk.walk_date,
                     walk_path(walk.id), walk.updated_at});
    }
    if (within(walk.follow_up_date)) {
      out.push_back({"walk-" + id + "-follow-up", "walk",
                     catalog.format("dated_walk_follow_up", {{"walk", title}}), walk.follow_up_date,
                     walk.follow_up_date, walk_path(walk.id), walk.updated_at});
    }
  }
  return out;
}

}  // namespace

void add_dated_source(web::App& app) {
  app.services().hooks.get<meetings::DatedSources>().sources.push_back({walk_entries});
}

}  // namespace samtryg::walks
