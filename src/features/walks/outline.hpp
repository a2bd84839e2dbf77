#pragma once
// A walk's route and area as positions on the map: typed (or clicked on the map, which types
// them) one per line as "latitude, longitude", the way phones and map sites copy a position.
// No I/O.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace samtryg::walks {

struct Position {
  double latitude = 0;  // WGS84
  double longitude = 0;
};

inline constexpr std::size_t kMaxOutlinePositions = 500;

struct ParsedPositions {
  std::vector<Position> positions;
  int bad_line = 0;  // the first line that is not a position (1 = the first), 0 when none
};

// One position per line: "55.8705, 12.8305", "55.8705 12.8305", or with decimal commas as
// Danish and Swedish keyboards write them, "55,8705 12,8305". Blank lines are skipped.
ParsedPositions parse_positions(std::string_view text);

// The positions one per line, six decimals (about 10 cm): what the form shows and the database
// keeps; parse_positions reads it back.
std::string positions_text(const std::vector<Position>& positions);

}  // namespace samtryg::walks
