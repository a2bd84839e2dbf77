#pragma once
// Runs a shell command the way the tests check real tools and the real binary with them
// (pdftotext, LibreOffice, samtryg itself).
#include <string>

namespace samtryg::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // what the command printed on stdout
};

CommandResult run_command(const std::string& command);

// Runs the samtryg binary under test with `arguments` (shell-quoted by the caller), `input` on
// its standard input and no SAMTRYG_CONFIG; `output` holds what it printed on stdout and stderr.
CommandResult run_samtryg(const std::string& arguments, const std::string& input = {});

}  // namespace samtryg::testing
