#include "features/dialogues/cli.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "features/dialogues/queries.hpp"

namespace samtryg::dialogues {

namespace {

// One line per dialogue: id, date, form, whether published, title, participants, themes.
int list_command(cli::Invocation& run, const std::string& workspace_name) {
  auto& database = run.database();
  const auto workspace = cli::choose_workspace(database, workspace_name);
  const auto actor = auth::Actor::tool(workspace.id, "cli");
  auto sql = database.session();
  for (const auto& summary : dialogue_summaries(sql, actor)) {
    const auto& dialogue = summary.dialogue;
    std::cout << fmt::format("{}\t{}\t{}\t{}\t{}\t{} participants\t{} themes\n", dialogue.id,
                             dialogue.held_on, dialogue.format,
                             dialogue.published ? "published" : "draft", dialogue.title,
                             dialogue.participants.total(), summary.themes);
  }
  return 0;
}

}  // namespace

void add_cli_commands(cli::Commands& commands) {
  auto workspace = std::make_shared<std::string>();
  auto& group = commands.group("dialogues", "citizen dialogues");
  auto& list =
      commands.add(group, "list", "the workspace's dialogues, one per line",
                   [workspace](cli::Invocation& run) { return list_command(run, *workspace); });
  list.add_option("--workspace", *workspace, "workspace name (default: the only one)");
}

}  // namespace samtryg::dialogues
