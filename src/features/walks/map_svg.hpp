#pragma once
// The findings of a walk drawn to scale as SVG, with no tiles and no internet: numbered
// markers at their positions, a scale bar and a north arrow. Used by the walk report (PDF,
// DOCX, HTML). No I/O.
#include <optional>
#include <string>
#include <vector>

#include "features/walks/model.hpp"

namespace samtryg::walks {

// The map, or nothing when no finding has a position.
std::optional<std::string> findings_map_svg(const std::vector<Finding>& findings);

// The longest round distance (1, 2, 5 × 10^n metres) not over `metres`.
double round_distance(double metres);

}  // namespace samtryg::walks
