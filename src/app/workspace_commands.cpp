#include "app/workspace_commands.hpp"

#include <fmt/format.h>

#include <boost/json/serialize.hpp>

#include <iostream>

#include "app/workspace.hpp"
#include "core/db/backup.hpp"

namespace samtryg::app {

namespace {

int export_command(cli::Invocation& run, std::string workspace) {
  auto& database = run.database();
  if (workspace.empty()) {
    const auto names = exchange::workspace_names(database);
    if (names.size() != 1) {
      throw cli::BadInput(names.empty() ? "the database has no workspace to export"
                                        : "there are several workspaces; choose one with "
                                          "--workspace \"NAME\"");
    }
    workspace = names.front();
  }
  try {
    std::cout << boost::json::serialize(export_workspace(database, workspace)) << '\n';
  } catch (const validation::NotFound&) {
    throw cli::BadInput("no workspace is called \"" + workspace + "\"");
  }
  return 0;
}

int import_command(cli::Invocation& run, const std::string& file) {
  const std::string text = cli::read_input(file);
  try {
    const auto result = import_workspace(run.database(), text);
    std::string counts;
    for (const auto& [what, number] : result.counts) {
      counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", number, what);
    }
    std::cout << fmt::format("Imported workspace {}: {}.\n", result.workspace_id, counts);
  } catch (const exchange::ImportError& error) {
    for (const auto& problem : error.problems) {
      std::cerr << "samtryg: " << problem.path << ": " << problem.message << '\n';
    }
    std::cerr << fmt::format("samtryg: nothing was imported ({} problems).\n",
                             error.problems.size());
    return cli::kBadInput;
  }
  return 0;
}

int demo_command(cli::Invocation& run) {
  const auto logins =
      load_demo(run.database(), auth::parse_hash_cost(run.settings().password_hashing));
  std::string shown;
  for (const auto& login : logins) {
    if (login.workspace != shown) {
      shown = login.workspace;
      std::cout << fmt::format("Demo workspace \"{}\" is ready. Logins (password {}):\n", shown,
                               demo::kPassword);
    }
    std::cout << "  " << login.email << " (" << login.role << ")\n";
  }
  return 0;
}

int backup_command(cli::Invocation& run, const std::string& out) {
  const auto url = db::parse_database_url(run.settings().database);
  if (url.backend != db::Backend::sqlite) {
    throw cli::BadInput(
        "backup copies SQLite databases; back up PostgreSQL with pg_dump (see "
        "docs/operations.md)");
  }
  const auto bytes = db::backup_sqlite(url.sqlite_path, out);
  std::cout << fmt::format("Backed up {} to {} ({} bytes).\n", url.sqlite_path, out, bytes);
  return 0;
}

}  // namespace

void add_workspace_commands(cli::Commands& commands) {
  auto backup_file = std::make_shared<std::string>();
  commands
      .add("backup", "copy a SQLite database while the server runs",
           [backup_file](cli::Invocation& run) { return backup_command(run, *backup_file); })
      .add_option("--out", *backup_file, "the new backup file")
      ->required();

  commands.add("demo", "load the demo workspace (safe to run again)", demo_command);

  auto workspace = std::make_shared<std::string>();
  commands
      .add("export", "write a workspace as JSON to stdout (docs/exchange-format.md)",
           [workspace](cli::Invocation& run) { return export_command(run, *workspace); })
      .add_option("--workspace", *workspace, "workspace name (default: the only one)");

  auto file = std::make_shared<std::string>();
  commands
      .add("import",
           "add a workspace from a JSON document; all or nothing (docs/exchange-format.md)",
           [file](cli::Invocation& run) { return import_command(run, *file); })
      .add_option("file", *file, "the document; - reads stdin")
      ->required();
}

}  // namespace samtryg::app
