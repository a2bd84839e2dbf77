#include "features/indicators/cli.hpp"

#include <fmt/format.h>

#include <iostream>

#include "features/indicators/commands.hpp"
#include "features/indicators/import.hpp"
#include "features/statistics/reader.hpp"

namespace samtryg::indicators {

namespace {

struct ImportOptions {
  std::string file;
  std::string mapping;
  std::string workspace;
  bool dry_run = false;
};

void print_preview(const std::string& file, const stats::Table& table, const Preview& preview) {
  std::cout << fmt::format("{} ({}): {} cells selected, {} values to store.\n", file, table.id,
                           preview.cells, preview.values.size());
  const auto list = [](const char* heading, const std::vector<std::string>& items) {
    if (items.empty()) return;
    std::cout << heading << ' ' << items.size() << ":\n";
    for (const auto& item : items) std::cout << "  " << item << '\n';
  };
  list("Periods that do not fit the indicator's frequency, skipped:", preview.unknown_periods);
  list(
      "Areas that do not exist, skipped (map them under \"areas\" or set "
      "\"create_missing_areas\"):",
      preview.unknown_areas);
  list("Cells without a number, skipped:", preview.missing_cells);
}

// `samtryg values import`: the web import's preview and confirm in one command.
int import_command(cli::Invocation& run, const ImportOptions& options) {
  auto& database = run.database();
  const auto workspace = cli::choose_workspace(database, options.workspace);
  const auto actor = auth::Actor::tool(workspace.id, "cli");
  const auto known = import_targets(database, actor);
  stats::Table table;
  try {
    table = stats::read_table(cli::read_input(options.file), options.file, {});
  } catch (const stats::ParseError& error) {
    throw cli::BadInput(options.file + ": " + error.what());
  }
  try {
    const auto mapping =
        read_mapping(cli::read_input(options.mapping), known.indicators, known.areas);
    const auto found = preview(table, mapping, known.indicators, known.areas);
    print_preview(options.file, table, found);
    if (options.dry_run) {
      for (const auto& value : found.values) {
        std::cout << fmt::format("  {}  {}  {}\n", value.period,
                                 value.area_label.empty() ? "-" : value.area_label, value.value);
      }
      std::cout << "Dry run: nothing was stored.\n";
      return 0;
    }
    const auto outcome = import_values(database, actor, found, options.file, table.id);
    std::cout << fmt::format("Stored: {} new, {} updated, {} unchanged; {} areas created.\n",
                             outcome.inserted, outcome.updated, outcome.unchanged,
                             outcome.areas_created);
    return 0;
  } catch (const validation::Invalid& invalid) {
    cli::print_invalid(invalid);
    std::cerr << "samtryg: nothing was stored.\n";
    return cli::kBadInput;
  }
}

}  // namespace

void add_cli_commands(cli::Commands& commands) {
  auto options = std::make_shared<ImportOptions>();
  auto& values = commands.group("values", "indicator values");
  auto& import =
      commands.add(values, "import",
                   "store a statistics table's cells as indicator values (docs/import-mapping.md)",
                   [options](cli::Invocation& run) { return import_command(run, *options); });
  import.add_option("file", options->file, "the PX, JSON-stat or CSV table")->required();
  import.add_option("--mapping", options->mapping, "the mapping (JSON)")->required();
  import.add_option("--workspace", options->workspace, "workspace name (default: the only one)");
  import.add_flag("--dry-run", options->dry_run, "print the preview and store nothing");
}

}  // namespace samtryg::indicators
