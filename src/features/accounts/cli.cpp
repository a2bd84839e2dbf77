#include "features/accounts/cli.hpp"

#include <fmt/format.h>

#include <iostream>

#include "features/accounts/commands.hpp"

namespace samtryg::accounts {

namespace {

struct UserAddOptions {
  NewUser user;
  std::string workspace;
};

// The workspace named (created when it does not exist) or the database's only one.
auth::Workspace workspace_for(cli::Invocation& run, const audit::Author& author,
                              const std::string& name) {
  auto& database = run.database();
  if (!name.empty()) {
    return ensure_workspace(database, author, name, run.settings().default_language);
  }
  std::vector<auth::Workspace> workspaces;
  {
    auto sql = database.session();
    workspaces = auth::all_workspaces(sql);
  }
  if (workspaces.size() != 1) {
    throw cli::BadInput(workspaces.empty()
                            ? "there is no workspace yet; name one with --workspace \"NAME\""
                            : "there are several workspaces; choose one with --workspace \"NAME\"");
  }
  return workspaces.front();
}

int add_user_command(cli::Invocation& run, UserAddOptions& options) {
  const audit::Author author{std::nullopt, "cli"};
  const auto workspace = workspace_for(run, author, options.workspace);
  options.user.password = cli::read_password();
  const auto id = add_user(run.database(), auth::parse_hash_cost(run.settings().password_hashing),
                           auth::Actor::tool(workspace.id, "cli"), options.user);
  std::cout << fmt::format("Added user {} ({}) as {} in \"{}\".\n", id,
                           normalize_email(options.user.email), options.user.role, workspace.name);
  return 0;
}

}  // namespace

void add_cli_commands(cli::Commands& commands) {
  auto options = std::make_shared<UserAddOptions>();
  auto& add = commands.add(
      commands.group("user", "manage users"), "add", "add a user; the password is read from stdin",
      [options](cli::Invocation& run) { return add_user_command(run, *options); });
  add.add_option("--email", options->user.email, "e-mail address (the login)")->required();
  add.add_option("--name", options->user.name, "name or role title shown to others")->required();
  add.add_option("--role", options->user.role,
                 "admin, coordinator, initiative_lead, member or viewer")
      ->capture_default_str();
  add.add_option("--language", options->user.language, "da, sv or en")->capture_default_str();
  add.add_option("--workspace", options->workspace,
                 "workspace name; created if it does not exist (default: the only one)");
}

}  // namespace samtryg::accounts
