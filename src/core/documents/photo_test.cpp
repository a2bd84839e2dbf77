#include "core/documents/photo.hpp"

#include <gtest/gtest.h>
#include <vips/vips.h>

#include "support/images.hpp"

namespace samtryg::documents {
namespace {

TEST(WalkPhotos, AKeptPhotoIsUprightSmallAndCarriesNoMetadata) {
  const auto upload = testing::sample_jpeg(3000, 2000, true);
  ASSERT_NE(upload.find("Anna Andersson"), std::string::npos) << "the sample carries EXIF";
  const auto outcome = process_photo(upload);
  ASSERT_EQ(outcome.problem, PhotoProblem::none);
  // 3,000 px halves to 1,500: a whole-number shrink, which JPEG decoding does for free.
  EXPECT_EQ(outcome.photo.width, 1500);
  EXPECT_EQ(outcome.photo.height, 1000);
  EXPECT_EQ(outcome.photo.jpeg.find("Anna Andersson"), std::string::npos);
  EXPECT_EQ(outcome.photo.jpeg.find("Exif"), std::string::npos) << "no EXIF block at all";
  VipsImage* kept =
      vips_image_new_from_buffer(outcome.photo.jpeg.data(), outcome.photo.jpeg.size(), "", nullptr);
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(vips_image_get_typeof(kept, "exif-data"), 0U);
  g_object_unref(kept);
  EXPECT_LT(outcome.photo.thumbnail.size(), outcome.photo.jpeg.size());
}

TEST(WalkPhotos, SmallPhotosAreNotEnlargedAndPngIsAccepted) {
  const auto outcome = process_photo(testing::sample_png(640, 480));
  ASSERT_EQ(outcome.problem, PhotoProblem::none);
  EXPECT_EQ(outcome.photo.width, 640);
  EXPECT_EQ(outcome.photo.jpeg.substr(0, 2), "\xFF\xD8") << "kept as JPEG";
}

TEST(WalkPhotos, AnythingButAPhotoIsRefusedWhateverItsName) {
  EXPECT_EQ(process_photo("").problem, PhotoProblem::not_an_image);
  EXPECT_EQ(process_photo("%PDF-1.7\n1 0 obj << >> endobj").problem, PhotoProblem::not_an_image);
  EXPECT_EQ(process_photo("GIF89a\x01\x00\x01\x00").problem, PhotoProblem::not_an_image);
  auto broken = testing::sample_jpeg(100, 100, false);
  broken.resize(broken.size() / 3);
  EXPECT_EQ(process_photo(broken).problem, PhotoProblem::not_an_image);
  EXPECT_EQ(process_photo(std::string(kMaxPhotoBytes + 1, '\xFF')).problem,
            PhotoProblem::too_large);
}

}  // namespace
}  // namespace samtryg::documents
