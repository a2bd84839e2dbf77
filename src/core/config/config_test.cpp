#include "core/config/config.hpp"

#include <gtest/gtest.h>

#include "support/databases.hpp"

#include <fstream>

namespace samtryg::config {

TEST(Config, FileValuesOverrideDefaultsAndCommentsAreIgnored) {
  Config config;
  apply_text(config,
             "# a comment\nport = 9090  # trailing comment\n\nlisten=0.0.0.0\n"
             "default_language = \"sv\"\n",
             "test.conf");
  EXPECT_EQ(config.port, 9090);
  EXPECT_EQ(config.listen, "0.0.0.0");
  EXPECT_EQ(config.default_language, "sv");
}

TEST(Config, UnknownKeyIsAnErrorThatNamesTheKeyAndLine) {
  Config config;
  try {
    apply_text(config, "port = 1\nprot = 2\n", "samtryg.conf");
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& error) {
    EXPECT_NE(std::string(error.what()).find("samtryg.conf:2"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("'prot'"), std::string::npos) << error.what();
  }
}

TEST(Config, InvalidValuesAreRejectedWithTheAllowedRange) {
  Config config;
  EXPECT_THROW(apply_text(config, "port = eighty", "f"), ConfigError);
  EXPECT_THROW(apply_text(config, "port = 70000", "f"), ConfigError);
  EXPECT_THROW(apply_text(config, "default_language = de", "f"), ConfigError);
  EXPECT_THROW(apply_text(config, "access_log = maybe", "f"), ConfigError);
  EXPECT_THROW(apply_text(config, "just some words", "f"), ConfigError);
}

TEST(Config, EnvironmentOverridesFileAndUnknownVariablesAreErrors) {
  Config config;
  apply_text(config, "port = 9090\n", "f");
  std::string port = "SAMTRYG_PORT=9191";
  std::string tool = "SAMTRYG_TEST_POSTGRES=ignored";
  std::string other = "HOME=/root";
  char* environment[] = {port.data(), tool.data(), other.data(), nullptr};
  apply_environment(config, environment);
  EXPECT_EQ(config.port, 9191);

  std::string typo = "SAMTRYG_PROT=1";
  char* bad[] = {typo.data(), nullptr};
  try {
    apply_environment(config, bad);
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& error) {
    EXPECT_NE(std::string(error.what()).find("SAMTRYG_PROT"), std::string::npos);
  }
}

TEST(Config, UnreadableFileGivesTheSystemReason) {
  Config config;
  try {
    apply_file(config, "/nonexistent/samtryg.conf");
    FAIL() << "expected ConfigError";
  } catch (const ConfigError& error) {
    EXPECT_NE(std::string(error.what()).find("No such file"), std::string::npos) << error.what();
  }
}

TEST(Config, TheExampleFileDocumentsEveryKeyAndLoads) {
  const std::string path = std::string(SAMTRYG_SOURCE_DIR) + "/samtryg.conf.example";
  std::ifstream file(path);
  ASSERT_TRUE(file) << path;
  const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  for (const auto& info : known_keys()) {
    EXPECT_NE(text.find(std::string(info.key) + " ="), std::string::npos)
        << "samtryg.conf.example does not document " << info.key;
  }
  Config config;
  EXPECT_NO_THROW(apply_file(config, path));
}

TEST(Config, HttpsPublicUrlMeansSecureCookies) {
  Config config;
  EXPECT_FALSE(config.behind_tls());
  config.public_url = "https://tryg.aalborg.dk";
  EXPECT_TRUE(config.behind_tls());
  config.public_url = "ftp://x";
  EXPECT_THROW(validate(config), ConfigError);
}

TEST(Config, ThePublicAddressTakesPathsWithoutADoubleSlash) {
  Config config;
  config.listen = "127.0.0.1";
  config.port = 8080;
  EXPECT_EQ(config.effective_public_url(), "http://127.0.0.1:8080");
  config.public_url = "https://tryg.aalborg.dk/";
  EXPECT_EQ(config.effective_public_url() + "/forms/12", "https://tryg.aalborg.dk/forms/12");
}

TEST(Config, MapTilesAreOpenStreetMapUntilTurnedOffAndTheirHostIsACspSource) {
  Config config;
  EXPECT_EQ(config.map_tile_source(), "https://tile.openstreetmap.org");
  EXPECT_NO_THROW(validate(config));

  apply_text(config, "map_tile_url = https://{s}.tiles.example.dk:8443/osm/{z}/{x}/{y}.png", "f");
  EXPECT_EQ(config.map_tile_source(), "https://*.tiles.example.dk:8443");
  EXPECT_NO_THROW(validate(config));

  apply_text(config, "map_tile_url =\nmap_attribution =", "f");
  EXPECT_EQ(config.map_tile_source(), "");
  EXPECT_NO_THROW(validate(config));
}

TEST(Config, AMapTileUrlThatCouldWidenThePolicyIsRefused) {
  for (const auto* url :
       {"ftp://tiles.example.dk/{z}/{x}/{y}.png",
        "https://tiles.example.dk; script-src *;/{z}/{x}/{y}.png", "https://*/{z}/{x}/{y}.png",
        "https://a.{s}.example.dk/{z}/{x}/{y}.png", "https://user@example.dk/{z}/{x}/{y}.png",
        "//tiles.example.dk/{z}/{x}/{y}.png"}) {
    Config config;
    config.map_tile_url = url;
    EXPECT_THROW(validate(config), ConfigError) << url;
    EXPECT_EQ(config.map_tile_source(), "") << url;
  }
  Config config;
  config.map_tile_url = "https://tiles.example.dk/{z}/{x}.png";
  EXPECT_THROW(validate(config), ConfigError) << "no {y}";
  config.map_tile_url.clear();
  config.map_attribution_url = "javascript:alert(1)";
  EXPECT_THROW(validate(config), ConfigError);
}

}  // namespace samtryg::config
