#pragma once
// One entry point for every table format samtryg reads.
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
// Files larger than this are read one at a time per process.
inline constexpr std::size_t kLargeFileBytes = std::size_t{1} << 20U;
Table read_table(std::string_view bytes, std::string_view file_name,
                 const ReadOptions& options = {});
std::optional<TableFormat> parse_table_format(std::string_view name);

}  // namespace samtryg::stats
