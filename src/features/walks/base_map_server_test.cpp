// The workspace's base map through a real server, on SQLite and PostgreSQL: an admin uploads a
// SWEREF 99 TM file, everyone signed in gets it as WGS84 GeoJSON for the walk map, the walk
// page points at it, a file in the wrong system is refused with the reason, and removing it asks
// first.
#include <gtest/gtest.h>

#include "support/http_client.hpp"
#include "support/temp_dir.hpp"
#include "support/test_server.hpp"

namespace samtryg::walks {
namespace {

using testing::HttpClient;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class BaseMapServer : public testing::ServerTest {
 protected:
  static testing::HttpResponse upload(HttpClient& http, const std::string& file,
                                      const std::string& system) {
    http.get("/walks/base-map");
    return http.request(
        "POST", "/walks/base-map",
        testing::multipart_body({{"_csrf", http.csrf()}, {"system", system}}, "file", file,
                                testing::source_file("tests/data/" + file)),
        testing::kMultipartType);
  }
};

TEST_P(BaseMapServer, AnAdminUploadsItAndEveryReaderGetsItAsWgs84) {
  auto admin = signed_in("admin@landskrona.se", "admin");
  auto page = admin.get("/walks/base-map");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "enctype=\"multipart/form-data\""));
  EXPECT_EQ(admin.get("/walks/base-map.geojson").status, 404) << "none yet";

  // The Danish file has no "crs" member: read as degrees its metres are off the earth.
  auto response = upload(admin, "base-map-aalborg-utm32n.geojson", "file");
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "Positionen 555819.59, 6322771.18 er ikke en længde"))
      << response.body;
  EXPECT_TRUE(contains(response.body, "id=\"system-error\"")) << "next to the system to change";
  response = upload(admin, "base-map-landskrona-sweref99tm.geojson", "etrs89_utm32n");
  EXPECT_EQ(response.status, 422);
  EXPECT_TRUE(contains(response.body, "SWEREF 99 TM (EPSG:3006)"));
  EXPECT_EQ(admin.get("/walks/base-map.geojson").status, 404) << "nothing half-saved";

  response = upload(admin, "base-map-landskrona-sweref99tm.geojson", "file");
  ASSERT_EQ(response.status, 303) << response.body;
  page = admin.get(response.header("location"));
  EXPECT_TRUE(contains(page.body, "Grundkortet er uploadet.")) << page.body;
  EXPECT_TRUE(
      contains(page.body, "Linjer og flader: 2 med i alt 8 punkter, omregnet fra SWEREF 99 TM"))
      << page.body;
  EXPECT_TRUE(contains(page.body, "<svg")) << "a preview drawn by the server";

  auto viewer = signed_in("byraad@landskrona.se", "viewer");
  response = viewer.get("/walks/base-map.geojson");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.header("content-type"), "application/geo+json");
  EXPECT_TRUE(contains(response.body, "[12.820000,55.865000]")) << response.body;
  EXPECT_TRUE(contains(response.body, "\"name\":\"Storgatan (testdata)\""));
  const auto etag = response.header("etag");
  response = viewer.request("GET", "/walks/base-map.geojson", {}, {}, {{"If-None-Match", etag}});
  EXPECT_EQ(response.status, 304);

  auto coordinator = signed_in("samordnare@landskrona.se", "coordinator");
  EXPECT_EQ(coordinator.get("/walks/base-map").status, 403);
  coordinator.get("/walks/new");
  response = coordinator.post_form(
      "/walks",
      {{"_csrf", coordinator.csrf()}, {"area", "Centrum"}, {"year", "2016"}, {"season", "spring"}});
  ASSERT_EQ(response.status, 303) << response.body;
  page = coordinator.get(response.header("location"));
  EXPECT_TRUE(contains(page.body, "data-base-map=\"/walks/base-map.geojson?v=")) << page.body;

  // The file is replaced whole, and removing it asks first.
  response = upload(admin, "base-map-aalborg-utm32n.geojson", "etrs89_utm32n");
  ASSERT_EQ(response.status, 303) << response.body;
  EXPECT_TRUE(contains(admin.get("/walks/base-map.geojson").body, "Boulevarden (testdata)"));
  EXPECT_FALSE(contains(admin.get("/walks/base-map.geojson").body, "Storgatan"));
  page = admin.get("/walks/base-map/delete");
  EXPECT_TRUE(contains(page.body, "Fjern grundkortet?"));
  response = admin.post_form("/walks/base-map/delete", {{"_csrf", admin.csrf()}});
  EXPECT_EQ(response.status, 303);
  EXPECT_EQ(viewer.get("/walks/base-map.geojson").status, 404);
}

SAMTRYG_ON_EVERY_BACKEND(BaseMapServer);

}  // namespace
}  // namespace samtryg::walks
