// What a viewer (who reads published content only) can reach: every page and API answer a
// viewer may open, with every record id the workspace has, shows nothing of unpublished plans,
// initiatives, their activities and indicators, or of reporting rounds — also not where a
// published record embeds them (an indicator following up an unpublished initiative).
#include <gtest/gtest.h>

#include <regex>

#include "support/factories.hpp"
#include "support/test_server.hpp"

namespace samtryg {
namespace {

using testing::HttpClient;

// Every unpublished name carries this mark; no answer to a viewer may contain it.
constexpr const char* kSecret = "Hemmelig";

class Visibility : public testing::ServerTest {
 protected:
  std::string indicator(HttpClient& http, const std::string& plan, const std::string& name,
                        const std::string& initiative) {
    auto id = testing::create_indicator(http, plan, {.name = name, .initiative = initiative});
    const auto value = http.post_form(
        "/indicators/" + id + "/values",
        {{"_csrf", http.csrf()}, {"period", "2017"}, {"value", "42"}, {"status", "final"}});
    EXPECT_EQ(value.status, 303) << value.body;
    return id;
  }

  void prepare() override {
    auto http = signed_in("tovholder@aalborg.dk", "coordinator");
    // A published plan with a published and an unpublished initiative.
    const auto [plan, shown] = testing::plan_with_initiative(http);
    const auto hidden = testing::create_initiative(
        http, plan, {.name = "Hemmelig indsats mod indbrud", .published = false});
    auto response = http.post_form("/initiatives/" + hidden + "/activities",
                                   {{"_csrf", http.csrf()},
                                    {"title", "Hemmeligt netværksmøde"},
                                    {"kind", "activity"},
                                    {"status", "done"},
                                    {"done_when", "2017-11-24"}});
    EXPECT_EQ(response.status, 303) << response.body;
    // A published indicator that follows up the unpublished initiative.
    indicator(http, plan, "Anmeldte indbrud i Aalborg Øst", hidden);
    // An unpublished plan with a published initiative and a published indicator inside it.
    const auto secret_plan = testing::create_plan(http, {.name = "Hemmelig handleplan 2018",
                                                         .period_start = "2018-01-01",
                                                         .period_end = "2018-12-31",
                                                         .published = false});
    const auto inside = testing::create_initiative(
        http, secret_plan, {.name = "Hemmelig tryghedsvandring", .published = true});
    indicator(http, secret_plan, "Hemmelig andel trygge borgere", inside);
    // A reporting round of the unpublished plan.
    http.get("/plans/" + secret_plan + "/rounds/new");
    response = http.request("POST", "/plans/" + secret_plan + "/rounds",
                            testing::form_encode({{"_csrf", http.csrf()},
                                                  {"name", "Hemmelig afrapportering"},
                                                  {"period_start", "2018-01-01"},
                                                  {"period_end", "2018-06-30"},
                                                  {"deadline", "2018-08-31"},
                                                  {"template_key", "afrapportering_da"}}) +
                                "&initiative=" + inside,
                            "application/x-www-form-urlencoded");
    EXPECT_EQ(response.status, 303) << response.body;
    ASSERT_NE(http.get("/plans/" + secret_plan).body.find(kSecret), std::string::npos)
        << "the coordinator sees it all";
  }
};

TEST_P(Visibility, AViewerFindsNoUnpublishedNameOnAnyPageOrApiAnswer) {
  auto viewer = signed_in("byraad@aalborg.dk", "viewer");
  const auto& routes = server_->runtime().app().routes();
  int fetched = 0;
  int readable = 0;
  for (const auto& route : routes) {
    if (route.method != http::Method::get) continue;
    if (!route.access.admits(true, auth::Role::viewer)) continue;
    const bool has_id = route.pattern.find('{') != std::string::npos;
    for (int id = 1; id <= (has_id ? 12 : 1); ++id) {
      for (const auto* query : {"", "?q=indbrud", "?q=tryghedsvandring+handleplan"}) {
        const auto path =
            std::regex_replace(route.pattern, std::regex(R"(\{[^}]+\})"), std::to_string(id)) +
            query;
        const auto response = viewer.get(path);
        ++fetched;
        if (response.status == 200) ++readable;
        EXPECT_LT(response.status, 500) << path;
        EXPECT_EQ(response.body.find(kSecret), std::string::npos)
            << path << " shows an unpublished name to a viewer";
      }
    }
  }
  EXPECT_GT(readable, 40) << "of " << fetched << " answers; the viewer reads published pages";
  // The published indicator is there, without the initiative it follows up.
  const auto page = viewer.get("/indicators/1");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Anmeldte indbrud i Aalborg Øst"), std::string::npos);
}

SAMTRYG_ON_EVERY_BACKEND(Visibility);

}  // namespace
}  // namespace samtryg
