#include "features/walks/naming.hpp"

namespace samtryg::walks {

std::string walk_title(const i18n::Catalog& catalog, std::string_view area, std::string_view season,
                       int year) {
  return catalog.format(
      "walk_title_pattern",
      {{"area", std::string(area)},
       {"season", std::string(catalog.text("walk_season_in_" + std::string(season)))},
       {"year", std::to_string(year)}});
}

}  // namespace samtryg::walks
