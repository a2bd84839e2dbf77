// The features as modules: every hook belongs to one server, so a second server built in the
// same process (as the tests do, and as a process serving two ports would) draws each section,
// link and menu entry once; and the module list is the complete, ordered list of features.
#include <gtest/gtest.h>

#include <set>

#include "app/modules.hpp"
#include "support/factories.hpp"
#include "support/test_server.hpp"

namespace samtryg::app {
namespace {

using testing::HttpClient;

std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

// An indicator of the plan that follows the initiative up, with a target and a value, so the
// initiative page has the indicators' roll-up section.
void followed_up(HttpClient& http, const std::string& plan, const std::string& initiative) {
  http.get("/plans/" + plan + "/indicators/new");
  auto response =
      http.post_form("/plans/" + plan + "/indicators", {{"_csrf", http.csrf()},
                                                        {"name", "Andel trygge i nattelivet"},
                                                        {"unit", "percent"},
                                                        {"decimals", "1"},
                                                        {"direction", "higher"},
                                                        {"source", "survey"},
                                                        {"frequency", "year"},
                                                        {"initiative_id", initiative},
                                                        {"published", "1"}});
  ASSERT_EQ(response.status, 303) << response.body;
  const auto indicator = testing::id_from_location(response);
  response =
      http.post_form("/indicators/" + indicator + "/targets", {{"_csrf", http.csrf()},
                                                               {"comparator", "ge"},
                                                               {"value", "70"},
                                                               {"period_start", "2017-01-01"},
                                                               {"period_end", "2017-12-31"}});
  ASSERT_EQ(response.status, 303) << response.body;
  response = http.post_form(
      "/indicators/" + indicator + "/values",
      {{"_csrf", http.csrf()}, {"period", "2017"}, {"value", "84,9"}, {"status", "final"}});
  ASSERT_EQ(response.status, 303) << response.body;
}

class Modules : public testing::ServerTest {};

TEST_P(Modules, TwoServersInOneProcessDrawEachSectionLinkAndMenuEntryOnce) {
  auto http = signed_in("tovholder@aalborg.dk", "coordinator");
  const auto [plan, initiative] = testing::plan_with_initiative(http);
  followed_up(http, plan, initiative);

  // A second server in the same process, on the same database.
  testing::TestServer second(scratch_->url());
  HttpClient other(second.port());
  ASSERT_EQ(other.log_in("tovholder@aalborg.dk", testing::kPassword).status, 303);

  for (auto* client : {&http, &other}) {
    const auto page = client->get("/initiatives/" + initiative);
    ASSERT_EQ(page.status, 200);
    EXPECT_EQ(occurrences(page.body, "id=\"initiative-indicators\""), 1U) << page.body;
    const auto overview = client->get("/plans/" + plan);
    EXPECT_EQ(occurrences(overview.body, "href=\"/plans/" + plan + "/indicators\""), 1U);
    EXPECT_EQ(occurrences(overview.body, "href=\"/plans/" + plan + "/rounds\""), 1U);
    // The layout draws the menu twice, the wide list and the phone's <details> menu (one shown
    // at a time): the entry is once in each.
    const auto wide = overview.body.find("<nav class=\"menu-wide\"");
    ASSERT_NE(wide, std::string::npos);
    const auto wide_menu = overview.body.substr(wide, overview.body.find("</nav>", wide) - wide);
    EXPECT_EQ(occurrences(wide_menu, "<li><a href=\"/plans\""), 1U) << "the menu entry";
    EXPECT_EQ(occurrences(overview.body, "<li><a href=\"/plans\""), 2U) << "and in the phone's";
    EXPECT_EQ(occurrences(overview.body, "<li><a href=\"/dialogues\""), 2U) << "a later module's";
    EXPECT_EQ(client->get("/history/initiative/" + initiative).status, 200);
  }
}

SAMTRYG_ON_EVERY_BACKEND(Modules);

TEST(ModuleList, NamesEveryFeatureOnceAfterThoseItBuildsOn) {
  std::vector<std::string> names;
  for (const auto* feature : modules()) names.emplace_back(feature->name());
  const std::set<std::string> distinct(names.begin(), names.end());
  EXPECT_EQ(distinct.size(), names.size());
  const auto position = [&](const std::string& name) {
    return std::find(names.begin(), names.end(), name) - names.begin();
  };
  // Users before the initiatives they lead; the register before the indicators and forms that
  // point at it; the indicators before the forms that hold their values.
  EXPECT_LT(position("accounts"), position("strategy"));
  EXPECT_LT(position("strategy"), position("indicators"));
  EXPECT_LT(position("indicators"), position("reporting"));
  // Walks point at initiatives, at the per-event indicator their count feeds, and at users.
  EXPECT_LT(position("indicators"), position("walks"));
  // A dialogue takes a safety walk as input.
  EXPECT_LT(position("walks"), position("dialogues"));
  EXPECT_LT(position("statistics"), position("indicators"));
}

}  // namespace
}  // namespace samtryg::app
