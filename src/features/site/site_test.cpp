// The public site through a real server on SQLite and PostgreSQL: nothing is public until a
// coordinator switches it on (a bad address, a colour white text cannot be read on and a missing
// "responsible" are refused with messages); a crawl of every public page and the sitemap of a
// workspace full of unpublished plans, initiatives, activities and indicators finds none of them
// and no staff e-mail address; an unpublished id gets the site's own 404 in the workspace's
// language; every page carries ETag, Last-Modified and Cache-Control, answers 304, and shows a
// publish at once; the visitor's language choice is kept without an account.
#include <gtest/gtest.h>

#include <memory>
#include <regex>
#include <set>
#include <tuple>

#include "support/factories.hpp"
#include "support/test_server.hpp"

namespace samtryg::site {
namespace {

using testing::HttpClient;

constexpr const char* kSecret = "Hemmelig";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::map<std::string, std::string> settings_form(HttpClient& http, const std::string& slug,
                                                 const std::string& colour,
                                                 const std::string& responsible) {
  return {{"_csrf", http.csrf()},
          {"enabled", "1"},
          {"slug", slug},
          {"colour", colour},
          {"responsible", responsible},
          {"contact_email", "tryg@example.org"},
          {"row_version", "1"}};
}

class PublicSite : public testing::ServerTest {
 protected:
  void prepare() override {
    coordinator_ = std::make_unique<HttpClient>(signed_in("tovholder@aalborg.dk", "coordinator"));
    auto& http = *coordinator_;
    const auto [plan, shown] = testing::plan_with_initiative(
        http, {}, {.name = "Bekymrende fravær i skolen", .purpose = "Tidlig forebyggende indsats"});
    plan_ = plan;
    shown_ = shown;
    hidden_ = testing::create_initiative(
        http, plan, {.name = "Hemmelig indsats mod indbrud", .published = false});
    auto response = http.post_form("/initiatives/" + hidden_ + "/activities",
                                   {{"_csrf", http.csrf()},
                                    {"title", "Hemmeligt netværksmøde"},
                                    {"kind", "activity"},
                                    {"status", "done"},
                                    {"done_when", "2017-11-24"}});
    EXPECT_EQ(response.status, 303) << response.body;
    response = http.post_form("/initiatives/" + shown_ + "/activities",
                              {{"_csrf", http.csrf()},
                               {"title", "Temadag for professionelle"},
                               {"kind", "activity"},
                               {"status", "done"},
                               {"done_when", "2017-09-15"}});
    EXPECT_EQ(response.status, 303) << response.body;
    const auto secret_plan = testing::create_plan(http, {.name = "Hemmelig handleplan 2018",
                                                         .period_start = "2018-01-01",
                                                         .period_end = "2018-12-31",
                                                         .published = false});
    inside_hidden_plan_ = testing::create_initiative(
        http, secret_plan, {.name = "Hemmelig tryghedsvandring", .published = true});
    const auto indicator = testing::create_indicator(
        http, plan, {.name = "Drop-out-truede elever", .initiative = shown_});
    response = http.post_form(
        "/indicators/" + indicator + "/values",
        {{"_csrf", http.csrf()}, {"period", "2016"}, {"value", "143"}, {"status", "final"}});
    EXPECT_EQ(response.status, 303) << response.body;
    testing::create_indicator(
        http, plan, {.name = "Hemmelig indikator", .initiative = shown_, .published = false});
    // News: a draft, one for a day to come, one about the unpublished initiative, one public.
    for (const auto& [title, day, about] :
         std::vector<std::tuple<std::string, std::string, std::string>>{
             {"Hemmelig kladde", "", ""},
             {"Hemmelig fremtid", "2999-01-01", ""},
             {"Hemmelig indbrudsnyhed", "2017-01-01", hidden_},
             {"Temadag holdt", "2017-09-16", shown_}}) {
      http.get("/site/news/new");
      response = http.request("POST", "/site/news",
                              testing::multipart_body({{"_csrf", http.csrf()},
                                                       {"title", title},
                                                       {"published_on", day},
                                                       {"initiative_id", about}},
                                                      "image", "", ""),
                              testing::kMultipartType);
      EXPECT_EQ(response.status, 303) << response.body;
    }
  }

  // The coordinator makes the site public at /p/tryg-aalborg.
  void switch_on() {
    auto& http = *coordinator_;
    http.get("/site/settings");
    const auto response = http.post_form(
        "/site/settings", settings_form(http, "tryg-aalborg", "#1d4f91", "Tryg Aalborg"));
    ASSERT_EQ(response.status, 303) << response.body;
  }

  // Every page reachable from the site's home and its sitemap, each fetched once.
  std::map<std::string, std::string> crawl(HttpClient& visitor, const std::string& base) {
    std::map<std::string, std::string> pages;
    std::vector<std::string> queue{base, base + "/sitemap.xml", base + "/nowhere",
                                   base + "/initiatives/" + hidden_,
                                   base + "/initiatives/" + inside_hidden_plan_};
    const std::regex link(R"((?:href|src)="([^"#?]+)|<loc>[^<]*?(/p/[^<]+)</loc>)");
    while (!queue.empty()) {
      const auto path = queue.back();
      queue.pop_back();
      if (pages.contains(path)) continue;
      const auto response = visitor.get(path);
      pages[path] = response.body;
      for (auto it = std::sregex_iterator(response.body.begin(), response.body.end(), link);
           it != std::sregex_iterator(); ++it) {
        const auto found = (*it)[1].matched ? (*it)[1].str() : (*it)[2].str();
        if (found.starts_with(base) || found.starts_with("/static/")) queue.push_back(found);
      }
    }
    return pages;
  }

  std::unique_ptr<HttpClient> coordinator_;
  std::string plan_;
  std::string shown_;
  std::string hidden_;
  std::string inside_hidden_plan_;  // published, in an unpublished plan
};

TEST_P(PublicSite, NothingIsPublicUntilACoordinatorSwitchesItOnAndBadSettingsAreRefused) {
  HttpClient visitor(server_->port());
  EXPECT_EQ(visitor.get("/p/tryg-aalborg").status, 404);
  auto& http = *coordinator_;
  http.get("/site/settings");
  auto response = http.post_form("/site/settings",
                                 settings_form(http, "Tryg Aalborg", "#1d4f91", "Tryg Aalborg"));
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "små bogstaver")) << response.body;
  response =
      http.post_form("/site/settings", settings_form(http, "tryg-aalborg", "#ffd700", "Tryg"));
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Hvid tekst på den farve har kontrasten 1,4:1") ||
              contains(response.body, "kontrasten 1.4:1"))
      << response.body;
  response = http.post_form("/site/settings", settings_form(http, "tryg-aalborg", "#1d4f91", ""));
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Skriv, hvem der er ansvarlig")) << response.body;
  response = http.post_form("/site/settings",
                            settings_form(http, "tryg-aalborg", "#1d4f91", "Tryg Aalborg"));
  ASSERT_EQ(response.status, 303) << response.body;
  const auto home = visitor.get("/p/tryg-aalborg");
  ASSERT_EQ(home.status, 200) << home.body;
  EXPECT_TRUE(contains(home.body, "Bekymrende fravær i skolen"));
  EXPECT_TRUE(contains(home.body, "Ansvarlig for indholdet: <span lang=\"da\">Tryg Aalborg</span>"))
      << home.body;
  EXPECT_TRUE(contains(home.body, "Tilgængelighedserklæring"));
  EXPECT_EQ(visitor.get("/p/tryg-aalborg/colours.css").body, ":root { --band: #1d4f91; }\n");

  auto member = signed_in("ssp@aalborg.dk", "member");
  EXPECT_EQ(member.get("/site/settings").status, 403);
}

TEST_P(PublicSite, ACrawlOfEveryPublicPageFindsNothingUnpublishedAndNoStaffAddress) {
  switch_on();
  HttpClient visitor(server_->port());
  const auto pages = crawl(visitor, "/p/tryg-aalborg");
  EXPECT_GE(pages.size(), 6U);
  for (const auto& [path, body] : pages) {
    SCOPED_TRACE(path);
    EXPECT_FALSE(contains(body, kSecret)) << body;
    EXPECT_FALSE(contains(body, "@aalborg.dk")) << "a staff address";
  }
  const auto initiative = pages.at("/p/tryg-aalborg/initiatives/" + shown_);
  EXPECT_TRUE(contains(initiative, "Temadag for professionelle")) << initiative;
  EXPECT_TRUE(contains(initiative, "Drop-out-truede elever"));
  EXPECT_TRUE(contains(initiative, "<th scope=\"row\">2016</th><td>143</td>")) << initiative;
  EXPECT_TRUE(contains(initiative, "Temadag holdt")) << "the initiative's news";
  EXPECT_TRUE(pages.contains("/p/tryg-aalborg/news.atom"));
  EXPECT_TRUE(contains(pages.at("/p/tryg-aalborg/sitemap.xml"),
                       "/p/tryg-aalborg/initiatives/" + shown_ + "</loc>"));

  const auto missing = visitor.get("/p/tryg-aalborg/initiatives/" + hidden_);
  EXPECT_EQ(missing.status, 404);
  EXPECT_TRUE(contains(missing.body, "Siden findes ikke")) << missing.body;
  EXPECT_TRUE(contains(missing.body, "Tilgængelighedserklæring")) << "in the site's layout";
  EXPECT_EQ(visitor.get("/p/ingen-saadan/initiatives/1").status, 404);
  EXPECT_EQ(visitor.get("/p/tryg-aalborg/initiatives/" + std::string(5000, '9')).status, 404);
}

TEST_P(PublicSite, PagesAreCacheableAnswer304AndShowAPublishAtOnce) {
  switch_on();
  HttpClient visitor(server_->port());
  const auto first = visitor.get("/p/tryg-aalborg");
  const auto etag = first.header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_TRUE(
      std::regex_match(first.header("last-modified"),
                       std::regex(R"([A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT)")))
      << first.header("last-modified");
  EXPECT_EQ(first.header("cache-control"), "public, no-cache");
  auto again = visitor.request("GET", "/p/tryg-aalborg", {}, {}, {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  again = visitor.request("GET", "/p/tryg-aalborg", {}, {},
                          {{"If-Modified-Since", first.header("last-modified")}});
  EXPECT_EQ(again.status, 304);
  // A compressing proxy marks the tag weak; a cache may send several.
  again = visitor.request("GET", "/p/tryg-aalborg", {}, {},
                          {{"If-None-Match", "\"other\", W/" + etag}});
  EXPECT_EQ(again.status, 304);

  // Published: the next visit shows it, under a new ETag.
  const auto made = testing::create_initiative(*coordinator_, plan_, {.name = "Trygt natteliv"});
  again = visitor.request("GET", "/p/tryg-aalborg", {}, {}, {{"If-None-Match", etag}});
  ASSERT_EQ(again.status, 200);
  EXPECT_NE(again.header("etag"), etag);
  EXPECT_TRUE(contains(again.body, "Trygt natteliv")) << again.body;
  EXPECT_TRUE(contains(visitor.get("/p/tryg-aalborg/initiatives/" + made).body, "Trygt natteliv"));
}

TEST_P(PublicSite, TheWorkspacesLanguageByDefaultAndTheVisitorsChoiceKept) {
  switch_on();
  HttpClient visitor(server_->port());
  auto page = visitor.request("GET", "/p/tryg-aalborg/accessibility", {}, {},
                              {{"Accept-Language", "en-GB,en;q=0.9"}});
  EXPECT_TRUE(contains(page.body, "<html lang=\"da\"")) << "the workspace's language";
  EXPECT_TRUE(contains(page.body, "Tilgængelighedserklæring"));
  const auto chosen = visitor.get("/p/tryg-aalborg/accessibility?lang=en");
  EXPECT_EQ(chosen.status, 303);
  EXPECT_EQ(chosen.header("location"), "/p/tryg-aalborg/accessibility");
  page = visitor.get("/p/tryg-aalborg/accessibility");
  EXPECT_TRUE(contains(page.body, "<html lang=\"en\"")) << page.body;
  EXPECT_TRUE(contains(page.body, "Accessibility statement"));
  const auto missing = visitor.get("/p/tryg-aalborg/initiatives/" + hidden_);
  EXPECT_TRUE(contains(missing.body, "Page not found")) << "the 404 in the visitor's language";
}

// Behind the municipality's reverse proxy on a host name of its own: that host's front page is
// the site, its paths the site's pages; the staff's pages are not there; the application's own
// address and a host no site has are answered as before.
TEST_P(PublicSite, ServedOnItsOwnHostName) {
  auto& http = *coordinator_;
  http.get("/site/settings");
  auto form = settings_form(http, "tryg-aalborg", "#1d4f91", "Tryg Aalborg");
  form["host"] = "Tryg.Example.DK";
  ASSERT_EQ(http.post_form("/site/settings", form).status, 303);
  EXPECT_TRUE(contains(http.get("/site/settings").body, "value=\"tryg.example.dk\""))
      << "kept in lower case";
  HttpClient visitor(server_->port());
  const std::map<std::string, std::string> own{{"Host", "tryg.example.dk:443"}};
  auto page = visitor.request("GET", "/", {}, {}, own);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "Bekymrende fravær i skolen")) << page.body;
  page = visitor.request("GET", "/initiatives/" + shown_, {}, {}, own);
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Temadag for professionelle"));
  EXPECT_EQ(visitor.request("GET", "/p/tryg-aalborg/accessibility", {}, {}, own).status, 200)
      << "the site's own links work there too";
  EXPECT_EQ(visitor.request("GET", "/static/site.css", {}, {}, own).status, 200);
  page = visitor.request("GET", "/login", {}, {}, own);
  EXPECT_EQ(page.status, 404) << "the staff's pages are not on the site's host";
  EXPECT_TRUE(contains(page.body, "Tilgængelighedserklæring")) << "the site's own 404";
  EXPECT_EQ(visitor.request("GET", "/login", {}, {}, {{"Host", "other.example.dk"}}).status, 200);
  EXPECT_EQ(visitor.request("GET", "/", {}, {}, {{"Host", "127.0.0.1"}}).status, 303)
      << "the application's own address";
  // Only a trusted proxy may say which host was asked for.
  EXPECT_EQ(
      visitor.request("GET", "/login", {}, {}, {{"X-Forwarded-Host", "tryg.example.dk"}}).status,
      200);
}

SAMTRYG_ON_EVERY_BACKEND(PublicSite);

}  // namespace
}  // namespace samtryg::site
