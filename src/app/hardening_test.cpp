// What a security probe of the running server found, each shown closed through a real server
// on both databases: stored text cannot pull in a reader's CSRF token, text with control
// characters or broken UTF-8 is refused before it is stored, redirects stay on the site, API
// tokens work only in the API and within their scope, and CSV cells cannot run as formulas.
#include <gtest/gtest.h>

#include <regex>

#include "core/db/database.hpp"
#include "core/web/fragment_cache.hpp"
#include "support/factories.hpp"
#include "support/test_server.hpp"

namespace samtryg {
namespace {

using testing::HttpClient;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class Hardening : public testing::ServerTest {
 protected:
  void run_sql(const std::string& statement, const std::string& text, const std::string& id) {
    auto database = db::Database::open(db::parse_database_url(scratch_->url()), 1);
    database->in_transaction(
        [&](soci::session& sql) { sql << statement, soci::use(text), soci::use(std::stoll(id)); });
  }

  std::string token(HttpClient& admin, const std::string& user_id, const std::string& scope) {
    admin.get("/api-tokens");
    const auto response = admin.post_form(
        "/api-tokens",
        {{"_csrf", admin.csrf()}, {"name", "Intranet"}, {"user_id", user_id}, {"scope", scope}});
    EXPECT_EQ(response.status, 201) << response.body;
    std::smatch match;
    EXPECT_TRUE(std::regex_search(response.body, match, std::regex(R"((st_[A-Za-z0-9_-]+))")));
    return match[1];
  }
};

TEST_P(Hardening, StoredTextCannotPullInTheReadersCsrfToken) {
  auto http = signed_in("tovholder@aalborg.dk", "coordinator");
  const auto [plan, initiative] = testing::plan_with_initiative(http);
  // Text that got into the database before input was checked, with the marker the pages
  // used to be rewritten at.
  const std::string stored = std::string("https://evil.example/?t=\x1f") + "csrf\x1f";
  run_sql("UPDATE plans SET summary = :s WHERE id = :id", stored, plan);
  run_sql("UPDATE initiatives SET purpose = :s WHERE id = :id", stored, initiative);
  for (const auto& path : {"/plans/" + plan, "/plans/" + plan, "/initiatives/" + initiative}) {
    const auto page = http.get(path);  // the plan twice: rendered, then from the cache
    ASSERT_EQ(page.status, 200) << path;
    ASSERT_FALSE(http.csrf().empty());
    EXPECT_TRUE(contains(page.body, "https://evil.example/?t=")) << path;
    EXPECT_FALSE(contains(page.body, "?t=" + http.csrf())) << path;
    EXPECT_FALSE(contains(page.body, std::string(web::csrf_slot()))) << "the slot stays secret";
    EXPECT_FALSE(contains(page.body, "\x1f")) << path;
    EXPECT_TRUE(contains(page.body, "name=\"_csrf\" value=\"" + http.csrf() + "\"")) << path;
  }
}

TEST_P(Hardening, TextWithControlCharactersOrBrokenUtf8IsRefusedAndNothingIsStored) {
  auto http = signed_in("tovholder@aalborg.dk", "coordinator");
  for (const std::string& name : {std::string("Tryg\x0b\x01 Aalborg"), std::string("Tryg \xff"),
                                  std::string("Tryg\x1f"
                                              "csrf\x1f")}) {
    http.get("/plans/new");
    const auto response = http.post_form("/plans", {{"_csrf", http.csrf()},
                                                    {"name", name},
                                                    {"kind", "strategy"},
                                                    {"period_start", "2017-01-21"},
                                                    {"period_end", "2018-01-14"}});
    EXPECT_EQ(response.status, 400);
    EXPECT_TRUE(contains(response.body, "Teksten kunne ikke gemmes")) << response.body;
  }
  const auto plans = http.request("GET", "/api/v1/plans", {}, {}, {});
  EXPECT_EQ(plans.status, 200);
  EXPECT_TRUE(contains(plans.body, "\"total\":0")) << plans.body;
  // Word's line break (vertical tab) becomes a line break; CR LF from the browser becomes "\n".
  const auto [plan, initiative] = testing::plan_with_initiative(
      http, {}, {.name = "Et trygt natteliv", .purpose = "Første linje\vanden\r\ntredje"});
  const auto page = http.get("/api/v1/initiatives/" + initiative);
  EXPECT_TRUE(contains(page.body, R"(Første linje\nanden\ntredje)")) << page.body;
}

TEST_P(Hardening, RedirectsAfterLoginAndLanguageStayOnTheSite) {
  server_->add_user("byraad@aalborg.dk", "viewer");
  // As the probe sent them (decoded: "/\t/evil.example/" and so on).
  for (const char* next : {"/\t/evil.example/", "/\\evil.example", "//evil.example",
                           "https://evil.example/", "/\n/evil.example", "/ /evil.example"}) {
    HttpClient http(server_->port());
    http.get("/login?next=" + testing::form_encode({{"n", next}}).substr(2));
    const auto response = http.post_form("/login", {{"_csrf", http.csrf()},
                                                    {"email", "byraad@aalborg.dk"},
                                                    {"password", testing::kPassword},
                                                    {"next", next}});
    EXPECT_EQ(response.status, 303);
    EXPECT_EQ(response.header("location"), "/") << next;
    http.get("/");  // signed in now: a page with the session's token
    const auto language =
        http.post_form("/language", {{"_csrf", http.csrf()}, {"language", "en"}, {"back", next}});
    EXPECT_EQ(language.status, 303) << next;
    EXPECT_EQ(language.header("location"), "/") << next;
  }
}

TEST_P(Hardening, ApiTokensWorkOnlyInTheApiWithinTheirScopeAndEndWithThePassword) {
  auto admin = signed_in("admin@aalborg.dk", "admin");
  const auto admin_id = user_id("admin@aalborg.dk");
  const auto reader = token(admin, admin_id, "read");
  const auto writer = token(admin, admin_id, "write");
  const auto bearer = [](const std::string& token) {
    return std::map<std::string, std::string>{{"Authorization", "Bearer " + token}};
  };
  HttpClient api(server_->port());
  // Not a sign-in for pages: no token minting, no new users.
  for (const auto& path : {"/api-tokens", "/users", "/plans"}) {
    const auto response = api.request("GET", path, {}, {}, bearer(writer));
    EXPECT_EQ(response.status, 303) << path;
    EXPECT_EQ(response.header("location").rfind("/login", 0), 0U) << path;
  }
  EXPECT_EQ(api.request("POST", "/api-tokens", "name=x&user_id=" + admin_id + "&scope=write",
                        "application/x-www-form-urlencoded", bearer(writer))
                .status,
            401);
  EXPECT_EQ(api.request("POST", "/users", "name=x&email=x%40x.dk&role=admin",
                        "application/x-www-form-urlencoded", bearer(writer))
                .status,
            401);
  // Scopes.
  const std::string plan = R"({"name": "Handleplan 2014", "kind": "action_plan",
                               "period_start": "2014-01-01", "period_end": "2014-12-31"})";
  EXPECT_EQ(api.request("GET", "/api/v1/plans", {}, {}, bearer(reader)).status, 200);
  const auto refused =
      api.request("POST", "/api/v1/plans", plan, "application/json", bearer(reader));
  EXPECT_EQ(refused.status, 403);
  EXPECT_TRUE(contains(refused.body, "kun læse")) << refused.body;
  EXPECT_EQ(api.request("POST", "/api/v1/plans", plan, "application/json", bearer(writer)).status,
            201);
  // A new password ends every token of its owner.
  admin.get("/account/password");
  const auto changed =
      admin.post_form("/account/password", {{"_csrf", admin.csrf()},
                                            {"current_password", testing::kPassword},
                                            {"new_password", "et nyt langt kodeord"},
                                            {"confirm_password", "et nyt langt kodeord"}});
  ASSERT_EQ(changed.status, 303) << changed.body;
  EXPECT_EQ(api.request("GET", "/api/v1/plans", {}, {}, bearer(reader)).status, 401);
  EXPECT_EQ(api.request("GET", "/api/v1/plans", {}, {}, bearer(writer)).status, 401);
}

TEST_P(Hardening, CsvCellsThatLookLikeFormulasOpenAsText) {
  auto http = signed_in("tovholder@aalborg.dk", "coordinator");
  const auto [plan, initiative] = testing::plan_with_initiative(http);
  // A change in index points may be negative (a count may not).
  const auto id = testing::create_indicator(http, plan, {.name = "=1+1", .unit = "index_points"});
  const auto response =
      http.post_form("/indicators/" + id + "/values", {{"_csrf", http.csrf()},
                                                       {"period", "2017"},
                                                       {"value", "-3"},
                                                       {"status", "final"},
                                                       {"note", "@SUM(1+1)*cmd|' /C calc'!A0"}});
  ASSERT_EQ(response.status, 303) << response.body;
  const auto csv = http.get("/indicators/" + id + "/export/csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_TRUE(contains(csv.body, "\n'=1+1;")) << csv.body;
  EXPECT_TRUE(contains(csv.body, ";'@SUM(1+1)")) << csv.body;
  EXPECT_TRUE(contains(csv.body, ";-3;")) << "a negative figure stays a number: " << csv.body;
}

SAMTRYG_ON_EVERY_BACKEND(Hardening);

}  // namespace
}  // namespace samtryg
