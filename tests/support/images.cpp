#include "support/images.hpp"

#include <vips/vips.h>

#include <stdexcept>

namespace samtryg::testing {

namespace {

VipsImage* gradient(int width, int height) {
  if (VIPS_INIT("samtryg-tests") != 0) throw std::runtime_error("libvips did not start");
  VipsImage* grey = nullptr;
  if (vips_xyz(&grey, width, height, nullptr) != 0) throw std::runtime_error(vips_error_buffer());
  VipsImage* bands = nullptr;
  if (vips_extract_band(grey, &bands, 0, nullptr) != 0) {
    throw std::runtime_error(vips_error_buffer());
  }
  g_object_unref(grey);
  VipsImage* out = nullptr;
  if (vips_cast_uchar(bands, &out, nullptr) != 0) throw std::runtime_error(vips_error_buffer());
  g_object_unref(bands);
  return out;
}

std::string saved(VipsImage* image, bool png) {
  void* buffer = nullptr;
  std::size_t length = 0;
  const int failed = png ? vips_pngsave_buffer(image, &buffer, &length, nullptr)
                         : vips_jpegsave_buffer(image, &buffer, &length, nullptr);
  g_object_unref(image);
  if (failed != 0) throw std::runtime_error(vips_error_buffer());
  std::string bytes(static_cast<const char*>(buffer), length);
  g_free(buffer);
  return bytes;
}

}  // namespace

std::string sample_jpeg(int width, int height, bool with_position) {
  auto* image = gradient(width, height);
  if (with_position) {
    vips_image_set_string(image, "exif-ifd0-Artist", "Anna Andersson");
    vips_image_set_string(image, "exif-ifd3-GPSLatitudeRef", "N");
    vips_image_set_string(image, "exif-ifd3-GPSLatitude", "55/1 52/1 37/1");
  }
  return saved(image, false);
}

std::string sample_png(int width, int height) {
  return saved(gradient(width, height), true);
}

}  // namespace samtryg::testing
