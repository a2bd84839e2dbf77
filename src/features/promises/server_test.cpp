// Citizen promises through a real server, on SQLite and PostgreSQL: a coordinator writes a
// promise, residents read it without signing in only once it is public, a promise is never
// marked not kept without an account, the Atom feed follows it, and a resident subscribes,
// confirms, is told of the next follow-up and leaves with one click.
#include <gtest/gtest.h>

#include <pugixml.hpp>

#include <regex>

#include "core/util/time.hpp"
#include "support/factories.hpp"
#include "support/http_client.hpp"
#include "support/smtp_sink.hpp"
#include "support/test_server.hpp"

namespace samtryg::promises {
namespace {

using testing::HttpClient;
using testing::HttpResponse;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string day_from_today(int days) {
  return to_iso_utc(Clock::now() + std::chrono::hours(24) * days).substr(0, 10);
}

// The token of the link to `path` in a mail body.
std::string token_after(const std::string& body, const std::string& path) {
  const std::regex link(path + "\\?token=([A-Za-z0-9_-]+)");
  std::smatch match;
  return std::regex_search(body, match, link) ? match[1].str() : std::string();
}

class PromiseServer : public testing::ServerTest {
 protected:
  std::map<std::string, std::string> promise_fields(HttpClient& http, const std::string& title) {
    return {{"_csrf", http.csrf()},
            {"title", title},
            {"body", "Polisen patrullerar **till fots** i centrum."},
            {"period_start", "2016-03-01"},
            {"period_end", "2016-12-31"},
            {"problems", "Otrygghet i centrum på kvällar\nVåld i offentlig miljö\n"},
            {"signatory_1_role", "police_area_chief"},
            {"signatory_1_name", "Lokalpolisområdeschefen"},
            {"signatory_2_role", "municipal_board_chair"},
            {"signatory_2_name", "Kommunstyrelsens ordförande"},
            {"commitment_1_label", "Kvällar per vecka med fotpatrullering"},
            {"commitment_1_promised", "4"},
            {"commitment_1_achieved", "2,5"}};
  }

  // A promise written by the coordinator, published when `published`; its id.
  std::string write_promise(HttpClient& coordinator, const std::string& title, bool published,
                            const std::string& publish_on = {}) {
    coordinator.get("/promises/new");
    auto fields = promise_fields(coordinator, title);
    if (published) fields["published"] = "1";
    fields["publish_on"] = publish_on;
    const auto response = coordinator.post_form("/promises", fields);
    EXPECT_EQ(response.status, 303) << response.body;
    return testing::id_from_location(response);
  }

  HttpResponse follow_up(HttpClient& coordinator, const std::string& id, const std::string& status,
                         const std::string& account) {
    coordinator.get("/promises/" + id);
    return coordinator.post_form("/promises/" + id + "/follow-ups",
                                 {{"_csrf", coordinator.csrf()},
                                  {"period", "2016 T2"},
                                  {"status", status},
                                  {"account", account},
                                  {"recorded_on", "2016-10-15"}});
  }
};

TEST_P(PromiseServer, ResidentsReadAPromiseOnlyOnceItIsPublicAndNeverNotKeptWithoutAnAccount) {
  auto coordinator = signed_in("samordnare@landskrona.se", "coordinator");
  auto viewer = signed_in("bra@landskrona.se", "viewer");
  HttpClient resident = client();

  // A refused form keeps what was typed and says what to correct.
  coordinator.get("/promises/new");
  auto fields = promise_fields(coordinator, "");
  fields["commitment_1_promised"] = "fyra";
  auto response = coordinator.post_form("/promises", fields);
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "id=\"title-error\"")) << response.body;
  EXPECT_TRUE(contains(response.body, "id=\"commitment_1_promised-error\"")) << response.body;
  EXPECT_TRUE(contains(response.body, "Kvällar per vecka med fotpatrullering"));

  const auto id = write_promise(coordinator, "Fler poliser till fots i centrum", false);
  auto page = coordinator.get("/promises/" + id);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Otrygghet i centrum på kvällar"));
  EXPECT_TRUE(contains(page.body, "Lokalpolisområdeschefen, Leder af lokalpolitiet"));
  EXPECT_TRUE(contains(page.body, "2,5")) << "achieved so far, beside the 4 promised";
  EXPECT_TRUE(contains(page.body, "Ikke offentliggjort"));
  EXPECT_EQ(resident.get("/public/promises/" + id).status, 404);
  EXPECT_EQ(resident.get("/public/promises/" + id + "/feed.atom").status, 404);
  EXPECT_EQ(viewer.get("/promises/" + id).status, 404);
  EXPECT_FALSE(contains(viewer.get("/promises").body, "Fler poliser")) << "nor in the list";

  // Scheduled: still hidden until its day.
  coordinator.get("/promises/" + id + "/edit");
  fields = promise_fields(coordinator, "Fler poliser till fots i centrum");
  fields["published"] = "1";
  fields["publish_on"] = day_from_today(10);
  fields["row_version"] = "1";
  response = coordinator.post_form("/promises/" + id + "/edit", fields);
  ASSERT_EQ(response.status, 303) << response.body;
  EXPECT_TRUE(contains(coordinator.get("/promises").body, "Offentlig fra"));
  EXPECT_EQ(resident.get("/public/promises/" + id).status, 404);

  coordinator.get("/promises/" + id + "/edit");
  fields = promise_fields(coordinator, "Fler poliser till fots i centrum");
  fields["published"] = "1";
  fields["row_version"] = "2";
  ASSERT_EQ(coordinator.post_form("/promises/" + id + "/edit", fields).status, 303);
  page = resident.get("/public/promises/" + id);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "Fler poliser till fots i centrum"));
  EXPECT_TRUE(contains(page.body, "<strong>till fots</strong>"));
  EXPECT_FALSE(contains(page.body, "/edit")) << "nothing for staff";
  EXPECT_FALSE(contains(page.body, "Abonnenter")) << "no subscriber count";
  EXPECT_EQ(viewer.get("/promises/" + id).status, 200);

  // Not kept without an account is refused; with one it is shown to everyone.
  response = follow_up(coordinator, id, "not_kept", "  ");
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "id=\"account-error\"")) << response.body;
  response = follow_up(coordinator, id, "not_kept",
                       "Personalen räckte inte till fotpatrullering under sommaren.");
  ASSERT_EQ(response.status, 303) << response.body;
  page = resident.get("/public/promises/" + id);
  EXPECT_TRUE(contains(page.body, "Ikke indfriet"));
  EXPECT_TRUE(contains(page.body, "Personalen räckte inte till fotpatrullering under sommaren."));

  // The feed: Atom, one entry for the promise and one for the follow-up.
  response = resident.get("/public/promises/" + id + "/feed.atom");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.header("content-type"), "application/atom+xml; charset=utf-8");
  pugi::xml_document feed;
  ASSERT_TRUE(feed.load_string(response.body.c_str())) << response.body;
  const auto root = feed.child("feed");
  EXPECT_STREQ(root.attribute("xmlns").value(), "http://www.w3.org/2005/Atom");
  EXPECT_EQ(std::string(root.child_value("id")).rfind("tag:", 0), 0U);
  int entries = 0;
  for (const auto entry : root.children("entry")) {
    ++entries;
    EXPECT_TRUE(entry.child("id") && entry.child("title") && entry.child("updated"));
  }
  EXPECT_EQ(entries, 2);
  EXPECT_TRUE(contains(root.child("entry").child_value("title"), "2016 T2: Ikke indfriet"));

  // Deleting asks first.
  EXPECT_EQ(coordinator.get("/promises/" + id + "/delete").status, 200);
  EXPECT_EQ(viewer.post_form("/promises/" + id + "/delete", {{"_csrf", viewer.csrf()}}).status,
            403);
  ASSERT_EQ(
      coordinator.post_form("/promises/" + id + "/delete", {{"_csrf", coordinator.csrf()}}).status,
      303);
  EXPECT_EQ(resident.get("/public/promises/" + id).status, 404);
}

TEST_P(PromiseServer, AResidentSubscribesConfirmsIsToldOfTheNextFollowUpAndLeavesWithOneClick) {
  testing::SmtpSink sink;
  restart([&](config::Config& config) {
    config.smtp_url = sink.url();
    config.public_url = "https://trygg.landskrona.se";
  });
  auto coordinator = signed_in("samordnare@landskrona.se", "coordinator");
  const auto hidden = write_promise(coordinator, "Ännu inte offentligt", false);
  const auto id = write_promise(coordinator, "Fler poliser till fots i centrum", true);
  HttpClient resident = client();

  EXPECT_EQ(resident.get("/public/promises/" + hidden).status, 404);
  auto page = resident.get("/public/promises/" + id);
  ASSERT_TRUE(contains(page.body, "action=\"/public/promises/" + id + "/subscribe\""));
  auto response = resident.post_form("/public/promises/" + hidden + "/subscribe",
                                     {{"_csrf", resident.csrf()}, {"email", "anna@example.se"}});
  EXPECT_EQ(response.status, 404);
  response = resident.post_form("/public/promises/" + id + "/subscribe",
                                {{"_csrf", resident.csrf()}, {"email", "anna(at)example.se"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "id=\"email-error\"")) << response.body;
  EXPECT_TRUE(contains(response.body, "value=\"anna(at)example.se\""));

  response = resident.post_form("/public/promises/" + id + "/subscribe",
                                {{"_csrf", resident.csrf()}, {"email", " Anna@Example.SE "}});
  ASSERT_EQ(response.status, 303) << response.body;
  const auto accepted = response.header("location");
  auto mails = sink.wait_for(1);
  ASSERT_EQ(mails.size(), 1U);
  EXPECT_EQ(mails[0].to, std::vector<std::string>{"anna@example.se"});
  EXPECT_TRUE(contains(mails[0].subject, "Fler poliser till fots i centrum")) << mails[0].subject;
  EXPECT_FALSE(contains(mails[0].data, "List-Unsubscribe")) << "not a list message yet";
  const auto first_token =
      token_after(mails[0].body, "https://trygg.landskrona.se/public/subscriptions/confirm");
  ASSERT_FALSE(first_token.empty()) << mails[0].body;

  // Asking again gives the same answer and a fresh link; the old one no longer works.
  response = resident.post_form("/public/promises/" + id + "/subscribe",
                                {{"_csrf", resident.csrf()}, {"email", "anna@example.se"}});
  EXPECT_EQ(response.header("location"), accepted);
  mails = sink.wait_for(2);
  ASSERT_EQ(mails.size(), 2U);
  const auto token =
      token_after(mails[1].body, "https://trygg.landskrona.se/public/subscriptions/confirm");
  EXPECT_EQ(resident.get("/public/subscriptions/confirm?token=" + first_token).status, 404);

  // Opening the link asks for one click; the click subscribes.
  page = resident.get("/public/subscriptions/confirm?token=" + token);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Fler poliser till fots i centrum"));
  response = resident.post_form("/public/subscriptions/confirm",
                                {{"_csrf", resident.csrf()}, {"token", token}});
  ASSERT_EQ(response.status, 303) << response.body;
  EXPECT_TRUE(contains(resident.get(response.header("location")).body, "Du følger nu"));
  EXPECT_EQ(resident
                .post_form("/public/subscriptions/confirm",
                           {{"_csrf", resident.csrf()}, {"token", token}})
                .status,
            404)
      << "used once";

  // Subscribed already: the same answer, and nothing sent.
  response = resident.post_form("/public/promises/" + id + "/subscribe",
                                {{"_csrf", resident.csrf()}, {"email", "anna@example.se"}});
  EXPECT_EQ(response.header("location"), accepted);
  EXPECT_EQ(sink.wait_for(3, 1).size(), 2U);

  // Staff see how many follow it, never who.
  page = coordinator.get("/promises/" + id);
  EXPECT_TRUE(contains(page.body, "Abonnenter pr. e-mail:</strong> 1")) << page.body;
  EXPECT_FALSE(contains(page.body, "example.se"));

  // The next follow-up reaches the subscriber, with a one-click unsubscribe.
  response = follow_up(coordinator, id, "kept", "Fyra kvällar i veckan hela hösten.");
  ASSERT_EQ(response.status, 303) << response.body;
  EXPECT_TRUE(contains(response.header("location"), "count=1"));
  mails = sink.wait_for(3);
  ASSERT_EQ(mails.size(), 3U);
  const auto& notice = mails[2];
  EXPECT_EQ(notice.subject, "Fler poliser till fots i centrum: Indfriet");
  EXPECT_TRUE(contains(notice.body, "Fyra kvällar i veckan hela hösten."));
  EXPECT_TRUE(contains(notice.body, "https://trygg.landskrona.se/public/promises/" + id));
  EXPECT_TRUE(contains(notice.data, "List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
  const auto unsubscribe =
      token_after(notice.data, "<https://trygg.landskrona.se/public/subscriptions/unsubscribe");
  ASSERT_FALSE(unsubscribe.empty()) << notice.data;
  EXPECT_TRUE(contains(notice.body, "/public/subscriptions/unsubscribe?token=" + unsubscribe));

  // A mail program posts the one-click request: no cookie, no CSRF token.
  HttpClient mail_program = client();
  response =
      mail_program.request("POST", "/public/subscriptions/unsubscribe?token=" + unsubscribe,
                           "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");
  EXPECT_EQ(response.status, 303) << response.body;
  EXPECT_TRUE(
      contains(coordinator.get("/promises/" + id).body, "Abonnenter pr. e-mail:</strong> 0"));
  EXPECT_EQ(mail_program
                .request("POST", "/public/subscriptions/unsubscribe?token=" + unsubscribe,
                         "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded")
                .status,
            404);
  // Other changes still need the CSRF token.
  EXPECT_EQ(mail_program
                .request("POST", "/public/promises/" + id + "/subscribe", "email=bo%40example.se",
                         "application/x-www-form-urlencoded")
                .status,
            403);

  // A burst for one address is slowed down.
  response = resident.post_form("/public/promises/" + id + "/subscribe",
                                {{"_csrf", resident.csrf()}, {"email", "anna@example.se"}});
  EXPECT_EQ(response.status, 429);
  EXPECT_EQ(response.header("retry-after"), "3600");
}

TEST_P(PromiseServer, TheRoundsReportHasAChapterOnThePromisesOfItsPeriod) {
  auto coordinator = signed_in("samordnare@landskrona.se", "coordinator");
  // Named apart, not as a structured binding: clang's lambdas cannot capture one.
  const auto ids = testing::plan_with_initiative(coordinator);
  const auto plan = ids.first;
  const auto initiative = ids.second;
  const auto id = write_promise(coordinator, "Fler poliser till fots i centrum", true);
  ASSERT_EQ(
      follow_up(coordinator, id, "partly_kept", "Tre kvällar i veckan i stället för fyra.").status,
      303);
  write_promise(coordinator, "Trygghetsvandringar i Centrum", true);

  const auto round_for = [&](const std::string& start, const std::string& end) {
    coordinator.get("/plans/" + plan + "/rounds/new");
    const auto response =
        coordinator.post_form("/plans/" + plan + "/rounds", {{"_csrf", coordinator.csrf()},
                                                             {"name", "Uppföljning " + start},
                                                             {"period_start", start},
                                                             {"period_end", end},
                                                             {"deadline", end},
                                                             {"template_key", "afrapportering_da"},
                                                             {"initiative", initiative}});
    EXPECT_EQ(response.status, 303) << response.body;
    return testing::id_from_location(response);
  };
  auto report =
      coordinator.get("/rounds/" + round_for("2016-09-01", "2016-12-31") + "/report/html");
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_TRUE(contains(report.body, "Borgerløfter")) << "the chapter, in the round's language";
  EXPECT_TRUE(contains(report.body, "Fler poliser till fots i centrum"));
  EXPECT_TRUE(contains(report.body, "Status 2016 T2: Delvist indfriet"));
  EXPECT_TRUE(contains(report.body, "Tre kvällar i veckan i stället för fyra."));
  EXPECT_TRUE(contains(report.body, "Kvällar per vecka med fotpatrullering"));
  EXPECT_TRUE(contains(report.body, "Trygghetsvandringar i Centrum"));

  // A round of another period has no promise to tell of, and no chapter.
  report = coordinator.get("/rounds/" + round_for("2018-01-01", "2018-12-31") + "/report/html");
  ASSERT_EQ(report.status, 200);
  EXPECT_FALSE(contains(report.body, "Borgerløfter"));
}

// A dialogue with one theme, published or not; the theme's id.
std::string dialogue_theme(HttpClient& http, const std::string& title, const std::string& label,
                           bool published) {
  http.get("/dialogues/new");
  auto response = http.post_form("/dialogues", {{"_csrf", http.csrf()},
                                                {"title", title},
                                                {"held_on", "2016-03-12"},
                                                {"format", "street_stand"},
                                                {"place", "Rådhustorget"},
                                                {"published", published ? "1" : ""}});
  EXPECT_EQ(response.status, 303) << response.body;
  const auto dialogue = testing::id_from_location(response);
  response = http.post_form("/dialogues/" + dialogue + "/themes",
                            {{"_csrf", http.csrf()}, {"label", label}, {"mentions", "14"}});
  EXPECT_EQ(response.status, 303) << response.body;
  std::smatch match;
  const auto page = http.get("/dialogues/" + dialogue).body;
  EXPECT_TRUE(std::regex_search(page, match, std::regex("/themes/(\\d+)/delete"))) << page;
  return match.size() > 1 ? match[1].str() : std::string();
}

TEST_P(PromiseServer, ThePromisesStoryStartsWithTheThemesRaisedInTheDialogues) {
  auto coordinator = signed_in("samordnare@landskrona.se", "coordinator");
  const auto raised = dialogue_theme(coordinator, "Medborgardialog på Rådhustorget",
                                     "Otrygghet i centrum på kvällar", true);
  const auto internal =
      dialogue_theme(coordinator, "Internt samråd", "Personalbrist på kvällstid", false);

  coordinator.get("/promises/new");
  auto fields = promise_fields(coordinator, "Fler poliser till fots i centrum");
  fields["published"] = "1";
  fields["theme_" + raised] = "1";
  fields["theme_" + internal] = "1";
  fields["theme_999999"] = "1";
  auto response = coordinator.post_form("/promises", fields);
  EXPECT_EQ(response.status, 422) << "a theme of no dialogue here";
  fields.erase("theme_999999");
  response = coordinator.post_form("/promises", fields);
  ASSERT_EQ(response.status, 303) << response.body;
  const auto id = testing::id_from_location(response);

  auto page = coordinator.get("/promises/" + id).body;
  EXPECT_TRUE(contains(page, "<strong>Otrygghet i centrum på kvällar</strong>")) << page;
  EXPECT_TRUE(contains(page, "Medborgardialog på Rådhustorget, 12. marts 2016"));
  EXPECT_TRUE(contains(page, "rejst af 14"));
  EXPECT_TRUE(contains(page, "Personalbrist på kvällstid")) << "staff see every dialogue";
  EXPECT_LT(page.find("Otrygghet i centrum på kvällar"), page.find("2. Det, vi lover"));

  // Residents read the themes of published dialogues only.
  HttpClient resident = client();
  page = resident.get("/public/promises/" + id).body;
  EXPECT_TRUE(contains(page, "Otrygghet i centrum på kvällar")) << page;
  EXPECT_FALSE(contains(page, "Personalbrist")) << page;
  EXPECT_FALSE(contains(page, "Internt samråd"));
}

TEST_P(PromiseServer, ThePromiseRestsOnSurveyResultsAndIsDeliveredByActivities) {
  auto coordinator = signed_in("samordnare@landskrona.se", "coordinator");
  const auto [plan, initiative] = testing::plan_with_initiative(coordinator);
  const auto [other_plan, other_initiative] = testing::plan_with_initiative(
      coordinator, {.name = "Andra planen"}, {.name = "Annan insats"});
  const auto activity = [&](const std::string& on, const std::string& title) {
    coordinator.get("/initiatives/" + on);
    const auto response =
        coordinator.post_form("/initiatives/" + on + "/activities", {{"_csrf", coordinator.csrf()},
                                                                     {"title", title},
                                                                     {"kind", "activity"},
                                                                     {"status", "ongoing"}});
    EXPECT_EQ(response.status, 303) << response.body;
    const auto page = coordinator.get("/initiatives/" + on).body;
    std::smatch match;
    EXPECT_TRUE(std::regex_search(page, match, std::regex("/activities/(\\d+)/edit")));
    return match[1].str();
  };
  const auto patrol = activity(initiative, "Fotpatrullering fredagskvällar");
  const auto elsewhere = activity(other_initiative, "Något annat");

  coordinator.get("/surveys/new");
  auto response = coordinator.post_form(
      "/surveys",
      {{"_csrf", coordinator.csrf()}, {"name", "Trygghetsmätningen"}, {"kind", "police_survey"}});
  const auto survey = testing::id_from_location(response);
  coordinator.post_form("/surveys/" + survey + "/waves",
                        {{"_csrf", coordinator.csrf()}, {"period", "2015"}});
  response = coordinator.post_form("/surveys/" + survey + "/questions",
                                   {{"_csrf", coordinator.csrf()},
                                    {"text", "Känner du dig trygg ute på kvällen?"},
                                    {"option_1", "Ja"},
                                    {"option_1_share", "1"},
                                    {"option_2", "Nej"},
                                    {"share_label", "känner sig trygga"}});
  ASSERT_EQ(response.status, 303) << response.body;
  std::smatch match;
  const auto location = response.header("location");
  ASSERT_TRUE(std::regex_search(location, match, std::regex("question-(\\d+)")));
  const auto question = match[1].str();
  auto form = coordinator.get("/surveys/" + survey + "/questions/" + question + "/results/new");
  ASSERT_TRUE(std::regex_search(form.body, match, std::regex("<option value=\"(\\d+)\" selected")));
  response = coordinator.post_form("/surveys/" + survey + "/questions/" + question + "/results",
                                   {{"_csrf", coordinator.csrf()},
                                    {"wave_id", match[1].str()},
                                    {"percent_1", "68"},
                                    {"percent_2", "32"}});
  ASSERT_EQ(response.status, 303) << response.body;

  coordinator.get("/promises/new");
  auto fields = promise_fields(coordinator, "Fler poliser till fots");
  fields["published"] = "1";
  fields["initiative_" + initiative] = "1";
  fields["question_" + question] = "1";
  fields["activity_" + elsewhere] = "1";
  response = coordinator.post_form("/promises", fields);
  EXPECT_EQ(response.status, 422) << "an activity of an initiative the promise does not name";
  fields.erase("activity_" + elsewhere);
  fields["activity_" + patrol] = "1";
  response = coordinator.post_form("/promises", fields);
  ASSERT_EQ(response.status, 303) << response.body;
  const auto id = testing::id_from_location(response);

  auto page = coordinator.get("/promises/" + id).body;
  EXPECT_TRUE(contains(page, "Känner du dig trygg ute på kvällen?")) << page;
  EXPECT_TRUE(contains(page, "2015: 68\u00a0%")) << page;
  EXPECT_TRUE(contains(page, "Fotpatrullering fredagskvällar"));
  EXPECT_TRUE(contains(coordinator.get("/promises/" + id + "/edit").body,
                       "name=\"activity_" + patrol + "\""))
      << "the form offers the activities of the promise's initiatives";

  // Residents read the survey's figures and the activities of published plans.
  HttpClient resident = client();
  page = resident.get("/public/promises/" + id).body;
  EXPECT_TRUE(contains(page, "2015: 68\u00a0%")) << page;
  EXPECT_TRUE(contains(page, "Fotpatrullering fredagskvällar"));
}

SAMTRYG_ON_EVERY_BACKEND(PromiseServer);

}  // namespace
}  // namespace samtryg::promises
