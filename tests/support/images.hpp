#pragma once
// Photos made for tests with libvips, as a phone would send them.
#include <string>

namespace samtryg::testing {

// A JPEG of `width` × `height` pixels; `with_position` writes an EXIF GPS position and a
// camera owner's name into it, which a kept photo must not carry.
std::string sample_jpeg(int width, int height, bool with_position);
// The same picture as PNG.
std::string sample_png(int width, int height);

}  // namespace samtryg::testing
