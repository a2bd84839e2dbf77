#pragma once
#include <filesystem>
#include <string>

namespace samtryg::testing {

// A fresh directory of its own under the system's temp directory, removed with everything in
// it: for database files, files a tool reads (pdftotext, LibreOffice) and what it writes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // Writes `bytes` to `name` in the directory and returns the file's path.
  std::string file(const std::string& name, const std::string& bytes) const;

 private:
  std::filesystem::path path_;
};

// The whole content of a file of the source tree ("tests/data/…"), read as bytes.
std::string source_file(const std::string& relative);

}  // namespace samtryg::testing
