// The public content's rules with no I/O: news (checks, when it is public), the search (case
// folding, every word, title first, excerpts cut on characters, limits) and a public indicator
// as a JSON-stat cube.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <cmath>

#include "core/i18n/catalog.hpp"
#include "features/site/news.hpp"
#include "features/site/open_data.hpp"
#include "features/site/search.hpp"
#include "features/statistics/jsonstat.hpp"

namespace samtryg::site {
namespace {

TEST(SiteNews, TitleDayAndPhotoTextAreChecked) {
  News news;
  news.title = "Samskabelse om et trygt natteliv";
  news.published_on = "2017-10-23";
  EXPECT_TRUE(validate_news(news, false).empty());
  const auto errors = validate_news(news, true);
  ASSERT_NE(errors.for_field("image_alt"), nullptr);
  EXPECT_EQ(errors.for_field("image_alt")->message_key, "site_news_image_alt_needed");
  news.image_alt = "Beværtere og politi ved workshoppen";
  EXPECT_TRUE(validate_news(news, true).empty());
  news.published_on = "2017-02-30";
  EXPECT_FALSE(validate_news(news, false).empty());
  news.published_on = "";
  news.title = "";
  EXPECT_FALSE(validate_news(news, false).empty());
  news.title = std::string(201, 'x');
  EXPECT_FALSE(validate_news(news, false).empty());
}

TEST(SiteNews, PublicFromItsDayADraftNever) {
  News news;
  EXPECT_FALSE(is_public(news, "2026-12-08"));
  EXPECT_EQ(news_state(news, "2026-12-08"), "draft");
  news.published_on = "2026-12-09";
  EXPECT_FALSE(is_public(news, "2026-12-08"));
  EXPECT_EQ(news_state(news, "2026-12-08"), "scheduled");
  EXPECT_TRUE(is_public(news, "2026-12-09"));
  EXPECT_EQ(news_state(news, "2026-12-10"), "published");
}

std::vector<PublicDocument> documents() {
  return {{"Et trygt natteliv", "/p/a/initiatives/2",
           "Fastholde den høje **tryghed** i nattelivet gennem samskabelse.", "Indsats"},
          {"Samskabelse om et trygt natteliv", "/p/a/news/5",
           "Co-creationindsatsen bruges som inspiration.", "Nyhed"},
          {"Bekymrende fravær i skolen", "/p/a/initiatives/13", "Tidlig indsats mod fravær.",
           "Indsats"}};
}

TEST(SiteSearch, EveryWordCaseFoldedTitleMatchesFirst) {
  const auto terms = search_terms("  SAMSKABELSE   natteliv samskabelse ");
  ASSERT_TRUE(terms);
  EXPECT_EQ(*terms, (std::vector<std::string>{"samskabelse", "natteliv"}));
  const auto hits = search(documents(), *terms);
  ASSERT_EQ(hits.size(), 2U);
  EXPECT_EQ(hits[0].document.href, "/p/a/news/5") << "both words in its title";
  EXPECT_EQ(hits[1].document.href, "/p/a/initiatives/2");
  EXPECT_NE(hits[1].excerpt.find("tryghed i nattelivet"), std::string::npos)
      << "Markdown's marks are not shown: " << hits[1].excerpt;
  EXPECT_TRUE(search(documents(), *search_terms("FRAVÆR")).size() == 1U) << "Æ folds to æ";
  EXPECT_TRUE(search(documents(), *search_terms("natteliv indbrud")).empty());
  EXPECT_TRUE(search(documents(), *search_terms("")).empty());
}

TEST(SiteSearch, TooLongOrNotTextIsNoSearchAndExcerptsCutOnCharacters) {
  EXPECT_FALSE(search_terms(std::string(kMaxQuery + 1, 'a')));
  EXPECT_FALSE(search_terms("tryg\xff"));
  EXPECT_TRUE(search_terms(std::string(kMaxQuery, 'a')));
  EXPECT_EQ(search_terms("a b c d e f g h i j k l")->size(), kMaxTerms);
  std::string long_text;
  for (int i = 0; i < 60; ++i) long_text += "ærø ";
  long_text += "målet";
  for (int i = 0; i < 60; ++i) long_text += " øå";
  const auto hits = search({{"Plan", "/p/a", long_text, "Strategi"}}, *search_terms("målet"));
  ASSERT_EQ(hits.size(), 1U);
  const auto& excerpt = hits[0].excerpt;
  EXPECT_NE(excerpt.find("målet"), std::string::npos);
  EXPECT_TRUE(excerpt.starts_with("… ") && excerpt.ends_with(" …")) << excerpt;
  EXPECT_TRUE(validation::valid_utf8(excerpt)) << "never cut inside a letter";
}

TEST(SiteOpenData, AnIndicatorIsAPeriodByAreaCubeWithExampleFiguresMarked) {
  indicators::IndicatorRecord record;
  record.indicator.id = 7;
  record.indicator.name = "Andel der føler sig trygge";
  record.indicator.unit = "percent";
  record.indicator.decimals = 1;
  record.indicator.source_note = "Politiets Tryghedsindeks";
  record.indicator.updated_at = "2018-01-15T09:00:00Z";
  const auto value = [](std::string period, std::optional<long long> area, double figure,
                        bool example) {
    indicators::Value out;
    out.period = std::move(period);
    out.area_id = area;
    out.value = figure;
    out.example = example;
    return out;
  };
  record.values = {value("2016", std::nullopt, 81.5, false), value("2017", std::nullopt, 83, false),
                   value("2017", 3, 79.5, true)};
  const auto& catalog = i18n::Catalog::get(i18n::Language::en);
  const auto table = indicator_table(record, {{3, "Vestbyen"}}, catalog);
  ASSERT_EQ(table.dimensions.size(), 3U);
  EXPECT_EQ(table.dimensions[0].categories.size(), 2U);  // 2016, 2017
  EXPECT_EQ(table.dimensions[1].categories.size(), 2U);  // all, Vestbyen
  EXPECT_EQ(table.dimensions[1].categories[1].label, "Vestbyen");
  ASSERT_EQ(table.values.size(), 4U);
  EXPECT_DOUBLE_EQ(table.values[0], 81.5);
  EXPECT_TRUE(std::isnan(table.values[1])) << "2016 has no figure for Vestbyen";
  EXPECT_DOUBLE_EQ(table.values[3], 79.5);
  EXPECT_EQ(table.status.at(3), "example");
  EXPECT_EQ(table.notes.size(), 1U);

  // Written as JSON-stat 2.0 and read back by samtryg's own reader: the same cube.
  const auto text = stats::write_jsonstat(table);
  const auto json = boost::json::parse(text).as_object();
  EXPECT_EQ(json.at("version").as_string(), "2.0");
  EXPECT_EQ(json.at("label").as_string(), "Andel der føler sig trygge");
  const auto back = stats::read_jsonstat(text);
  EXPECT_EQ(back.dimensions.size(), 3U);
  EXPECT_DOUBLE_EQ(back.values[2], 83);
}

}  // namespace
}  // namespace samtryg::site
