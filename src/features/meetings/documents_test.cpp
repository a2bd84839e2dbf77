// A body's meeting from invitation to approved minutes, through a real server on SQLite and
// PostgreSQL: the crime picture is put on the agenda with its chart; the agenda and the
// beslutningsreferat come as PDF and DOCX (read by pdftotext and unzip), each decision under its
// item; the invitation goes by e-mail to the body's members with the agenda as PDF and an
// iCalendar REQUEST that libical reads, and its cancellation as a CANCEL under the same UID; a
// changed meeting must be invited again; members approve the minutes with their time, the
// coordinator records their approval at the next meeting; everyone else is refused.
#include <gtest/gtest.h>
#include <libical/ical.h>

#include <memory>
#include <regex>

#include "core/util/crypto.hpp"
#include "support/factories.hpp"
#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/smtp_sink.hpp"
#include "support/temp_dir.hpp"
#include "support/test_server.hpp"

namespace samtryg::meetings {
namespace {

using testing::HttpClient;
using testing::id_from_location;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

struct ComponentFree {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};

// The decoded text of the part of a multipart message that starts with `header`.
std::string part_of(const std::string& data, const std::string& header) {
  const auto at = data.find(header);
  if (at == std::string::npos) return {};
  const auto start = data.find("\r\n\r\n", at) + 4;
  const auto end = data.find("--=_", start);
  std::string encoded;
  for (const char c : data.substr(start, end - start)) {
    if (c != '\r' && c != '\n') encoded += c;
  }
  return crypto::base64_decode(encoded).value_or(std::string());
}

class MeetingDocuments : public testing::ServerTest {
 protected:
  void prepare() override {
    restart([this](config::Config& config) {
      config.smtp_url = sink_.url();
      config.public_url = "https://tryg.aalborg.dk";
      config.mail_from = "Tryg Aalborg <tryg@aalborg.dk>";
    });
  }

  // The local council with the police's member in it (an account), and the SSP consultant outside.
  std::string council(HttpClient& http, const std::string& member_id) {
    http.get("/groups/new");
    auto response = http.post_form(
        "/groups", {{"_csrf", http.csrf()}, {"name", "Lokalrådet"}, {"kind", "steering"}});
    EXPECT_EQ(response.status, 303) << response.body;
    std::smatch match;
    const auto groups = http.get("/groups").body;
    EXPECT_TRUE(std::regex_search(groups, match, std::regex("id=\"group-(\\d+)\""))) << groups;
    const auto group = match[1].str();
    http.get("/groups/" + group + "/members/new");
    response = http.post_form(
        "/groups/" + group + "/members",
        {{"_csrf", http.csrf()}, {"title", "Lokalpolitiet"}, {"user_id", member_id}});
    EXPECT_EQ(response.status, 303) << response.body;
    return group;
  }

  static std::string plan(HttpClient& http, const std::string& group, const std::string& day) {
    http.get("/meetings/new");
    const auto response = http.post_form("/meetings", {{"_csrf", http.csrf()},
                                                       {"group_id", group},
                                                       {"title", "Ordinært møde i Lokalrådet"},
                                                       {"day", day},
                                                       {"starts", "14:00"},
                                                       {"ends", "16:00"},
                                                       {"place", "Aalborg Politigård"}});
    EXPECT_EQ(response.status, 303) << response.body;
    return id_from_location(response);
  }

  testing::SmtpSink sink_;
};

TEST_P(MeetingDocuments, TheAgendaWithTheCrimePictureAndTheMinutesAsPdfAndDocx) {
  auto coordinator = signed_in("tovholder@aalborg.dk", "coordinator");
  auto outsider = signed_in("ssp@aalborg.dk", "member");
  auto viewer = signed_in("byraad@aalborg.dk", "viewer");
  signed_in("politi@aalborg.dk", "member");
  const auto group = council(coordinator, user_id("politi@aalborg.dk"));
  // An indicator with a figure: the crime picture is proposed, with its chart.
  const auto plan_id = testing::create_plan(coordinator);
  const auto indicator =
      testing::create_indicator(coordinator, plan_id, {.name = "Anmeldte indbrud i Aalborg Øst"});
  coordinator.get("/indicators/" + indicator);
  ASSERT_EQ(coordinator
                .post_form("/indicators/" + indicator + "/values", {{"_csrf", coordinator.csrf()},
                                                                    {"period", "2013"},
                                                                    {"value", "412"},
                                                                    {"status", "final"}})
                .status,
            303);
  const auto meeting = plan(coordinator, group, "2014-01-22");
  const auto base = "/meetings/" + meeting;
  auto page = coordinator.get(base + "/suggestions").body;
  ASSERT_TRUE(contains(page, "Anmeldte indbrud i Aalborg Øst: 412")) << page;
  EXPECT_TRUE(contains(page, "<svg")) << "the chart among the proposals";
  std::smatch match;
  ASSERT_TRUE(std::regex_search(page, match,
                                std::regex("value=\"(\\d+)\" id=\"pick-\\d+\"[^>]*>\\s*<label[^>]*>"
                                           "(Kriminalitetsbilledet[^<]*)</label>")))
      << page;
  const auto index = match[1].str();
  const auto title = match[2].str();
  std::smatch description;
  ASSERT_TRUE(std::regex_search(
      page, description, std::regex("name=\"description_" + index + "\" value=\"([^\"]*)\"")));
  auto response = coordinator.post_form(base + "/suggestions",
                                        {{"_csrf", coordinator.csrf()},
                                         {"pick", index},
                                         {"title_" + index, title},
                                         {"description_" + index, description[1].str()}});
  ASSERT_EQ(response.status, 303) << response.body;
  page = coordinator.get(base).body;
  ASSERT_TRUE(std::regex_search(
      page, match, std::regex("<img src=\"(" + base + "/figures/\\d+)\" alt=\"([^\"]*)")))
      << page;
  EXPECT_TRUE(contains(match[2].str(), "2013: 412")) << "the chart's alt text gives its figures";
  EXPECT_TRUE(contains(page, "<figcaption>Anmeldte indbrud i Aalborg Øst</figcaption>"));
  const auto figure = coordinator.get(match[1].str());
  EXPECT_EQ(figure.status, 200);
  EXPECT_EQ(figure.header("content-type"), "image/svg+xml");
  EXPECT_TRUE(contains(figure.header("content-security-policy"), "default-src 'none'"));
  EXPECT_TRUE(contains(figure.body, "<svg"));
  EXPECT_EQ(viewer.get(match[1].str()).status, 403) << "viewers read no meetings";

  // The minutes: a decision under the item.
  std::smatch item;
  ASSERT_TRUE(std::regex_search(page, item, std::regex("id=\"item-(\\d+)\"")));
  coordinator.get(base + "/items/" + item[1].str() + "/decisions/new");
  ASSERT_EQ(coordinator
                .post_form(base + "/items/" + item[1].str() + "/decisions",
                           {{"_csrf", coordinator.csrf()},
                            {"text", "Politiet følger op på indbruddene i Aalborg Øst."}})
                .status,
            303);

  testing::TempDir directory;
  const auto agenda = coordinator.get(base + "/agenda/pdf");
  ASSERT_EQ(agenda.status, 200);
  EXPECT_EQ(agenda.header("content-type"), "application/pdf");
  auto text = testing::run_command("pdftotext -enc UTF-8 " +
                                   directory.file("agenda.pdf", agenda.body) + " -")
                  .output;
  EXPECT_TRUE(contains(text, "Dagsorden")) << text;
  EXPECT_TRUE(contains(text, "1. " + title)) << text;
  EXPECT_TRUE(contains(text, "Anmeldte indbrud i Aalborg Øst"));
  EXPECT_TRUE(contains(text, "Aalborg Politigård"));
  const auto minutes = coordinator.get(base + "/minutes/pdf");
  ASSERT_EQ(minutes.status, 200);
  text = testing::run_command("pdftotext -enc UTF-8 " +
                              directory.file("minutes.pdf", minutes.body) + " -")
             .output;
  EXPECT_TRUE(contains(text, "Beslutningsreferat")) << text;
  EXPECT_TRUE(contains(text, "Beslutning 1: Politiet følger op på indbruddene i Aalborg Øst."))
      << text;
  EXPECT_TRUE(contains(text, "Referatet er ikke godkendt endnu."));
  for (const auto* kind : {"agenda", "minutes"}) {
    const auto docx = coordinator.get(base + "/" + kind + "/docx");
    ASSERT_EQ(docx.status, 200) << kind;
    const auto xml =
        testing::run_command("unzip -p " + directory.file(std::string(kind) + ".docx", docx.body) +
                             " word/document.xml");
    EXPECT_TRUE(contains(xml.output, "Lokalrådet")) << kind;
  }
  const auto agenda_docx = coordinator.get(base + "/agenda/docx");
  EXPECT_TRUE(
      contains(testing::run_command("unzip -p " + directory.file("a.docx", agenda_docx.body) +
                                    " word/document.xml")
                   .output,
               "<pic:pic"))
      << "the chart is a picture in Word";
  EXPECT_EQ(coordinator.get(base + "/agenda/html").status, 404);
  EXPECT_EQ(coordinator.get(base + "/agenda/exe").status, 404);
  EXPECT_EQ(outsider.get(base + "/minutes/pdf").status, 200) << "members read the documents";
  EXPECT_EQ(viewer.get(base + "/minutes/pdf").status, 403);
}

TEST_P(MeetingDocuments, TheInvitationGoesByMailWithTheAgendaAndAnICalendarRequest) {
  auto coordinator = signed_in("tovholder@aalborg.dk", "coordinator");
  auto outsider = signed_in("ssp@aalborg.dk", "member");
  signed_in("politi@aalborg.dk", "member");
  const auto group = council(coordinator, user_id("politi@aalborg.dk"));
  const auto meeting = plan(coordinator, group, "2030-03-20");
  const auto base = "/meetings/" + meeting;
  auto page = coordinator.get(base).body;
  EXPECT_TRUE(contains(page, "Indkaldelsen er ikke sendt endnu.")) << page;
  page = coordinator.get(base + "/invite").body;
  EXPECT_TRUE(contains(page, "politi@aalborg.dk")) << "the page says who gets it: " << page;
  EXPECT_FALSE(contains(page, "ssp@aalborg.dk")) << "not a member of the body";
  EXPECT_EQ(outsider.get(base + "/invite").status, 403);
  EXPECT_EQ(
      outsider.post_form(base + "/invite", {{"_csrf", outsider.csrf()}, {"sequence", "0"}}).status,
      403);
  EXPECT_EQ(
      coordinator.post_form(base + "/invite", {{"_csrf", coordinator.csrf()}, {"sequence", "7"}})
          .status,
      409)
      << "written for another version of the meeting";
  auto response =
      coordinator.post_form(base + "/invite", {{"_csrf", coordinator.csrf()}, {"sequence", "0"}});
  ASSERT_EQ(response.status, 303) << response.body;
  auto mails = sink_.wait_for(1);
  ASSERT_EQ(mails.size(), 1U);
  EXPECT_EQ(mails[0].to, std::vector<std::string>{"politi@aalborg.dk"});
  EXPECT_TRUE(contains(mails[0].subject, "Indkaldelse: Ordinært møde i Lokalrådet"))
      << mails[0].subject;
  EXPECT_TRUE(contains(mails[0].data, "filename=\"dagsorden-2030-03-20.pdf\"")) << mails[0].data;
  const auto text = part_of(mails[0].data, "Content-Type: text/plain");
  EXPECT_TRUE(contains(text, "https://tryg.aalborg.dk" + base)) << text;
  auto calendar = part_of(mails[0].data, "Content-Type: text/calendar");
  std::unique_ptr<icalcomponent, ComponentFree> parsed(icalparser_parse_string(calendar.c_str()));
  ASSERT_TRUE(parsed) << calendar;
  EXPECT_EQ(icalcomponent_get_method(parsed.get()), ICAL_METHOD_REQUEST);
  auto* event = icalcomponent_get_first_component(parsed.get(), ICAL_VEVENT_COMPONENT);
  ASSERT_NE(event, nullptr);
  const std::string uid = icalcomponent_get_uid(event);
  EXPECT_STREQ(
      icalproperty_get_organizer(icalcomponent_get_first_property(event, ICAL_ORGANIZER_PROPERTY)),
      "mailto:tryg@aalborg.dk");
  EXPECT_STREQ(
      icalproperty_get_attendee(icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY)),
      "mailto:politi@aalborg.dk");
  EXPECT_EQ(icalcomponent_get_dtstart(event).hour, 14);

  // The meeting page lists it; a change means it must go again, and a cancellation goes as one.
  page = coordinator.get(base).body;
  EXPECT_TRUE(contains(page, "politi@aalborg.dk")) << page;
  EXPECT_FALSE(contains(page, "Mødet er ændret, siden indkaldelsen blev sendt"));
  page = coordinator.get(base + "/edit").body;
  std::smatch version;
  ASSERT_TRUE(
      std::regex_search(page, version, std::regex("name=\"row_version\" value=\"(\\d+)\"")));
  response = coordinator.post_form(base + "/edit", {{"_csrf", coordinator.csrf()},
                                                    {"group_id", group},
                                                    {"title", "Ordinært møde i Lokalrådet"},
                                                    {"day", "2030-03-20"},
                                                    {"starts", "14:00"},
                                                    {"ends", "16:00"},
                                                    {"place", "Aalborg Politigård"},
                                                    {"status", "cancelled"},
                                                    {"row_version", version[1].str()}});
  ASSERT_EQ(response.status, 303) << response.body;
  page = coordinator.get(base).body;
  EXPECT_TRUE(contains(page, "Mødet er aflyst, efter indkaldelsen blev sendt")) << page;
  EXPECT_TRUE(contains(page, "Send aflysning"));
  response =
      coordinator.post_form(base + "/invite", {{"_csrf", coordinator.csrf()}, {"sequence", "1"}});
  ASSERT_EQ(response.status, 303) << response.body;
  mails = sink_.wait_for(2);
  ASSERT_EQ(mails.size(), 2U);
  EXPECT_TRUE(contains(mails[1].subject, "Aflyst:")) << mails[1].subject;
  EXPECT_FALSE(contains(mails[1].data, ".pdf")) << "no agenda for a cancelled meeting";
  calendar = part_of(mails[1].data, "Content-Type: text/calendar");
  parsed.reset(icalparser_parse_string(calendar.c_str()));
  ASSERT_TRUE(parsed) << calendar;
  EXPECT_EQ(icalcomponent_get_method(parsed.get()), ICAL_METHOD_CANCEL);
  event = icalcomponent_get_first_component(parsed.get(), ICAL_VEVENT_COMPONENT);
  EXPECT_EQ(uid, icalcomponent_get_uid(event)) << "the same event, cancelled";
  EXPECT_EQ(icalcomponent_get_status(event), ICAL_STATUS_CANCELLED);
}

TEST_P(MeetingDocuments, MembersApproveTheMinutesWithTheirTimeOrALaterMeetingDoes) {
  auto coordinator = signed_in("tovholder@aalborg.dk", "coordinator");
  auto police = signed_in("politi@aalborg.dk", "member");
  auto outsider = signed_in("ssp@aalborg.dk", "member");
  const auto group = council(coordinator, user_id("politi@aalborg.dk"));
  const auto held = plan(coordinator, group, "2014-01-22");
  const auto next = plan(coordinator, group, "2014-04-23");
  const auto coming = plan(coordinator, group, "2031-01-22");

  auto page = police.get("/meetings/" + held).body;
  EXPECT_TRUE(contains(page, "Referatet er ikke godkendt endnu.")) << page;
  EXPECT_TRUE(contains(page, "Godkend referatet"));
  EXPECT_TRUE(contains(page, "Mangler at godkende"));
  EXPECT_FALSE(contains(outsider.get("/meetings/" + held).body, "Godkend referatet"))
      << "not a member of the body";
  EXPECT_EQ(
      outsider.post_form("/meetings/" + held + "/approve", {{"_csrf", outsider.csrf()}}).status,
      403);
  auto response = police.post_form("/meetings/" + coming + "/approve", {{"_csrf", police.csrf()}});
  EXPECT_EQ(response.status, 422) << "a meeting not yet begun";
  EXPECT_TRUE(contains(response.body, "når mødet er begyndt")) << response.body;
  response = police.post_form("/meetings/" + held + "/approve", {{"_csrf", police.csrf()}});
  ASSERT_EQ(response.status, 303) << response.body;
  const auto location = response.header("location");
  page = police.get(location.substr(0, location.find('#'))).body;
  EXPECT_TRUE(contains(page, "Din godkendelse af referatet er registreret.")) << page;
  std::smatch found;
  ASSERT_TRUE(std::regex_search(page, found, std::regex("Godkendt af [^<]*")));
  const auto first = found.str();  // the match points into `page`, which is read again below
  EXPECT_FALSE(contains(page, ">Godkend referatet<")) << "approved once";
  police.post_form("/meetings/" + held + "/approve", {{"_csrf", police.csrf()}});
  page = police.get("/meetings/" + held).body;
  std::smatch again;
  ASSERT_TRUE(std::regex_search(page, again, std::regex("Godkendt af [^<]*")));
  EXPECT_EQ(first, again.str()) << "the first approval's time stands";

  // Or approved at the next meeting of the body; an earlier one or another body's is refused.
  EXPECT_EQ(police
                .post_form("/meetings/" + held + "/approved-at",
                           {{"_csrf", police.csrf()}, {"approved_at_meeting_id", next}})
                .status,
            403);
  response =
      coordinator.post_form("/meetings/" + next + "/approved-at",
                            {{"_csrf", coordinator.csrf()}, {"approved_at_meeting_id", held}});
  EXPECT_EQ(response.status, 422) << "an earlier meeting cannot approve";
  response =
      coordinator.post_form("/meetings/" + held + "/approved-at",
                            {{"_csrf", coordinator.csrf()}, {"approved_at_meeting_id", next}});
  ASSERT_EQ(response.status, 303) << response.body;
  testing::TempDir directory;
  const auto minutes = coordinator.get("/meetings/" + held + "/minutes/pdf");
  const auto text = testing::run_command("pdftotext -enc UTF-8 " +
                                         directory.file("minutes.pdf", minutes.body) + " -")
                        .output;
  EXPECT_TRUE(contains(text, "Referatet er godkendt på mødet »Ordinært møde i Lokalrådet«"))
      << text;
  EXPECT_TRUE(contains(text, "Godkendt af"));
}

SAMTRYG_ON_EVERY_BACKEND(MeetingDocuments);

}  // namespace
}  // namespace samtryg::meetings
