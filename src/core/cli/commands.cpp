#include "core/cli/commands.hpp"

#include <termios.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "core/db/migrations.hpp"
#include "core/i18n/catalog.hpp"

namespace samtryg::cli {

db::Database& Invocation::database() {
  if (!database_) {
    database_ = db::Database::open(db::parse_database_url(settings_.database), 1);
    db::migrate(*database_);
  }
  return *database_;
}

const module::Hooks& Invocation::hooks() {
  if (!hooks_) hooks_ = hooks_source_ ? hooks_source_(*this) : module::Hooks{};
  return *hooks_;
}

CLI::App& Commands::add(std::string_view name, std::string_view description, Run run,
                        bool with_database) {
  return add(root_, name, description, std::move(run), with_database);
}

CLI::App& Commands::add(CLI::App& parent, std::string_view name, std::string_view description,
                        Run run, bool with_database) {
  auto* command = parent.add_subcommand(std::string(name), std::string(description));
  if (with_database) {
    command->add_option("--db", overrides_.database,
                        "database URL: sqlite:PATH or postgresql://USER:PASS@HOST:PORT/DB");
  }
  runs_.emplace_back(command, std::move(run));
  return *command;
}

CLI::App& Commands::group(std::string_view name, std::string_view description) {
  const auto existing =
      root_.get_subcommands([name](CLI::App* command) { return command->get_name() == name; });
  if (!existing.empty()) return *existing.front();
  auto* group = root_.add_subcommand(std::string(name), std::string(description));
  group->require_subcommand(1);
  return *group;
}

const Run* Commands::chosen() const {
  for (const auto& [command, run] : runs_) {
    if (command->parsed()) return &run;
  }
  return nullptr;
}

std::string read_input(const std::string& path) {
  std::stringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw BadInput("cannot read " + path);
    text << file.rdbuf();
  }
  return text.str();
}

void write_output(const std::string& path, std::string_view bytes) {
  if (path == "-") {
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return;
  }
  std::ofstream stream(path, std::ios::binary);
  stream.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!stream) throw BadInput("cannot write " + path);
}

std::string read_password() {
  const bool terminal = isatty(STDIN_FILENO) != 0;
  termios saved{};
  if (terminal) {
    std::cerr << "Password: " << std::flush;
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string password;
  std::getline(std::cin, password);
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << '\n';
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

auth::Workspace choose_workspace(db::Database& database, const std::string& name) {
  auto sql = database.session();
  if (!name.empty()) {
    auto found = auth::find_workspace_by_name(sql, name);
    if (!found) throw BadInput("there is no workspace \"" + name + "\"");
    return *found;
  }
  auto workspaces = auth::all_workspaces(sql);
  if (workspaces.size() != 1) {
    throw BadInput(workspaces.empty()
                       ? "the database has no workspace"
                       : "there are several workspaces; choose one with --workspace \"NAME\"");
  }
  return workspaces.front();
}

void print_invalid(const validation::Invalid& invalid) {
  const auto& catalog = i18n::Catalog::get(i18n::Language::en);
  for (const auto& error : invalid.errors.items()) {
    std::cerr << "samtryg: " << error.field << ": "
              << catalog.format(error.message_key, error.values) << '\n';
  }
}

}  // namespace samtryg::cli
