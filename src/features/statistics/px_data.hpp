#pragma once
// The data part of a PX file (after DATA=), internal to the PX reader (px.cpp).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "features/statistics/table.hpp"

namespace samtryg::stats::px_detail {

// A STUB variable whose data rows start with its key: KEYS("var")=VALUES or =CODES.
struct KeyedDimension {
  std::size_t dimension = 0;  // its index in Table::dimensions
  bool by_code = false;       // the key is the category's code, else its label
};

// Reads the cells of `data` (the text after DATA=, which is on line `line`) into the table, whose
// dimensions are known and whose values are already sized. Without keyed dimensions the cells are
// dense, in row-major order.
void read_data(Table& table, std::string_view data, int line,
               const std::vector<KeyedDimension>& keyed, std::vector<std::string>& warnings);

}  // namespace samtryg::stats::px_detail
