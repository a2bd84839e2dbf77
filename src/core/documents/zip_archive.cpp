#include "core/documents/zip_archive.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace samtryg::documents {

Archive::Archive() {
  zip_error_init(&error_);
  source_ = zip_source_buffer_create(nullptr, 0, 0, &error_);
  if (source_ == nullptr) throw std::runtime_error("cannot create the DOCX archive");
  zip_source_keep(source_);
  archive_ = zip_open_from_source(source_, ZIP_TRUNCATE, &error_);
  if (archive_ == nullptr) {
    zip_source_free(source_);
    throw std::runtime_error("cannot create the DOCX archive");
  }
}

Archive::~Archive() {
  if (archive_ != nullptr) zip_discard(archive_);
  if (source_ != nullptr) zip_source_free(source_);
  zip_error_fini(&error_);
}

void Archive::add(const std::string& name, std::string bytes) {
  const auto& kept = parts_.emplace_back(std::move(bytes));
  auto* part = zip_source_buffer(archive_, kept.data(), kept.size(), 0);
  if (part == nullptr || zip_file_add(archive_, name.c_str(), part, ZIP_FL_ENC_UTF_8) < 0) {
    if (part != nullptr) zip_source_free(part);
    throw std::runtime_error("cannot add " + name + " to the DOCX archive");
  }
}

std::string Archive::finish() {
  if (zip_close(archive_) < 0) throw std::runtime_error("cannot write the DOCX archive");
  archive_ = nullptr;
  std::string bytes;
  if (zip_source_open(source_) < 0) throw std::runtime_error("cannot read the DOCX archive");
  zip_source_seek(source_, 0, SEEK_END);
  const auto size = zip_source_tell(source_);
  zip_source_seek(source_, 0, SEEK_SET);
  bytes.resize(static_cast<std::size_t>(std::max<zip_int64_t>(size, 0)));
  zip_source_read(source_, bytes.data(), bytes.size());
  zip_source_close(source_);
  return bytes;
}

}  // namespace samtryg::documents
