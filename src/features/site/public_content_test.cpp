// What the public site shows besides plans and initiatives, through a real server on SQLite and
// PostgreSQL: the staff's news (drafts, days to come and news about an unpublished initiative
// stay hidden; a photo keeps none of its metadata and needs its text), its Atom feeds; the
// demo's seed news; Landskrona's published walk with only its public findings; the open data
// of a public indicator (CSV, JSON-stat, a chart other sites may frame); the search; an address
// of no site and a coordinator's preview; bad input answered in the visitor's language.
#include <gtest/gtest.h>

#include <regex>

#include "app/workspace.hpp"
#include "features/statistics/jsonstat.hpp"
#include "support/factories.hpp"
#include "support/images.hpp"
#include "support/test_server.hpp"

namespace samtryg::site {
namespace {

using testing::HttpClient;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

int count_of(const std::string& text, const std::string& part) {
  int count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

// The first match of `pattern`'s group 1 in `text`, or "".
std::string first(const std::string& text, const std::string& pattern) {
  std::smatch match;
  return std::regex_search(text, match, std::regex(pattern)) ? match[1].str() : std::string();
}

class PublicContent : public testing::ServerTest {
 protected:
  void prepare() override {
    app::load_demo(server_->runtime().database(), auth::HashCost::minimal);
    coordinator_ = std::make_unique<HttpClient>(signed_in("tovholder@aalborg.dk", "coordinator"));
  }

  // The test workspace's site, on at /p/test-site (or only previewed when `enabled` is false).
  void site_settings(bool enabled) {
    auto& http = *coordinator_;
    http.get("/site/settings");
    std::map<std::string, std::string> form{{"_csrf", http.csrf()},
                                            {"slug", "test-site"},
                                            {"colour", "#1d4f91"},
                                            {"responsible", "Tryg Test"},
                                            {"row_version", "1"}};
    if (enabled) form["enabled"] = "1";
    const auto response = http.post_form("/site/settings", form);
    ASSERT_EQ(response.status, 303) << response.body;
  }

  testing::HttpResponse post_news(const std::map<std::string, std::string>& fields,
                                  const std::string& photo = {}) {
    auto& http = *coordinator_;
    http.get("/site/news/new");
    auto all = fields;
    all["_csrf"] = http.csrf();
    return http.request("POST", "/site/news",
                        testing::multipart_body(all, "image", "IMG_0001.jpg", photo),
                        testing::kMultipartType);
  }

  std::unique_ptr<HttpClient> coordinator_;
};

TEST_P(PublicContent, NewsIsPublicFromItsDayWithItsPhotoStrippedAndFeeds) {
  site_settings(true);
  auto& http = *coordinator_;
  const auto [plan, shown] =
      testing::plan_with_initiative(http, {}, {.name = "Et trygt natteliv", .purpose = "Tryghed"});
  const auto hidden =
      testing::create_initiative(http, plan, {.name = "Hemmelig indsats", .published = false});

  // A photo needs its text; a file that is no photo is refused.
  auto response = post_news({{"title", "Samskabelse om et trygt natteliv"},
                             {"published_on", "2017-10-23"},
                             {"initiative_id", shown},
                             {"body", "Co-creation i **nattelivet**.\n\nAnden del."}},
                            testing::sample_jpeg(1200, 800, true));
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Skriv hvad fotoet viser")) << response.body;
  response = post_news({{"title", "Et foto"}, {"image_alt", "x"}}, "not a photo");
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "ikke et foto")) << response.body;
  response = post_news({{"title", "Samskabelse om et trygt natteliv"},
                        {"published_on", "2017-10-23"},
                        {"initiative_id", shown},
                        {"image_alt", "Beværtere og politi ved workshoppen"},
                        {"body", "Co-creation i **nattelivet**.\n\nAnden del."}},
                       testing::sample_jpeg(1200, 800, true));
  ASSERT_EQ(response.status, 303) << response.body;
  ASSERT_EQ(post_news({{"title", "Hemmelig kladde"}, {"published_on", ""}}).status, 303);
  ASSERT_EQ(post_news({{"title", "Hemmelig fremtid"}, {"published_on", "2999-01-01"}}).status, 303);
  ASSERT_EQ(post_news({{"title", "Hemmelig om skjult indsats"},
                       {"published_on", "2017-01-01"},
                       {"initiative_id", hidden}})
                .status,
            303);
  const auto list = http.get("/site/news").body;
  EXPECT_TRUE(contains(list, "Kladde – ikke offentlig")) << list;
  EXPECT_TRUE(contains(list, "Offentliggøres"));

  HttpClient visitor(server_->port());
  const auto home = visitor.get("/p/test-site").body;
  EXPECT_TRUE(contains(home, "Samskabelse om et trygt natteliv")) << home;
  const auto index = visitor.get("/p/test-site/news").body;
  const auto path = first(index, R"(href="(/p/test-site/news/\d+)\")");
  ASSERT_FALSE(path.empty()) << index;
  const auto page = visitor.get(path);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "<strong>nattelivet</strong>")) << "Markdown rendered";
  EXPECT_TRUE(contains(page.body, "alt=\"Beværtere og politi ved workshoppen\""));
  EXPECT_TRUE(contains(page.body, "application/atom+xml")) << "the feed is discoverable";
  const auto image_path = first(page.body, R"(<img src="([^"?]+))");
  const auto image = visitor.get(image_path);
  ASSERT_EQ(image.status, 200) << image_path;
  EXPECT_EQ(image.header("content-type"), "image/jpeg");
  EXPECT_FALSE(contains(image.body, "Anna Andersson")) << "no metadata survives";
  EXPECT_EQ(
      visitor.request("GET", image_path, {}, {}, {{"If-None-Match", image.header("etag")}}).status,
      304);

  const auto feed = visitor.get("/p/test-site/news.atom");
  EXPECT_EQ(feed.header("content-type"), "application/atom+xml; charset=utf-8");
  EXPECT_EQ(count_of(feed.body, "<entry>"), 1) << feed.body;
  const auto initiative_feed = visitor.get("/p/test-site/initiatives/" + shown + "/news.atom");
  EXPECT_EQ(count_of(initiative_feed.body, "<entry>"), 1) << initiative_feed.body;
  EXPECT_TRUE(contains(visitor.get("/p/test-site/initiatives/" + shown).body,
                       "Samskabelse om et trygt natteliv"));
  EXPECT_EQ(visitor.get("/p/test-site/initiatives/" + hidden + "/news.atom").status, 404);
  for (const auto& [where, body] : std::map<std::string, std::string>{
           {"home", home},
           {"index", index},
           {"feed", feed.body},
           {"sitemap", visitor.get("/p/test-site/sitemap.xml").body},
           {"search", visitor.get("/p/test-site/search?q=hemmelig").body}}) {
    EXPECT_FALSE(contains(body, "Hemmelig")) << where << ": " << body;
  }

  // A new version of the plan copies the initiative: its page shows the earlier one's news and
  // links to it, and its feed has them too.
  http.get("/plans/" + plan);
  response = http.post_form("/plans/" + plan + "/versions", {{"_csrf", http.csrf()}});
  ASSERT_EQ(response.status, 303) << response.body;
  const auto newer_home = visitor.get("/p/test-site").body;
  const auto newer =
      first(newer_home, R"re(href="(/p/test-site/initiatives/\d+)">Et trygt natteliv)re");
  ASSERT_FALSE(newer.empty()) << newer_home;
  ASSERT_NE(newer, "/p/test-site/initiatives/" + shown) << "the home page shows the new version";
  const auto newer_page = visitor.get(newer).body;
  EXPECT_TRUE(contains(newer_page, "Samskabelse om et trygt natteliv")) << newer_page;
  EXPECT_TRUE(contains(newer_page, "href=\"/p/test-site/initiatives/" + shown + "\""))
      << "a link to the earlier version";
  EXPECT_EQ(count_of(visitor.get(newer + "/news.atom").body, "<entry>"), 1);
  EXPECT_TRUE(contains(visitor.get("/p/test-site/initiatives/" + shown).body, "href=\"" + newer))
      << "and back";

  // Deleted after a confirmation: gone from the site.
  const auto id = path.substr(path.rfind('/') + 1);
  EXPECT_EQ(http.get("/site/news/" + id + "/delete").status, 200);
  response = http.post_form("/site/news/" + id + "/delete", {{"_csrf", http.csrf()}});
  EXPECT_EQ(response.status, 303);
  EXPECT_EQ(visitor.get(path).status, 404);

  // The API lists the staff's news with their states; members may not.
  const auto api = http.get("/api/v1/news").body;
  EXPECT_TRUE(contains(api, "\"state\":\"draft\"")) << api;
  EXPECT_TRUE(contains(api, "\"state\":\"scheduled\""));
  auto member = signed_in("ssp@aalborg.dk", "member");
  EXPECT_EQ(member.get("/site/news").status, 403);
  EXPECT_EQ(member.get("/api/v1/news").status, 403);
}

// (The test workspace has Tryg Aalborg's name, so the demo leaves it as it is: its seed news are
// checked in the demo's export, tests/data/demo-export.json.)
TEST_P(PublicContent, LandskronasWalkIsPublishedWithOnlyItsPublicFindings) {
  HttpClient visitor(server_->port());
  const auto home = visitor.get("/p/landskrona").body;
  EXPECT_TRUE(contains(home, "Trygghetsvandringar")) << home;
  const auto walk_path = first(home, R"(href="(/p/landskrona/walks/\d+)\")");
  ASSERT_FALSE(walk_path.empty()) << home;
  const auto walk = visitor.get(walk_path);
  ASSERT_EQ(walk.status, 200) << walk.body;
  EXPECT_TRUE(contains(walk.body, "Gångvägen genom Karlslundsområdet"));
  EXPECT_TRUE(contains(walk.body, "Ny belysning uppsatt längs gångvägen."));
  EXPECT_TRUE(contains(walk.body, "Teknik- och serviceförvaltningen"));
  EXPECT_TRUE(contains(walk.body, "data:image/svg+xml;base64,")) << "the map";
  EXPECT_FALSE(contains(walk.body, "Gångtunneln")) << "a finding not marked public";
  EXPECT_FALSE(contains(walk.body, "Grupp norr")) << "the groups name their guides";
  EXPECT_TRUE(contains(visitor.get("/p/landskrona/sitemap.xml").body, walk_path + "</loc>"));
  EXPECT_EQ(visitor.get("/p/landskrona/walks/999999").status, 404);
  EXPECT_EQ(visitor.get("/p/landskrona/walks/files/999999").status, 404);
  EXPECT_EQ(visitor.get("/p/landskrona/nothing/1").status, 404);
  const auto found = visitor.get("/p/landskrona/search?q=BELYSNING").body;
  EXPECT_TRUE(contains(found, walk_path)) << found;
}

TEST_P(PublicContent, APublicIndicatorIsOpenDataAndAChartOtherSitesMayFrame) {
  HttpClient visitor(server_->port());
  const auto home = visitor.get("/p/landskrona").body;
  std::string open;
  // The first initiative page that shows an indicator.
  const std::regex initiative(R"(href="(/p/landskrona/initiatives/\d+)\")");
  for (auto it = std::sregex_iterator(home.begin(), home.end(), initiative);
       it != std::sregex_iterator() && open.empty(); ++it) {
    open = first(visitor.get((*it)[1].str()).body,
                 R"(href="(/p/landskrona/indicators/\d+)/data\.csv\")");
  }
  ASSERT_FALSE(open.empty());
  const auto csv = visitor.get(open + "/data.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
  EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBF")) << "Excel reads the letters right";
  EXPECT_FALSE(contains(csv.body, "Källfil")) << "how figures were entered stays inside";
  const auto json = visitor.get(open + "/data.json");
  ASSERT_EQ(json.status, 200);
  EXPECT_EQ(json.header("access-control-allow-origin"), "*");
  const auto table = stats::read_jsonstat(json.body);
  EXPECT_EQ(table.dimensions.size(), 3U);
  EXPECT_FALSE(table.values.empty());
  EXPECT_EQ(
      visitor.request("GET", open + "/data.json", {}, {}, {{"If-None-Match", json.header("etag")}})
          .status,
      304);
  const auto embed = visitor.get(open + "/embed");
  ASSERT_EQ(embed.status, 200);
  EXPECT_TRUE(embed.header("x-frame-options").empty()) << "other sites may frame it";
  EXPECT_TRUE(contains(embed.header("content-security-policy"), "frame-ancestors *"));
  EXPECT_TRUE(contains(embed.body, "<svg")) << embed.body;
  EXPECT_TRUE(contains(embed.body, "<table>")) << "the figures as a table";
  EXPECT_EQ(visitor.get("/p/landskrona").header("x-frame-options"), "DENY");

  // An indicator the public does not see has no open data.
  site_settings(true);
  const auto [plan, shown] = testing::plan_with_initiative(*coordinator_, {}, {});
  const auto hidden = testing::create_indicator(
      *coordinator_, plan, {.name = "Hemmelig indikator", .initiative = shown, .published = false});
  EXPECT_EQ(visitor.get("/p/test-site/indicators/" + hidden + "/data.csv").status, 404);
  EXPECT_EQ(visitor.get("/p/test-site/indicators/" + hidden + "/embed").status, 404);
}

TEST_P(PublicContent, NoSiteAPreviewForCoordinatorsAndBadInputInTheVisitorsLanguage) {
  HttpClient visitor(server_->port());
  auto response =
      visitor.request("GET", "/p/ingen-saadan", {}, {}, {{"Accept-Language", "sv-SE,sv;q=0.9"}});
  EXPECT_EQ(response.status, 404);
  EXPECT_TRUE(contains(response.body, "Det finns ingen publik webbplats")) << response.body;

  site_settings(false);
  EXPECT_EQ(visitor.get("/p/test-site").status, 404) << "off: nobody else sees it";
  response = coordinator_->get("/p/test-site");
  ASSERT_EQ(response.status, 200);
  EXPECT_TRUE(contains(response.body, "Forhåndsvisning")) << response.body;
  EXPECT_EQ(response.header("cache-control"), "private, no-store");
  auto member = signed_in("ssp@aalborg.dk", "member");
  EXPECT_EQ(member.get("/p/test-site").status, 404);

  response = visitor.get("/p/landskrona/search?q=" + std::string(300, 'a'));
  EXPECT_EQ(response.status, 400);
  EXPECT_TRUE(contains(response.body, "Sökningen är för lång")) << response.body;
  response = visitor.get("/p/landskrona/search?q=tryg%FF");
  EXPECT_EQ(response.status, 400);
  EXPECT_TRUE(contains(response.body, "Tillgänglighetsredogörelse")) << "in the site's layout";
  response = visitor.get("/p/landskrona/search?q=%3Cscript%3Etrygghet");
  EXPECT_EQ(response.status, 200);
  EXPECT_FALSE(contains(response.body, "<script>")) << "what was typed is escaped";
  response = visitor.get("/p/landskrona/search?q=poliser+till+fots");
  EXPECT_TRUE(contains(response.body, "/public/promises/")) << response.body;
  EXPECT_EQ(response.header("cache-control"), "private, no-cache");
}

SAMTRYG_ON_EVERY_BACKEND(PublicContent);

}  // namespace
}  // namespace samtryg::site
