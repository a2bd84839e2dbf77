#include "core/documents/atom.hpp"

#include <gtest/gtest.h>

#include <pugixml.hpp>

namespace samtryg::documents {
namespace {

Feed feed_with_entries() {
  Feed feed;
  feed.id = tag_uri("https://trygg.landskrona.se/", "2016-02-15", "promise/1");
  feed.title = "Fler poliser till fots & <i>trygghet</i>";
  feed.updated = "2016-10-15T10:00:00Z";
  feed.self = "https://trygg.landskrona.se/public/promises/1/feed.atom";
  feed.alternate = "https://trygg.landskrona.se/public/promises/1";
  feed.author = "Trygghet i Landskrona";
  feed.language = "sv";
  feed.entries.push_back({.id = feed.id + "/follow-up/2",
                          .title = "2016 T2: Delvis infriat",
                          .updated = "2016-10-15T10:00:00Z",
                          .link = feed.alternate + "#follow-up-2",
                          .content = "Tre kvällar i veckan i stället för fyra."});
  return feed;
}

TEST(Atom, TheFeedHasEveryElementRfc4287AsksForWithTextEscaped) {
  const auto xml = atom_xml(feed_with_entries());
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>", 0), 0U);
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(xml.c_str())) << xml;
  const auto feed = document.child("feed");
  EXPECT_STREQ(feed.attribute("xmlns").value(), "http://www.w3.org/2005/Atom");
  EXPECT_STREQ(feed.attribute("xml:lang").value(), "sv");
  EXPECT_STREQ(feed.child_value("id"), "tag:trygg.landskrona.se,2016-02-15:promise/1");
  EXPECT_STREQ(feed.child_value("title"), "Fler poliser till fots & <i>trygghet</i>");
  EXPECT_STREQ(feed.child_value("updated"), "2016-10-15T10:00:00Z");
  EXPECT_STREQ(feed.find_child_by_attribute("link", "rel", "self").attribute("href").value(),
               "https://trygg.landskrona.se/public/promises/1/feed.atom");
  EXPECT_STREQ(feed.child("author").child_value("name"), "Trygghet i Landskrona");
  const auto entry = feed.child("entry");
  ASSERT_TRUE(entry);
  for (const auto* required : {"id", "title", "updated"}) {
    EXPECT_TRUE(entry.child(required)) << required;
  }
  EXPECT_STREQ(entry.child("link").attribute("href").value(),
               "https://trygg.landskrona.se/public/promises/1#follow-up-2");
  EXPECT_STREQ(entry.child("content").attribute("type").value(), "text");
  EXPECT_EQ(xml.find("<i>"), std::string::npos) << "markup in a title stays text";
}

TEST(Atom, TagUrisTakeTheHostOfThePublicAddress) {
  EXPECT_EQ(tag_uri("http://127.0.0.1:8080", "2026-12-07", "promise/3"),
            "tag:127.0.0.1,2026-12-07:promise/3");
  EXPECT_EQ(tag_uri("", "2026-12-07", "x"), "tag:localhost,2026-12-07:x");
}

}  // namespace
}  // namespace samtryg::documents
