#include "core/validation/validation.hpp"

#include <gtest/gtest.h>

namespace samtryg::validation {
namespace {

TEST(Validation, CountsCharactersNotBytes) {
  EXPECT_EQ(utf8_length("Tryghed"), 7U);
  EXPECT_EQ(utf8_length("Skalborg Borgerhjælp"), 20U);
  EXPECT_EQ(utf8_length("Överenskommelse"), 15U);
}

TEST(Validation, RecognisesWellFormedUtf8) {
  EXPECT_TRUE(valid_utf8("æøå ÆØÅ äö – “quotes” 😀"));
  EXPECT_FALSE(valid_utf8("\xc3"));              // cut short
  EXPECT_FALSE(valid_utf8("\x80"));              // stray continuation byte
  EXPECT_FALSE(valid_utf8("\xc0\xaf"));          // overlong "/"
  EXPECT_FALSE(valid_utf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(valid_utf8("\xf4\x90\x80\x80"));  // beyond U+10FFFF
}

}  // namespace
}  // namespace samtryg::validation
