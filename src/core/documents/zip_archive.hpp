#pragma once
// An in-memory zip archive (libzip) for the Office Open XML writers. Internal to
// core/documents.
#include <zip.h>

#include <list>
#include <string>

namespace samtryg::documents {

// The parts' bytes are kept until finish(). Throws std::runtime_error when libzip cannot
// create or write the archive (out of memory).
class Archive {
 public:
  Archive();
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  void add(const std::string& name, std::string bytes);
  std::string finish();

 private:
  zip_error_t error_{};
  zip_source_t* source_ = nullptr;
  zip_t* archive_ = nullptr;
  std::list<std::string> parts_;
};

}  // namespace samtryg::documents
