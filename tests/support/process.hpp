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

}  // namespace samtryg::testing
