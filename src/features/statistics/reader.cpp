#include "features/statistics/reader.hpp"

#include <mutex>

#include "core/util/memory.hpp"
#include "core/util/strings.hpp"
#include "features/statistics/jsonstat.hpp"
#include "features/statistics/px.hpp"

namespace samtryg::stats {

TableFormat detect_format(std::string_view bytes, std::string_view file_name) {
  const std::string name = to_lower_ascii(file_name);
  if (name.ends_with(".px")) return TableFormat::px;
  if (name.ends_with(".json") || name.ends_with(".jsonstat")) return TableFormat::jsonstat;
  if (name.ends_with(".csv") || name.ends_with(".txt") || name.ends_with(".tsv")) {
    return TableFormat::csv;
  }
  const std::string_view start = trim(bytes.substr(0, 4096));
  if (start.starts_with("{") || start.starts_with("\xEF\xBB\xBF{")) return TableFormat::jsonstat;
  if (bytes.find("DATA=") != std::string_view::npos &&
      bytes.find("MATRIX=") != std::string_view::npos) {
    return TableFormat::px;
  }
  return TableFormat::csv;
}

namespace {
std::mutex large_files;
}  // namespace

LargeFileTurn::LargeFileTurn(std::size_t file_bytes)
    : lock_(large_files, std::defer_lock), large_(file_bytes > kLargeFileBytes) {
  if (large_) lock_.lock();
}

LargeFileTurn::~LargeFileTurn() {
  if (large_) return_free_memory();
}

Table read_table(std::string_view bytes, std::string_view file_name, const ReadOptions& options) {
  switch (detect_format(bytes, file_name)) {
    case TableFormat::px:
      return read_px(bytes, {options.language});
    case TableFormat::jsonstat:
      return read_jsonstat(bytes);
    case TableFormat::csv:
      break;
  }
  return read_csv(bytes, options.csv);
}

std::optional<TableFormat> parse_table_format(std::string_view name) {
  if (name == "px") return TableFormat::px;
  if (name == "jsonstat" || name == "json-stat") return TableFormat::jsonstat;
  if (name == "csv") return TableFormat::csv;
  return std::nullopt;
}

std::string upload_name(std::string_view file_name) {
  const auto slash = file_name.find_last_of("/\\");
  const auto name = slash == std::string_view::npos ? file_name : file_name.substr(slash + 1);
  return name.empty() ? std::string("table") : std::string(name);
}

}  // namespace samtryg::stats
