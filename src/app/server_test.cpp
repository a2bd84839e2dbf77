// Integration tests: the real server on a loopback port, on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>

#include <chrono>
#include <future>
#include <regex>

#include "core/audit/audit.hpp"
#include "core/auth/store.hpp"
#include "core/i18n/clock.hpp"
#include "core/i18n/locale_format.hpp"
#include "support/factories.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace samtryg::app {

using testing::HttpClient;
using testing::kPassword;

class Server : public testing::ServerTest {};

TEST_P(Server, HealthzChecksTheDatabase) {
  auto http = client();
  const auto response = http.get("/healthz");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "{\"status\":\"ok\",\"database\":\"ok\"}\n");
  EXPECT_EQ(response.header("content-type"), "application/json");
}

TEST_P(Server, LoginAndLogoutThroughTheForms) {
  server_->add_user("tovholder@aalborg.dk", "coordinator");
  auto http = client();
  auto response = http.get("/");
  EXPECT_EQ(response.status, 303);
  EXPECT_EQ(response.header("location"), "/login?next=%2F");

  response = http.log_in("Tovholder@Aalborg.dk", kPassword);
  ASSERT_EQ(response.status, 303) << response.body;
  EXPECT_EQ(response.header("location"), "/");
  EXPECT_NE(response.header("set-cookie").find("HttpOnly"), std::string::npos);
  EXPECT_NE(response.header("set-cookie").find("SameSite=Lax"), std::string::npos);

  response = http.get("/");
  EXPECT_EQ(response.status, 200);
  EXPECT_NE(response.body.find("Velkommen, Test coordinator"), std::string::npos);
  EXPECT_NE(response.body.find("Tovholder"), std::string::npos);  // the role, in Danish

  const auto session_cookie = http.cookies().at("samtryg_session");
  response = http.post_form("/logout", {{"_csrf", http.csrf()}});
  EXPECT_EQ(response.status, 303);
  EXPECT_EQ(response.header("location"), "/login?notice=login_logged_out");
  EXPECT_EQ(http.get(response.header("location")).status, 200);

  // The old cookie no longer opens anything.
  HttpClient replay(server_->port());
  replay.cookies()["samtryg_session"] = session_cookie;
  EXPECT_EQ(replay.get("/").status, 303);
}

TEST_P(Server, WrongPasswordIsRefusedAndRepeatedFailuresLockTheEmail) {
  server_->add_user("ssp@aalborg.dk", "initiative_lead");
  auto http = client();
  auto response = http.log_in("ssp@aalborg.dk", "wrong password");
  EXPECT_EQ(response.status, 401);
  EXPECT_NE(response.body.find("E-mailadressen eller adgangskoden er forkert"), std::string::npos);
  EXPECT_NE(response.body.find("value=\"ssp@aalborg.dk\""), std::string::npos) << "kept the e-mail";
  for (int i = 0; i < 4; ++i) http.log_in("ssp@aalborg.dk", "wrong password");
  response = http.log_in("ssp@aalborg.dk", kPassword);
  EXPECT_EQ(response.status, 429);
  EXPECT_NE(response.body.find("Vent 15 minutter"), std::string::npos);
  EXPECT_FALSE(http.cookies().contains("samtryg_session"));
}

TEST_P(Server, EmptyLoginFieldsAreNamed) {
  auto http = client();
  http.get("/login");
  const auto response = http.post_form("/login", {{"_csrf", http.csrf()}});
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(response.body.find("Skriv din e-mailadresse."), std::string::npos);
  EXPECT_NE(response.body.find("Skriv din adgangskode."), std::string::npos);
  EXPECT_NE(response.body.find("aria-invalid=\"true\""), std::string::npos);
}

TEST_P(Server, StateChangesWithoutTheRightCsrfTokenAreRefused) {
  server_->add_user("admin@aalborg.dk", "admin");
  auto http = client();
  ASSERT_EQ(http.log_in("admin@aalborg.dk", kPassword).status, 303);
  http.get("/users");
  const auto good = http.csrf();
  auto response = http.post_form("/users", {{"name", "X"}});
  EXPECT_EQ(response.status, 403);
  EXPECT_NE(response.body.find("Formularen er udløbet"), std::string::npos);
  response = http.post_form("/users", {{"_csrf", good + "x"}, {"name", "X"}});
  EXPECT_EQ(response.status, 403);
  // Anonymous forms use a cookie-bound token: a token without its cookie fails.
  HttpClient anonymous(server_->port());
  anonymous.get("/login");
  const auto token = anonymous.csrf();
  anonymous.cookies().clear();
  EXPECT_EQ(anonymous.post_form("/login", {{"_csrf", token}, {"email", "a@b.dk"}}).status, 403);
}

TEST_P(Server, ErrorPagesAreLocalisedAndLeakNoInternals) {
  auto http = client();
  auto response = http.request("GET", "/no/such/page", {}, {}, {{"Accept-Language", "sv-SE,sv"}});
  EXPECT_EQ(response.status, 404);
  EXPECT_NE(response.body.find("Sidan finns inte"), std::string::npos);
  EXPECT_NE(response.body.find("<html lang=\"sv\">"), std::string::npos);
  response = http.request("DELETE", "/login", {}, {}, {{"Accept-Language", "en"}});
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.header("allow"), "GET, POST");
  EXPECT_NE(response.body.find("Not allowed here"), std::string::npos);
}

TEST_P(Server, SecurityHeadersOnEveryPage) {
  auto http = client();
  const auto response = http.get("/login");
  EXPECT_EQ(response.header("x-content-type-options"), "nosniff");
  EXPECT_EQ(response.header("x-frame-options"), "DENY");
  EXPECT_NE(response.header("content-security-policy").find("default-src 'self'"),
            std::string::npos);
  EXPECT_EQ(response.header("cache-control"), "no-store");
}

TEST_P(Server, StaticAssetsHaveEtagsAndAnswer304) {
  auto http = client();
  const auto response = http.get("/static/app.css");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.header("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(response.header("cache-control"), "public, max-age=86400");
  const auto etag = response.header("etag");
  ASSERT_FALSE(etag.empty());
  const auto again = http.request("GET", "/static/app.css", {}, {}, {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(http.get("/static/../samtryg.conf.example").status, 404);
  EXPECT_EQ(http.get("/static/nothing.js").status, 404);
}

TEST_P(Server, ImagesComeFromThisSiteAndFromTheMapTileHostOnlyWhileThereAreTiles) {
  EXPECT_NE(client()
                .get("/login")
                .header("content-security-policy")
                .find("img-src 'self' data: https://tile.openstreetmap.org; "),
            std::string::npos);
  restart([](config::Config& settings) { settings.map_tile_url.clear(); });
  EXPECT_NE(client().get("/login").header("content-security-policy").find("img-src 'self' data:; "),
            std::string::npos);
}

TEST_P(Server, LeafletIsServedFromThisSiteWithItsLicence) {
  auto http = client();
  const auto script = http.get("/static/vendor/leaflet/leaflet.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_NE(script.body.find("Leaflet"), std::string::npos);
  EXPECT_EQ(http.get("/static/vendor/leaflet/leaflet.css").header("content-type"),
            "text/css; charset=utf-8");
  const auto marker = http.get("/static/vendor/leaflet/images/marker-icon.png");
  EXPECT_EQ(marker.status, 200);
  EXPECT_EQ(marker.header("content-type"), "image/png");
  EXPECT_NE(http.get("/static/vendor/leaflet/LICENSE.txt").body.find("BSD"), std::string::npos);
}

TEST_P(Server, PagesNameTheirIconAndFaviconIcoFindsIt) {
  auto http = client();
  EXPECT_NE(http.get("/login").body.find("<link rel=\"icon\" href=\"/static/favicon.svg"),
            std::string::npos);
  const auto icon = http.get("/favicon.ico");
  ASSERT_EQ(icon.status, 303);
  const auto svg = http.get(std::string(icon.header("location")));
  EXPECT_EQ(svg.status, 200);
  EXPECT_EQ(svg.header("content-type"), "image/svg+xml");
}

TEST_P(Server, TheMarkdownPreviewDrawsWhatThePageWillShow) {
  auto http = signed_in("tovholder@aalborg.dk", "coordinator");
  http.get("/");
  auto response = http.post_form(
      "/markdown/preview",
      {{"_csrf", http.csrf()}, {"text", "**Fed** og [klik](javascript:alert(1)) <b>x</b>"}});
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "<p><strong>Fed</strong> og klik &lt;b&gt;x&lt;/b&gt;</p>\n");
  EXPECT_EQ(http.post_form("/markdown/preview", {{"text", "x"}}).status, 403) << "CSRF";
  auto visitor = client();
  EXPECT_NE(visitor.post_form("/markdown/preview", {{"text", "x"}}).status, 200);
  // The pages that take Markdown mark their text boxes for the toolbar and load it.
  const auto page = http.get("/plans/new").body;
  EXPECT_NE(page.find("name=\"summary\" rows=\"8\" data-markdown"), std::string::npos) << page;
  EXPECT_NE(page.find("<template id=\"markdown-toolbar\""), std::string::npos);
  EXPECT_NE(page.find("/static/js/markdown-editor.js"), std::string::npos);
}

TEST_P(Server, HeadAnswersWithoutABody) {
  auto http = client();
  const auto response = http.request("HEAD", "/login");
  EXPECT_EQ(response.status, 200);
  EXPECT_TRUE(response.body.empty());
  EXPECT_NE(response.header("content-length"), "0");
}

TEST_P(Server, PasswordChangeValidatesAuditsAndEndsOtherSessions) {
  const auto user_id = server_->add_user("politi@aalborg.dk", "member");
  auto first = client();
  auto second = client();
  ASSERT_EQ(first.log_in("politi@aalborg.dk", kPassword).status, 303);
  ASSERT_EQ(second.log_in("politi@aalborg.dk", kPassword).status, 303);
  first.get("/account/password");
  auto response = first.post_form("/account/password", {{"_csrf", first.csrf()},
                                                        {"current_password", "not it"},
                                                        {"new_password", "short"},
                                                        {"confirm_password", "short"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(response.body.find("Den nuværende adgangskode er forkert."), std::string::npos);
  EXPECT_NE(response.body.find("mindst 10 tegn"), std::string::npos);

  response = first.post_form("/account/password", {{"_csrf", first.csrf()},
                                                   {"current_password", kPassword},
                                                   {"new_password", "a new long password"},
                                                   {"confirm_password", "a new long password"}});
  ASSERT_EQ(response.status, 303);
  EXPECT_NE(first.get(response.header("location")).body.find("Din adgangskode er skiftet"),
            std::string::npos);
  EXPECT_EQ(second.get("/").status, 303) << "the other session ended";
  EXPECT_EQ(first.get("/").status, 200) << "this session stays";
  auto third = client();
  EXPECT_EQ(third.log_in("politi@aalborg.dk", kPassword).status, 401);
  EXPECT_EQ(third.log_in("politi@aalborg.dk", "a new long password").status, 303);

  auto sql = server_->runtime().database().session();
  const auto history = audit::history(sql, "user", std::to_string(user_id));
  ASSERT_EQ(history.size(), 2U);
  EXPECT_EQ(history[1].action, "password_change");
  EXPECT_EQ(history[1].after_json.find("argon2"), std::string::npos);
}

TEST_P(Server, TheWorkspacesTimeZoneIsTheClockOfEveryTimeShown) {
  server_->add_user("admin@aalborg.dk", "admin");
  auto admin = client();
  ASSERT_EQ(admin.log_in("admin@aalborg.dk", kPassword).status, 303);
  const auto [plan, initiative] = testing::plan_with_initiative(admin, {}, {.name = "Natteliv"});
  std::string at;
  {
    auto sql = server_->runtime().database().session();
    const auto history = audit::history(sql, "initiative", initiative);
    ASSERT_FALSE(history.empty());
    at = history.front().at;
  }
  const auto shown_in = [&](std::string_view zone) {
    const i18n::ClockScope clock(zone);
    return i18n::format_iso_timestamp(at, i18n::Language::da);
  };
  ASSERT_NE(shown_in("Europe/Copenhagen"), shown_in("America/Nuuk"));
  const auto history_page = "/history/initiative/" + initiative;
  EXPECT_NE(admin.get(history_page).body.find(shown_in("Europe/Copenhagen")), std::string::npos);

  auto page = admin.get("/workspace/time-zone");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Grønland (Nuuk) (America/Nuuk)"), std::string::npos);
  auto response = admin.post_form("/workspace/time-zone",
                                  {{"_csrf", admin.csrf()}, {"time_zone", "Mars/Olympus_Mons"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(response.body.find("Ukendt tidszone"), std::string::npos);
  response = admin.post_form("/workspace/time-zone",
                             {{"_csrf", admin.csrf()}, {"time_zone", "America/Nuuk"}});
  ASSERT_EQ(response.status, 303);
  const auto body = admin.get(history_page).body;
  EXPECT_NE(body.find(shown_in("America/Nuuk")), std::string::npos) << body;
  EXPECT_EQ(body.find(shown_in("Europe/Copenhagen")), std::string::npos);
  EXPECT_NE(admin.get("/workspace/time-zone").body.find("vises i America/Nuuk"), std::string::npos);

  // Only those who manage the workspace's people set its clock.
  server_->add_user("tovholder@aalborg.dk", "coordinator");
  auto coordinator = client();
  ASSERT_EQ(coordinator.log_in("tovholder@aalborg.dk", kPassword).status, 303);
  EXPECT_EQ(coordinator.get("/workspace/time-zone").status, 403);
}

TEST_P(Server, AdminAddsUsersWithValidationAndEscaping) {
  server_->add_user("admin@aalborg.dk", "admin");
  auto http = client();
  ASSERT_EQ(http.log_in("admin@aalborg.dk", kPassword).status, 303);
  http.get("/users");
  auto response = http.post_form("/users", {{"_csrf", http.csrf()},
                                            {"name", ""},
                                            {"email", "not-an-email"},
                                            {"role", "king"},
                                            {"language", "da"},
                                            {"password", "short"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(response.body.find("Skriv personens navn."), std::string::npos);
  EXPECT_NE(response.body.find("Skriv en gyldig e-mailadresse"), std::string::npos);
  EXPECT_NE(response.body.find("Vælg en af rollerne"), std::string::npos);
  EXPECT_NE(response.body.find("value=\"not-an-email\""), std::string::npos) << "input kept";
  {
    auto sql = server_->runtime().database().session();
    EXPECT_FALSE(auth::find_user_by_email(sql, "not-an-email"));
  }

  response = http.post_form("/users", {{"_csrf", http.csrf()},
                                       {"name", "<script>alert('x')</script> SSP"},
                                       {"email", "SSP@aalborg.dk"},
                                       {"role", "initiative_lead"},
                                       {"language", "sv"},
                                       {"password", "first password 1"}});
  ASSERT_EQ(response.status, 303) << response.body;
  response = http.get(response.header("location"));
  EXPECT_EQ(response.body.find("<script>alert"), std::string::npos);
  EXPECT_NE(response.body.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; SSP"),
            std::string::npos);
  EXPECT_NE(response.body.find("ssp@aalborg.dk"), std::string::npos);
  EXPECT_NE(response.body.find("Indsatsansvarlig"), std::string::npos);

  response = http.post_form("/users", {{"_csrf", http.csrf()},
                                       {"name", "Another"},
                                       {"email", "ssp@AALBORG.dk"},
                                       {"role", "member"},
                                       {"language", "da"},
                                       {"password", "first password 1"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_NE(response.body.find("findes allerede en bruger"), std::string::npos);

  HttpClient added(server_->port());
  EXPECT_EQ(added.log_in("ssp@aalborg.dk", "first password 1").status, 303);
  EXPECT_NE(added.get("/").body.find("Välkommen"), std::string::npos) << "their own language";
}

TEST_P(Server, LanguageChoiceSticksForVisitorsAndUsers) {
  server_->add_user("byraad@aalborg.dk", "viewer");
  auto http = client();
  http.get("/login");
  auto response =
      http.post_form("/language", {{"_csrf", http.csrf()}, {"language", "sv"}, {"back", "/login"}});
  EXPECT_EQ(response.status, 303);
  EXPECT_EQ(response.header("location"), "/login");
  EXPECT_NE(http.get("/login").body.find("Logga in"), std::string::npos);
  response = http.post_form(
      "/language", {{"_csrf", http.csrf()}, {"language", "en"}, {"back", "https://evil.example/"}});
  EXPECT_EQ(response.header("location"), "/");

  ASSERT_EQ(http.log_in("byraad@aalborg.dk", kPassword).status, 303);
  http.get("/");
  http.post_form("/language", {{"_csrf", http.csrf()}, {"language", "en"}, {"back", "/"}});
  HttpClient elsewhere(server_->port());
  elsewhere.log_in("byraad@aalborg.dk", kPassword);
  EXPECT_NE(elsewhere.get("/").body.find("Welcome, Test viewer"), std::string::npos);
}

TEST_P(Server, UserWithoutWorkspaceIsToldWhatToDo) {
  server_->add_user("new@aalborg.dk", "");
  auto http = client();
  ASSERT_EQ(http.log_in("new@aalborg.dk", kPassword).status, 303);
  EXPECT_NE(http.get("/").body.find("ikke medlem af et arbejdsområde"), std::string::npos);
}

// Every route × every kind of visitor: who gets in, who gets the login page, who gets 403.
TEST_P(Server, RoleRouteMatrix) {
  const std::vector<std::string> visitors{"anonymous",       "no_workspace", "admin", "coordinator",
                                          "initiative_lead", "member",       "viewer"};
  for (const auto& visitor : visitors) {
    if (visitor != "anonymous") {
      server_->add_user(visitor + "@matrix.dk", visitor == "no_workspace" ? "" : visitor);
    }
  }
  const auto& routes = server_->runtime().app().routes();
  ASSERT_GE(routes.size(), 50U);
  for (const auto& route : routes) {
    for (const auto& visitor : visitors) {
      SCOPED_TRACE(std::string(http::to_string(route.method)) + " " + route.pattern + " as " +
                   visitor);
      HttpClient http(server_->port());
      std::optional<auth::Role> role = auth::parse_role(visitor);
      const bool signed_in = visitor != "anonymous";
      if (signed_in) {
        ASSERT_EQ(http.log_in(visitor + "@matrix.dk", kPassword).status, 303);
      }
      http.get(signed_in ? "/" : "/login");  // a page with this visitor's CSRF token
      const auto path = std::regex_replace(route.pattern, std::regex(R"(\{[^}]+\})"), "1");
      const bool api = path.rfind("/api/", 0) == 0;
      const auto response =
          route.method == http::Method::get
              ? http.get(path)
              : http.request(std::string(http::to_string(route.method)), path,
                             testing::form_encode({{"_csrf", http.csrf()}}),
                             "application/x-www-form-urlencoded", {{"X-CSRF-Token", http.csrf()}});
      if (route.access.admits(signed_in, role)) {
        EXPECT_NE(response.status, 401);
        EXPECT_NE(response.status, 403);
        EXPECT_EQ(response.header("location").find("/login?next="), std::string::npos);
        EXPECT_LT(response.status, 500);
      } else if (!signed_in) {
        if (route.method == http::Method::get && !api) {
          EXPECT_EQ(response.status, 303);
          EXPECT_EQ(response.header("location").rfind("/login?next=", 0), 0U);
        } else {
          EXPECT_EQ(response.status, 401);
        }
      } else {
        EXPECT_EQ(response.status, 403);
      }
    }
  }
}

SAMTRYG_ON_EVERY_BACKEND(Server);

// ---- limits and shutdown (SQLite is enough: nothing here touches storage) -------------------

TEST(ServerLimits, OversizedBodyGets413) {
  testing::ScratchDatabase scratch("sqlite");
  testing::TestServer server(scratch.url(), [](config::Config& c) { c.max_body_bytes = 2048; });
  HttpClient http(server.port());
  const auto response =
      http.request("POST", "/login", std::string(4096, 'a'), "application/x-www-form-urlencoded");
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(response.body.find("samtryg::"), std::string::npos);
}

TEST(ServerLimits, AnOverlongAddressGetsAPageInEveryLanguage) {
  testing::ScratchDatabase scratch("sqlite");
  testing::TestServer server(scratch.url());
  HttpClient http(server.port());
  const auto response = http.get("/search?q=" + std::string(std::size_t{20} * 1024, 'a'));
  EXPECT_EQ(response.status, 431);
  EXPECT_EQ(response.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(response.body.find("<html lang=\"da\">"), std::string::npos) << response.body;
  EXPECT_NE(response.body.find("Adressen er for lang"), std::string::npos);
  EXPECT_NE(response.body.find("<section lang=\"sv\""), std::string::npos);
  EXPECT_NE(response.body.find("Adressen är för lång"), std::string::npos);
  EXPECT_NE(response.body.find("The address is too long"), std::string::npos);
}

TEST(ServerLimits, AFailingHandlerGivesA500PageWithAReferenceAndNoInternals) {
  testing::ScratchDatabase scratch("sqlite");
  testing::TestServer server(scratch.url());
  server.runtime().app().add(
      {http::Method::get, "/test/fail", web::Access::anyone(), [](web::Context&) -> http::Response {
         throw std::runtime_error("secret internal detail");
       }});
  HttpClient http(server.port());
  const auto response = http.request("GET", "/test/fail", {}, {}, {{"Accept-Language", "en"}});
  EXPECT_EQ(response.status, 500);
  EXPECT_NE(response.body.find("Something went wrong"), std::string::npos);
  EXPECT_NE(response.body.find("give this reference to your administrator"), std::string::npos);
  EXPECT_EQ(response.body.find("secret internal detail"), std::string::npos);
  EXPECT_EQ(http.get("/healthz").status, 200) << "the server keeps serving";
}

TEST(ServerLimits, MalformedRequestGets400) {
  testing::ScratchDatabase scratch("sqlite");
  testing::TestServer server(scratch.url());
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), server.port()});
  const std::string garbage = "NOT HTTP AT ALL\r\n\r\n";
  boost::asio::write(socket, boost::asio::buffer(garbage));
  std::string answer(256, '\0');
  boost::system::error_code ec;
  const auto read = socket.read_some(boost::asio::buffer(answer), ec);
  answer.resize(read);
  EXPECT_EQ(answer.rfind("HTTP/1.1 400", 0), 0U) << answer;
}

// What a connection gets once it is read: the first bytes of the answer, or "" if none came.
std::string first_answer(boost::asio::ip::tcp::socket& socket, const std::string& request) {
  boost::system::error_code ec;
  boost::asio::write(socket, boost::asio::buffer(request), ec);
  std::string answer(512, '\0');
  const auto read = socket.read_some(boost::asio::buffer(answer), ec);
  answer.resize(ec && read == 0 ? 0 : read);
  return answer;
}

TEST(ServerLimits, ConnectionsPastTheLimitGet503AndTheOthersAreServed) {
  testing::ScratchDatabase scratch("sqlite");
  testing::TestServer server(scratch.url(), [](config::Config& c) { c.max_connections = 2; });
  boost::asio::io_context io;
  const boost::asio::ip::tcp::endpoint at{boost::asio::ip::make_address("127.0.0.1"),
                                          server.port()};
  const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  boost::asio::ip::tcp::socket first(io);
  boost::asio::ip::tcp::socket second(io);
  first.connect(at);
  second.connect(at);
  EXPECT_EQ(first_answer(first, request).rfind("HTTP/1.1 200", 0), 0U);
  EXPECT_EQ(first_answer(second, request).rfind("HTTP/1.1 200", 0), 0U);
  boost::asio::ip::tcp::socket third(io);
  third.connect(at);
  const auto refused = first_answer(third, request);
  EXPECT_EQ(refused.rfind("HTTP/1.1 503 Service Unavailable", 0), 0U) << refused;
  EXPECT_NE(refused.find("Retry-After: 5"), std::string::npos) << refused;
  EXPECT_EQ(first_answer(first, request).rfind("HTTP/1.1 200", 0), 0U) << "the open ones go on";
  first.close();
  second.close();
  // Once they close, new connections are served again (the server notices on its own time).
  std::string answer;
  for (int attempt = 0; attempt < 50 && answer.rfind("HTTP/1.1 200", 0) != 0; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    boost::asio::ip::tcp::socket again(io);
    again.connect(at);
    answer = first_answer(again, request);
  }
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0U) << answer;
}

TEST(ServerLimits, BehindATrustedProxyLoginLimitsCountTheForwardedAddress) {
  testing::ScratchDatabase scratch("sqlite");
  testing::TestServer server(scratch.url(), [](config::Config& c) {
    c.trusted_proxies = "127.0.0.1";
    c.login_max_failures = 3;
  });
  server.add_user("ssp@aalborg.dk", "initiative_lead");
  const auto attempt = [&](const std::string& client, const std::string& password) {
    HttpClient http(server.port());
    http.get("/login");
    return http.request(
        "POST", "/login",
        testing::form_encode(
            {{"_csrf", http.csrf()}, {"email", "ssp@aalborg.dk"}, {"password", password}}),
        "application/x-www-form-urlencoded", {{"X-Forwarded-For", "10.9.9.9, " + client}});
  };
  for (int i = 0; i < 3; ++i) EXPECT_EQ(attempt("198.51.100.7", "forkert").status, 401);
  EXPECT_EQ(attempt("198.51.100.7", kPassword).status, 429) << "that address waits";
  EXPECT_EQ(attempt("192.0.2.1", kPassword).status, 303) << "the owner elsewhere gets in";
}

TEST(ServerShutdown, InFlightRequestsFinishAndNewConnectionsAreRefused) {
  testing::ScratchDatabase scratch("sqlite");
  auto server = std::make_unique<testing::TestServer>(scratch.url());
  const auto port = server->port();
  std::promise<void> entered;
  server->runtime().app().add(
      {http::Method::get, "/test/slow", web::Access::anyone(), [&entered](web::Context&) {
         entered.set_value();
         std::this_thread::sleep_for(std::chrono::milliseconds(300));
         return http::Response::text("finished\n");
       }});
  HttpClient idle(port);
  ASSERT_EQ(idle.get("/healthz").status, 200);  // an idle kept-alive connection
  auto slow = std::async(std::launch::async, [port] { return HttpClient(port).get("/test/slow"); });
  entered.get_future().wait();
  server->runtime().stop();
  const auto response = slow.get();
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "finished\n");
  EXPECT_EQ(response.header("connection"), "close");
  server.reset();  // joins: returns only once the server has let go of every connection
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  boost::system::error_code ec;
  socket.connect({boost::asio::ip::make_address("127.0.0.1"), port}, ec);
  EXPECT_TRUE(ec) << "a new connection after shutdown was accepted";
}

}  // namespace samtryg::app
