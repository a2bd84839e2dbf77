// The register through a real server, as a person in a browser and as a program with an API
// token, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <regex>

#include "core/auth/store.hpp"
#include "features/strategy/commands.hpp"
#include "support/factories.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace samtryg::strategy {
namespace {

using testing::HttpClient;
using testing::HttpResponse;
using testing::id_from_location;
using testing::kPassword;

boost::json::object parse(const HttpResponse& response) {
  return boost::json::parse(response.body).as_object();
}

class RegisterServer : public testing::ServerTest {
 protected:
  // The seed's strategy with "Et trygt natteliv" led by `lead` (a user id or "");
  // returns {plan id, initiative id}.
  static std::pair<std::string, std::string> plan_with_initiative(HttpClient& http,
                                                                  const std::string& lead = "") {
    return testing::plan_with_initiative(http, {},
                                         {.name = "Et trygt natteliv",
                                          .lead = lead,
                                          .purpose = "Fastholde den høje tryghed i nattelivet"});
  }

  std::string create_token(HttpClient& admin, const std::string& user_id) {
    admin.get("/api-tokens");
    const auto response = admin.post_form(
        "/api-tokens",
        {{"_csrf", admin.csrf()}, {"name", "Intranet"}, {"user_id", user_id}, {"scope", "write"}});
    EXPECT_EQ(response.status, 201);
    std::smatch match;
    EXPECT_TRUE(std::regex_search(response.body, match, std::regex(R"((st_[A-Za-z0-9_-]+))")));
    return match[1];
  }
};

TEST_P(RegisterServer, CoordinatorEditsAnInitiativeAndFindsItInHistoryAndSearch) {
  auto http = signed_in("tovholder@aalborg.dk", "coordinator");
  const auto [plan, initiative] = plan_with_initiative(http);
  ASSERT_FALSE(initiative.empty());

  auto page = http.get("/plans/" + plan);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Et trygt natteliv"), std::string::npos);

  page = http.get("/initiatives/" + initiative + "/edit");
  ASSERT_EQ(page.status, 200);
  std::smatch lead;
  const auto lead_select = page.body.substr(page.body.find("name=\"lead_user_id\""));
  ASSERT_TRUE(std::regex_search(lead_select, lead,
                                std::regex(R"re(<option value="(\d+)"[^>]*>([^<]+)</option>)re")));
  const std::string lead_id = lead[1];
  const std::string lead_name = lead[2];
  auto response = http.post_form("/initiatives/" + initiative + "/edit",
                                 {{"_csrf", http.csrf()},
                                  {"name", "Et trygt natteliv"},
                                  {"goals", "Fem udviklingsplatforme med konkrete mål"},
                                  {"lead_user_id", lead_id},
                                  {"row_version", "1"},
                                  {"in_plan", "1"},
                                  {"published", "1"}});
  ASSERT_EQ(response.status, 303) << response.body;

  // The history speaks the reader's language: labels, names and times, not fields and ids.
  page = http.get("/history/initiative/" + initiative);
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Fem udviklingsplatforme med konkrete mål"), std::string::npos);
  EXPECT_NE(page.body.find("<th scope=\"row\">Mål</th>"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("<th scope=\"row\">Tovholder (bruger)</th>"), std::string::npos);
  EXPECT_NE(page.body.find("<td class=\"after\" data-label=\"Efter\">" + lead_name + "</td>"),
            std::string::npos);
  EXPECT_EQ(page.body.find("lead_user_id"), std::string::npos);
  EXPECT_EQ(page.body.find(" UTC"), std::string::npos);

  page = http.get("/search?q=udviklingsplatforme");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("/initiatives/" + initiative), std::string::npos);
}

TEST_P(RegisterServer, TheCachedOverviewShowsEveryChangeAtOnce) {
  auto http = signed_in("tovholder@aalborg.dk", "coordinator");
  const auto [plan, initiative] = plan_with_initiative(http);
  auto viewer = signed_in("byraad@aalborg.dk", "viewer");
  EXPECT_NE(http.get("/plans/" + plan).body.find("Et trygt natteliv"), std::string::npos);
  EXPECT_NE(viewer.get("/plans/" + plan).body.find("Et trygt natteliv"), std::string::npos);
  // Each reader gets their own CSRF token even from the cached body.
  const auto page = http.get("/plans/" + plan);
  EXPECT_NE(page.body.find("value=\"" + http.csrf() + "\""), std::string::npos);
  EXPECT_EQ(page.body.find('\x1f'), std::string::npos);
  http.get("/initiatives/" + initiative + "/edit");
  ASSERT_EQ(http.post_form("/initiatives/" + initiative + "/edit", {{"_csrf", http.csrf()},
                                                                    {"name", "Tryg i nattelivet"},
                                                                    {"row_version", "1"},
                                                                    {"in_plan", "1"},
                                                                    {"published", ""}})
                .status,
            303);
  EXPECT_NE(http.get("/plans/" + plan).body.find("Tryg i nattelivet"), std::string::npos);
  const auto unpublished = viewer.get("/plans/" + plan).body;
  EXPECT_EQ(unpublished.find("Tryg i nattelivet"), std::string::npos);
  EXPECT_EQ(unpublished.find("Et trygt natteliv"), std::string::npos);
}

TEST_P(RegisterServer, BadInputIsShownNextToTheFieldsAndNothingIsSaved) {
  auto http = signed_in("tovholder@aalborg.dk", "coordinator");
  http.get("/plans/new");
  const auto response = http.post_form("/plans", {{"_csrf", http.csrf()},
                                                  {"name", ""},
                                                  {"kind", "strategy"},
                                                  {"period_start", "2018-01-14"},
                                                  {"period_end", "2017-01-21"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(response.body.find("id=\"name-error\""), std::string::npos);
  EXPECT_NE(response.body.find("id=\"period_end-error\""), std::string::npos);
  EXPECT_NE(response.body.find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_NE(response.body.find("value=\"2018-01-14\""), std::string::npos);  // typed value kept
  EXPECT_EQ(http.get("/plans").body.find("/plans/1\""), std::string::npos);
}

TEST_P(RegisterServer, TheSecondOfTwoConcurrentEditsIsRefused) {
  auto first = signed_in("tovholder@aalborg.dk", "coordinator");
  const auto [plan, initiative] = plan_with_initiative(first);
  auto second = signed_in("koordinator@aalborg.dk", "coordinator");
  first.get("/initiatives/" + initiative + "/edit");
  const auto opened = second.get("/initiatives/" + initiative + "/edit").body;
  std::smatch seen;
  ASSERT_TRUE(std::regex_search(opened, seen, std::regex(R"re(name="_seen" value="([^"]+)")re")));
  const std::map<std::string, std::string> base{{"name", "Et trygt natteliv"},
                                                {"row_version", "1"}};
  auto fields = base;
  fields["_csrf"] = first.csrf();
  fields["goals"] = "Første";
  fields["anchoring"] = "Aalborg Kommune";
  EXPECT_EQ(first.post_form("/initiatives/" + initiative + "/edit", fields).status, 303);
  fields = base;
  fields["_csrf"] = second.csrf();
  fields["_seen"] = seen[1];
  fields["goals"] = "Anden";
  fields["themes"] = "Nattelivet";
  const auto response = second.post_form("/initiatives/" + initiative + "/edit", fields);
  EXPECT_EQ(response.status, 409);
  // Both are kept: the second editor's text stays in the field, the saved one is beside it.
  EXPECT_NE(response.body.find(">Anden</textarea>"), std::string::npos) << response.body;
  // A field only the first changed takes their value; one only the second changed is theirs.
  EXPECT_NE(response.body.find("name=\"anchoring\" value=\"Aalborg Kommune\""), std::string::npos)
      << "the other person's change is not undone by saving again";
  EXPECT_NE(response.body.find("name=\"themes\" value=\"Nattelivet\""), std::string::npos);
  EXPECT_EQ(response.body.find("Den anden gemte:", response.body.find("Den anden gemte:") + 1),
            std::string::npos)
      << "only the field both changed shows the other version";
  EXPECT_NE(response.body.find("Den anden gemte:</p><div class=\"theirs-text\">Første</div>"),
            std::string::npos)
      << response.body;
  EXPECT_NE(response.body.find("name=\"row_version\" value=\"2\""), std::string::npos)
      << "saving again is against the version now stored";
  auto page = first.get("/initiatives/" + initiative);
  EXPECT_NE(page.body.find("Første"), std::string::npos);
  EXPECT_EQ(page.body.find("Anden"), std::string::npos);

  // Saving the combined text now succeeds.
  fields["row_version"] = "2";
  fields["goals"] = "Første og anden";
  EXPECT_EQ(second.post_form("/initiatives/" + initiative + "/edit", fields).status, 303);
  page = first.get("/initiatives/" + initiative);
  EXPECT_NE(page.body.find("Første og anden"), std::string::npos);
}

TEST_P(RegisterServer, StatusChangeNeedsAReasonAndAnAllowedStep) {
  auto http = signed_in("tovholder@aalborg.dk", "coordinator");
  const auto [plan, initiative] = plan_with_initiative(http);
  http.get("/initiatives/" + initiative);
  auto response =
      http.post_form("/initiatives/" + initiative + "/status", {{"_csrf", http.csrf()},
                                                                {"status", "closed"},
                                                                {"changed_on", "2017-12-31"},
                                                                {"reason", ""},
                                                                {"row_version", "1"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(response.body.find("id=\"reason-error\""), std::string::npos);
  response = http.post_form("/initiatives/" + initiative + "/status", {{"_csrf", http.csrf()},
                                                                       {"status", "closed"},
                                                                       {"changed_on", "2017-12-31"},
                                                                       {"reason", "Målet er nået"},
                                                                       {"row_version", "1"}});
  EXPECT_EQ(response.status, 303);
  const auto page = http.get("/initiatives/" + initiative);
  EXPECT_NE(page.body.find("Målet er nået"), std::string::npos);
  EXPECT_NE(page.body.find("31. december 2017"), std::string::npos);
}

TEST_P(RegisterServer, LeadsEditTheirOwnInitiativeOnlyAndViewersSeePublishedOnly) {
  const auto lead_id = server_->add_user("ssp@aalborg.dk", "initiative_lead");
  auto coordinator = signed_in("tovholder@aalborg.dk", "coordinator");
  const auto [plan, own] = plan_with_initiative(coordinator, std::to_string(lead_id));
  coordinator.get("/plans/" + plan + "/initiatives/new");
  auto response = coordinator.post_form(
      "/plans/" + plan + "/initiatives",
      {{"_csrf", coordinator.csrf()}, {"name", "Skjult udkast"}, {"status", "proposed"}});
  const auto hidden = id_from_location(response);

  HttpClient lead(server_->port());
  ASSERT_EQ(lead.log_in("ssp@aalborg.dk", kPassword).status, 303);
  EXPECT_EQ(lead.get("/initiatives/" + own + "/edit").status, 200);
  EXPECT_EQ(lead.get("/initiatives/" + hidden + "/edit").status, 403);
  lead.get("/initiatives/" + own);
  response = lead.post_form("/initiatives/" + own + "/activities", {{"_csrf", lead.csrf()},
                                                                    {"title", "Netværksmøde"},
                                                                    {"kind", "activity"},
                                                                    {"status", "done"},
                                                                    {"done_when", "2017-11-24"}});
  EXPECT_EQ(response.status, 303) << response.body;
  EXPECT_NE(lead.get("/initiatives/" + own).body.find("24. november 2017"), std::string::npos);
  // The lead's start page shows what others changed in the initiative, not their own work.
  const auto start = lead.get("/").body;
  EXPECT_NE(start.find("Seneste ændringer i indsatser, du leder eller følger"), std::string::npos)
      << start;
  EXPECT_NE(start.find("href=\"/history/initiative/" + own + "\""), std::string::npos) << start;
  EXPECT_EQ(start.find("href=\"/history/activity/"), std::string::npos) << start;

  auto viewer = signed_in("byraad@aalborg.dk", "viewer");
  EXPECT_EQ(viewer.get("/initiatives/" + own).status, 200);
  EXPECT_EQ(viewer.get("/initiatives/" + hidden).status, 404);
  EXPECT_EQ(viewer.get("/plans/" + plan).body.find("Skjult udkast"), std::string::npos);
  EXPECT_EQ(viewer.get("/history/initiative/" + own).status, 403);
}

TEST_P(RegisterServer, StaffFollowAnInitiativeAndSeeItsChangesOnTheirStartPage) {
  const auto lead_id = server_->add_user("ssp@aalborg.dk", "initiative_lead");
  auto coordinator = signed_in("tovholder@aalborg.dk", "coordinator");
  const auto [plan, initiative] = plan_with_initiative(coordinator, std::to_string(lead_id));
  auto member = signed_in("politi@aalborg.dk", "member");
  const auto page = member.get("/initiatives/" + initiative).body;
  EXPECT_NE(page.find("Følg indsatsen"), std::string::npos) << page;
  EXPECT_EQ(member.get("/").body.find("Seneste ændringer"), std::string::npos);

  auto response = member.post_form("/initiatives/" + initiative + "/follow",
                                   {{"_csrf", member.csrf()}, {"follow", "1"}});
  ASSERT_EQ(response.status, 303) << response.body;
  EXPECT_NE(member.get(response.header("location")).body.find("Du følger nu indsatsen"),
            std::string::npos);
  // Following twice is still following once.
  member.post_form("/initiatives/" + initiative + "/follow",
                   {{"_csrf", member.csrf()}, {"follow", "1"}});
  coordinator.get("/initiatives/" + initiative);
  response = coordinator.post_form("/initiatives/" + initiative + "/activities",
                                   {{"_csrf", coordinator.csrf()},
                                    {"title", "Natteravne i Jomfru Ane Gade"},
                                    {"kind", "activity"},
                                    {"status", "done"},
                                    {"done_when", "2017-11-24"}});
  ASSERT_EQ(response.status, 303) << response.body;
  auto start = member.get("/").body;
  EXPECT_NE(start.find("Seneste ændringer i indsatser, du leder eller følger"), std::string::npos)
      << start;
  EXPECT_NE(start.find("href=\"/initiatives/" + initiative + "\""), std::string::npos) << start;

  member.get("/initiatives/" + initiative);
  response = member.post_form("/initiatives/" + initiative + "/follow",
                              {{"_csrf", member.csrf()}, {"follow", "0"}});
  ASSERT_EQ(response.status, 303);
  EXPECT_EQ(member.get("/").body.find("Seneste ændringer"), std::string::npos);

  // The lead gets the changes anyway, and readers do not follow.
  HttpClient lead(server_->port());
  ASSERT_EQ(lead.log_in("ssp@aalborg.dk", kPassword).status, 303);
  EXPECT_EQ(lead.get("/initiatives/" + initiative).body.find("Følg indsatsen"), std::string::npos);
  auto viewer = signed_in("byraad@aalborg.dk", "viewer");
  EXPECT_EQ(viewer.get("/initiatives/" + initiative).body.find("Følg indsatsen"),
            std::string::npos);
  EXPECT_EQ(viewer
                .post_form("/initiatives/" + initiative + "/follow",
                           {{"_csrf", viewer.csrf()}, {"follow", "1"}})
                .status,
            403);
}

TEST_P(RegisterServer, ApiWithATokenListsCreatesAndRefusesStaleUpdates) {
  auto admin = signed_in("admin@aalborg.dk", "admin");
  const auto [plan, initiative] = plan_with_initiative(admin);
  const auto coordinator_id = server_->add_user("tovholder@aalborg.dk", "coordinator");
  const auto token = create_token(admin, std::to_string(coordinator_id));
  ASSERT_FALSE(token.empty());
  const std::map<std::string, std::string> auth{{"Authorization", "Bearer " + token}};

  HttpClient api(server_->port());
  auto response = api.request("GET", "/api/v1/initiatives?plan_id=" + plan, {}, {}, auth);
  ASSERT_EQ(response.status, 200) << response.body;
  auto listing = parse(response);
  EXPECT_EQ(listing["total"].as_int64(), 1);
  EXPECT_EQ(listing["items"].as_array()[0].as_object()["name"].as_string(), "Et trygt natteliv");

  response =
      api.request("POST", "/api/v1/activities",
                  R"({"initiative_id": )" + initiative +
                      R"(, "title": "Kampagne \"Et trygt natteliv\"", "kind": "communication",
                              "status": "done", "done_when": "2017-09-07", "channel": "web",
                              "links": "https://tryg.aalborg.dk/nyheder/2017/08/et-trygt-natteliv-1",
                              "reach": 1200})",
                  "application/json", auth);
  ASSERT_EQ(response.status, 201) << response.body;
  const auto activity = parse(response);
  const auto activity_id = std::to_string(activity.at("id").as_int64());
  EXPECT_EQ(response.header("location"), "/api/v1/activities/" + activity_id);

  response = api.request("PUT", "/api/v1/activities/" + activity_id,
                         R"({"reach": 1500, "row_version": 1})", "application/json", auth);
  EXPECT_EQ(response.status, 200) << response.body;
  response = api.request("PUT", "/api/v1/activities/" + activity_id,
                         R"({"reach": 9, "row_version": 1})", "application/json", auth);
  EXPECT_EQ(response.status, 409);
  EXPECT_EQ(parse(response)["error"].as_object()["status"].as_int64(), 409);

  response = api.request("POST", "/api/v1/activities",
                         R"({"initiative_id": )" + initiative +
                             R"(, "title": "", "kind": "activity", "status": "soon", "likes": 3})",
                         "application/json", auth);
  EXPECT_EQ(response.status, 422);
  const auto error = parse(response)["error"].as_object();
  EXPECT_EQ(error.at("field").as_string(), "title");
  EXPECT_FALSE(error.at("message").as_string().empty());
  EXPECT_EQ(error.at("errors").as_array().size(), 3U);

  response = api.request("POST", "/api/v1/initiatives/" + initiative + "/status",
                         R"({"status": "paused", "changed_on": "2018-01-01", "reason": "Barsel",
                             "row_version": 1})",
                         "application/json", auth);
  EXPECT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(parse(response)["status_history"].as_array().size(), 2U);

  response = api.request("POST", "/api/v1/documents",
                         R"({"initiative_id": )" + initiative +
                             R"(, "filename": "tal.csv", "content_base64": "w6VyOzIzCg=="})",
                         "application/json", auth);
  ASSERT_EQ(response.status, 201) << response.body;
  const auto document = parse(response);
  EXPECT_EQ(document.at("content_type").as_string(), "text/csv; charset=utf-8");
  const auto download =
      api.request("GET", document.at("download").as_string().c_str(), {}, {}, auth);
  EXPECT_EQ(download.body, "\xc3\xa5r;23\n");
  response = api.request("GET", "/api/v1/documents?initiative_id=" + initiative, {}, {}, auth);
  EXPECT_EQ(parse(response)["total"].as_int64(), 1);
  response = api.request("POST", "/api/v1/documents",
                         R"({"initiative_id": )" + initiative +
                             R"(, "filename": "x.pdf", "content_base64": "not base64!"})",
                         "application/json", auth);
  EXPECT_EQ(response.status, 422);

  EXPECT_EQ(api.request("GET", "/api/v1/initiatives", {}, {}, {}).status, 401);
  EXPECT_EQ(
      api.request("GET", "/api/v1/initiatives", {}, {}, {{"Authorization", "Bearer st_wrong"}})
          .status,
      401);
}

TEST_P(RegisterServer, RevokedTokensStopWorkingAndSessionsNeedTheCsrfHeader) {
  auto admin = signed_in("admin@aalborg.dk", "admin");
  const auto [plan, initiative] = plan_with_initiative(admin);
  const auto token = create_token(admin, "1");
  const std::map<std::string, std::string> auth{{"Authorization", "Bearer " + token}};
  HttpClient api(server_->port());
  EXPECT_EQ(api.request("GET", "/api/v1/plans", {}, {}, auth).status, 200);
  admin.get("/api-tokens/1/revoke");
  EXPECT_EQ(admin.post_form("/api-tokens/1/revoke", {{"_csrf", admin.csrf()}}).status, 303);
  EXPECT_EQ(api.request("GET", "/api/v1/plans", {}, {}, auth).status, 401);

  const std::string body = R"({"name": "Ny plan", "kind": "action_plan",
                               "period_start": "2014-01-01", "period_end": "2014-12-31"})";
  EXPECT_EQ(admin.request("POST", "/api/v1/plans", body, "application/json").status, 403);
  EXPECT_EQ(admin
                .request("POST", "/api/v1/plans", body, "application/json",
                         {{"X-CSRF-Token", admin.csrf()}})
                .status,
            201);
}

TEST_P(RegisterServer, RecordsOfAnotherWorkspaceAreNotFound) {
  auto http = signed_in("tovholder@aalborg.dk", "coordinator");
  const auto [plan, initiative] = plan_with_initiative(http);
  // A second workspace with its own coordinator.
  long long other_workspace = 0;
  auto database = db::Database::open(db::parse_database_url(scratch_->url()), 1);
  database->in_transaction([&](soci::session& sql) {
    other_workspace = auth::insert_workspace(sql, "Landskrona", "sv", "2026-01-01T00:00:00Z");
  });
  const auto user = server_->add_user("samordnare@landskrona.se", "coordinator");
  database->in_transaction([&](soci::session& sql) {
    sql << "DELETE FROM memberships WHERE user_id = :u", soci::use(user);
    auth::set_membership(sql, other_workspace, user, auth::Role::coordinator,
                         "2026-01-01T00:00:00Z");
  });
  HttpClient other(server_->port());
  ASSERT_EQ(other.log_in("samordnare@landskrona.se", kPassword).status, 303);
  EXPECT_EQ(other.get("/initiatives/" + initiative).status, 404);
  EXPECT_EQ(other.get("/plans/" + plan).status, 404);
  other.get("/plans");
  EXPECT_EQ(other.request("GET", "/api/v1/initiatives/" + initiative).status, 404);
  const auto response = other.request("PUT", "/api/v1/initiatives/" + initiative,
                                      R"({"name": "Kapret", "row_version": 1})", "application/json",
                                      {{"X-CSRF-Token", other.csrf()}});
  EXPECT_EQ(response.status, 404);
}

std::string multipart(const std::string& csrf, const std::string& filename,
                      const std::string& content) {
  return testing::multipart_body({{"_csrf", csrf}}, "file", filename, content);
}

TEST_P(RegisterServer, DocumentsAreCheckedStoredAndDownloadedAsAttachments) {
  auto http = signed_in("tovholder@aalborg.dk", "coordinator");
  const auto [plan, initiative] = plan_with_initiative(http);
  const std::string type = testing::kMultipartType;
  const std::string pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
  http.get("/initiatives/" + initiative + "/documents/new");
  auto response = http.request("POST", "/initiatives/" + initiative + "/documents",
                               multipart(http.csrf(), "../../Afrapportering 2017.pdf", pdf), type);
  ASSERT_EQ(response.status, 303) << response.body;
  // A script renamed to .pdf is refused: the content must match the type.
  response = http.request("POST", "/initiatives/" + initiative + "/documents",
                          multipart(http.csrf(), "virus.pdf", "<script>alert(1)</script>"), type);
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(response.body.find("id=\"file-error\""), std::string::npos);
  response = http.request("POST", "/initiatives/" + initiative + "/documents",
                          multipart(http.csrf(), "page.html", "<html></html>"), type);
  EXPECT_EQ(response.status, 422);

  const auto page = http.get("/initiatives/" + initiative);
  std::smatch match;
  ASSERT_TRUE(std::regex_search(page.body, match, std::regex(R"re(href="/documents/(\d+)")re")));
  const std::string document = match[1];
  EXPECT_NE(page.body.find("Afrapportering 2017.pdf"), std::string::npos);  // no path parts
  const auto download = http.get("/documents/" + document);
  EXPECT_EQ(download.status, 200);
  EXPECT_EQ(download.body, pdf);
  EXPECT_EQ(download.header("content-type"), "application/pdf");
  EXPECT_EQ(download.header("content-disposition").rfind("attachment; filename=", 0), 0U);

  auto viewer = signed_in("byraad@aalborg.dk", "viewer");
  EXPECT_EQ(viewer.get("/documents/" + document).status, 200);
  EXPECT_EQ(viewer.get("/documents/" + document + "/delete").status, 403);

  http.get("/documents/" + document + "/delete");
  EXPECT_EQ(http.post_form("/documents/" + document + "/delete", {{"_csrf", http.csrf()}}).status,
            303);
  EXPECT_EQ(http.get("/documents/" + document).status, 404);
}

TEST_P(RegisterServer, ActionPlanFocusAreasServeTheDistrictPlansAndPartiesAreListed) {
  auto http = signed_in("tovholder@aalborg.dk", "coordinator");
  const auto create_plan = [&](const std::string& name, const std::string& kind,
                               const std::string& parent) {
    http.get("/plans/new");
    const auto response = http.post_form("/plans", {{"_csrf", http.csrf()},
                                                    {"name", name},
                                                    {"kind", kind},
                                                    {"period_start", "2014-01-01"},
                                                    {"period_end", "2014-12-31"},
                                                    {"parent_plan_id", parent},
                                                    {"published", "1"}});
    EXPECT_EQ(response.status, 303) << response.body;
    return id_from_location(response);
  };
  const auto district = create_plan("Samarbejdsplan 2014", "cooperation_plan", "");
  const auto local = create_plan("Handleplan 2014", "action_plan", district);
  http.get("/plans/" + district + "/focus-areas/new");
  auto response = http.post_form("/plans/" + district + "/focus-areas",
                                 {{"_csrf", http.csrf()}, {"name", "Indbrud i privat beboelse"}});
  ASSERT_EQ(response.status, 303) << response.body;
  http.get("/plans/" + local + "/focus-areas/new");
  response =
      http.post_form("/plans/" + local + "/focus-areas",
                     {{"_csrf", http.csrf()}, {"name", "Indbrud"}, {"parent_focus_area_id", "1"}});
  ASSERT_EQ(response.status, 303) << response.body;
  // A focus area of a plan that is not the parent is refused.
  response = http.post_form(
      "/plans/" + district + "/focus-areas",
      {{"_csrf", http.csrf()}, {"name", "Nabohjælp"}, {"parent_focus_area_id", "2"}});
  EXPECT_EQ(response.status, 422);
  const auto page = http.get("/plans/" + local);
  EXPECT_NE(page.body.find("Indbrud i privat beboelse"), std::string::npos);

  http.get("/parties/new");
  response = http.post_form(
      "/parties", {{"_csrf", http.csrf()}, {"name", "Nordjyllands Politi"}, {"kind", "police"}});
  EXPECT_EQ(response.status, 303);
  response = http.post_form(
      "/parties", {{"_csrf", http.csrf()}, {"name", "Nordjyllands Politi"}, {"kind", "police"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(http.get("/groups").body.find("Nordjyllands Politi"), std::string::npos);
}

TEST_P(RegisterServer, AWorkspaceAddsItsOwnChannelAndCommunicationUsesIt) {
  auto http = signed_in("tovholder@aalborg.dk", "coordinator");
  const auto initiative = testing::plan_with_initiative(http, {}, {.name = "Formidling"}).second;
  const auto item = [&](const std::string& channel) {
    http.get("/initiatives/" + initiative + "/activities/new");
    return http.post_form("/initiatives/" + initiative + "/activities",
                          {{"_csrf", http.csrf()},
                           {"title", "Gode råd i det offentlige uddrag af døgnrapporten"},
                           {"kind", "communication"},
                           {"status", "ongoing"},
                           {"channel", channel}});
  };
  EXPECT_EQ(item("Døgnrapporten").status, 422) << "not a channel yet";

  http.get("/channels/new");
  auto response = http.post_form("/channels", {{"_csrf", http.csrf()}, {"name", "Facebook"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(response.body.find("en af de faste kanaler"), std::string::npos) << response.body;
  for (const auto* built_in : {"Presse", "Nyhetsbrev", "print"}) {
    EXPECT_EQ(http.post_form("/channels", {{"_csrf", http.csrf()}, {"name", built_in}}).status, 422)
        << built_in << " is a built-in channel in some language";
  }
  response = http.post_form("/channels", {{"_csrf", http.csrf()}, {"name", " Døgnrapporten "}});
  ASSERT_EQ(response.status, 303) << response.body;
  EXPECT_EQ(http.post_form("/channels", {{"_csrf", http.csrf()}, {"name", "døgnrapporten"}}).status,
            422)
      << "the same name in other letter case";
  EXPECT_EQ(http.post_form("/channels", {{"_csrf", http.csrf()}, {"name", "Døgnrapporten"}}).status,
            422)
      << "twice";
  EXPECT_NE(http.get("/groups").body.find("<li>Døgnrapporten</li>"), std::string::npos);
  const auto form = http.get("/initiatives/" + initiative + "/activities/new").body;
  EXPECT_NE(form.find("<option value=\"Døgnrapporten\""), std::string::npos) << form;
  EXPECT_NE(form.find(">TikTok</option>"), std::string::npos);

  ASSERT_EQ(item("Døgnrapporten").status, 303);
  EXPECT_NE(http.get("/initiatives/" + initiative).body.find("Døgnrapporten"), std::string::npos);
  const auto listed = http.get("/api/v1/channels");
  EXPECT_EQ(listed.status, 200);
  EXPECT_NE(listed.body.find("\"name\":\"Døgnrapporten\""), std::string::npos) << listed.body;
}

TEST_P(RegisterServer, OpenApiDocumentIsServedToAnyone) {
  HttpClient http(server_->port());
  const auto response = http.get("/api/v1/openapi.json");
  EXPECT_EQ(response.status, 200);
  const auto document = parse(response);
  EXPECT_EQ(document.at("openapi").as_string(), "3.0.3");
  EXPECT_TRUE(document.at("paths").as_object().contains("/api/v1/initiatives/{id}/status"));
}

SAMTRYG_ON_EVERY_BACKEND(RegisterServer);

}  // namespace
}  // namespace samtryg::strategy
