#include "features/promises/cli.hpp"

#include <fmt/format.h>

#include <iostream>

#include "core/util/time.hpp"
#include "features/promises/queries.hpp"

namespace samtryg::promises {

namespace {

// One line per promise: id, period, publication, latest status, subscribers, title.
int list_command(cli::Invocation& run, const std::string& workspace_name) {
  auto& database = run.database();
  const auto workspace = cli::choose_workspace(database, workspace_name);
  const auto actor = auth::Actor::tool(workspace.id, "cli");
  const auto today = today_iso_utc();
  auto sql = database.session();
  for (const auto& summary : promise_summaries(sql, actor, today)) {
    const auto& promise = summary.promise;
    const auto publication = !promise.published             ? std::string("draft")
                             : is_scheduled(promise, today) ? "from " + promise.publish_on
                                                            : std::string("public");
    std::cout << fmt::format("{}\t{}–{}\t{}\t{}\t{} subscribers\t{}\n", promise.id,
                             promise.period_start, promise.period_end, publication,
                             summary.latest ? summary.latest->status : "-",
                             store::confirmed_count(sql, promise.id), promise.title);
  }
  return 0;
}

}  // namespace

void add_cli_commands(cli::Commands& commands) {
  auto workspace = std::make_shared<std::string>();
  auto& promises = commands.group("promises", "citizen promises");
  auto& list =
      commands.add(promises, "list", "the workspace's promises, one per line",
                   [workspace](cli::Invocation& run) { return list_command(run, *workspace); });
  list.add_option("--workspace", *workspace, "workspace name (default: the only one)");
}

}  // namespace samtryg::promises
