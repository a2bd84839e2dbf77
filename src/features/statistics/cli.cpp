#include "features/statistics/cli.hpp"

#include <iostream>

#include "features/statistics/jsonstat.hpp"
#include "features/statistics/reader.hpp"

namespace samtryg::stats {

namespace {

struct ConvertOptions {
  std::string file;
  std::string to = "jsonstat";
  ReadOptions read;
};

int convert_command(const ConvertOptions& options) {
  const std::string bytes = cli::read_input(options.file);
  try {
    const auto table = read_table(bytes, options.file, options.read);
    for (const auto& warning : table.warnings) {
      std::cerr << "samtryg: warning: " << warning << '\n';
    }
    std::cout << write_jsonstat(table) << '\n';
  } catch (const ParseError& error) {
    throw cli::BadInput(options.file + ": " + error.what());
  }
  return 0;
}

}  // namespace

void add_cli_commands(cli::Commands& commands) {
  auto options = std::make_shared<ConvertOptions>();
  auto& convert = commands.add(
      commands.group("stats", "statistics tables: PX, JSON-stat and CSV"), "convert",
      "print a PX, JSON-stat or CSV table as a JSON-stat 2.0 dataset",
      [options](cli::Invocation&) { return convert_command(*options); }, false);
  convert.add_option("file", options->file, "the table; - reads stdin")->required();
  convert.add_option("--to", options->to, "output format")
      ->check(CLI::IsMember({"jsonstat"}))
      ->capture_default_str();
  convert.add_option("--lang", options->read.language,
                     "PX: labels in this language (default: the file's own)");
}

}  // namespace samtryg::stats
