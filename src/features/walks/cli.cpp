#include "features/walks/cli.hpp"

#include <fmt/format.h>

#include <iostream>

#include "core/documents/docx.hpp"
#include "core/documents/html.hpp"
#include "core/documents/pdf.hpp"
#include "features/walks/commands.hpp"
#include "features/walks/queries.hpp"
#include "features/walks/report.hpp"

namespace samtryg::walks {

namespace {

struct Options {
  std::string workspace;
  long long walk = 0;
  std::string format = "pdf";
  std::string file;
  std::string system = "file";
};

// One line per walk: id, date, state, area, participants counted, findings, open actions.
int list_command(cli::Invocation& run, const Options& options) {
  auto& database = run.database();
  const auto workspace = cli::choose_workspace(database, options.workspace);
  const auto actor = auth::Actor::tool(workspace.id, "cli");
  auto sql = database.session();
  for (const auto& summary : walk_summaries(sql, actor)) {
    const auto& walk = summary.walk;
    const auto open = tally(summary.actions, "").open;
    std::cout << fmt::format("{}\t{}\t{}\t{} {} {}\t{}\t{} findings\t{} open actions\n", walk.id,
                             walk.walk_date.empty() ? "-" : walk.walk_date, walk.status, walk.area,
                             walk.season, walk.year,
                             walk.counts ? std::to_string(walk.counts->counted()) : "-",
                             summary.findings, open);
  }
  return 0;
}

// The walk report on standard output, in the workspace's language.
int report_command(cli::Invocation& run, const Options& options) {
  auto& database = run.database();
  const auto workspace = cli::choose_workspace(database, options.workspace);
  const auto actor = auth::Actor::tool(workspace.id, "cli");
  const auto language = i18n::parse_language(workspace.language).value_or(i18n::Language::da);
  try {
    const auto document = walk_report(database, actor, options.walk, i18n::Catalog::get(language));
    if (options.format == "pdf") {
      std::cout << documents::to_pdf(document);
    } else if (options.format == "docx") {
      std::cout << documents::to_docx(document);
    } else {
      std::cout << documents::to_html(document);
    }
  } catch (const validation::NotFound&) {
    throw cli::BadInput(fmt::format("there is no walk {} in {}", options.walk, workspace.name));
  }
  return 0;
}

// The workspace's base map from a GeoJSON file, as an admin uploads it.
int base_map_command(cli::Invocation& run, const Options& options) {
  auto& database = run.database();
  const auto workspace = cli::choose_workspace(database, options.workspace);
  const auto actor = auth::Actor::tool(workspace.id, "cli");
  try {
    const auto kept = set_base_map(database, actor, cli::read_input(options.file),
                                   system_of_code(options.system));
    std::cout << fmt::format("Stored the base map of {}: {} lines and areas, {} points, from {}.\n",
                             workspace.name, kept.shapes, kept.positions, kept.source_system);
    return 0;
  } catch (const validation::Invalid& invalid) {
    cli::print_invalid(invalid);
    std::cerr << "samtryg: nothing was stored.\n";
    return cli::kBadInput;
  }
}

}  // namespace

void add_cli_commands(cli::Commands& commands) {
  auto options = std::make_shared<Options>();
  auto& walks = commands.group("walks", "safety walks");
  auto& list =
      commands.add(walks, "list", "the workspace's walks, one per line",
                   [options](cli::Invocation& run) { return list_command(run, *options); });
  list.add_option("--workspace", options->workspace, "workspace name (default: the only one)");
  auto& report =
      commands.add(walks, "report", "write a walk's report (PDF, DOCX or HTML) to stdout",
                   [options](cli::Invocation& run) { return report_command(run, *options); });
  report.add_option("walk", options->walk, "the walk's id (see `samtryg walks list`)")->required();
  report.add_option("--format", options->format, "pdf, docx or html")
      ->check(CLI::IsMember({"pdf", "docx", "html"}));
  report.add_option("--workspace", options->workspace, "workspace name (default: the only one)");
  auto& base_map = commands.add(
      walks, "base-map",
      "store the base map (boundary, main streets) drawn under walk maps, from GeoJSON",
      [options](cli::Invocation& run) { return base_map_command(run, *options); });
  base_map.add_option("file", options->file, "the GeoJSON file (- for stdin)")->required();
  base_map
      .add_option("--system", options->system,
                  "file (what the file says; WGS84 when nothing), wgs84, sweref99_tm or "
                  "etrs89_utm32n")
      ->check(CLI::IsMember({"file", "wgs84", "sweref99_tm", "etrs89_utm32n"}));
  base_map.add_option("--workspace", options->workspace, "workspace name (default: the only one)");
}

}  // namespace samtryg::walks
