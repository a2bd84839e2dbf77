// The reporting cycle through a real server on SQLite and PostgreSQL: a coordinator opens a
// round, the lead fills in and submits, the coordinator returns it, the lead fixes and
// resubmits, the coordinator approves; the compiled report is then checked with the real
// tools people open it with (pdftotext, LibreOffice).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "features/reporting/reminders.hpp"
#include "support/factories.hpp"
#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"

namespace samtryg::reporting {
namespace {

using testing::HttpClient;
using testing::id_from_location;
using testing::kPassword;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// What a shell command printed on stdout.
std::string run(const std::string& command) {
  return testing::run_command(command).output;
}

using testing::TempDir;

// The positions of `parts` in `text`, each searched after the previous one; npos when one is
// missing or out of order.
std::size_t in_order(const std::string& text, const std::vector<std::string>& parts) {
  std::size_t at = 0;
  for (const auto& part : parts) {
    at = text.find(part, at);
    if (at == std::string::npos) {
      ADD_FAILURE() << "not found in order: " << part;
      return at;
    }
    at += part.size();
  }
  return at;
}

class ReportingServer : public testing::ServerTest {
 protected:
  // The strategy from its start to the end of the seed report's period.
  static std::string create_plan(HttpClient& http) {
    return testing::create_plan(http, {.period_start = "2013-01-01"});
  }

  static std::string create_initiative(HttpClient& http, const std::string& plan,
                                       const std::string& name, const std::string& lead) {
    return testing::create_initiative(http, plan, {.name = name, .lead = lead});
  }

  std::string create_round(HttpClient& http, const std::string& plan,
                           const std::vector<std::string>& initiatives,
                           const std::string& deadline = "2018-01-31") {
    http.get("/plans/" + plan + "/rounds/new");
    std::string body = testing::form_encode({{"_csrf", http.csrf()},
                                             {"name", "4. afrapportering"},
                                             {"period_start", "2017-01-21"},
                                             {"period_end", "2018-01-14"},
                                             {"deadline", deadline},
                                             {"template_key", "afrapportering_da"}});
    for (const auto& id : initiatives) body += "&initiative=" + id;
    const auto response = http.request("POST", "/plans/" + plan + "/rounds", body,
                                       "application/x-www-form-urlencoded");
    EXPECT_EQ(response.status, 303) << response.body;
    return id_from_location(response);
  }

  struct Cast {
    HttpClient coordinator;
    HttpClient lead;
    std::string plan;
    std::string nightlife;  // "Et trygt natteliv", led by the lead
  };
  // Tryg Aalborg's coordinator, the SSP lead and the nightlife initiative in a new plan.
  Cast nightlife_with_lead() {
    auto coordinator = signed_in("tovholder@aalborg.dk", "coordinator");
    auto lead = signed_in("ssp@aalborg.dk", "initiative_lead");
    const auto plan = create_plan(coordinator);
    const auto nightlife = create_initiative(coordinator, plan, "Et trygt natteliv",
                                             std::to_string(user_ids_["ssp@aalborg.dk"]));
    return {std::move(coordinator), std::move(lead), plan, nightlife};
  }

  // The form ids on the round's board, in initiative order.
  static std::vector<std::string> form_ids(const std::string& board) {
    std::vector<std::string> ids;
    const std::regex link(R"re(href="/forms/(\d+)")re");
    for (auto it = std::sregex_iterator(board.begin(), board.end(), link);
         it != std::sregex_iterator(); ++it) {
      ids.push_back((*it)[1].str());
    }
    return ids;
  }

  static std::string row_version(const std::string& page) {
    std::smatch match;
    const std::regex pattern(R"re(name="row_version" value="(\d+)")re");
    return std::regex_search(page, match, pattern) ? match[1].str() : std::string();
  }
};

TEST_P(ReportingServer, ALeadSubmitsTheCoordinatorReturnsAndApprovesAndTheReportCompiles) {
  auto cast = nightlife_with_lead();
  auto& coordinator = cast.coordinator;
  auto& lead = cast.lead;
  const auto& plan = cast.plan;
  const auto& nightlife = cast.nightlife;
  create_initiative(coordinator, plan, "Tryghedsvandringer", "");
  const auto round = create_round(coordinator, plan, {nightlife, ""});
  (void)round;
  auto board = coordinator.get("/rounds/" + round).body;
  EXPECT_TRUE(contains(board, "0 af 1 indsendt")) << board;
  const auto forms = form_ids(board);
  ASSERT_EQ(forms.size(), 1U) << "only the chosen initiative reports";
  const auto form = "/forms/" + forms.front();

  // The lead sees the form under "my forms" and fills it in.
  EXPECT_TRUE(contains(lead.get("/my-forms").body, "Et trygt natteliv"));
  auto page = lead.get(form);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Aktiviteter"));
  EXPECT_TRUE(contains(page.body, "Statusbeskrivelse"));
  const std::string too_long(2001, 'a');
  auto response = lead.post_form(form, {{"_csrf", lead.csrf()},
                                        {"row_version", row_version(page.body)},
                                        {"s.activities.0.text", "Netværksmøde"},
                                        {"s.activities.0.status", "done"},
                                        {"s.activities.0.when", "2017-11-24"},
                                        {"s.status.text", too_long}});
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Teksten er på 2001 tegn; der er plads til 2000"))
      << "text over the limit is refused with the count";
  EXPECT_TRUE(contains(response.body, "Netværksmøde")) << "nothing typed is lost";

  response = lead.post_form(form, {{"_csrf", lead.csrf()},
                                   {"row_version", row_version(page.body)},
                                   {"s.activities.0.text", "Netværksmøde"},
                                   {"s.activities.0.status", "done"},
                                   {"s.activities.0.when", "2017-11-24"},
                                   {"s.activities.1.text", "Tovholdermøder"},
                                   {"s.activities.1.status", "done"},
                                   {"s.activities.1.when", "2017-09"},
                                   {"s.communication.0.text", "Samskabelse om et trygt natteliv"},
                                   {"s.communication.0.status", "done"},
                                   {"s.communication.0.when", "2017-10-23"},
                                   {"s.communication.0.link",
                                    "https://tryg.aalborg.dk/nyheder/2017/10/"
                                    "samskabelse-om-et-trygt-natteliv"},
                                   {"s.status.text",
                                    "Første skridt var **netværksmødet**.\r\n\r\n1. Positive "
                                    "fællesskaber\r\n2. Ud i Aalborg"},
                                   {"intent", "submit"},
                                   {"confirm_empty", "1"}});
  ASSERT_EQ(response.status, 303) << response.body;
  page = coordinator.get(form);
  EXPECT_TRUE(contains(page.body, "Indsendt"));
  auto start = coordinator.get("/").body;
  EXPECT_TRUE(contains(start, "Skemaer der venter på din godkendelse")) << start;
  EXPECT_TRUE(contains(start, "href=\"" + form + "\">Et trygt natteliv</a>")) << start;
  EXPECT_TRUE(contains(lead.get(form).body, "<strong>netværksmødet</strong>"))
      << "Markdown rendered where the form is read-only";

  // A submitted form is locked for the lead.
  response = lead.post_form(form, {{"_csrf", lead.csrf()},
                                   {"row_version", row_version(page.body)},
                                   {"s.status.text", "changed"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "venter på tovholderen"));
  // Leads may not return or approve.
  EXPECT_EQ(lead.post_form(form + "/approve",
                           {{"_csrf", lead.csrf()}, {"row_version", row_version(page.body)}})
                .status,
            403);

  // Returning needs a comment.
  response = coordinator.post_form(
      form + "/return",
      {{"_csrf", coordinator.csrf()}, {"row_version", row_version(page.body)}, {"comment", " "}});
  EXPECT_EQ(response.status, 422);
  response =
      coordinator.post_form(form + "/return", {{"_csrf", coordinator.csrf()},
                                               {"row_version", row_version(page.body)},
                                               {"comment", "Tilføj venligst måling/metode."}});
  ASSERT_EQ(response.status, 303);
  page = lead.get(form);
  EXPECT_TRUE(contains(page.body, "Tilføj venligst måling/metode."));
  start = lead.get("/").body;
  EXPECT_TRUE(
      contains(start, "Sendt tilbage med kommentaren:</span> Tilføj venligst måling/metode."))
      << "the lead's start page says why the form came back: " << start;
  EXPECT_TRUE(contains(page.body, "Netværksmøde")) << "the answers are kept";

  response = lead.post_form(form, {{"_csrf", lead.csrf()},
                                   {"row_version", row_version(page.body)},
                                   {"s.activities.0.text", "Netværksmøde"},
                                   {"s.activities.0.status", "done"},
                                   {"s.activities.0.when", "2017-11-24"},
                                   {"s.activities.1.text", "Tovholdermøder"},
                                   {"s.activities.1.status", "done"},
                                   {"s.activities.1.when", "2017-09"},
                                   {"s.measurement.0.text",
                                    "Det planlægges at dokumentere "
                                    "processen fra start til slut."},
                                   {"s.measurement.0.status", "planned"},
                                   {"s.status.text", "Første skridt var **netværksmødet**."},
                                   {"intent", "submit"},
                                   {"confirm_empty", "1"}});
  ASSERT_EQ(response.status, 303) << response.body;
  page = coordinator.get(form);
  ASSERT_EQ(coordinator
                .post_form(form + "/approve",
                           {{"_csrf", coordinator.csrf()}, {"row_version", row_version(page.body)}})
                .status,
            303);
  page = coordinator.get(form);
  EXPECT_TRUE(contains(page.body, "Godkendt"));
  response = coordinator.post_form(form, {{"_csrf", coordinator.csrf()},
                                          {"row_version", row_version(page.body)},
                                          {"s.status.text", "after approval"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "godkendt og dermed låst")) << "locked, with the reason";

  // Every save was a revision; two of them side by side.
  EXPECT_FALSE(contains(coordinator.get("/").body, "venter på din godkendelse")) << "approved";
  const auto revisions = coordinator.get(form + "/revisions?a=1&b=4").body;
  EXPECT_TRUE(contains(revisions, "Version 1 og 4"));
  EXPECT_TRUE(contains(revisions, "Ændret"));
  EXPECT_TRUE(contains(revisions, "<option value=\"1\" selected>Nr. 1 · ")) << revisions;
  EXPECT_TRUE(contains(revisions, "<del>")) << "the words taken out are marked";
  // (Not merely "T1": a page's random CSRF token may hold those two letters.)
  EXPECT_FALSE(std::regex_search(revisions, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d)")))
      << "times on the local clock, not ISO text";

  // The compiled report in every format, checked with real tools.
  TempDir directory;
  const auto pdf = coordinator.get("/rounds/" + round + "/report/pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  // -layout: in reading order pdftotext may put a heading after the table under it when no
  // text stands between two tables.
  const auto pdf_text =
      run("pdftotext -layout -enc UTF-8 " + directory.file("report.pdf", pdf.body) + " -");
  in_order(
      pdf_text,
      {"Tryg Aalborg – en mere tryg kommune", "Indhold", "Om strategien og organiseringen",
       "Indsatserne", "Et trygt natteliv", "Bilag: afrapporteringsskemaer", "Et trygt natteliv",
       "Aktiviteter", "Netværksmøde", "Gennemført", "Tovholdermøder", "Måling/metode",
       "Det planlægges at dokumentere", "Statusbeskrivelse", "netværksmødet", "Side"});

  const auto docx = coordinator.get("/rounds/" + round + "/report/docx");
  ASSERT_EQ(docx.status, 200);
  const auto docx_path = directory.file("report.docx", docx.body);
  const auto office = "soffice -env:UserInstallation=file://" + directory.path().string() +
                      "/office --headless --convert-to ";
  run(office + "pdf --outdir " + directory.path().string() + " " + docx_path + " > /dev/null 2>&1");
  const auto docx_text = run("pdftotext -enc UTF-8 " + directory.path().string() + "/report.pdf -");
  in_order(docx_text,
           {"Tryg Aalborg – en mere tryg kommune", "Indhold", "Om strategien og organiseringen",
            "Indsatserne", "Et trygt natteliv", "Bilag: afrapporteringsskemaer", "Aktiviteter",
            "Netværksmøde", "Statusbeskrivelse"});

  const auto xlsx = coordinator.get("/rounds/" + round + "/report/xlsx");
  ASSERT_EQ(xlsx.status, 200);
  const auto xlsx_path = directory.file("items.xlsx", xlsx.body);
  run(office + "csv --outdir " + directory.path().string() + " " + xlsx_path + " > /dev/null 2>&1");
  std::ifstream csv(directory.path().string() + "/items.csv");
  int rows = 0;
  for (std::string line; std::getline(csv, line);) ++rows;
  EXPECT_EQ(rows, 1 + 3) << "a header and one row per item (2 activities, 1 measurement)";

  const auto html = coordinator.get("/rounds/" + round + "/report/html");
  EXPECT_TRUE(contains(html.body, "@media print"));
  EXPECT_TRUE(contains(html.body, "<strong>netværksmødet</strong>"));
  // A viewer (a council member) reads the approved form and the report, not its revisions.
  auto viewer = signed_in("byraad@aalborg.dk", "viewer");
  EXPECT_EQ(viewer.get("/rounds/" + round + "/report/pdf").status, 200);
  EXPECT_EQ(viewer.get(form).status, 200);
  EXPECT_EQ(viewer.get(form + "/revisions").status, 403);
}

TEST_P(ReportingServer, AViewerReadsTheRoundTheFormsHandedInAndTheReportButNoDrafts) {
  auto cast = nightlife_with_lead();
  auto& coordinator = cast.coordinator;
  const auto walks = create_initiative(coordinator, cast.plan, "Tryghedsvandringer", "");
  const auto round = create_round(coordinator, cast.plan, {cast.nightlife, walks});
  const auto forms = form_ids(coordinator.get("/rounds/" + round).body);
  ASSERT_EQ(forms.size(), 2U);
  const auto handed_in = "/forms/" + forms[0];
  const auto draft = "/forms/" + forms[1];
  auto page = cast.lead.get(handed_in);
  ASSERT_EQ(cast.lead
                .post_form(handed_in, {{"_csrf", cast.lead.csrf()},
                                       {"row_version", row_version(page.body)},
                                       {"s.status.text", "Første skridt var netværksmødet."},
                                       {"intent", "submit"},
                                       {"confirm_empty", "1"}})
                .status,
            303);
  page = coordinator.get(draft);
  ASSERT_EQ(coordinator
                .post_form(draft, {{"_csrf", coordinator.csrf()},
                                   {"row_version", row_version(page.body)},
                                   {"s.status.text", "Et udkast om vandringerne."}})
                .status,
            303);

  auto viewer = signed_in("byraad@aalborg.dk", "viewer");
  EXPECT_TRUE(contains(viewer.get("/plans/" + cast.plan).body, "/plans/" + cast.plan + "/rounds"))
      << "the plan page links to its rounds for viewers too";
  EXPECT_EQ(viewer.get("/plans/" + cast.plan + "/rounds").status, 200);
  const auto board = viewer.get("/rounds/" + round);
  ASSERT_EQ(board.status, 200);
  EXPECT_EQ(form_ids(board.body), std::vector<std::string>{forms[0]}) << "the draft is not listed";
  EXPECT_TRUE(contains(board.body, "Ét skema er afleveret")) << board.body;
  EXPECT_FALSE(contains(board.body, "Påmindelser")) << "reminders are the coordinators' business";
  const auto form = viewer.get(handed_in);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "Første skridt var netværksmødet."));
  EXPECT_FALSE(contains(form.body, "name=\"row_version\"")) << "read-only for a viewer";
  EXPECT_FALSE(contains(form.body, "/revisions")) << "the working history is not theirs";
  EXPECT_FALSE(contains(form.body, "tovholder for")) << "no word on who may fill it in";
  EXPECT_EQ(viewer.get(draft).status, 404);
  EXPECT_EQ(viewer.get(draft + "/export/pdf").status, 404);
  const auto report = viewer.get("/rounds/" + round + "/report/html");
  ASSERT_EQ(report.status, 200);
  EXPECT_TRUE(contains(report.body, "Første skridt var netværksmødet."));
  EXPECT_FALSE(contains(report.body, "Et udkast om vandringerne.")) << "drafts stay out";
  EXPECT_TRUE(contains(coordinator.get("/rounds/" + round + "/report/html").body,
                       "Et udkast om vandringerne."))
      << "the coordinator's report has every form";
}

// The number of times `part` occurs in `text`.
std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++count;
  return count;
}

// "Save and submit" is one step: when the submit is refused, the save is not kept either.
TEST_P(ReportingServer, ARefusedSubmitLeavesNothingSaved) {
  auto cast = nightlife_with_lead();
  auto& coordinator = cast.coordinator;
  auto& lead = cast.lead;
  const auto round = create_round(coordinator, cast.plan, {cast.nightlife});
  const auto form = "/forms/" + form_ids(coordinator.get("/rounds/" + round).body).front();
  auto page = lead.get(form);
  auto response = lead.post_form(form, {{"_csrf", lead.csrf()},
                                        {"row_version", row_version(page.body)},
                                        {"s.status.text", "Indsendt af tovholderen for indsatsen."},
                                        {"intent", "submit"},
                                        {"confirm_empty", "1"}});
  ASSERT_EQ(response.status, 303) << response.body;

  // A coordinator may change a submitted form, but not submit it again.
  page = coordinator.get(form);
  const auto version = row_version(page.body);
  ASSERT_FALSE(version.empty());
  const auto revisions = coordinator.get(form + "/revisions").body;
  response =
      coordinator.post_form(form, {{"_csrf", coordinator.csrf()},
                                   {"row_version", version},
                                   {"s.status.text", "Rettet af tovholderen for strategien."},
                                   {"intent", "submit"},
                                   {"confirm_empty", "1"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Rettet af tovholderen for strategien."))
      << "what was typed is shown again";
  page = coordinator.get(form);
  EXPECT_EQ(row_version(page.body), version) << "nothing was saved";
  EXPECT_FALSE(contains(page.body, "Rettet af tovholderen for strategien."));
  EXPECT_TRUE(contains(page.body, "Indsendt af tovholderen for indsatsen."));
  EXPECT_EQ(coordinator.get(form + "/revisions").body, revisions) << "no new revision";

  // Saved without submitting, the same change is kept.
  response =
      coordinator.post_form(form, {{"_csrf", coordinator.csrf()},
                                   {"row_version", version},
                                   {"s.status.text", "Rettet af tovholderen for strategien."}});
  ASSERT_EQ(response.status, 303) << response.body;
  EXPECT_TRUE(contains(coordinator.get(form).body, "Rettet af tovholderen for strategien."));
}

// Submitting a form with sections left empty asks first, naming them; the answers are kept.
TEST_P(ReportingServer, SubmittingWithEmptySectionsAsksFirstAndSaysWhichAreEmpty) {
  auto cast = nightlife_with_lead();
  auto& lead = cast.lead;
  const auto round = create_round(cast.coordinator, cast.plan, {cast.nightlife});
  const auto form = "/forms/" + form_ids(cast.coordinator.get("/rounds/" + round).body).front();
  auto page = lead.get(form);
  auto response = lead.post_form(form, {{"_csrf", lead.csrf()},
                                        {"row_version", row_version(page.body)},
                                        {"s.status.text", "Kun status er skrevet."},
                                        {"intent", "submit"}});
  ASSERT_EQ(response.status, 303);
  EXPECT_TRUE(contains(response.header("location"), "confirm_submit=1"));
  const auto location = std::string(response.header("location"));
  page = lead.get(location.substr(0, location.find('#')));  // a browser keeps the anchor
  EXPECT_TRUE(contains(page.body, "Nogle afsnit er tomme")) << page.body;
  EXPECT_TRUE(contains(page.body, "<li>Resultater/delmål</li>"));
  EXPECT_FALSE(contains(page.body, "<li>Statusbeskrivelse</li>")) << "that one is written";
  EXPECT_TRUE(contains(page.body, "Kun status er skrevet.")) << "the answers were saved";
  EXPECT_TRUE(contains(page.body, "Kladde")) << "but not submitted";

  // The plain submit button asks the same; confirming submits.
  response = lead.post_form(form + "/submit",
                            {{"_csrf", lead.csrf()}, {"row_version", row_version(page.body)}});
  EXPECT_TRUE(contains(response.header("location"), "confirm_submit=1"));
  response = lead.post_form(
      form + "/submit",
      {{"_csrf", lead.csrf()}, {"row_version", row_version(page.body)}, {"confirm_empty", "1"}});
  ASSERT_EQ(response.status, 303);
  EXPECT_TRUE(contains(lead.get(form).body, "Indsendt"));
}

// The start page lists a lead's forms still to be filled in, once, on every server.
TEST_P(ReportingServer, TheStartPageListsTheFormsALeadStillHasToFillIn) {
  auto cast = nightlife_with_lead();
  auto& lead = cast.lead;
  EXPECT_FALSE(contains(lead.get("/").body, "id=\"home-forms\"")) << "no round yet";

  const auto round = create_round(cast.coordinator, cast.plan, {cast.nightlife}, "2018-01-31");
  const auto form = "/forms/" + form_ids(cast.coordinator.get("/rounds/" + round).body).front();
  testing::TestServer second(scratch_->url());
  HttpClient other(second.port());
  ASSERT_EQ(other.log_in("ssp@aalborg.dk", kPassword).status, 303);
  for (auto* client : {&lead, &other}) {
    const auto start = client->get("/").body;
    EXPECT_EQ(occurrences(start, "id=\"home-forms\""), 1U) << start;
    EXPECT_TRUE(contains(start, "Skemaer du skal udfylde"));
    EXPECT_TRUE(contains(start, "href=\"" + form + "\">Et trygt natteliv</a>"));
    EXPECT_TRUE(contains(start, "Fristen er overskredet")) << "the deadline has passed";
  }
  EXPECT_FALSE(contains(cast.coordinator.get("/").body, "id=\"home-forms\""))
      << "the coordinator leads no initiative in the round";

  const auto page = lead.get(form);
  const auto response = lead.post_form(form, {{"_csrf", lead.csrf()},
                                              {"row_version", row_version(page.body)},
                                              {"s.status.text", "Indsendt."},
                                              {"intent", "submit"},
                                              {"confirm_empty", "1"}});
  ASSERT_EQ(response.status, 303) << response.body;
  const auto start = lead.get("/").body;
  EXPECT_FALSE(contains(start, "id=\"home-forms\"")) << "a submitted form waits for nothing";
  EXPECT_TRUE(contains(start, "id=\"home-changes\""))
      << "what the coordinator did to the lead's initiative is still news to the lead";
  EXPECT_TRUE(contains(cast.coordinator.get("/").body, "Skemaer der venter på din godkendelse"));
}

// An indicator of a focus area (001: the lokalråd's "De unges misbrug og færden i nattelivet")
// follows up every initiative under that area: it appears in their forms, where their lead may
// enter its figure, and in the report's annex.
TEST_P(ReportingServer, AFocusAreasIndicatorIsInTheFormsOfItsInitiatives) {
  auto coordinator = signed_in("tovholder@aalborg.dk", "coordinator");
  auto lead = signed_in("ssp@aalborg.dk", "initiative_lead");
  const auto plan = create_plan(coordinator);
  coordinator.get("/plans/" + plan + "/focus-areas/new");
  auto response = coordinator.post_form(
      "/plans/" + plan + "/focus-areas",
      {{"_csrf", coordinator.csrf()}, {"name", "De unges misbrug og færden i nattelivet"}});
  ASSERT_EQ(response.status, 303) << response.body;
  // The area's id, as the initiative form offers it.
  std::smatch option;
  const auto choices = coordinator.get("/plans/" + plan + "/initiatives/new").body;
  ASSERT_TRUE(std::regex_search(choices, option,
                                std::regex(R"re(<option value="(\d+)"[^>]*>De unges misbrug)re")));
  const auto area = option[1].str();
  const auto nightlife =
      testing::create_initiative(coordinator, plan,
                                 {.name = "Et trygt natteliv",
                                  .lead = std::to_string(user_ids_["ssp@aalborg.dk"]),
                                  .focus_area = area});
  const auto elsewhere = testing::create_initiative(coordinator, plan, {.name = "Formidling"});
  const auto indicator = testing::create_indicator(
      coordinator, plan,
      {.name = "Unge under 18 i nattelivet", .focus_area = area, .source = "own_registration"});
  const auto round = create_round(coordinator, plan, {nightlife, elsewhere});
  const auto forms = form_ids(coordinator.get("/rounds/" + round).body);
  ASSERT_EQ(forms.size(), 2U);

  auto page = lead.get("/forms/" + forms.front());
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Unge under 18 i nattelivet"));
  EXPECT_FALSE(
      contains(coordinator.get("/forms/" + forms.back()).body, "Unge under 18 i nattelivet"))
      << "an initiative outside the area is not followed up by it";
  response = lead.post_form("/forms/" + forms.front(), {{"_csrf", lead.csrf()},
                                                        {"row_version", row_version(page.body)},
                                                        {"iv." + indicator + ".period", "2017"},
                                                        {"iv." + indicator + ".value", "42"}});
  ASSERT_EQ(response.status, 303) << response.body;
  EXPECT_TRUE(contains(lead.get("/forms/" + forms.front()).body, "42 (2017)"))
      << "the lead of an initiative in the area enters its figure";
  const auto report = coordinator.get("/rounds/" + round + "/report/html");
  ASSERT_EQ(report.status, 200);
  EXPECT_TRUE(contains(report.body, "Unge under 18 i nattelivet"));
}

TEST_P(ReportingServer, TheMeasurementSectionTakesIndicatorValuesAndNewItemsJoinTheRegister) {
  auto cast = nightlife_with_lead();
  auto& coordinator = cast.coordinator;
  auto& lead = cast.lead;
  const auto& plan = cast.plan;
  const auto& nightlife = cast.nightlife;
  const auto indicator = [&](const std::string& name, const std::string& unit) {
    const auto response =
        coordinator.post_form("/plans/" + plan + "/indicators", {{"_csrf", coordinator.csrf()},
                                                                 {"name", name},
                                                                 {"unit", unit},
                                                                 {"decimals", "0"},
                                                                 {"direction", "higher"},
                                                                 {"source", "own_registration"},
                                                                 {"frequency", "year"},
                                                                 {"initiative_id", nightlife},
                                                                 {"published", "1"}});
    EXPECT_EQ(response.status, 303) << response.body;
    return id_from_location(response);
  };
  const auto visitors = indicator("Besøgende på tryg.aalborg.dk", "count");
  const auto meetings = indicator("Opstartsmøder med koordinatoren", "ratio");
  ASSERT_EQ(coordinator
                .post_form("/indicators/" + visitors + "/targets", {{"_csrf", coordinator.csrf()},
                                                                    {"comparator", "ge"},
                                                                    {"value", "5000"},
                                                                    {"period_start", "2017-01-01"},
                                                                    {"period_end", "2017-12-31"}})
                .status,
            303);
  const auto round = create_round(coordinator, plan, {nightlife});
  const auto form = "/forms/" + form_ids(coordinator.get("/rounds/" + round).body).front();

  // The lead sees the initiative's indicators in Måling/metode, the round's year suggested.
  auto page = lead.get(form);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Besøgende på tryg.aalborg.dk"));
  EXPECT_TRUE(contains(page.body, "name=\"iv." + visitors + ".period\" value=\"2017\""))
      << "a round of 21 Jan 2017 – 14 Jan 2018 reports on 2017";
  EXPECT_TRUE(contains(page.body, "name=\"iv." + meetings + ".denominator\""));

  // A figure that is not a number is refused next to its field; nothing is stored, nothing
  // typed is lost.
  const std::map<std::string, std::string> answers{
      {"_csrf", lead.csrf()},
      {"row_version", row_version(page.body)},
      {"s.measurement.0.text", "Optælling af besøgende på hjemmesiden"},
      {"s.measurement.0.status", "done"},
      {"s.measurement.0.when", "2017-12"},
      {"iv." + visitors + ".period", "2017"},
      {"iv." + meetings + ".period", "2017"}};
  auto typed = answers;
  typed["iv." + visitors + ".value"] = "mange";
  typed["iv." + meetings + ".numerator"] = "3";
  typed["iv." + meetings + ".denominator"] = "4";
  auto response = lead.post_form(form, typed);
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Skriv et tal, fx 70 eller 70,5.")) << response.body;
  EXPECT_TRUE(contains(response.body, "value=\"mange\""));
  EXPECT_TRUE(contains(response.body, "Optælling af besøgende på hjemmesiden"));
  EXPECT_FALSE(contains(coordinator.get("/indicators/" + meetings).body, "(3 / 4)"))
      << "the ratio that did parse was not stored either";
  // A period that does not fit the indicator's frequency is refused too.
  typed["iv." + visitors + ".value"] = "6123";
  typed["iv." + visitors + ".period"] = "2017K3";
  response = lead.post_form(form, typed);
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "passer til indikatorens hyppighed")) << response.body;

  typed["iv." + visitors + ".period"] = "2017";
  response = lead.post_form(form, typed);
  ASSERT_EQ(response.status, 303) << response.body;
  const auto visitors_page = coordinator.get("/indicators/" + visitors).body;
  EXPECT_TRUE(contains(visitors_page, "6.123")) << "the value is stored on the indicator";
  EXPECT_TRUE(contains(visitors_page, "Nået")) << "and counts for its status";
  EXPECT_TRUE(contains(coordinator.get("/indicators/" + meetings).body, "(3 / 4)"));
  page = lead.get(form);
  EXPECT_TRUE(contains(page.body, "6.123 (2017)")) << "the form shows the period's figure";

  // The new measurement item joined the initiative's activity register, once, and is linked.
  auto initiative_page = coordinator.get("/initiatives/" + nightlife).body;
  EXPECT_EQ(occurrences(initiative_page,
                        "<td class=\"row-title\">Optælling af besøgende på hjemmesiden</td>"),
            1U)
      << initiative_page;
  page = lead.get(form);
  response =
      lead.post_form(form, {{"_csrf", lead.csrf()},
                            {"row_version", row_version(page.body)},
                            {"s.measurement.0.text", "Optælling af besøgende på hjemmesiden"},
                            {"s.measurement.0.status", "done"},
                            {"s.measurement.0.when", "2017-12"},
                            {"s.measurement.1.text", "Optælling af besøgende på hjemmesiden"},
                            {"s.measurement.1.status", "planned"},
                            {"s.status.text", "Uændret."}});
  ASSERT_EQ(response.status, 303) << response.body;
  initiative_page = coordinator.get("/initiatives/" + nightlife).body;
  EXPECT_EQ(occurrences(initiative_page,
                        "<td class=\"row-title\">Optælling af besøgende på hjemmesiden</td>"),
            1U)
      << "saving again, or the same text twice, adds no copy";

  // The compiled report's annex shows the indicators in Måling/metode.
  const auto html = coordinator.get("/rounds/" + round + "/report/html").body;
  in_order(html, {"Måling/metode", "Besøgende på tryg.aalborg.dk", "6.123 (2017)", "≥ 5.000",
                  "Nået", "Optælling af besøgende på hjemmesiden"});
}

// An ISO day `days` from today.
std::string day_from_today(int days) {
  using namespace std::chrono;
  const year_month_day day{floor<std::chrono::days>(system_clock::now()) + std::chrono::days{days}};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

TEST_P(ReportingServer, UnsavedTypingIsKeptOnTheServerAndOfferedBackUntilSaved) {
  auto cast = nightlife_with_lead();
  auto& lead = cast.lead;
  const auto round = create_round(cast.coordinator, cast.plan, {cast.nightlife});
  const auto form = "/forms/" + form_ids(cast.coordinator.get("/rounds/" + round).body).front();
  const auto page = lead.get(form).body;
  EXPECT_TRUE(contains(page, "data-autosave=\"" + form + "/autosave\""));
  EXPECT_FALSE(contains(page, "restore=autosave")) << "nothing to offer yet";

  // What the page's script sends while the lead types: the form's fields.
  const std::map<std::string, std::string> typed{
      {"_csrf", lead.csrf()},
      {"row_version", row_version(page)},
      {"s.activities.0.text", "Netværksmøde med nattelivets aktører"},
      {"s.activities.0.status", "planned"},
      {"s.activities.0.when", "2018-02"},
      {"s.status.text", "Halvvejs skrevet – <b>ikke</b> færdig"}};
  auto response = lead.post_form(form + "/autosave", typed);
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_TRUE(contains(response.body, "Gemt automatisk kl.")) << response.body;
  auto again = typed;
  again["s.status.text"] = "Halvvejs skrevet – <b>ikke</b> færdig, men tæt på";
  ASSERT_EQ(lead.post_form(form + "/autosave", again).status, 200) << "the copy is replaced";

  // Nothing is saved: no revision, no register activity, the form still empty.
  auto viewed = lead.get(form).body;
  EXPECT_FALSE(contains(viewed, "Netværksmøde med nattelivets aktører"));
  EXPECT_TRUE(contains(viewed, "restore=autosave")) << "the lead is offered the text back";
  EXPECT_FALSE(contains(cast.coordinator.get(form).body, "restore=autosave"))
      << "the copy is the lead's own";
  EXPECT_FALSE(contains(lead.get("/initiatives/" + cast.nightlife).body, "nattelivets aktører"));

  // Brought back into the page (escaped), ready to save.
  const auto restored = lead.get(form + "?restore=autosave");
  ASSERT_EQ(restored.status, 200);
  EXPECT_TRUE(contains(restored.body, "Netværksmøde med nattelivets aktører"));
  EXPECT_TRUE(contains(restored.body, "&lt;b&gt;ikke&lt;/b&gt; færdig, men tæt på"));
  EXPECT_FALSE(contains(restored.body, "<b>ikke</b>"));
  EXPECT_TRUE(contains(restored.body, "Den er ikke gemt endnu"));
  response = lead.post_form(form, {{"_csrf", lead.csrf()},
                                   {"row_version", row_version(restored.body)},
                                   {"s.activities.0.text", "Netværksmøde med nattelivets aktører"},
                                   {"s.activities.0.status", "planned"},
                                   {"s.activities.0.when", "2018-02"},
                                   {"s.status.text", "Færdig"}});
  ASSERT_EQ(response.status, 303) << response.body;
  EXPECT_FALSE(contains(lead.get(form).body, "restore=autosave")) << "saving removes the copy";

  // A copy typed against an older version comes back as a conflict when saved.
  ASSERT_EQ(lead.post_form(form + "/autosave", typed).status, 200);
  const auto stale = lead.get(form + "?restore=autosave").body;
  response = lead.post_form(form, {{"_csrf", lead.csrf()},
                                   {"row_version", row_version(stale)},
                                   {"s.status.text", "Gammel tekst"}});
  EXPECT_EQ(response.status, 409);
  // Both versions are on the page: the typed text in its box, the saved one beside it.
  EXPECT_TRUE(contains(response.body, ">Gammel tekst</textarea>")) << response.body;
  EXPECT_TRUE(contains(response.body, "Det, den anden gemte i afsnittet")) << response.body;
  EXPECT_TRUE(contains(response.body, "<a href=\"#section-status\">")) << "the list links to it";
  EXPECT_TRUE(contains(response.body, "<div class=\"theirs-text\">Færdig</div>")) << response.body;
  EXPECT_TRUE(contains(response.body, "<del>Færdig</del><ins>Gammel tekst</ins>"));

  // Only those who may save may keep a copy; a locked form takes none; the token is checked.
  auto member = signed_in("medlem@aalborg.dk", "member");
  EXPECT_EQ(member.post_form(form + "/autosave", {{"_csrf", member.csrf()}}).status, 403);
  EXPECT_EQ(lead.post_form(form + "/autosave", {{"s.status.text", "x"}}).status, 403);
  const auto current = lead.get(form).body;
  ASSERT_EQ(lead.post_form(form + "/submit", {{"_csrf", lead.csrf()},
                                              {"row_version", row_version(current)},
                                              {"confirm_empty", "1"}})
                .status,
            303);
  response = lead.post_form(form + "/autosave", typed);
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "indsendt")) << response.body;
}

TEST_P(ReportingServer, LeadsAreRemindedByEmailBeforeTheDeadlineAndWhenOverdueEachOnce) {
  testing::SmtpSink sink;
  config::Config settings;
  restart([&](config::Config& config) {
    config.smtp_url = sink.url();
    config.mail_from = "Tryg Aalborg <tryg@aalborg.dk>";
    config.public_url = "https://tryg.aalborg.dk";
    config.reminder_check_minutes = 0;  // only the button and the command send here
    settings = config;
  });
  auto cast = nightlife_with_lead();
  auto& coordinator = cast.coordinator;
  auto& lead = cast.lead;
  const auto& plan = cast.plan;
  const auto& nightlife = cast.nightlife;
  const auto walks = create_initiative(coordinator, plan, "Tryghedsvandringer", "");
  const auto deadline = day_from_today(2);
  const auto round = create_round(coordinator, plan, {nightlife, walks}, deadline);
  const auto forms = form_ids(coordinator.get("/rounds/" + round).body);
  ASSERT_EQ(forms.size(), 2U);

  // Two days before the deadline: the lead with an account gets one e-mail, in Danish, with a
  // link to the form; the board says who could not be reminded.
  auto board = coordinator.get("/rounds/" + round).body;
  EXPECT_TRUE(contains(board, "3 dage før fristen")) << board;
  EXPECT_EQ(lead.post_form("/rounds/" + round + "/reminders", {{"_csrf", lead.csrf()}}).status,
            403);
  auto response =
      coordinator.post_form("/rounds/" + round + "/reminders", {{"_csrf", coordinator.csrf()}});
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_TRUE(contains(response.body, "Påmindelser sendt: 1."));
  EXPECT_TRUE(contains(response.body, "Tryghedsvandringer: lederen har ingen konto"));
  auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1U);
  EXPECT_EQ(mails[0].from, "tryg@aalborg.dk");
  EXPECT_EQ(mails[0].to, std::vector<std::string>{"ssp@aalborg.dk"});
  EXPECT_TRUE(contains(mails[0].subject,
                       "Påmindelse: afrapporteringen for Et trygt natteliv skal indsendes senest"))
      << mails[0].subject;
  EXPECT_TRUE(contains(mails[0].body, "https://tryg.aalborg.dk/forms/" + forms[0]))
      << mails[0].body;
  EXPECT_TRUE(contains(mails[0].body, "Det har status: Kladde.")) << mails[0].body;
  EXPECT_TRUE(contains(mails[0].data, "Content-Type: text/plain; charset=UTF-8"));

  // Pressing again sends nothing new.
  coordinator.post_form("/rounds/" + round + "/reminders", {{"_csrf", coordinator.csrf()}});
  EXPECT_EQ(sink.wait_for(2, 1).size(), 1U);
  EXPECT_TRUE(contains(coordinator.get("/rounds/" + round).body, "Påmindet "));

  // After the deadline: the overdue reminder. When the mail server refuses, nothing is
  // recorded, and the next check sends it.
  const auto after_deadline = day_from_today(3);
  sink.refuse_recipients(true);
  auto outcome =
      reporting::send_due_reminders(server_->runtime().database(), settings, after_deadline, 0, 0);
  EXPECT_EQ(outcome.sent, 0);
  ASSERT_EQ(outcome.failures.size(), 1U);
  EXPECT_TRUE(contains(outcome.failures[0], "Et trygt natteliv")) << outcome.failures[0];
  sink.refuse_recipients(false);
  outcome =
      reporting::send_due_reminders(server_->runtime().database(), settings, after_deadline, 0, 0);
  EXPECT_EQ(outcome.sent, 1);
  mails = sink.wait_for(2);
  ASSERT_EQ(mails.size(), 2U);
  EXPECT_TRUE(contains(mails[1].subject, "Fristen er overskredet")) << mails[1].subject;

  // Both kinds sent: nothing more for this form.
  outcome =
      reporting::send_due_reminders(server_->runtime().database(), settings, after_deadline, 0, 0);
  EXPECT_EQ(outcome.sent, 0);
}

TEST_P(ReportingServer, TheServerSendsDueRemindersOnItsOwn) {
  testing::SmtpSink sink;
  auto coordinator = signed_in("tovholder@aalborg.dk", "coordinator");
  signed_in("ssp@aalborg.dk", "initiative_lead");
  const auto plan = create_plan(coordinator);
  const auto nightlife = create_initiative(coordinator, plan, "Et trygt natteliv",
                                           std::to_string(user_ids_["ssp@aalborg.dk"]));
  create_round(coordinator, plan, {nightlife}, day_from_today(-1));
  // A server with e-mail set up checks at start and then every reminder_check_minutes.
  restart([&](config::Config& config) {
    config.smtp_url = sink.url();
    config.reminder_check_minutes = 60;
  });
  const auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1U);
  EXPECT_TRUE(contains(mails[0].subject, "Fristen er overskredet")) << mails[0].subject;
}

TEST_P(ReportingServer, ACoordinatorUploadsTheLogoTheReportCarriesIt) {
  auto coordinator = signed_in("tovholder@aalborg.dk", "coordinator");
  auto lead = signed_in("ssp@aalborg.dk", "initiative_lead");
  EXPECT_EQ(lead.get("/workspace/logo").status, 403);
  auto page = coordinator.get("/workspace/logo");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Der er intet logo endnu"));
  const auto upload = [&](const std::string& name, const std::string& bytes) {
    coordinator.get("/workspace/logo");
    return coordinator.request(
        "POST", "/workspace/logo",
        testing::multipart_body({{"_csrf", coordinator.csrf()}}, "file", name, bytes),
        testing::kMultipartType);
  };
  auto response = upload("logo.png", "\x89PNG\r\n\x1a\nnot an svg");
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "kan ikke læses som SVG")) << response.body;
  response = upload("huge.svg", "<svg" + std::string(std::size_t{600} * 1024, ' ') + "/>");
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "højst 512 KB"));

  const std::string logo =
      R"(<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">)"
      R"(<script>alert(1)</script><rect width="120" height="40" fill="#00558c"/></svg>)";
  response = upload("tryg-aalborg.svg", logo);
  ASSERT_EQ(response.status, 303) << response.body;
  EXPECT_TRUE(contains(coordinator.get("/workspace/logo").body, "uploadet sidst"));
  const auto image = coordinator.get("/workspace/logo.svg");
  EXPECT_EQ(image.header("content-type"), "image/svg+xml");
  EXPECT_TRUE(contains(image.header("content-security-policy"), "default-src 'none'"));

  const auto plan = create_plan(coordinator);
  const auto initiative = create_initiative(coordinator, plan, "Tryghedsvandringer", "");
  const auto round = create_round(coordinator, plan, {initiative});
  const auto html = coordinator.get("/rounds/" + round + "/report/html").body;
  EXPECT_TRUE(contains(html, "<img alt=\"Logo\" src=\"data:image/svg+xml;base64,"));
  EXPECT_FALSE(contains(html, "<script>")) << "the uploaded SVG is never inline in the page";
  TempDir directory;
  const auto docx = coordinator.get("/rounds/" + round + "/report/docx");
  const auto listing = run("unzip -l " + directory.file("report.docx", docx.body));
  EXPECT_TRUE(contains(listing, "word/media/")) << listing;
  const auto pdf = coordinator.get("/rounds/" + round + "/report/pdf");
  EXPECT_EQ(pdf.status, 200);

  // Removing it.
  coordinator.get("/workspace/logo");
  response = coordinator.request(
      "POST", "/workspace/logo",
      testing::multipart_body({{"_csrf", coordinator.csrf()}, {"remove", "1"}}, "file", "", ""),
      testing::kMultipartType);
  ASSERT_EQ(response.status, 303);
  EXPECT_EQ(coordinator.get("/workspace/logo.svg").status, 404);
}

// The Tryghedsindeks by city (000: "de fem største byer"), 2016 and 2017, as JSON-stat: year ×
// city. The figures are made up for the test.
const std::string kCityIndex = R"json({
  "version": "2.0", "class": "dataset", "label": "Tryghedsindeks", "id": ["Tid", "By"],
  "size": [2, 2], "role": {"time": ["Tid"], "geo": ["By"]},
  "dimension": {
    "Tid": {"label": "år", "category": {"index": ["2016", "2017"]}},
    "By": {"label": "by", "category": {"index": {"851": 0, "101": 1},
           "label": {"851": "Aalborg", "101": "København"}}}},
  "value": [73, 66, 74, 65]
})json";

TEST_P(ReportingServer, TheReportShowsEachAreasFiguresAgainstItsOwnTarget) {
  auto coordinator = signed_in("tovholder@aalborg.dk", "coordinator");
  const auto plan = create_plan(coordinator);
  const auto initiative = create_initiative(coordinator, plan, "Tryghedsvandringer", "");
  const auto indicator = testing::create_indicator(
      coordinator, plan, {.name = "Tryghedsindeks", .direction = "higher", .source = "survey"});
  coordinator.get("/plans/" + plan + "/imports/new");
  auto response = coordinator.request(
      "POST", "/plans/" + plan + "/imports",
      testing::multipart_body({{"_csrf", coordinator.csrf()}}, "file", "indeks.json", kCityIndex),
      testing::kMultipartType);
  ASSERT_EQ(response.status, 303) << response.body;
  response = coordinator.post_form("/imports/" + id_from_location(response) + "/confirm",
                                   {{"_csrf", coordinator.csrf()},
                                    {"time", "0"},
                                    {"area", "1"},
                                    {"create_areas", "1"},
                                    {"s0_indicator", indicator}});
  ASSERT_EQ(response.status, 303) << response.body;
  // Aalborg's own target, as the target form offers the area.
  std::smatch option;
  const auto choices = coordinator.get("/indicators/" + indicator + "/targets/new").body;
  ASSERT_TRUE(
      std::regex_search(choices, option, std::regex(R"re(<option value="(\d+)"[^>]*>Aalborg<)re")))
      << choices;
  response = coordinator.post_form("/indicators/" + indicator + "/targets",
                                   {{"_csrf", coordinator.csrf()},
                                    {"comparator", "ge"},
                                    {"value", "75"},
                                    {"period_start", "2017-01-01"},
                                    {"period_end", "2017-12-31"},
                                    {"area_id", option[1].str()}});
  ASSERT_EQ(response.status, 303) << response.body;
  const auto round = create_round(coordinator, plan, {initiative});

  const auto html = coordinator.get("/rounds/" + round + "/report/html");
  ASSERT_EQ(html.status, 200);
  EXPECT_TRUE(contains(html.body, "Tryghedsindeks fordelt på områder, 2017")) << "the bars";
  // The table: each city's latest figure, Aalborg against its own target for 2017; in Danish
  // order, where Aa is Å and comes last.
  in_order(html.body, {"<th>Område</th>", "<th>Seneste tal</th>", "<th>Mål</th>", "København",
                       "65 (2017)", "Aalborg", "74 (2017)", "≥ 75", "Ikke nået"});
  const TempDir dir;
  const auto pdf = dir.file("report.pdf", coordinator.get("/rounds/" + round + "/report/pdf").body);
  const auto text = run("pdftotext -layout " + pdf + " -");
  EXPECT_TRUE(contains(text, "København")) << text;
  EXPECT_TRUE(contains(text, "Seneste tal")) << text;
}

TEST_P(ReportingServer, AReportWithMissingFormsSaysSoInsteadOfFailing) {
  auto coordinator = signed_in("tovholder@aalborg.dk", "coordinator");
  const auto plan = create_plan(coordinator);
  const auto initiative = create_initiative(coordinator, plan, "Tryghedsvandringer", "");
  const auto round = create_round(coordinator, plan, {initiative});
  const auto html = coordinator.get("/rounds/" + round + "/report/html");
  ASSERT_EQ(html.status, 200);
  EXPECT_TRUE(contains(html.body, "Ikke indsendt – skemaet har status"));
  EXPECT_EQ(coordinator.get("/rounds/" + round + "/report/pdf").status, 200);
  EXPECT_EQ(coordinator.get("/rounds/" + round + "/report/exe").status, 404);
  // A round needs at least one initiative and real dates.
  coordinator.get("/plans/" + plan + "/rounds/new");
  const auto response =
      coordinator.request("POST", "/plans/" + plan + "/rounds",
                          testing::form_encode({{"_csrf", coordinator.csrf()},
                                                {"name", "5. afrapportering"},
                                                {"period_start", "2018-13-01"},
                                                {"period_end", "2018-12-31"},
                                                {"deadline", "2019-01-31"},
                                                {"template_key", "afrapportering_da"}}),
                          "application/x-www-form-urlencoded");
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Vælg mindst én indsats"));
}

SAMTRYG_ON_EVERY_BACKEND(ReportingServer);

}  // namespace
}  // namespace samtryg::reporting
