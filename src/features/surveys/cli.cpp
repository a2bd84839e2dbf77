#include "features/surveys/cli.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "features/indicators/queries.hpp"
#include "features/statistics/reader.hpp"
#include "features/surveys/commands.hpp"

namespace samtryg::surveys {

namespace {

struct ImportOptions {
  std::string file;
  long long survey = 0;
  long long question = 0;
  std::string time;
  std::string area;
  std::string answers;
  std::string respondents;
  std::vector<std::string> where;  // dimension=category
  std::string workspace;
  bool dry_run = false;
};

// One line per survey: id, kind, name, waves, questions.
int list_command(cli::Invocation& run, const std::string& workspace_name) {
  auto& database = run.database();
  const auto workspace = cli::choose_workspace(database, workspace_name);
  const auto actor = auth::Actor::tool(workspace.id, "cli");
  auto sql = database.session();
  for (const auto& summary : survey_summaries(sql, actor)) {
    std::cout << fmt::format("{}\t{}\t{}\t{} waves\t{} questions\n", summary.survey.id,
                             summary.survey.kind, summary.survey.name, summary.waves,
                             summary.questions);
  }
  return 0;
}

ImportMapping mapping_of(const ImportOptions& options) {
  ImportMapping mapping{options.time, options.area, options.answers, options.respondents, {}};
  for (const auto& item : options.where) {
    const auto equals = item.find('=');
    if (equals == std::string::npos)
      throw cli::BadInput("--where takes DIMENSION=CATEGORY: " + item);
    mapping.where[item.substr(0, equals)] = item.substr(equals + 1);
  }
  return mapping;
}

void print_preview(const ImportOptions& options, const ImportPreview& preview) {
  std::cout << fmt::format("{}: {} results to store, {} new waves.\n", options.file,
                           preview.results.size(), preview.new_periods.size());
  const auto list = [](const char* heading, const std::vector<std::string>& items) {
    if (items.empty()) return;
    std::cout << heading << ' ' << items.size() << ":\n";
    for (const auto& item : items) std::cout << "  " << item << '\n';
  };
  list("Categories that are no period, skipped:", preview.unknown_periods);
  list("Areas that do not exist, skipped:", preview.unknown_areas);
  list("Answers the question does not have, skipped:", preview.unknown_answers);
  list("Cells without a number, skipped:", preview.missing_cells);
}

// `samtryg surveys import`: the web import's mapping, preview and confirm in one command.
int import_command(cli::Invocation& run, const ImportOptions& options) {
  auto& database = run.database();
  const auto workspace = cli::choose_workspace(database, options.workspace);
  const auto actor = auth::Actor::tool(workspace.id, "cli");
  stats::Table table;
  try {
    table = stats::read_table(cli::read_input(options.file), options.file, {});
  } catch (const stats::ParseError& error) {
    throw cli::BadInput(options.file + ": " + error.what());
  }
  try {
    const auto record = survey_record(database, actor, options.survey);
    if (options.question < 1 ||
        options.question > static_cast<long long>(record.questions.size())) {
      throw cli::BadInput(fmt::format("the survey has questions 1 to {}", record.questions.size()));
    }
    const auto& question = record.questions[static_cast<std::size_t>(options.question - 1)];
    std::vector<AreaName> areas;
    {
      auto sql = database.session();
      for (const auto& area : indicators::areas(sql, actor)) {
        areas.push_back({area.id, area.name, area.code});
      }
    }
    std::vector<std::string> periods;
    periods.reserve(record.waves.size());
    for (const auto& wave : record.waves) periods.push_back(wave.period);
    const auto found = preview(table, mapping_of(options), question, areas, periods);
    print_preview(options, found);
    if (options.dry_run) {
      std::cout << "Dry run: nothing was stored.\n";
      return 0;
    }
    const auto outcome = import_results(database, actor, record.survey.id, question.id, found);
    std::cout << fmt::format("Stored {} results; {} waves added.\n", outcome.results,
                             outcome.waves_created);
    return 0;
  } catch (const validation::NotFound&) {
    throw cli::BadInput("no such survey or question in the workspace");
  } catch (const validation::Invalid& invalid) {
    cli::print_invalid(invalid);
    std::cerr << "samtryg: nothing was stored.\n";
    return cli::kBadInput;
  }
}

}  // namespace

void add_cli_commands(cli::Commands& commands) {
  auto workspace = std::make_shared<std::string>();
  auto& group = commands.group("surveys", "surveys and their results");
  auto& list =
      commands.add(group, "list", "the workspace's surveys, one per line",
                   [workspace](cli::Invocation& run) { return list_command(run, *workspace); });
  list.add_option("--workspace", *workspace, "workspace name (default: the only one)");

  auto options = std::make_shared<ImportOptions>();
  auto& import =
      commands.add(group, "import", "store a statistics table's cells as one question's results",
                   [options](cli::Invocation& run) { return import_command(run, *options); });
  import.add_option("file", options->file, "the PX, JSON-stat or CSV table")->required();
  import.add_option("--survey", options->survey, "the survey's id (surveys list)")->required();
  import
      .add_option("--question", options->question,
                  "the question's number on the survey's page (1, 2 …)")
      ->required();
  import.add_option("--time", options->time, "the dimension holding the waves' periods")
      ->required();
  import.add_option("--answers", options->answers, "the dimension holding the answers")->required();
  import.add_option("--area", options->area, "the dimension holding the areas (default: none)");
  import.add_option("--respondents", options->respondents,
                    "the answer category holding the number who answered");
  import.add_option("--where", options->where, "DIMENSION=CATEGORY for every other dimension");
  import.add_option("--workspace", options->workspace, "workspace name (default: the only one)");
  import.add_flag("--dry-run", options->dry_run, "print the preview and store nothing");
}

}  // namespace samtryg::surveys
