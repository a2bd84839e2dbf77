#include "support/process.hpp"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "support/temp_dir.hpp"

namespace samtryg::testing {

CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  while (const auto n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
    result.output.append(buffer.data(), n);
  }
  const int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

CommandResult run_samtryg(const std::string& arguments, const std::string& input) {
  TempDir temp;
  const auto input_file = temp.file("stdin", input);
  return run_command(std::string("env -u SAMTRYG_CONFIG ") + SAMTRYG_BINARY + " " + arguments +
                     " < " + input_file + " 2>&1");
}

}  // namespace samtryg::testing
