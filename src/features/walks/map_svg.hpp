#pragma once
// The findings of a walk drawn to scale as SVG, with no tiles and no internet: the workspace's
// base map (its boundary and main streets) when it has one, numbered markers at the findings'
// positions, a scale bar and a north arrow. Used by the walk report (PDF, DOCX, HTML) and, for
// the base map alone, by its admin page. No I/O.
#include <optional>
#include <string>
#include <vector>

#include "features/walks/base_map.hpp"
#include "features/walks/model.hpp"

namespace samtryg::walks {

// The map around the findings and the walk's route and area, or nothing when none of them is on
// the map. The base map's shapes that reach into that view are drawn beneath them.
std::optional<std::string> findings_map_svg(const std::vector<Finding>& findings,
                                            const BaseMap* base = nullptr,
                                            const Walk* walk = nullptr);

// The whole base map, for the admin to see what was read.
std::string base_map_svg(const BaseMap& base);

// The longest round distance (1, 2, 5 × 10^n metres) not over `metres`.
double round_distance(double metres);

}  // namespace samtryg::walks
