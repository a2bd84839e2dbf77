#pragma once
// The command line's plumbing (CLI11) for every feature's subcommands: a feature adds its
// subcommands with their options and what runs them; app/cli.cpp parses the arguments, loads
// the settings and runs the one given, turning failures into messages and exit codes.
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/store.hpp"
#include "core/config/config.hpp"
#include "core/db/database.hpp"
#include "core/module/hooks.hpp"
#include "core/validation/validation.hpp"

namespace samtryg::cli {

// Exit codes: 0 done; 1 failed at run time (database unreachable, port in use, …);
// 2 bad input (unknown option, malformed URL, unreadable or invalid configuration, refused
// records).
inline constexpr int kRuntimeFailure = 1;
inline constexpr int kBadInput = 2;

// Input the person must correct (exit code 2), said in one sentence.
struct BadInput : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Flags given on the command line; they override the file and the environment.
struct Overrides {
  std::optional<std::string> config_file;
  std::optional<std::string> database;
  std::optional<std::string> listen;
  std::optional<int> port;
};

// What a command has when it runs: the settings (defaults → file → environment → flags) and
// the configured database.
class Invocation {
 public:
  explicit Invocation(config::Config settings) : settings_(std::move(settings)) {}
  const config::Config& settings() const { return settings_; }
  // The configured database with one connection, brought up to date on first use.
  db::Database& database();
  // What the features put in their hooks, as a server built on these settings has them (a
  // report's chapters from other features); made on first use by the source app/cli.cpp sets.
  const module::Hooks& hooks();
  void set_hooks_source(std::function<module::Hooks(Invocation&)> source) {
    hooks_source_ = std::move(source);
  }

 private:
  config::Config settings_;
  std::unique_ptr<db::Database> database_;
  std::function<module::Hooks(Invocation&)> hooks_source_;
  std::optional<module::Hooks> hooks_;
};

using Run = std::function<int(Invocation&)>;

class Commands {
 public:
  Commands(CLI::App& root, Overrides& overrides) : root_(root), overrides_(overrides) {}

  // `samtryg NAME` (or `samtryg GROUP NAME` under `parent`), run by `run` when given; with the
  // --db option unless `with_database` is false. Add its own options to the returned command.
  CLI::App& add(std::string_view name, std::string_view description, Run run,
                bool with_database = true);
  CLI::App& add(CLI::App& parent, std::string_view name, std::string_view description, Run run,
                bool with_database = true);
  // `samtryg GROUP …`, which needs one of the subcommands added to it; made on first use.
  CLI::App& group(std::string_view name, std::string_view description);

  CLI::App& root() { return root_; }
  Overrides& overrides() { return overrides_; }
  // After parsing: what runs the subcommand given, or null.
  const Run* chosen() const;

 private:
  CLI::App& root_;
  Overrides& overrides_;
  std::vector<std::pair<CLI::App*, Run>> runs_;
};

// A whole file, or standard input for "-"; BadInput when it cannot be read.
std::string read_input(const std::string& path);
// Writes `bytes` to the file `path`, or to standard output for "-"; BadInput when it cannot.
void write_output(const std::string& path, std::string_view bytes);
// A password from standard input; from a terminal without echoing it.
std::string read_password();
// The workspace called `name`, or with no name the database's only one; BadInput otherwise.
auth::Workspace choose_workspace(db::Database& database, const std::string& name);
// Every field error of `invalid` on standard error, in English.
void print_invalid(const validation::Invalid& invalid);

}  // namespace samtryg::cli
