// The command-line tool as a person uses it: the real binary, its exit codes and messages.
#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>

#include <filesystem>
#include <fstream>

#include "app/workspace.hpp"
#include "support/databases.hpp"
#include "support/process.hpp"

namespace samtryg::app {

namespace {

// Runs the samtryg binary with `arguments` (shell-quoted by the caller) and optional stdin.
testing::CommandResult samtryg(const std::string& arguments, const std::string& input = {}) {
  return testing::run_samtryg(arguments, input);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST(Cli, VersionAndHelp) {
  auto run = samtryg("version");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_TRUE(contains(run.output, "samtryg 0.")) << run.output;
  // Every feature's subcommands are there (each module adds its own).
  for (const char* command :
       {"--help", "serve --help", "migrate --help", "user add --help", "backup --help",
        "demo --help", "export --help", "import --help", "stats convert --help",
        "values import --help", "report --help", "reminders send --help"}) {
    run = samtryg(command);
    EXPECT_EQ(run.exit_code, 0) << command;
    EXPECT_TRUE(contains(run.output, "Usage")) << command << ": " << run.output;
  }
}

TEST(Cli, UnknownCommandOrOptionIsBadInput) {
  EXPECT_EQ(samtryg("frobnicate").exit_code, 2);
  EXPECT_EQ(samtryg("serve --prot 80").exit_code, 2);
}

TEST(Cli, MalformedDatabaseUrl) {
  const auto run = samtryg("migrate --db mysql://localhost/x");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.output, "unsupported database 'mysql'")) << run.output;
  EXPECT_TRUE(contains(run.output, "sqlite:PATH")) << run.output;
}

TEST(Cli, UnreachablePostgres) {
  const auto run = samtryg("migrate --db 'postgresql://nobody@127.0.0.1:1/x?connect_timeout=2'");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(contains(run.output, "cannot open the PostgreSQL database")) << run.output;
}

TEST(Cli, UnreadableAndInvalidConfig) {
  auto run = samtryg("--config /nonexistent.conf migrate");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.output, "cannot read the config file /nonexistent.conf")) << run.output;
  testing::TempDir temp;
  const auto file = temp.path() / "bad.conf";
  std::ofstream(file) << "port = 8080\nlisten_adress = 0.0.0.0\n";
  run = samtryg("--config " + file.string() + " migrate");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.output, "bad.conf:2: unknown setting 'listen_adress'")) << run.output;
}

TEST(Cli, PortInUse) {
  boost::asio::io_context io;
  boost::asio::ip::tcp::acceptor taken(
      io, boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
  const auto port = taken.local_endpoint().port();
  testing::TempDir temp;
  const auto run = samtryg("serve --db sqlite:" + (temp.path() / "a.db").string() + " --port " +
                           std::to_string(port));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(contains(run.output, "port " + std::to_string(port) + " is already in use"))
      << run.output;
}

TEST(Cli, MigrateUserAddAndBackup) {
  testing::TempDir temp;
  const auto db = "sqlite:" + (temp.path() / "data.db").string();
  auto run = samtryg("migrate --db " + db);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(contains(run.output, "applied 0001_accounts")) << run.output;
  run = samtryg("migrate --db " + db);
  EXPECT_TRUE(contains(run.output, "up to date")) << run.output;

  run = samtryg("user add --db " + db + " --email a@b.dk --name Admin --role admin",
                "pw long enough\n");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.output, "--workspace")) << run.output;

  run = samtryg("user add --db " + db +
                    " --email Tovholder@Aalborg.dk --name 'Tovholder' --role coordinator "
                    "--workspace 'Tryg Aalborg'",
                "a long password\n");
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(contains(run.output, "tovholder@aalborg.dk")) << run.output;

  run = samtryg("user add --db " + db + " --email x@aalborg.dk --name X --role king", "short\n");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.output, "role: Choose one of the roles")) << run.output;
  EXPECT_TRUE(contains(run.output, "password: The new password must be at least 10")) << run.output;

  run = samtryg("user add --db " + db + " --email tovholder@aalborg.dk --name Again",
                "a long password\n");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.output, "already exists")) << run.output;

  const auto backup = temp.path() / "copy.db";
  run = samtryg("backup --db " + db + " --out " + backup.string());
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_GT(std::filesystem::file_size(backup), 0U);
  run = samtryg("backup --db " + db + " --out " + backup.string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(contains(run.output, "already exists")) << run.output;
  // The copy is a working database with the user in it.
  run = samtryg(
      "user add --db sqlite:" + backup.string() + " --email tovholder@aalborg.dk --name Again",
      "a long password\n");
  EXPECT_TRUE(contains(run.output, "already exists")) << run.output;

  run = samtryg("backup --db postgresql://x@127.0.0.1/y --out " + (temp.path() / "p").string());
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.output, "pg_dump")) << run.output;
}

TEST(Cli, DemoIsIdempotent) {
  testing::TempDir temp;
  const auto db = "sqlite:" + (temp.path() / "demo.db").string();
  auto run = samtryg("demo --db " + db);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(contains(run.output, "Tryg Aalborg")) << run.output;
  EXPECT_TRUE(contains(run.output, "tovholder@demo.samtryg.dk (coordinator)")) << run.output;
  run = samtryg("demo --db " + db);
  EXPECT_EQ(run.exit_code, 0) << run.output;
}

TEST(Cli, ExportAndImportMoveAWorkspaceBetweenDatabases) {
  testing::TempDir temp;
  const auto from = "sqlite:" + (temp.path() / "from.db").string();
  const auto to = "sqlite:" + (temp.path() / "to.db").string();
  const auto file = (temp.path() / "workspace.json").string();
  ASSERT_EQ(samtryg("demo --db " + from).exit_code, 0);
  ASSERT_EQ(std::system((std::string("env -u SAMTRYG_CONFIG ") + SAMTRYG_BINARY + " export --db " +
                         from + " --workspace '" + std::string(kDemoWorkspace) + "' > " + file)
                            .c_str()),
            0);
  auto run = samtryg("import --db " + to + " " + file);
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_TRUE(contains(run.output, "4 plans")) << run.output;
  run = samtryg("import --db " + to + " " + file);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.output, "$.workspace.name")) << run.output;
  EXPECT_TRUE(contains(run.output, "nothing was imported")) << run.output;
  run = samtryg("import --db " + to + " " + (temp.path() / "missing.json").string());
  EXPECT_EQ(run.exit_code, 2);
  run = samtryg("export --db " + to + " --workspace Nowhere");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(contains(run.output, "Nowhere")) << run.output;
}

TEST(Cli, NewerSchemaIsRefused) {
  testing::TempDir temp;
  const auto path = temp.path() / "future.db";
  ASSERT_EQ(samtryg("migrate --db sqlite:" + path.string()).exit_code, 0);
  ASSERT_EQ(std::system(("sqlite3 " + path.string() +
                         " \"INSERT INTO schema_migrations VALUES (99, 'x', 'y')\"")
                            .c_str()),
            0);
  const auto run = samtryg("migrate --db sqlite:" + path.string());
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_TRUE(contains(run.output, "schema version 99")) << run.output;
}

}  // namespace samtryg::app
