// Every feature keeps its texts beside its code (messages/{da,sv,en}.json) and core keeps
// core's. Each catalog has the same keys in every language, every key is used somewhere, and
// every key the code builds at run time or a template names exists.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "app/modules.hpp"
#include "core/i18n/catalog.hpp"
#include "core/util/resources.hpp"

namespace samtryg::app {
namespace {

namespace fs = std::filesystem;

// The keys of each catalog file, by its folder ("src/features/strategy/messages") and language.
std::map<std::string, std::map<std::string, std::set<std::string>>> catalogs() {
  std::map<std::string, std::map<std::string, std::set<std::string>>> found;
  for (const auto language : i18n::kLanguages) {
    for (const auto path : i18n::catalog_paths(language)) {
      const auto folder = std::string(path.substr(0, path.rfind('/')));
      auto& keys = found[folder][std::string(i18n::code(language))];
      const auto document = boost::json::parse(*resources::find(path));
      for (const auto& member : document.as_object()) {
        keys.emplace(member.key());
      }
    }
  }
  return found;
}

// Every key built at run time: core's (the language switch) and each module's.
std::set<std::string> runtime_keys() {
  std::set<std::string> keys;
  for (const auto& code : i18n::language_codes()) keys.insert("language_" + code);
  for (const auto* feature : modules()) {
    for (auto& key : feature->runtime_message_keys()) keys.insert(std::move(key));
  }
  return keys;
}

// What names a key: a string literal in code, or {{t_key}} in a template.
struct Names {
  std::set<std::string> literals;   // in every non-test C++ and JavaScript file
  std::set<std::string> templates;  // t_key in every template
};

void collect(const std::string& text, const std::regex& pattern, std::set<std::string>& into) {
  for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern);
       it != std::sregex_iterator(); ++it) {
    into.insert((*it)[1].str());
  }
}

Names read_names() {
  struct {
    std::string code;
    std::string templates;
  } sources;
  const fs::path root(SAMTRYG_SOURCE_DIR);
  for (const auto* top : {"src", "web"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / top)) {
      if (!entry.is_regular_file()) continue;
      const auto name = entry.path().filename().string();
      const auto extension = entry.path().extension().string();
      std::string* into = nullptr;
      if (extension == ".mustache") into = &sources.templates;
      if ((extension == ".cpp" || extension == ".hpp" || extension == ".js") &&
          !name.ends_with("_test.cpp")) {
        into = &sources.code;
      }
      if (into == nullptr) continue;
      std::ifstream file(entry.path());
      std::stringstream text;
      text << file.rdbuf();
      into->append(text.str()).push_back('\n');
    }
  }
  Names names;
  collect(sources.code, std::regex(R"re("([a-z][a-z0-9_]*)")re"), names.literals);
  collect(sources.templates, std::regex(R"(\{\{[#^/]?t_(\w+)\}\})"), names.templates);
  return names;
}

TEST(Messages, EachCatalogHasTheSameKeysInEveryLanguage) {
  const auto all = catalogs();
  EXPECT_TRUE(all.contains("src/core/i18n/messages"));
  EXPECT_GE(all.size(), 5U) << "core and the features each have a catalog";
  for (const auto& [folder, by_language] : all) {
    ASSERT_EQ(by_language.size(), i18n::kLanguages.size()) << folder;
    const auto& danish = by_language.at("da");
    for (const auto& [language, keys] : by_language) {
      for (const auto& key : danish) {
        EXPECT_TRUE(keys.contains(key)) << folder << "/" << language << ".json lacks " << key;
      }
      for (const auto& key : keys) {
        EXPECT_TRUE(danish.contains(key)) << folder << "/da.json lacks " << key;
      }
    }
  }
}

TEST(Messages, EveryKeyIsUsedAndEveryKeyUsedExists) {
  const auto names = read_names();
  const auto built = runtime_keys();
  const auto& catalog = i18n::Catalog::get(i18n::Language::en).entries();
  for (const auto& [key, text] : catalog) {
    const bool used =
        built.contains(key) || names.literals.contains(key) || names.templates.contains(key);
    EXPECT_TRUE(used) << "\"" << key << "\" is defined but never used; if the code builds it "
                      << "at run time, list it in its module's runtime_message_keys()";
  }
  for (const auto& key : built) {
    EXPECT_TRUE(catalog.contains(key)) << key << " is built at run time but not defined";
  }
  for (const auto& key : names.templates) {
    EXPECT_TRUE(catalog.contains(key)) << "a template names t_" << key;
  }
}

}  // namespace
}  // namespace samtryg::app
