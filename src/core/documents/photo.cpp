#include "core/documents/photo.hpp"

#include <vips/vips.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace samtryg::documents {

namespace {

constexpr long long kMaxPixels = 100'000'000;

void start_vips() {
  static std::once_flag started;
  std::call_once(started, [] {
    if (VIPS_INIT("samtryg") != 0) vips_error_exit("libvips could not start");
  });
}

struct ImageDeleter {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, ImageDeleter>;

bool is_accepted_format(const char* loader) {
  if (loader == nullptr) return false;
  const std::string_view name(loader);
  // The loader libvips picks from the bytes themselves, never from a file name.
  return name.starts_with("VipsForeignLoadJpeg") || name.starts_with("VipsForeignLoadPng") ||
         name.starts_with("VipsForeignLoadSpng") || name.starts_with("VipsForeignLoadWebp");
}

// The upright image at most `size` px on its longer side, encoded as JPEG without metadata.
std::string encode(std::string_view bytes, int size, int& width, int& height) {
  VipsImage* raw = nullptr;
  if (vips_thumbnail_buffer(const_cast<char*>(bytes.data()), bytes.size(), &raw, size, "size",
                            VIPS_SIZE_DOWN, "fail_on", VIPS_FAIL_ON_ERROR, nullptr) != 0) {
    vips_error_clear();
    return {};
  }
  const Image image(raw);
  void* buffer = nullptr;
  std::size_t length = 0;
  if (vips_jpegsave_buffer(image.get(), &buffer, &length, "Q", 82, "strip", TRUE, "optimize_coding",
                           TRUE, nullptr) != 0) {
    vips_error_clear();
    return {};
  }
  std::string out(static_cast<const char*>(buffer), length);
  g_free(buffer);
  width = vips_image_get_width(image.get());
  height = vips_image_get_height(image.get());
  return out;
}

// The longer side a photo is kept at: the original divided by the smallest whole number that
// brings it to 2,048 px or less. A JPEG then shrinks by that factor while it is decoded, which
// is several times faster than decoding it whole and resizing (a 12-megapixel phone photo of
// 4,032 px is kept at 2,016 px).
int kept_size(int longest) {
  if (longest <= kPhotoSize) return std::max(longest, 1);
  const int factor = (longest + kPhotoSize - 1) / kPhotoSize;
  return longest / factor;
}

}  // namespace

Box thumbnail_box(int width, int height) {
  const double scale =
      static_cast<double>(kThumbnailSize) / std::max({width, height, kThumbnailSize});
  return {static_cast<int>(width * scale), static_cast<int>(height * scale)};
}

PhotoOutcome process_photo(std::string_view bytes) {
  PhotoOutcome outcome;
  if (bytes.size() > kMaxPhotoBytes) {
    outcome.problem = PhotoProblem::too_large;
    return outcome;
  }
  start_vips();
  if (bytes.empty() ||
      !is_accepted_format(vips_foreign_find_load_buffer(bytes.data(), bytes.size()))) {
    vips_error_clear();
    outcome.problem = PhotoProblem::not_an_image;
    return outcome;
  }
  int longest = 0;
  {
    // The header alone, to refuse a decompression bomb before any pixel is decoded.
    VipsImage* header = vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr);
    if (header == nullptr) {
      vips_error_clear();
      outcome.problem = PhotoProblem::not_an_image;
      return outcome;
    }
    const Image image(header);
    if (static_cast<long long>(vips_image_get_width(header)) * vips_image_get_height(header) >
        kMaxPixels) {
      outcome.problem = PhotoProblem::too_large;
      return outcome;
    }
    longest = std::max(vips_image_get_width(header), vips_image_get_height(header));
  }
  auto& photo = outcome.photo;
  int thumb_width = 0;
  int thumb_height = 0;
  photo.jpeg = encode(bytes, kept_size(longest), photo.width, photo.height);
  // From the kept photo, not the upload: a JPEG of at most 2,048 px shrinks while it loads.
  if (!photo.jpeg.empty()) {
    photo.thumbnail = encode(photo.jpeg, kThumbnailSize, thumb_width, thumb_height);
  }
  if (photo.jpeg.empty() || photo.thumbnail.empty()) outcome.problem = PhotoProblem::not_an_image;
  return outcome;
}

}  // namespace samtryg::documents
