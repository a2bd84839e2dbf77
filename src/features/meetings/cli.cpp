#include "features/meetings/cli.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "features/meetings/queries.hpp"

namespace samtryg::meetings {

namespace {

// One line per meeting: id, start, status, title, agenda items, decisions.
int list_command(cli::Invocation& run, const std::string& workspace_name) {
  auto& database = run.database();
  const auto workspace = cli::choose_workspace(database, workspace_name);
  const auto actor = auth::Actor::tool(workspace.id, "cli");
  auto sql = database.session();
  for (const auto& meeting : meetings(sql, actor)) {
    const auto record = meeting_record(sql, actor, meeting.id);
    std::cout << fmt::format("{}\t{}\t{}\t{}\t{} items\t{} decisions\n", meeting.id,
                             meeting.starts_at, meeting.status, meeting.title, record.items.size(),
                             record.decisions.size());
  }
  return 0;
}

}  // namespace

void add_cli_commands(cli::Commands& commands) {
  auto workspace = std::make_shared<std::string>();
  auto& group = commands.group("meetings", "meetings, their agendas and decisions");
  auto& list =
      commands.add(group, "list", "the workspace's meetings, one per line",
                   [workspace](cli::Invocation& run) { return list_command(run, *workspace); });
  list.add_option("--workspace", *workspace, "workspace name (default: the only one)");
}

}  // namespace samtryg::meetings
