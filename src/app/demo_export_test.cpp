// The demo workspace, exported, is the document it was before the feature modules were
// split apart (tests/data/demo-export.json): the same sections, members and values. Times
// written when the demo is loaded differ from run to run and are compared as "<time>".
//
// When a feature adds to the demo on purpose, write the files again from a fresh export of each
// demo workspace:
//   samtryg demo --db sqlite:/tmp/d.db && samtryg export --db sqlite:/tmp/d.db --workspace NAME
// then replace every "YYYY-MM-DDThh:mm:ssZ" string by "<time>" (see normalised() below).
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <fstream>
#include <regex>
#include <sstream>

#include "app/workspace.hpp"
#include "core/db/migrations.hpp"
#include "support/databases.hpp"

namespace samtryg::app {
namespace {

boost::json::value normalised(const boost::json::value& value) {
  static const std::regex time(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z)");
  if (value.is_object()) {
    boost::json::object out;
    for (const auto& member : value.get_object()) out[member.key()] = normalised(member.value());
    return out;
  }
  if (value.is_array()) {
    boost::json::array out;
    for (const auto& item : value.get_array()) out.push_back(normalised(item));
    return out;
  }
  if (value.is_string() && std::regex_match(value.get_string().c_str(), time)) return "<time>";
  return value;
}

// The first place where `actual` differs from `expected`, as a JSON path; empty when equal.
std::string first_difference(const boost::json::value& expected, const boost::json::value& actual,
                             const std::string& path) {
  if (expected.kind() != actual.kind() && !(expected.is_number() && actual.is_number())) {
    return path + ": expected " + boost::json::serialize(expected) + ", got " +
           boost::json::serialize(actual);
  }
  if (expected.is_object()) {
    const auto& want = expected.get_object();
    const auto& got = actual.get_object();
    for (const auto& member : want) {
      const auto* other = got.if_contains(member.key());
      if (other == nullptr) return path + "." + std::string(member.key()) + ": missing";
      auto found = first_difference(member.value(), *other, path + "." + std::string(member.key()));
      if (!found.empty()) return found;
    }
    for (const auto& member : got) {
      if (!want.contains(member.key())) return path + "." + std::string(member.key()) + ": extra";
    }
    return {};
  }
  if (expected.is_array()) {
    const auto& want = expected.get_array();
    const auto& got = actual.get_array();
    if (want.size() != got.size()) {
      return path + ": " + std::to_string(want.size()) + " items expected, got " +
             std::to_string(got.size());
    }
    for (std::size_t i = 0; i < want.size(); ++i) {
      auto found = first_difference(want[i], got[i], path + "[" + std::to_string(i) + "]");
      if (!found.empty()) return found;
    }
    return {};
  }
  const bool same = expected.is_number()
                        ? expected.to_number<double>() == actual.to_number<double>()
                        : expected == actual;
  return same ? std::string()
              : path + ": expected " + boost::json::serialize(expected) + ", got " +
                    boost::json::serialize(actual);
}

class DemoExport : public testing::DatabaseTest {};

// Each demo workspace against tests/data/demo-export<suffix>.json.
TEST_P(DemoExport, IsTheSameDocumentAsBeforeTheFeatureModules) {
  load_demo(database(), auth::HashCost::minimal);
  for (const auto& workspace : kDemoWorkspaces) {
    SCOPED_TRACE(std::string(workspace.name));
    const auto exported = normalised(export_workspace(database(), std::string(workspace.name)));
    const auto file_name = "tests/data/demo-export" + std::string(workspace.suffix) + ".json";
    std::ifstream file(std::string(SAMTRYG_SOURCE_DIR) + "/" + file_name);
    ASSERT_TRUE(file) << file_name << " is missing";
    std::stringstream text;
    text << file.rdbuf();
    const auto expected = boost::json::parse(text.str());
    EXPECT_EQ(first_difference(expected, exported, "$"), "");
  }
}

SAMTRYG_ON_EVERY_BACKEND(DemoExport);

}  // namespace
}  // namespace samtryg::app
