// The compiled report as a coordinator puts it before the council (issue 21, point 7), through
// a real server on SQLite and PostgreSQL and read back with the tools people open it with:
// pdftotext page by page, the DOCX's XML and LibreOffice's reading of it, and the HTML.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "core/i18n/locale_format.hpp"
#include "core/util/time.hpp"
#include "support/factories.hpp"
#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/test_server.hpp"

namespace samtryg::reporting {
namespace {

using testing::HttpClient;
using testing::id_from_location;
using testing::TempDir;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string run(const std::string& command) {
  return testing::run_command(command).output;
}

// pdftotext's pages: it ends each with a form feed.
std::vector<std::string> pages_of(const std::string& text) {
  std::vector<std::string> pages;
  std::size_t start = 0;
  for (auto end = text.find('\f'); end != std::string::npos; end = text.find('\f', start)) {
    pages.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return pages;
}

// The non-empty lines of a page without the running header, the footer and the page number.
std::vector<std::string> body_lines(const std::string& page) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= page.size()) {
    auto end = page.find('\n', start);
    if (end == std::string::npos) end = page.size();
    auto line = page.substr(start, end - start);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    const bool furniture = line.empty() || contains(line, " · ") || line.starts_with("Side ");
    if (!furniture) lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

// The 1-based page of the first page after `from` that has `part` on a line of its own.
int page_with_line(const std::vector<std::string>& pages, const std::string& part, int from) {
  for (int index = from; index < static_cast<int>(pages.size()); ++index) {
    for (const auto& line : body_lines(pages[static_cast<std::size_t>(index)])) {
      if (line == part) return index + 1;
    }
  }
  return 0;
}

const std::string kStatusText =
    "Initiativet holder stadig fokus på at fastholde den høje tryghed i nattelivet. Der har i "
    "perioden været meget formidling internt som eksternt, bl.a. i arrangementet om co-creation "
    "den 1. juni. Indretningsplatformen har fået opsat nye og bedre skraldespande i og omkring "
    "Jomfru Ane Gade. På seneste netværksmøde for platformene den 24. november 2017 var der "
    "enighed om, at der fortsat er udfordringer i nattelivet, som vi skal løse i fællesskab. "
    "Derfor fortsætter initiativet Et trygt natteliv med både nye og gamle platforme, og på "
    "netværksmødet blev der etableret fem udviklingsplatforme med hver sin tovholder og sit "
    "eget mål for det kommende år. Frem til næste netværksmøde arbejdes der med at involvere "
    "nye aktører, fastsætte konkrete mål i platformene og sætte en tidshorisont for det videre "
    "forløb sammen med alle de deltagende aktører i nattelivet";

class ReportForCouncil : public testing::ServerTest {
 protected:
  struct Round {
    HttpClient coordinator;
    HttpClient lead;
    std::string plan;
    std::string id;
    std::vector<std::string> forms;  // nightlife, safety walks, drop-out
  };

  // Tryg Aalborg's parties, a plan with three initiatives and an indicator without a target,
  // and the round "4. afrapportering" whose nightlife form its lead filled in and submitted.
  Round round_with_forms() {
    auto coordinator = signed_in("tovholder@aalborg.dk", "coordinator");
    auto lead = signed_in("ssp@aalborg.dk", "initiative_lead");
    for (const auto& [name, kind] :
         std::vector<std::pair<std::string, std::string>>{{"Aalborg Kommune", "municipality"},
                                                          {"Nordjyllands Politi", "police"},
                                                          {"TrygFonden", "other"}}) {
      coordinator.get("/parties/new");
      const auto made = coordinator.post_form(
          "/parties", {{"_csrf", coordinator.csrf()}, {"name", name}, {"kind", kind}});
      EXPECT_EQ(made.status, 303) << made.body;
    }
    const auto plan = testing::create_plan(coordinator, {.period_start = "2013-01-01"});
    const auto nightlife = testing::create_initiative(
        coordinator, plan,
        {.name = "Et trygt natteliv", .lead = std::to_string(user_ids_["ssp@aalborg.dk"])});
    const auto walks =
        testing::create_initiative(coordinator, plan, {.name = "Tryghedsvandringer"});
    const auto dropout = testing::create_initiative(coordinator, plan, {.name = "Drop-out-elever"});
    testing::create_indicator(coordinator, plan,
                              {.name = "Antal tryghedsvandringer", .source = "own_registration"});
    coordinator.get("/plans/" + plan + "/rounds/new");
    const auto body = testing::form_encode({{"_csrf", coordinator.csrf()},
                                            {"name", "4. afrapportering"},
                                            {"period_start", "2017-01-21"},
                                            {"period_end", "2018-01-14"},
                                            {"deadline", "2018-01-31"},
                                            {"template_key", "afrapportering_da"}}) +
                      "&initiative=" + nightlife + "&initiative=" + walks +
                      "&initiative=" + dropout;
    const auto created = coordinator.request("POST", "/plans/" + plan + "/rounds", body,
                                             "application/x-www-form-urlencoded");
    EXPECT_EQ(created.status, 303) << created.body;
    const auto round = id_from_location(created);
    std::vector<std::string> forms;
    const auto board = coordinator.get("/rounds/" + round).body;
    const std::regex link(R"re(href="/forms/(\d+)")re");
    for (auto it = std::sregex_iterator(board.begin(), board.end(), link);
         it != std::sregex_iterator(); ++it) {
      forms.push_back((*it)[1].str());
    }
    EXPECT_EQ(forms.size(), 3U);
    const auto page = lead.get("/forms/" + forms.front());
    const auto saved = lead.post_form("/forms/" + forms.front(),
                                      {{"_csrf", lead.csrf()},
                                       {"row_version", row_version(page.body)},
                                       {"s.activities.0.text", "Netværksmøde for platformene"},
                                       {"s.activities.0.status", "done"},
                                       {"s.activities.0.when", "2017-11-24"},
                                       {"s.status.text", kStatusText},
                                       {"intent", "submit"},
                                       {"confirm_empty", "1"}});
    EXPECT_EQ(saved.status, 303) << saved.body;
    return {std::move(coordinator), std::move(lead), plan, round, forms};
  }

  static std::string row_version(const std::string& page) {
    std::smatch match;
    const std::regex pattern(R"re(name="row_version" value="(\d+)")re");
    return std::regex_search(page, match, pattern) ? match[1].str() : std::string();
  }

  static std::string summary_version(const std::string& page) {
    std::smatch match;
    const std::regex pattern(R"re(name="summary_version" value="(\d+)")re");
    return std::regex_search(page, match, pattern) ? match[1].str() : std::string();
  }

  static std::string pdf_text(TempDir& directory, const std::string& pdf) {
    return run("pdftotext -enc UTF-8 " + directory.file("report.pdf", pdf) + " -");
  }

  // The DOCX's main part, unzipped.
  static std::string document_xml(TempDir& directory, const std::string& docx) {
    return run("unzip -p " + directory.file("report.docx", docx) + " word/document.xml");
  }
};

TEST_P(ReportForCouncil, TheTitlePageNamesThePartiesThePeriodAndTheDate) {
  auto round = round_with_forms();
  TempDir directory;
  const auto text =
      pdf_text(directory, round.coordinator.get("/rounds/" + round.id + "/report/pdf").body);
  const auto pages = pages_of(text);
  ASSERT_GE(pages.size(), 3U);
  const auto& title = pages.front();
  const auto today = i18n::format_iso_date(today_iso_utc(), i18n::Language::da);
  for (const auto* part : {"Aalborg Kommune og Nordjyllands Politi", "4. afrapportering",
                           "Periode: 21. januar 2017 – 14. januar 2018"}) {
    EXPECT_TRUE(contains(title, part)) << part << "\n" << title;
  }
  EXPECT_TRUE(contains(title, "Dato: " + today)) << title;
  EXPECT_FALSE(contains(title, "TrygFonden")) << "other partners are not on the cover";

  const auto html = round.coordinator.get("/rounds/" + round.id + "/report/html").body;
  const auto header = html.substr(0, html.find("</header>"));
  EXPECT_TRUE(contains(header, "Aalborg Kommune og Nordjyllands Politi"));
  EXPECT_TRUE(contains(header, "Dato: " + today));
  const auto xml =
      document_xml(directory, round.coordinator.get("/rounds/" + round.id + "/report/docx").body);
  const auto first_break = xml.find("<w:br w:type=\"page\"/>");
  EXPECT_TRUE(contains(xml.substr(0, first_break), "Aalborg Kommune og Nordjyllands Politi"));
  EXPECT_TRUE(contains(xml.substr(0, first_break), "Periode: 21. januar 2017 – 14. januar 2018"));
}

// Chapters flow on (no page each, half empty), and no page ends with a heading whose text
// went on to the next page.
TEST_P(ReportForCouncil, ChaptersFlowAndNoHeadingEndsAPage) {
  auto round = round_with_forms();
  TempDir directory;
  const auto text =
      pdf_text(directory, round.coordinator.get("/rounds/" + round.id + "/report/pdf").body);
  const auto pages = pages_of(text);
  const int about = page_with_line(pages, "Om strategien og organiseringen", 2);
  const int indicator = page_with_line(pages, "Den overordnede indikator", 2);
  ASSERT_GT(about, 0) << text;
  EXPECT_EQ(about, indicator) << "short chapters share a page";
  const std::vector<std::string> headings = {"Om strategien og organiseringen",
                                             "Den overordnede indikator",
                                             "Kendskab og arrangementer",
                                             "Indsatser tilføjet år for år",
                                             "Samlet vurdering",
                                             "Indsatserne",
                                             "Et trygt natteliv",
                                             "Tryghedsvandringer",
                                             "Drop-out-elever",
                                             "Aktiviteter",
                                             "Statusbeskrivelse",
                                             "Antal tryghedsvandringer"};
  for (std::size_t index = 2; index < pages.size(); ++index) {
    const auto lines = body_lines(pages[index]);
    if (lines.empty()) continue;
    const bool only_heading = std::all_of(lines.begin(), lines.end(), [&](const auto& line) {
      return std::find(headings.begin(), headings.end(), line) != headings.end();
    });
    EXPECT_FALSE(only_heading) << "page " << index + 1 << " holds only a heading";
    EXPECT_EQ(std::find(headings.begin(), headings.end(), lines.back()), headings.end())
        << "page " << index + 1 << " ends with the heading " << lines.back();
  }
  // Word keeps every heading with the paragraph after it.
  const auto xml =
      document_xml(directory, round.coordinator.get("/rounds/" + round.id + "/report/docx").body);
  const std::regex heading(R"re(<w:pPr><w:pStyle w:val="Heading\d"/>(.*?)</w:pPr>)re");
  int headings_seen = 0;
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), heading);
       it != std::sregex_iterator(); ++it) {
    ++headings_seen;
    EXPECT_TRUE(contains((*it)[1].str(), "<w:keepNext/>")) << (*it)[0].str();
  }
  EXPECT_GT(headings_seen, 10);
}

// The indicator chapter names every indicator; one without a target gets no "Ingen data".
TEST_P(ReportForCouncil, TheIndicatorChapterNamesEachIndicatorAndGivesStatusOnlyWithATarget) {
  auto round = round_with_forms();
  const auto html = round.coordinator.get("/rounds/" + round.id + "/report/html").body;
  const auto chapter = html.find(">Den overordnede indikator</h1>");
  ASSERT_NE(chapter, std::string::npos);
  const auto next = html.find("<h1", chapter);
  const auto part = html.substr(chapter, next - chapter);
  EXPECT_TRUE(contains(part, "<h3 id=\"h3\">Antal tryghedsvandringer</h3>") ||
              contains(part, ">Antal tryghedsvandringer</h3>"))
      << part;
  EXPECT_TRUE(contains(part, "Der er endnu ingen tal for indikatoren.")) << part;
  EXPECT_FALSE(contains(html, "Ingen data")) << "no status for an indicator without a target";
}

// The template's guidance and the unanswered fields stay out unless the coordinator asks.
TEST_P(ReportForCouncil, HintsAndUnansweredFieldsOnlyWhenAskedFor) {
  auto round = round_with_forms();
  auto& coordinator = round.coordinator;
  TempDir directory;
  const auto base = "/rounds/" + round.id + "/report/";
  const auto plain = pdf_text(directory, coordinator.get(base + "pdf").body);
  EXPECT_FALSE(contains(plain, "Max. ½ side")) << plain;
  EXPECT_FALSE(contains(plain, "Ikke besvaret")) << plain;
  EXPECT_FALSE(contains(plain, "Ingen punkter"));
  EXPECT_TRUE(contains(plain, "Netværksmøde for platformene")) << "the answers are all there";
  const auto html = coordinator.get(base + "html").body;
  EXPECT_FALSE(contains(html, "Max. ½ side"));
  EXPECT_FALSE(contains(html, "Ikke besvaret"));
  const auto xml = document_xml(directory, coordinator.get(base + "docx").body);
  EXPECT_FALSE(contains(xml, "Max. ½ side"));
  EXPECT_FALSE(contains(xml, "Ikke besvaret"));

  const auto board = coordinator.get("/rounds/" + round.id).body;
  EXPECT_TRUE(contains(board, "name=\"unanswered\"")) << "the compile form has the checkbox";
  const auto full = pdf_text(directory, coordinator.get(base + "pdf?unanswered=1").body);
  EXPECT_TRUE(contains(full, "Max. ½ side"));
  EXPECT_TRUE(contains(full, "Ikke besvaret"));
  const auto compiled = coordinator.get("/rounds/" + round.id + "/report?format=html&unanswered=1");
  ASSERT_EQ(compiled.status, 200);
  EXPECT_TRUE(contains(compiled.body, "Max. ½ side"));
  EXPECT_TRUE(contains(compiled.body, "Ikke besvaret"));
  EXPECT_EQ(coordinator.get("/rounds/" + round.id + "/report?format=exe").status, 404);
}

// Word's TOC field carries its result: entries with the PDF's page numbers, shown on opening
// without updating fields and without a prompt.
TEST_P(ReportForCouncil, TheWordContentsHavePageNumbersWithoutUpdatingFields) {
  auto round = round_with_forms();
  auto& coordinator = round.coordinator;
  TempDir directory;
  const auto docx = coordinator.get("/rounds/" + round.id + "/report/docx").body;
  const auto xml = document_xml(directory, docx);
  const auto begin = xml.find("w:fldCharType=\"begin\"");
  const auto separate = xml.find("w:fldCharType=\"separate\"");
  const auto end = xml.find("w:fldCharType=\"end\"");
  ASSERT_NE(begin, std::string::npos);
  ASSERT_LT(begin, separate);
  ASSERT_LT(separate, end);
  EXPECT_TRUE(contains(xml.substr(begin, separate - begin), "TOC \\o"));
  const auto result = xml.substr(separate, end - separate);
  EXPECT_TRUE(contains(result, "<w:tab/>")) << result;
  EXPECT_FALSE(contains(xml, "w:dirty"));
  const auto settings =
      run("unzip -p " + directory.path().string() + "/report.docx word/settings.xml");
  EXPECT_FALSE(contains(settings, "updateFields"));

  // The page the annex starts on, in the PDF, is the number the contents give it.
  const auto pages =
      pages_of(pdf_text(directory, coordinator.get("/rounds/" + round.id + "/report/pdf").body));
  const int annex = page_with_line(pages, "Bilag: afrapporteringsskemaer", 2);
  ASSERT_GT(annex, 2);
  const std::regex annex_entry(
      "Bilag: afrapporteringsskemaer</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t[^>]*>(\\d+)<");
  std::smatch number;
  ASSERT_TRUE(std::regex_search(result, number, annex_entry)) << result;
  EXPECT_EQ(number[1].str(), std::to_string(annex));

  // LibreOffice shows the contents with their numbers as they are.
  const auto office = "soffice -env:UserInstallation=file://" + directory.path().string() +
                      "/office --headless --convert-to pdf --outdir " + directory.path().string() +
                      " " + directory.path().string() + "/report.docx > /dev/null 2>&1";
  run(office);
  const auto office_text =
      run("pdftotext -enc UTF-8 " + directory.path().string() + "/report.pdf -");
  const std::regex listed(R"(Bilag: afrapporteringsskemaer[ .\t]*\d+)");
  EXPECT_TRUE(std::regex_search(office_text, listed)) << office_text.substr(0, 2000);
}

// A summary written for the round is the report's, word for word; without one the report
// makes one that ends with a whole sentence.
TEST_P(ReportForCouncil, TheWrittenSummaryIsUsedAndTheMadeOneEndsWithAWholeSentence) {
  auto round = round_with_forms();
  auto& coordinator = round.coordinator;
  auto& lead = round.lead;
  const auto base = "/rounds/" + round.id + "/report/";
  // Without a summary: whole sentences of the status text, the last one ending in a full stop.
  auto html = coordinator.get(base + "html").body;
  const auto summaries = html.substr(html.find(">Indsatserne</h1>"));
  const auto opening = summaries.find("<p>Initiativet holder stadig fokus");
  ASSERT_NE(opening, std::string::npos) << summaries.substr(0, 1500);
  const auto paragraph =
      summaries.substr(opening + 3, summaries.find("</p>", opening) - opening - 3);
  EXPECT_TRUE(paragraph.ends_with('.')) << paragraph;
  EXPECT_TRUE(kStatusText.starts_with(paragraph)) << paragraph;
  EXPECT_LT(paragraph.size(), kStatusText.size()) << "a summary, not the whole text";

  // The lead writes one; the page offers it back, the report uses it as written.
  const auto form = "/forms/" + round.forms.front();
  auto page = lead.get(form);
  ASSERT_TRUE(contains(page.body, "name=\"summary\"")) << "the lead may write the summary";
  const std::string written =
      "Et trygt natteliv fortsætter med fem udviklingsplatforme; politiet er ankerperson frem "
      "til november 2018";
  auto response =
      lead.post_form(form + "/summary", {{"_csrf", lead.csrf()},
                                         {"summary_version", summary_version(page.body)},
                                         {"summary", written}});
  ASSERT_EQ(response.status, 303) << response.body;
  EXPECT_TRUE(contains(lead.get(form).body, written));
  // A second save from the same page is refused, not silently written over.
  response =
      coordinator.post_form(form + "/summary", {{"_csrf", coordinator.csrf()},
                                                {"summary_version", summary_version(page.body)},
                                                {"summary", "Ældre tekst"}});
  EXPECT_EQ(response.status, 409);
  // Another lead may not write it.
  auto other = signed_in("skole@aalborg.dk", "initiative_lead");
  other.get(form);
  EXPECT_EQ(other
                .post_form(form + "/summary",
                           {{"_csrf", other.csrf()}, {"summary_version", "2"}, {"summary", "x"}})
                .status,
            403);
  html = coordinator.get(base + "html").body;
  EXPECT_TRUE(contains(html, "<p>" + written + "</p>")) << "used verbatim";
  EXPECT_FALSE(contains(
      html.substr(html.find(">Indsatserne</h1>"), html.find(">Bilag: afrapporteringsskemaer</h1>") -
                                                      html.find(">Indsatserne</h1>")),
      "Initiativet holder stadig fokus"))
      << "the written summary replaces the made one";
  TempDir directory;
  const auto text = pdf_text(directory, coordinator.get(base + "pdf").body);
  EXPECT_TRUE(contains(text, "fem udviklingsplatforme; politiet er ankerperson")) << text;

  // The coordinator may write it too; the workspace document carries it.
  page = coordinator.get(form);
  response =
      coordinator.post_form(form + "/summary", {{"_csrf", coordinator.csrf()},
                                                {"summary_version", summary_version(page.body)},
                                                {"summary", written + "."}});
  EXPECT_EQ(response.status, 303);
}

// Published by a coordinator, the report is on the public site as PDF and HTML, dated the day
// it was published, compiled as the public reads the round: a form still in draft is not in it.
TEST_P(ReportForCouncil, APublishedReportIsOnThePublicSiteWithOnlyTheFormsHandedIn) {
  auto round = round_with_forms();
  auto& coordinator = round.coordinator;
  auto page = coordinator.get("/forms/" + round.forms[1]);
  auto response = coordinator.post_form("/forms/" + round.forms[1],
                                        {{"_csrf", coordinator.csrf()},
                                         {"row_version", row_version(page.body)},
                                         {"s.status.text", "Hemmelig kladde om vandringerne."}});
  ASSERT_EQ(response.status, 303) << response.body;
  coordinator.get("/site/settings");
  response = coordinator.post_form("/site/settings", {{"_csrf", coordinator.csrf()},
                                                      {"enabled", "1"},
                                                      {"slug", "tryg-aalborg"},
                                                      {"colour", "#1d4f91"},
                                                      {"responsible", "Tryg Aalborg"},
                                                      {"row_version", "1"}});
  ASSERT_EQ(response.status, 303) << response.body;
  EXPECT_EQ(round.lead.post_form("/rounds/" + round.id + "/publish", {{"_csrf", round.lead.csrf()}})
                .status,
            403);
  coordinator.get("/rounds/" + round.id);
  response =
      coordinator.post_form("/rounds/" + round.id + "/publish", {{"_csrf", coordinator.csrf()}});
  ASSERT_EQ(response.status, 303);
  const auto location = response.header("location");
  EXPECT_TRUE(contains(coordinator.get(location.substr(0, location.find('#'))).body,
                       "Rapporten er offentliggjort på det offentlige websted"));

  HttpClient visitor(server_->port());
  const auto home = visitor.get("/p/tryg-aalborg").body;
  const auto path = "/p/tryg-aalborg/reports/" + round.id;
  EXPECT_TRUE(contains(home, "href=\"" + path + "\"")) << home;
  EXPECT_TRUE(contains(visitor.get(path).body, "4. afrapportering"));
  const auto pdf = visitor.get("/p/tryg-aalborg/reports/files/" + round.id + "/pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("content-type"), "application/pdf");
  TempDir directory;
  const auto text = pdf_text(directory, pdf.body);
  EXPECT_TRUE(contains(text, "Netværksmøde for platformene")) << "the form handed in";
  EXPECT_FALSE(contains(text, "Hemmelig")) << "a draft is not public";
  EXPECT_TRUE(
      contains(text, "Dato: " + i18n::format_iso_date(today_iso_utc(), i18n::Language::da)));
  const auto html = visitor.get("/p/tryg-aalborg/reports/files/" + round.id + "/html");
  ASSERT_EQ(html.status, 200);
  EXPECT_TRUE(contains(html.header("content-security-policy"), "style-src 'unsafe-inline'"));
  EXPECT_FALSE(contains(html.body, "Hemmelig"));
  EXPECT_EQ(visitor.get("/p/tryg-aalborg/reports/files/" + round.id + "/docx").status, 404);

  // Taken off the site after a confirmation: gone.
  EXPECT_EQ(coordinator.get("/rounds/" + round.id + "/withdraw").status, 200);
  response =
      coordinator.post_form("/rounds/" + round.id + "/withdraw", {{"_csrf", coordinator.csrf()}});
  EXPECT_EQ(response.status, 303);
  EXPECT_EQ(visitor.get(path).status, 404);
  EXPECT_EQ(visitor.get("/p/tryg-aalborg/reports/files/" + round.id + "/pdf").status, 404);
}

SAMTRYG_ON_EVERY_BACKEND(ReportForCouncil);

}  // namespace
}  // namespace samtryg::reporting
