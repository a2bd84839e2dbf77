#pragma once
// A photo as it is kept: decoded and encoded again by libvips, so nothing of the upload but its
// pixels survives (no EXIF, no GPS position, no hidden payload), turned upright, at most
// 2,048 px on its longer side (the original divided by a whole number), with a thumbnail. No I/O
// besides memory.
#include <cstddef>
#include <string>
#include <string_view>

namespace samtryg::documents {

inline constexpr std::size_t kMaxPhotoBytes = 20U << 20U;  // 20 MB
inline constexpr int kPhotoSize = 2048;
inline constexpr int kThumbnailSize = 320;

struct ProcessedPhoto {
  std::string jpeg;  // the photo to keep
  std::string thumbnail;
  int width = 0;
  int height = 0;
};

// The box a kept photo of `width` × `height` fills as a thumbnail (at most 320 px on its
// longer side, never enlarged).
struct Box {
  int width = 0;
  int height = 0;
};
Box thumbnail_box(int width, int height);

// Why an upload is refused; each feature says so in its own words.
enum class PhotoProblem { none, too_large, not_an_image };

struct PhotoOutcome {
  PhotoProblem problem = PhotoProblem::none;
  ProcessedPhoto photo;
};

// Accepts JPEG, PNG and WebP whatever the file's name says; anything else, a file over 20 MB
// or an image of more than 100 million pixels is refused.
PhotoOutcome process_photo(std::string_view bytes);

}  // namespace samtryg::documents
