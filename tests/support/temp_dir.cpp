#include "support/temp_dir.hpp"

#include <unistd.h>

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace samtryg::testing {

TempDir::TempDir() {
  auto pattern = (std::filesystem::temp_directory_path() / "samtryg-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::string TempDir::file(const std::string& name, const std::string& bytes) const {
  auto path = (path_ / name).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string source_file(const std::string& relative) {
  std::ifstream file(std::string(SAMTRYG_SOURCE_DIR) + "/" + relative, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + relative);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

}  // namespace samtryg::testing
