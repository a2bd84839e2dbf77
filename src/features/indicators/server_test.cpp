// Indicators through a real server as coordinators, leads and viewers use them, on SQLite and
// PostgreSQL: define, set a target, type values, read the status and its explanation, export.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "core/util/time.hpp"
#include "support/factories.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace samtryg::indicators {
namespace {

using testing::HttpClient;
using testing::id_from_location;

// ICU writes a no-break space before the per cent sign.
const std::string kPercent = "\u00a0%";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class IndicatorServer : public testing::ServerTest {
 protected:
  // Landskrona's agreement with one initiative led by `lead` (a user id or "");
  // returns {plan, initiative}.
  static std::pair<std::string, std::string> plan_with_initiative(HttpClient& http,
                                                                  const std::string& lead) {
    return testing::plan_with_initiative(
        http,
        {.name = "Överenskommelse om samverkan för ökad trygghet i Landskrona 2016",
         .kind = "cooperation_agreement",
         .period_start = "2016-01-01",
         .period_end = "2016-12-31"},
        {.name = "Attraktiv stad", .lead = lead});
  }

  static std::string create_indicator(HttpClient& http, const std::string& plan,
                                      const std::string& initiative) {
    return testing::create_indicator(
        http, plan,
        {.name = "Andel nöjda med insatser mot klotter och skadegörelse",
         .initiative = initiative,
         .unit = "percent",
         .decimals = "1",
         .direction = "higher",
         .source = "survey",
         .source_note = "Polisens trygghetsmätning"});
  }
};

TEST_P(IndicatorServer, CoordinatorDefinesATargetTypesValuesAndSeesTheStatusExplained) {
  auto http = signed_in("samordnare@landskrona.se", "coordinator");
  const auto [plan, initiative] = plan_with_initiative(http, "");
  const auto id = create_indicator(http, plan, initiative);
  ASSERT_FALSE(id.empty());

  http.get("/indicators/" + id + "/targets/new");
  auto response = http.post_form("/indicators/" + id + "/targets", {{"_csrf", http.csrf()},
                                                                    {"comparator", "ge"},
                                                                    {"value", "70"},
                                                                    {"period_start", "2016-01-01"},
                                                                    {"period_end", "2016-12-31"}});
  ASSERT_EQ(response.status, 303) << response.body;

  // A value that is not a number is refused next to its field, and nothing is stored.
  response = http.post_form(
      "/indicators/" + id + "/values",
      {{"_csrf", http.csrf()}, {"period", "2016"}, {"value", "N/A"}, {"status", "final"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Skriv et tal")) << response.body;
  EXPECT_TRUE(contains(response.body, "value=\"N/A\"")) << "what was typed stays";
  response = http.post_form(
      "/indicators/" + id + "/values",
      {{"_csrf", http.csrf()}, {"period", "2016M13"}, {"value", "71"}, {"status", "final"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Skriv en periode, der passer"));
  EXPECT_TRUE(contains(http.get("/indicators/" + id).body, "Ingen værdier endnu."));

  // Decimal comma; the Danish quarter code K is understood too.
  response = http.post_form(
      "/indicators/" + id + "/values",
      {{"_csrf", http.csrf()}, {"period", "2016"}, {"value", "68,5"}, {"status", "final"}});
  ASSERT_EQ(response.status, 303) << response.body;
  auto page = http.get("/indicators/" + id).body;
  EXPECT_TRUE(contains(page, "68,5" + kPercent));
  EXPECT_TRUE(contains(page, "Ikke nået"));
  EXPECT_TRUE(contains(page, "Seneste værdi 68,5" + kPercent + " (2016) holdt op mod målet ≥ 70,0" +
                                 kPercent + " (2016)"));
  EXPECT_TRUE(contains(page, "<svg")) << "the chart";
  EXPECT_TRUE(contains(page, "<title id=\"indicator-" + id + "-title\">"));
  EXPECT_TRUE(contains(page, "Tallene bag grafen")) << "the data table beside it";

  // The same period again replaces the value instead of adding a second one.
  response = http.post_form(
      "/indicators/" + id + "/values",
      {{"_csrf", http.csrf()}, {"period", "2016"}, {"value", "71"}, {"status", "final"}});
  ASSERT_EQ(response.status, 303);
  page = http.get("/indicators/" + id).body;
  EXPECT_FALSE(contains(page, "68,5" + kPercent));
  EXPECT_TRUE(contains(page, "Nået"));

  const auto dashboard = http.get("/plans/" + plan + "/indicators").body;
  EXPECT_TRUE(contains(dashboard, "Samlet status: <span class=\"status status-met\">"))
      << dashboard;
  EXPECT_TRUE(contains(dashboard, "1 af 1 indikator med status"));  // ICU plural
  // The initiative the indicator follows up shows the same roll-up, with its weights.
  const auto initiative_page = http.get("/initiatives/" + initiative).body;
  EXPECT_TRUE(contains(initiative_page, "Indikatorer: <span class=\"status status-met\">"))
      << initiative_page;
  EXPECT_TRUE(contains(initiative_page, "href=\"/indicators/" + id + "\""));

  const auto csv = http.get("/indicators/" + id + "/export/csv");
  EXPECT_EQ(csv.status, 200);
  EXPECT_TRUE(contains(csv.header("content-disposition"), "attachment"));
  EXPECT_TRUE(contains(csv.body,
                       "Andel nöjda med insatser mot klotter och skadegörelse;Procent;"
                       "2016;;71;"));
  const auto xlsx = http.get("/plans/" + plan + "/indicators/export/xlsx");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK") << "a zip container";
  EXPECT_TRUE(contains(xlsx.body, "xl/worksheets/sheet1.xml"));

  // The start page lists the indicator: its latest figure is for 2016, and the last finished
  // year's is due.
  const auto due_year = std::to_string(std::stoi(today_iso_utc().substr(0, 4)) - 1);
  auto start = http.get("/").body;
  EXPECT_TRUE(contains(start, "Indikatorer der venter på tal")) << start;
  EXPECT_TRUE(contains(start, "href=\"/indicators/" + id + "#values\">")) << start;
  EXPECT_TRUE(contains(start, "mangler tal for " + due_year)) << start;

  // An indicator with figures but no target says so, rather than "no data".
  const auto untargeted = testing::create_indicator(
      http, plan, {.name = "Anmälda skadegörelsebrott", .initiative = initiative});
  response = http.post_form(
      "/indicators/" + untargeted + "/values",
      {{"_csrf", http.csrf()}, {"period", due_year}, {"value", "412"}, {"status", "final"}});
  ASSERT_EQ(response.status, 303) << response.body;
  page = http.get("/indicators/" + untargeted).body;
  EXPECT_TRUE(contains(page, "Intet mål")) << page;
  EXPECT_FALSE(contains(page, "Ingen data")) << page;
  start = http.get("/").body;
  EXPECT_FALSE(contains(start, "href=\"/indicators/" + untargeted + "#values\">"))
      << "its figure for the last year is in";
}

TEST_P(IndicatorServer, LeadsEnterValuesForTheirInitiativesOnlyAndViewersOnlyRead) {
  auto coordinator = signed_in("samordnare@landskrona.se", "coordinator");
  auto lead = signed_in("lead@landskrona.se", "initiative_lead");
  auto other_lead = signed_in("other@landskrona.se", "initiative_lead");
  auto viewer = signed_in("viewer@landskrona.se", "viewer");
  const auto [plan, initiative] =
      plan_with_initiative(coordinator, std::to_string(user_ids_["lead@landskrona.se"]));
  const auto id = create_indicator(coordinator, plan, initiative);

  const auto value = [&](HttpClient& http) {
    http.get("/indicators/" + id);
    return http.post_form(
        "/indicators/" + id + "/values",
        {{"_csrf", http.csrf()}, {"period", "2016"}, {"value", "71"}, {"status", "final"}});
  };
  EXPECT_EQ(value(lead).status, 303);
  EXPECT_EQ(value(other_lead).status, 403);
  EXPECT_EQ(value(viewer).status, 403);
  EXPECT_TRUE(contains(viewer.get("/indicators/" + id).body, "71,0" + kPercent));
  EXPECT_FALSE(contains(viewer.get("/indicators/" + id).body, "Indtast en værdi"));
  lead.get("/indicators/" + id);
  EXPECT_EQ(lead.post_form("/indicators/" + id + "/targets",
                           {{"_csrf", lead.csrf()}, {"comparator", "ge"}, {"value", "70"}})
                .status,
            403)
      << "targets are the coordinators'";
}

TEST_P(IndicatorServer, DeletingAValueAsksFirstAndIsRecordedInTheHistory) {
  auto http = signed_in("samordnare@landskrona.se", "coordinator");
  const auto [plan, initiative] = plan_with_initiative(http, "");
  const auto id = create_indicator(http, plan, initiative);
  http.post_form(
      "/indicators/" + id + "/values",
      {{"_csrf", http.csrf()}, {"period", "2016"}, {"value", "71,5"}, {"status", "final"}});
  std::smatch match;
  const auto page = http.get("/indicators/" + id).body;
  ASSERT_TRUE(std::regex_search(page, match, std::regex(R"(/values/(\d+)/delete)")));
  const auto confirm = http.get("/indicators/" + id + "/values/" + match[1].str() + "/delete");
  EXPECT_EQ(confirm.status, 200);
  EXPECT_TRUE(contains(confirm.body, "Slet værdien for 2016?"));
  EXPECT_TRUE(contains(http.get("/indicators/" + id).body, "71,5" + kPercent))
      << "asking deletes nothing";
  const auto response = http.post_form(
      "/indicators/" + id + "/values/" + match[1].str() + "/delete", {{"_csrf", http.csrf()}});
  EXPECT_EQ(response.status, 303);
  EXPECT_TRUE(contains(http.get("/indicators/" + id).body, "Ingen værdier endnu."));
  const auto history = http.get("/history/indicator/" + id).body;
  EXPECT_TRUE(contains(history, "Værdi gemt"));
  EXPECT_TRUE(contains(history, "Værdi slettet"));
  // The value's fields in words: labels, the figure as written, codes and people by name.
  EXPECT_TRUE(contains(history, "<th scope=\"row\">Periode</th>")) << history;
  EXPECT_TRUE(contains(history, "<td class=\"after\" data-label=\"Efter\">71,50</td>")) << history;
  EXPECT_TRUE(contains(history, "<td class=\"after\" data-label=\"Efter\">endelig</td>"));
  EXPECT_TRUE(contains(history, "<td class=\"after\" data-label=\"Efter\">indtastet</td>"));
  EXPECT_FALSE(contains(history, "E3")) << "no scientific notation";
  EXPECT_FALSE(contains(history, ">entered by<")) << history;
  EXPECT_FALSE(contains(history, ">indicator id<"));
}

// Satisfaction with the work against graffiti in Landskrona and Malmö (the Swedish survey the
// Landskrona agreement follows up), as a JSON-stat 2.0 dataset: year × area × content, one
// cell missing.
const std::string kSurveyJsonStat = R"json({
  "version": "2.0", "class": "dataset", "label": "Andel nöjda (trygghetsmätning)",
  "source": "Polisens trygghetsmätning", "id": ["Tid", "Omrade", "Innehall"], "size": [3, 2, 2],
  "role": {"time": ["Tid"], "geo": ["Omrade"], "metric": ["Innehall"]},
  "dimension": {
    "Tid": {"label": "år", "category": {"index": ["2015", "2016", "2017"]}},
    "Omrade": {"label": "område", "category": {"index": {"1282": 0, "1280": 1},
               "label": {"1282": "Landskrona", "1280": "Malmö"}}},
    "Innehall": {"label": "innehåll", "category": {"index": ["nojda", "belysning"],
               "label": {"nojda": "Andel nöjda med insatser mot klotter",
                         "belysning": "Andel som anser att belysningen är tillräcklig"}}}},
  "value": [64.0, 70.1, 60.2, 66.0, 68.5, 71.2, null, 65.3, 72.0, 73.4, 61.0, 66.9],
  "status": {"6": ".."}
})json";

std::string read_fixture(const std::string& relative) {
  std::ifstream file(std::string(SAMTRYG_SOURCE_DIR) + "/../shared/fixtures/px/" + relative,
                     std::ios::binary);
  std::stringstream bytes;
  bytes << file.rdbuf();
  return bytes.str();
}

TEST_P(IndicatorServer, AStatisticsTableIsUploadedMappedPreviewedAndOnlyThenStored) {
  auto http = signed_in("samordnare@landskrona.se", "coordinator");
  const auto [plan, initiative] = plan_with_initiative(http, "");
  const auto id = create_indicator(http, plan, initiative);

  // A file that is not a table comes back with the line and keyword at fault.
  http.get("/plans/" + plan + "/imports/new");
  auto response =
      http.request("POST", "/plans/" + plan + "/imports",
                   testing::multipart_body({{"_csrf", http.csrf()}}, "file", "BE0101F1errorStub.px",
                                           read_fixture("statisticssweden-pxweb/error/fatal/"
                                                        "BE0101F1errorStub.px")),
                   testing::kMultipartType);
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "id=\"file-error\"")) << response.body;
  EXPECT_TRUE(contains(response.body, "STUB")) << "the keyword at fault";

  response = http.request("POST", "/plans/" + plan + "/imports",
                          testing::multipart_body({{"_csrf", http.csrf()}}, "file",
                                                  "C:\\temp\\nojda.json", kSurveyJsonStat),
                          testing::kMultipartType);
  ASSERT_EQ(response.status, 303) << response.body;
  const auto staged = id_from_location(response);
  const auto base = "/imports/" + staged;
  auto page = http.get(base);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "Importér statistik: nojda.json")) << "no path parts";
  EXPECT_TRUE(contains(page.body, "<option value=\"0\" selected>år</option>"))
      << "the time dimension is guessed from the file's roles";

  // Two content categories: the mapping must say which one is this indicator's.
  const auto mapping = "?preview=1&time=0&area=1&s0_indicator=" + id;
  page = http.get(base + mapping);
  EXPECT_EQ(page.status, 422);
  EXPECT_TRUE(contains(page.body, "id=\"s0_d2-error\"")) << page.body;
  EXPECT_TRUE(contains(page.body, "Vælg hvilken kategori af &quot;innehåll&quot;"));

  page = http.get(base + mapping + "&s0_d2=nojda");
  ASSERT_EQ(page.status, 200) << page.body;
  // The workspace has no areas yet: both are listed, not silently dropped.
  EXPECT_TRUE(contains(page.body, "Tilknytningen vælger 6 celler; 0 værdier gemmes.")) << page.body;
  EXPECT_TRUE(contains(page.body, "<li>Landskrona</li><li>Malmö</li>"));
  EXPECT_TRUE(contains(page.body, "Der er intet at importere"));
  EXPECT_TRUE(contains(http.get("/indicators/" + id).body, "Ingen værdier endnu."))
      << "the preview stores nothing";

  // Creating the missing areas brings Malmö in; the missing 2016 cell stays out.
  page = http.get(base + mapping + "&s0_d2=nojda&create_areas=1");
  EXPECT_TRUE(contains(page.body, "Tilknytningen vælger 6 celler; 5 værdier gemmes.")) << page.body;
  EXPECT_TRUE(contains(page.body, "2016 · Malmö: .."));
  EXPECT_TRUE(contains(page.body, "68,5" + kPercent));
  EXPECT_TRUE(contains(page.body, "nyt område"));
  response = http.post_form(base + "/confirm", {{"_csrf", http.csrf()},
                                                {"time", "0"},
                                                {"area", "1"},
                                                {"create_areas", "1"},
                                                {"s0_indicator", id},
                                                {"s0_d2", "nojda"}});
  ASSERT_EQ(response.status, 303) << response.body;
  EXPECT_TRUE(contains(response.header("location"), "notice=notice_values_imported"));
  const auto dashboard = http.get(response.header("location")).body;
  EXPECT_TRUE(contains(dashboard,
                       "Værdierne er importeret: 5 nye, 0 opdaterede, 0 uændrede, "
                       "2 områder oprettet."))
      << dashboard;
  // The notice is a fixed text: words put into the link do not appear on the page.
  const auto location = std::string(response.header("location"));
  const auto crafted = http.get(location.substr(0, location.find('?')) +
                                "?notice=notice_values_imported&name=Ring+til+evil.example"
                                "&inserted=Ring+til+os")
                           .body;
  EXPECT_FALSE(contains(crafted, "Ring til evil.example")) << crafted;
  EXPECT_FALSE(contains(crafted, "Ring til os")) << crafted;
  EXPECT_TRUE(contains(crafted, "Værdierne er importeret: 0 nye")) << crafted;
  const auto indicator = http.get("/indicators/" + id).body;
  EXPECT_TRUE(contains(indicator, "72,0" + kPercent));
  EXPECT_TRUE(contains(indicator, "nojda.json")) << "provenance";
  EXPECT_EQ(http.get(base).status, 404) << "a confirmed import is gone";
  EXPECT_TRUE(contains(indicator, ">Malmö</option>")) << "its figures include Malmö";
  // Another municipality is a comparison the import brought: a new local indicator's value
  // form does not offer it.
  const auto local =
      testing::create_indicator(http, plan, {.name = "Klotter på kommunens fastigheter"});
  EXPECT_FALSE(contains(http.get("/indicators/" + local).body, ">Malmö</option>"));

  // The same table again updates nothing and adds nothing.
  http.get("/plans/" + plan + "/imports/new");
  response = http.request(
      "POST", "/plans/" + plan + "/imports",
      testing::multipart_body({{"_csrf", http.csrf()}}, "file", "nojda.json", kSurveyJsonStat),
      testing::kMultipartType);
  ASSERT_EQ(response.status, 303);
  const auto again = "/imports/" + id_from_location(response);
  http.get(again);
  response = http.post_form(again + "/confirm", {{"_csrf", http.csrf()},
                                                 {"time", "0"},
                                                 {"area", "1"},
                                                 {"s0_indicator", id},
                                                 {"s0_d2", "nojda"}});
  ASSERT_EQ(response.status, 303);
  EXPECT_TRUE(contains(http.get(response.header("location")).body,
                       "0 nye, 0 opdaterede, 5 uændrede, 0 områder oprettet"));

  // Importing is the coordinators'; a lead may not even upload.
  auto lead = signed_in("lead@landskrona.se", "initiative_lead");
  EXPECT_EQ(lead.get("/plans/" + plan + "/imports/new").status, 403);
  EXPECT_EQ(lead.get(again).status, 403);
}

SAMTRYG_ON_EVERY_BACKEND(IndicatorServer);

}  // namespace
}  // namespace samtryg::indicators
