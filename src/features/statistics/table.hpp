#pragma once
// A statistics table as the readers produce it and the JSON-stat writer prints it: a cube of
// dimensions with categories, one value per cell in row-major order (the last dimension
// varies fastest, as in PX files and JSON-stat), missing cells marked by a symbol.
#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace samtryg::stats {

enum class DimensionRole { none, time, geo, metric };

struct Category {
  std::string code;   // stable id: PX CODES (or the value text), JSON-stat index, CSV cell
  std::string label;  // in the language that was read
  std::string unit;   // metric categories only: the content's own unit, if any
  int decimals = -1;  // metric categories only
};

struct Dimension {
  std::string id;     // stable: the variable name in the file's default language
  std::string label;  // in the language that was read
  DimensionRole role = DimensionRole::none;
  std::string time_unit;  // PX TLIST unit (A1, H1, T1, Q1, M1, W1) when the file says
  std::vector<Category> categories;
};

struct Table {
  std::string format;  // "px", "json-stat" or "csv"
  std::string id;      // PX MATRIX, JSON-stat extension or file name
  std::string title;
  std::string source;
  std::string unit;
  std::string updated;
  std::string language;                // the language the labels are in ("" if unknown)
  std::vector<std::string> languages;  // every language the file has
  std::vector<std::string> notes;
  int decimals = -1;
  std::vector<Dimension> dimensions;
  std::vector<double> values;                 // NaN where a cell is missing
  std::map<std::size_t, std::string> status;  // cell index → symbol (".." …) or status code
  std::vector<std::string> warnings;          // problems the reader tolerated

  std::size_t expected_cells() const;
  // The cell index of one category per dimension, in dimension order.
  std::size_t cell_index(const std::vector<std::size_t>& positions) const;
};

// A file that cannot be read as a table. `line` is 1-based (0 when the problem is not on a
// line, e.g. a missing keyword), `where` names the keyword, column or JSON path at fault.
class ParseError : public std::runtime_error {
 public:
  ParseError(int line, std::string where, const std::string& message);
  int line() const { return line_; }
  const std::string& where() const { return where_; }

 private:
  int line_;
  std::string where_;
};

std::string role_name(DimensionRole role);

// The dimension with id `id`, or nullptr: how an import's mapping names the table's parts.
const Dimension* find_dimension(const Table& table, std::string_view id);
// Where the category with code `code` stands in `dimension`, if it has one.
std::optional<std::size_t> category_position(const Dimension& dimension, std::string_view code);

// Tables larger than this are refused before any memory is taken for them.
inline constexpr std::size_t kMaxCells = 50'000'000;
// Memory is budgeted by what a file holds, not by what it declares: a table may have up to
// this many cells per byte of its file (a PX or JSON-stat file can leave cells out), and any
// table up to kSmallTableCells whatever its size.
inline constexpr std::size_t kCellsPerByte = 16;
inline constexpr std::size_t kSmallTableCells = 1'000'000;
// The product of the dimension sizes, or ParseError (naming `where`) when it exceeds kMaxCells
// or the budget of a file of `file_bytes`.
std::size_t checked_cell_count(const std::vector<Dimension>& dimensions, const std::string& where,
                               std::size_t file_bytes);

}  // namespace samtryg::stats
