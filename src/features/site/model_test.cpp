// The public site's rules with no I/O: WCAG 2.1's contrast ratio, the colours a header with
// white text may have, the address slugs, and the settings' checks.
#include "features/site/model.hpp"

#include <gtest/gtest.h>

#include "core/util/time.hpp"

namespace samtryg::site {
namespace {

TEST(SiteModel, ContrastIsWcagsRatioAndWhiteTextNeedsFourAndAHalf) {
  EXPECT_NEAR(contrast_ratio({0, 0, 0}, {1, 1, 1}), 21.0, 1e-9);
  EXPECT_NEAR(contrast_ratio(*parse_colour("#767676"), {1, 1, 1}), 4.54, 0.01);
  EXPECT_TRUE(carries_white_text("#767676"));
  EXPECT_FALSE(carries_white_text("#777777"));  // 4.48:1
  EXPECT_TRUE(carries_white_text("#1d4f91"));
  EXPECT_FALSE(carries_white_text("#ffd700"));
  EXPECT_FALSE(parse_colour("1d4f91"));
  EXPECT_FALSE(parse_colour("#1d4f9g"));
}

TEST(SiteModel, SlugsAndSettings) {
  EXPECT_TRUE(is_slug("tryg-aalborg"));
  EXPECT_TRUE(is_slug("landskrona2016"));
  for (const auto* bad :
       {"a", "Tryg", "tryg--aalborg", "-tryg", "tryg-", "tryg aalborg", "trygæ"}) {
    EXPECT_FALSE(is_slug(bad)) << bad;
  }
  Settings settings;
  settings.slug = "tryg-aalborg";
  settings.enabled = true;
  settings.responsible = "Tryg Aalborg";
  EXPECT_TRUE(validate_settings(settings).empty());
  settings.colour = "#ffd700";
  settings.host = "https://tryg.aalborg.dk/";
  settings.feedback_url = "tryg.aalborg.dk";
  settings.statement_published = "2018-13-01";
  const auto errors = validate_settings(settings);
  for (const auto* field : {"colour", "host", "feedback_url", "statement_published"}) {
    EXPECT_NE(errors.for_field(field), nullptr) << field;
  }
}

TEST(HttpDate, IsTheImfFixdate) {
  EXPECT_EQ(http_date("2014-01-22T13:00:00Z"), "Wed, 22 Jan 2014 13:00:00 GMT");
  EXPECT_EQ(http_date("2000-02-29T23:59:59Z"), "Tue, 29 Feb 2000 23:59:59 GMT");
  EXPECT_EQ(http_date("not a time"), "");
}

}  // namespace
}  // namespace samtryg::site
