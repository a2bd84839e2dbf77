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

// A directory of its own under /tmp for files a tool reads, removed with everything in it.
class TemporaryDirectory {
 public:
  TemporaryDirectory();
  ~TemporaryDirectory();
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

  // Writes `bytes` to `name` in the directory and returns the file's path.
  std::string file(const std::string& name, const std::string& bytes) const;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace samtryg::testing
