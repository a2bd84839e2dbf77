#include "app/cli.hpp"

#include <fmt/format.h>
#include <termios.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <boost/json/serialize.hpp>

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/serve.hpp"
#include "app/settings.hpp"
#include "core/db/backup.hpp"
#include "core/db/migrations.hpp"
#include "core/i18n/catalog.hpp"
#include "core/util/time.hpp"
#include "core/validation/fields.hpp"
#include "features/accounts/commands.hpp"
#include "features/demo/demo.hpp"
#include "features/exchange/exchange.hpp"
#include "features/indicators/commands.hpp"
#include "features/indicators/import.hpp"
#include "features/indicators/store.hpp"
#include "features/reporting/reminders.hpp"
#include "features/reporting/report.hpp"
#include "features/statistics/jsonstat.hpp"
#include "features/statistics/reader.hpp"

namespace samtryg::app {

namespace {

constexpr int kRuntimeFailure = 1;
constexpr int kBadInput = 2;

struct BadInput : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Reads the password from standard input; with a terminal, without echoing it.
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

// A whole file, or standard input for "-".
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

std::string only_workspace(db::Database& database, const std::string& chosen) {
  if (!chosen.empty()) return chosen;
  const auto names = exchange::workspace_names(database);
  if (names.size() != 1) {
    throw BadInput(names.empty()
                       ? "the database has no workspace"
                       : "there are several workspaces; choose one with --workspace \"NAME\"");
  }
  return names.front();
}

void print_invalid(const validation::Invalid& invalid) {
  const auto& catalog = i18n::Catalog::get(i18n::Language::en);
  for (const auto& error : invalid.errors.items()) {
    std::cerr << "samtryg: " << error.field << ": "
              << catalog.format(error.message_key, error.values) << '\n';
  }
}

// `samtryg values import`: the web import's preview and confirm in one command.
int import_values_command(db::Database& database, const std::string& file,
                          const std::string& mapping_file, const std::string& workspace_name,
                          bool dry_run) {
  const auto name = only_workspace(database, workspace_name);
  std::optional<auth::Workspace> workspace;
  std::vector<indicators::Indicator> all_indicators;
  std::vector<indicators::Area> areas;
  {
    auto sql = database.session();
    workspace = auth::find_workspace_by_name(sql, name);
    if (!workspace) throw BadInput("there is no workspace \"" + name + "\"");
    all_indicators = indicators::store::indicators(sql, workspace->id);
    areas = indicators::store::areas(sql, workspace->id);
  }
  stats::Table table;
  try {
    table = stats::read_table(read_input(file), file, {});
  } catch (const stats::ParseError& error) {
    throw BadInput(file + ": " + error.what());
  }
  try {
    const auto mapping = indicators::read_mapping(read_input(mapping_file), all_indicators, areas);
    const auto preview = indicators::preview(table, mapping, all_indicators, areas);
    std::cout << fmt::format("{} ({}): {} cells selected, {} values to store.\n", file, table.id,
                             preview.cells, preview.values.size());
    const auto list = [](const char* heading, const std::vector<std::string>& items) {
      if (items.empty()) return;
      std::cout << heading << ' ' << items.size() << ":\n";
      for (const auto& item : items) std::cout << "  " << item << '\n';
    };
    list("Periods that do not fit the indicator's frequency, skipped:", preview.unknown_periods);
    list(
        "Areas that do not exist, skipped (map them under \"areas\" or set "
        "\"create_missing_areas\"):",
        preview.unknown_areas);
    list("Cells without a number, skipped:", preview.missing_cells);
    if (dry_run) {
      for (const auto& value : preview.values) {
        std::cout << fmt::format("  {}  {}  {}\n", value.period,
                                 value.area_label.empty() ? "-" : value.area_label, value.value);
      }
      std::cout << "Dry run: nothing was stored.\n";
      return 0;
    }
    const auto actor = auth::Actor::tool(workspace->id, "cli");
    const auto outcome = indicators::import_values(database, actor, preview, file, table.id);
    std::cout << fmt::format("Stored: {} new, {} updated, {} unchanged; {} areas created.\n",
                             outcome.inserted, outcome.updated, outcome.unchanged,
                             outcome.areas_created);
    return 0;
  } catch (const validation::Invalid& invalid) {
    print_invalid(invalid);
    std::cerr << "samtryg: nothing was stored.\n";
    return kBadInput;
  }
}

std::unique_ptr<db::Database> open_database(const config::Config& settings) {
  return db::Database::open(db::parse_database_url(settings.database), 1);
}

void print_validation(const validation::Invalid& invalid) {
  const auto& catalog = i18n::Catalog::get(i18n::Language::en);
  for (const auto& error : invalid.errors.items()) {
    std::cerr << "samtryg: " << error.field << ": "
              << catalog.format(error.message_key, error.values) << '\n';
  }
}

int report_command(db::Database& database, long long round_id, long long form_id,
                   const std::string& format, const std::string& out) {
  if (round_id == 0 && form_id == 0) throw BadInput("give --round ID or --form ID");
  std::optional<long long> workspace_id;
  {
    auto sql = database.session();
    workspace_id = round_id != 0 ? reporting::store::workspace_of_round(sql, round_id)
                                 : reporting::store::workspace_of_form(sql, form_id);
  }
  if (!workspace_id) {
    throw BadInput(round_id != 0 ? fmt::format("there is no round {}", round_id)
                                 : fmt::format("there is no form {}", form_id));
  }
  const auto actor = auth::Actor::tool(*workspace_id, "cli");
  if (form_id != 0 && format == "xlsx")
    throw BadInput("a single form is written as pdf, docx or html");
  const auto file = round_id != 0 ? reporting::render_report(database, actor, round_id, format)
                                  : reporting::render_form(database, actor, form_id, format);
  if (out == "-") {
    std::cout.write(file.bytes.data(), static_cast<std::streamsize>(file.bytes.size()));
  } else {
    std::ofstream stream(out, std::ios::binary);
    stream.write(file.bytes.data(), static_cast<std::streamsize>(file.bytes.size()));
    if (!stream) throw BadInput("cannot write " + out);
    std::cerr << fmt::format("samtryg: wrote {} ({} bytes)\n", out, file.bytes.size());
  }
  return 0;
}

}  // namespace

int run_cli(int argc, char** argv, char** environment) {
  CLI::App cli{"samtryg: plan, run, measure and report joint crime-prevention work"};
  cli.require_subcommand(1);
  Overrides overrides;
  cli.add_option("--config", overrides.config_file,
                 "settings file (see samtryg.conf.example); also SAMTRYG_CONFIG");

  auto add_db = [&](CLI::App* command) {
    command->add_option("--db", overrides.database,
                        "database URL: sqlite:PATH or postgresql://USER:PASS@HOST:PORT/DB");
  };

  auto* serve = cli.add_subcommand("serve", "run the web server");
  add_db(serve);
  serve->add_option("--listen", overrides.listen, "IP address to listen on");
  serve->add_option("--port", overrides.port, "TCP port")->check(CLI::Range(0, 65535));
  bool with_demo = false;
  serve->add_flag("--demo", with_demo, "load the demo workspace first and print its logins");

  auto* migrate = cli.add_subcommand("migrate", "bring the database schema up to date");
  add_db(migrate);

  auto* user = cli.add_subcommand("user", "manage users");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "add a user; the password is read from stdin");
  add_db(user_add);
  accounts::NewUser new_user;
  std::string workspace_name;
  user_add->add_option("--email", new_user.email, "e-mail address (the login)")->required();
  user_add->add_option("--name", new_user.name, "name or role title shown to others")->required();
  user_add
      ->add_option("--role", new_user.role, "admin, coordinator, initiative_lead, member or viewer")
      ->capture_default_str();
  user_add->add_option("--language", new_user.language, "da, sv or en")->capture_default_str();
  user_add->add_option("--workspace", workspace_name,
                       "workspace name; created if it does not exist (default: the only one)");

  auto* backup = cli.add_subcommand("backup", "copy a SQLite database while the server runs");
  add_db(backup);
  std::string backup_file;
  backup->add_option("--out", backup_file, "the new backup file")->required();

  auto* demo = cli.add_subcommand("demo", "load the demo workspace (safe to run again)");
  add_db(demo);

  auto* export_command =
      cli.add_subcommand("export", "write a workspace as JSON to stdout (docs/exchange-format.md)");
  add_db(export_command);
  std::string export_workspace;
  export_command->add_option("--workspace", export_workspace,
                             "workspace name (default: the only one)");

  auto* import_command = cli.add_subcommand(
      "import", "add a workspace from a JSON document; all or nothing (docs/exchange-format.md)");
  add_db(import_command);
  std::string import_file;
  import_command->add_option("file", import_file, "the document; - reads stdin")->required();

  auto* stats = cli.add_subcommand("stats", "statistics tables: PX, JSON-stat and CSV");
  stats->require_subcommand(1);
  auto* convert = stats->add_subcommand(
      "convert", "print a PX, JSON-stat or CSV table as a JSON-stat 2.0 dataset");
  std::string convert_file;
  std::string convert_to = "jsonstat";
  stats::ReadOptions convert_options;
  convert->add_option("file", convert_file, "the table; - reads stdin")->required();
  convert->add_option("--to", convert_to, "output format")
      ->check(CLI::IsMember({"jsonstat"}))
      ->capture_default_str();
  convert->add_option("--lang", convert_options.language,
                      "PX: labels in this language (default: the file's own)");

  auto* values = cli.add_subcommand("values", "indicator values");
  values->require_subcommand(1);
  auto* values_import = values->add_subcommand(
      "import", "store a statistics table's cells as indicator values (docs/import-mapping.md)");
  add_db(values_import);
  std::string values_file;
  std::string mapping_file;
  std::string values_workspace;
  bool dry_run = false;
  values_import->add_option("file", values_file, "the PX, JSON-stat or CSV table")->required();
  values_import->add_option("--mapping", mapping_file, "the mapping (JSON)")->required();
  values_import->add_option("--workspace", values_workspace,
                            "workspace name (default: the only one)");
  values_import->add_flag("--dry-run", dry_run, "print the preview and store nothing");

  auto* report_subcommand = cli.add_subcommand(
      "report", "write a round's compiled report (or one form) as PDF, DOCX, HTML or XLSX");
  add_db(report_subcommand);
  long long report_round = 0;
  long long report_form = 0;
  std::string report_format = "pdf";
  std::string report_out;
  auto* round_option =
      report_subcommand->add_option("--round", report_round, "the reporting round's id");
  report_subcommand->add_option("--form", report_form, "one form's id instead of the whole report")
      ->excludes(round_option);
  report_subcommand->add_option("--format", report_format, "pdf, docx, html or xlsx")
      ->check(CLI::IsMember({"pdf", "docx", "html", "xlsx"}))
      ->capture_default_str();
  report_subcommand->add_option("--out", report_out, "the file to write; - writes stdout")
      ->required();

  auto* reminders = cli.add_subcommand(
      "reminders", "e-mail leads whose forms are due soon or overdue (for cron; see smtp_url)");
  reminders->require_subcommand(1);
  auto* reminders_send =
      reminders->add_subcommand("send", "send the reminders due today; each is sent only once");
  add_db(reminders_send);
  std::string reminders_today;
  reminders_send->add_option("--today", reminders_today, "act as if today were YYYY-MM-DD");

  cli.add_subcommand("version", "print the version");

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = cli.exit(error);
    return code == 0 ? 0 : kBadInput;
  }

  try {
    if (cli.got_subcommand("version")) {
      std::cout << "samtryg " << SAMTRYG_VERSION << '\n';
      return 0;
    }
    const auto settings = load_settings(overrides, environment);

    if (cli.got_subcommand("serve")) {
      const auto started = std::chrono::steady_clock::now();
      Runtime runtime(settings);
      std::vector<demo::DemoLogin> logins;
      if (with_demo) {
        logins =
            demo::load_demo(runtime.database(), auth::parse_hash_cost(settings.password_hashing));
      }
      const auto took =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count();
      std::cout << fmt::format(
          "samtryg {} is running at http://{}:{}/ (database {}, ready in {:.0f} ms)\n",
          SAMTRYG_VERSION, settings.listen, runtime.port(), runtime.database().url().display, took);
      for (const auto& login : logins) {
        std::cout << fmt::format("  demo login: {:<28} password: {}   ({})\n", login.email,
                                 demo::kPassword, login.role);
      }
      std::cout << "Stop with Ctrl+C." << std::endl;
      runtime.run(true);
      std::cout << "samtryg stopped." << std::endl;
      return 0;
    }
    if (cli.got_subcommand("migrate")) {
      auto database = open_database(settings);
      const auto report = db::migrate(*database);
      if (report.applied.empty()) {
        std::cout << fmt::format("The schema is up to date (version {}).\n", report.to_version);
      } else {
        for (const auto& name : report.applied) std::cout << "applied " << name << '\n';
        std::cout << fmt::format("Schema version {} → {}.\n", report.from_version,
                                 report.to_version);
      }
      return 0;
    }
    if (user->got_subcommand("add")) {
      auto database = open_database(settings);
      db::migrate(*database);
      const audit::Author author{std::nullopt, "cli"};
      auth::Workspace workspace;
      if (!workspace_name.empty()) {
        workspace = accounts::ensure_workspace(*database, author, workspace_name,
                                               settings.default_language);
      } else {
        std::vector<auth::Workspace> workspaces;
        {
          auto sql = database->session();
          workspaces = auth::all_workspaces(sql);
        }
        if (workspaces.size() != 1) {
          throw BadInput(
              workspaces.empty()
                  ? "there is no workspace yet; name one with --workspace \"NAME\""
                  : "there are several workspaces; choose one with --workspace \"NAME\"");
        }
        workspace = workspaces.front();
      }
      new_user.password = read_password();
      try {
        const auto id =
            accounts::add_user(*database, auth::parse_hash_cost(settings.password_hashing), author,
                               workspace.id, new_user);
        std::cout << fmt::format("Added user {} ({}) as {} in \"{}\".\n", id,
                                 accounts::normalize_email(new_user.email), new_user.role,
                                 workspace.name);
      } catch (const validation::Invalid& invalid) {
        print_validation(invalid);
        return kBadInput;
      }
      return 0;
    }
    if (cli.got_subcommand("backup")) {
      const auto url = db::parse_database_url(settings.database);
      if (url.backend != db::Backend::sqlite) {
        throw BadInput(
            "backup copies SQLite databases; back up PostgreSQL with pg_dump (see "
            "docs/operations.md)");
      }
      const auto bytes = db::backup_sqlite(url.sqlite_path, backup_file);
      std::cout << fmt::format("Backed up {} to {} ({} bytes).\n", url.sqlite_path, backup_file,
                               bytes);
      return 0;
    }
    if (cli.got_subcommand("demo")) {
      auto database = open_database(settings);
      db::migrate(*database);
      const auto logins =
          demo::load_demo(*database, auth::parse_hash_cost(settings.password_hashing));
      std::cout << fmt::format("Demo workspace \"{}\" is ready. Logins (password {}):\n",
                               demo::kWorkspaceName, demo::kPassword);
      for (const auto& login : logins)
        std::cout << "  " << login.email << " (" << login.role << ")\n";
      return 0;
    }
    if (cli.got_subcommand("export")) {
      auto database = open_database(settings);
      db::migrate(*database);
      if (export_workspace.empty()) {
        const auto names = exchange::workspace_names(*database);
        if (names.size() != 1) {
          throw BadInput(names.empty() ? "the database has no workspace to export"
                                       : "there are several workspaces; choose one with "
                                         "--workspace \"NAME\"");
        }
        export_workspace = names.front();
      }
      try {
        std::cout << boost::json::serialize(exchange::export_workspace(*database, export_workspace))
                  << '\n';
      } catch (const validation::NotFound&) {
        throw BadInput("no workspace is called \"" + export_workspace + "\"");
      }
      return 0;
    }
    if (stats->got_subcommand("convert")) {
      const std::string bytes = read_input(convert_file);
      try {
        const auto table = stats::read_table(bytes, convert_file, convert_options);
        for (const auto& warning : table.warnings) {
          std::cerr << "samtryg: warning: " << warning << '\n';
        }
        std::cout << stats::write_jsonstat(table) << '\n';
      } catch (const stats::ParseError& error) {
        throw BadInput(convert_file + ": " + error.what());
      }
      return 0;
    }
    if (cli.got_subcommand("values")) {
      auto database = open_database(settings);
      db::migrate(*database);
      return import_values_command(*database, values_file, mapping_file, values_workspace, dry_run);
    }
    if (cli.got_subcommand("reminders")) {
      if (settings.smtp_url.empty()) throw BadInput("set smtp_url first (samtryg.conf.example)");
      if (reminders_today.empty()) reminders_today = today_iso_utc();
      if (!validation::is_iso_date(reminders_today)) throw BadInput("--today needs YYYY-MM-DD");
      auto database = open_database(settings);
      db::migrate(*database);
      const auto outcome =
          reporting::send_due_reminders(*database, settings, reminders_today, 0, 0);
      std::cout << fmt::format("Sent {} reminders.\n", outcome.sent);
      for (const auto& name : outcome.without_address) {
        std::cout << fmt::format("Not sent (the lead has no account): {}\n", name);
      }
      for (const auto& failure : outcome.failures) std::cerr << "samtryg: " << failure << '\n';
      return outcome.failures.empty() ? 0 : 1;
    }
    if (cli.got_subcommand("report")) {
      auto database = open_database(settings);
      db::migrate(*database);
      return report_command(*database, report_round, report_form, report_format, report_out);
    }
    if (cli.got_subcommand("import")) {
      const std::string text = read_input(import_file);
      auto database = open_database(settings);
      db::migrate(*database);
      try {
        const auto result = exchange::import_workspace(*database, text);
        std::cout << fmt::format(
            "Imported workspace {}: {} plans, {} initiatives, {} activities, {} groups, {} "
            "users, {} indicators with {} values, {} reporting rounds with {} forms.\n",
            result.workspace_id, result.plans, result.initiatives, result.activities, result.groups,
            result.users, result.indicators, result.values, result.rounds, result.forms);
      } catch (const exchange::ImportError& error) {
        for (const auto& problem : error.problems) {
          std::cerr << "samtryg: " << problem.path << ": " << problem.message << '\n';
        }
        std::cerr << fmt::format("samtryg: nothing was imported ({} problems).\n",
                                 error.problems.size());
        return kBadInput;
      }
      return 0;
    }
  } catch (const config::ConfigError& error) {
    std::cerr << "samtryg: " << error.what() << '\n';
    return kBadInput;
  } catch (const db::UrlError& error) {
    std::cerr << "samtryg: " << error.what() << '\n';
    return kBadInput;
  } catch (const BadInput& error) {
    std::cerr << "samtryg: " << error.what() << '\n';
    return kBadInput;
  } catch (const std::exception& error) {
    std::cerr << "samtryg: " << error.what() << '\n';
    return kRuntimeFailure;
  }
  return kBadInput;
}

}  // namespace samtryg::app
