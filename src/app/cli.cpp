#include "app/cli.hpp"

#include <fmt/format.h>

#include <chrono>
#include <iostream>

#include "app/modules.hpp"
#include "app/routes.hpp"
#include "app/serve.hpp"
#include "app/settings.hpp"
#include "app/workspace.hpp"
#include "app/workspace_commands.hpp"
#include "core/db/migrations.hpp"

namespace samtryg::app {

namespace {

int serve_command(cli::Invocation& run, bool with_demo) {
  const auto& settings = run.settings();
  const auto started = std::chrono::steady_clock::now();
  Runtime runtime(settings);
  std::vector<demo::Login> logins;
  if (with_demo) {
    logins = load_demo(runtime.database(), auth::parse_hash_cost(settings.password_hashing));
  }
  const auto took =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  std::cout << fmt::format(
      "samtryg {} is running at http://{}:{}/ (database {}, ready in {:.0f} ms)\n", SAMTRYG_VERSION,
      settings.listen, runtime.port(), runtime.database().url().display, took);
  for (const auto& login : logins) {
    std::cout << fmt::format("  demo login: {:<28} password: {}   ({}, {})\n", login.email,
                             demo::kPassword, login.role, login.workspace);
  }
  std::cout << "Stop with Ctrl+C.\n" << std::flush;
  runtime.run(true);
  std::cout << "samtryg stopped.\n" << std::flush;
  return 0;
}

// Migrates the database itself, to report what it applied.
int migrate_command(cli::Invocation& run) {
  const auto database = db::Database::open(db::parse_database_url(run.settings().database), 1);
  const auto report = db::migrate(*database);
  if (report.applied.empty()) {
    std::cout << fmt::format("The schema is up to date (version {}).\n", report.to_version);
  } else {
    for (const auto& name : report.applied) std::cout << "applied " << name << '\n';
    std::cout << fmt::format("Schema version {} → {}.\n", report.from_version, report.to_version);
  }
  return 0;
}

void add_top_level(cli::Commands& commands, bool& with_demo) {
  auto& overrides = commands.overrides();
  auto& serve = commands.add("serve", "run the web server", [&with_demo](cli::Invocation& run) {
    return serve_command(run, with_demo);
  });
  serve.add_option("--listen", overrides.listen, "IP address to listen on");
  serve.add_option("--port", overrides.port, "TCP port")->check(CLI::Range(0, 65535));
  serve.add_flag("--demo", with_demo, "load the demo workspace first and print its logins");
  commands.add("migrate", "bring the database schema up to date", migrate_command);
}

// Runs the subcommand given; every failure becomes a message on standard error and the exit
// code its kind calls for (cli::kBadInput, cli::kRuntimeFailure).
int run_chosen(const cli::Run& run, const cli::Overrides& overrides, char** environment) {
  try {
    cli::Invocation invocation(load_settings(overrides, environment));
    // The hooks a server would have: the features fill them while their routes are added.
    invocation.set_hooks_source([](cli::Invocation& command) {
      const http::StaticFiles assets;
      web::Services services{command.database(), command.settings(), assets};
      web::App app(services);
      add_all_routes(app);
      return std::move(services.hooks);
    });
    return run(invocation);
  } catch (const config::ConfigError& error) {
    std::cerr << "samtryg: " << error.what() << '\n';
    return cli::kBadInput;
  } catch (const db::UrlError& error) {
    std::cerr << "samtryg: " << error.what() << '\n';
    return cli::kBadInput;
  } catch (const cli::BadInput& error) {
    std::cerr << "samtryg: " << error.what() << '\n';
    return cli::kBadInput;
  } catch (const validation::Invalid& invalid) {
    cli::print_invalid(invalid);
    return cli::kBadInput;
  } catch (const std::exception& error) {
    std::cerr << "samtryg: " << error.what() << '\n';
    return cli::kRuntimeFailure;
  }
}

}  // namespace

int run_cli(int argc, char** argv, char** environment) {
  CLI::App root{"samtryg: plan, run, measure and report joint crime-prevention work"};
  root.require_subcommand(1);
  cli::Overrides overrides;
  root.add_option("--config", overrides.config_file,
                  "settings file (see samtryg.conf.example); also SAMTRYG_CONFIG");
  cli::Commands commands(root, overrides);
  bool with_demo = false;
  add_top_level(commands, with_demo);
  add_workspace_commands(commands);
  for (const auto* feature : modules()) feature->add_commands(commands);
  auto* version = root.add_subcommand("version", "print the version");

  try {
    root.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = root.exit(error);
    return code == 0 ? 0 : cli::kBadInput;
  }
  if (version->parsed()) {
    std::cout << "samtryg " << SAMTRYG_VERSION << '\n';
    return 0;
  }
  const auto* run = commands.chosen();
  return run != nullptr ? run_chosen(*run, overrides, environment) : cli::kBadInput;
}

}  // namespace samtryg::app
