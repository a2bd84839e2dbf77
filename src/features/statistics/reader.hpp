#pragma once
// One entry point for every table format samtryg reads.
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "features/statistics/csv.hpp"
#include "features/statistics/table.hpp"

namespace samtryg::stats {

enum class TableFormat { px, jsonstat, csv };

struct ReadOptions {
  std::string language;  // PX: labels in this language
  CsvOptions csv;
};

// From the file name's extension (.px, .json, .csv/.txt), else from the content.
TableFormat detect_format(std::string_view bytes, std::string_view file_name);
// Held while a file is read and its table used. A table takes memory in proportion to its
// cells, so files larger than kLargeFileBytes take turns (a few large uploads at once do not add
// up), and the memory a large one took is given back to the system when its turn ends.
inline constexpr std::size_t kLargeFileBytes = std::size_t{1} << 20U;
class LargeFileTurn {
 public:
  explicit LargeFileTurn(std::size_t file_bytes);
  ~LargeFileTurn();
  LargeFileTurn(const LargeFileTurn&) = delete;
  LargeFileTurn& operator=(const LargeFileTurn&) = delete;

 private:
  std::unique_lock<std::mutex> lock_;
  bool large_;
};
Table read_table(std::string_view bytes, std::string_view file_name,
                 const ReadOptions& options = {});
std::optional<TableFormat> parse_table_format(std::string_view name);
// The name an uploaded table is kept under: the last part of the name the browser sent
// ("C:\\temp\\nojda.json" → "nojda.json"), "table" when nothing is left.
std::string upload_name(std::string_view file_name);

}  // namespace samtryg::stats
