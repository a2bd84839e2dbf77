#include "features/statistics/table.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace samtryg::stats {

namespace {
std::string describe(int line, const std::string& where, const std::string& message) {
  if (line > 0 && !where.empty()) return fmt::format("line {}, {}: {}", line, where, message);
  if (line > 0) return fmt::format("line {}: {}", line, message);
  if (!where.empty()) return fmt::format("{}: {}", where, message);
  return message;
}
}  // namespace

ParseError::ParseError(int line, std::string where, const std::string& message)
    : std::runtime_error(describe(line, where, message)), line_(line), where_(std::move(where)) {}

std::size_t Table::expected_cells() const {
  std::size_t cells = 1;
  for (const auto& dimension : dimensions) cells *= dimension.categories.size();
  return dimensions.empty() ? 0 : cells;
}

std::size_t Table::cell_index(const std::vector<std::size_t>& positions) const {
  std::size_t index = 0;
  for (std::size_t d = 0; d < dimensions.size(); ++d) {
    index = index * dimensions[d].categories.size() + positions[d];
  }
  return index;
}

std::size_t checked_cell_count(const std::vector<Dimension>& dimensions, const std::string& where,
                               std::size_t file_bytes) {
  std::size_t cells = 1;
  for (const auto& dimension : dimensions) {
    const std::size_t size = dimension.categories.size();
    if (size != 0 && cells > kMaxCells / size) {
      throw ParseError(0, where,
                       fmt::format("the dimensions make more than {} cells, more than samtryg "
                                   "reads from one table",
                                   kMaxCells));
    }
    cells *= size;
  }
  const auto budget =
      std::max(kSmallTableCells,
               file_bytes > kMaxCells / kCellsPerByte ? kMaxCells : file_bytes * kCellsPerByte);
  if (cells > budget) {
    throw ParseError(0, where,
                     fmt::format("the dimensions make {} cells, more than a file of {} bytes can "
                                 "hold (at most {})",
                                 cells, file_bytes, budget));
  }
  return cells;
}

std::string role_name(DimensionRole role) {
  switch (role) {
    case DimensionRole::time:
      return "time";
    case DimensionRole::geo:
      return "geo";
    case DimensionRole::metric:
      return "metric";
    case DimensionRole::none:
      break;
  }
  return "";
}

const Dimension* find_dimension(const Table& table, std::string_view id) {
  for (const auto& candidate : table.dimensions) {
    if (candidate.id == id) return &candidate;
  }
  return nullptr;
}

std::optional<std::size_t> category_position(const Dimension& dimension, std::string_view code) {
  for (std::size_t i = 0; i < dimension.categories.size(); ++i) {
    if (dimension.categories[i].code == code) return i;
  }
  return std::nullopt;
}

}  // namespace samtryg::stats
