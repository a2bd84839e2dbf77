// Workspace export/import on SQLite and PostgreSQL: lossless round trip, every problem
// reported with its JSON path, all or nothing.
#include "features/exchange/exchange.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/db/migrations.hpp"
#include "core/util/crypto.hpp"
#include "features/demo/demo.hpp"
#include "features/strategy/store.hpp"
#include "support/databases.hpp"

namespace samtryg::exchange {
namespace {

class Exchange : public ::testing::TestWithParam<std::string> {
 protected:
  std::unique_ptr<db::Database> fresh(std::unique_ptr<testing::ScratchDatabase>& scratch) {
    scratch = std::make_unique<testing::ScratchDatabase>(GetParam());
    if (scratch->url().empty()) return nullptr;
    auto database = db::Database::open(db::parse_database_url(scratch->url()), 2);
    db::migrate(*database);
    return database;
  }

  std::unique_ptr<testing::ScratchDatabase> first_scratch_;
  std::unique_ptr<testing::ScratchDatabase> second_scratch_;
};

std::vector<std::string> paths(const ImportError& error) {
  std::vector<std::string> out;
  for (const auto& problem : error.problems) out.push_back(problem.path);
  return out;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

TEST_P(Exchange, DemoWorkspaceSurvivesARoundTripUnchanged) {
  auto first = fresh(first_scratch_);
  SAMTRYG_REQUIRE_BACKEND(*first_scratch_);
  demo::load_demo(*first, auth::HashCost::minimal);
  {
    // A document with bytes that are not text survives too.
    long long workspace = 0;
    auto sql = first->session();
    sql << "SELECT id FROM workspaces", soci::into(workspace);
    strategy::Document file;
    file.workspace_id = workspace;
    file.plan_id = 1;
    file.filename = "logo.png";
    file.content = std::string("\x89PNG\r\n\x1a\n\0\x01\xff", 11);
    file.content_type = "image/png";
    file.size_bytes = 11;
    file.sha256 = crypto::sha256_hex(file.content);
    file.uploaded_by = "test";
    file.uploaded_at = "2018-01-15T09:00:00Z";
    strategy::store::insert_document(sql, file);
  }
  const auto exported =
      boost::json::serialize(export_workspace(*first, std::string(demo::kWorkspaceName)));
  EXPECT_NE(exported.find("\"logo.png\""), std::string::npos);

  auto second = fresh(second_scratch_);
  const auto result = import_workspace(*second, exported);
  EXPECT_EQ(result.plans,
            5);  // the strategy in two versions, district plan, action plan, Landskrona
  EXPECT_GE(result.initiatives, 15 + 13 + 10);
  EXPECT_GT(result.activities, 50);
  const auto again =
      boost::json::serialize(export_workspace(*second, std::string(demo::kWorkspaceName)));
  EXPECT_EQ(again, exported);

  // The imported workspace is searchable at once.
  auto sql = second->session();
  const auto hits = strategy::store::search(sql, second->backend(), result.workspace_id,
                                            "Trygghetsvandringar", false, 10, 0);
  EXPECT_FALSE(hits.empty());
}

TEST_P(Exchange, EveryProblemIsReportedWithItsPathAndNothingIsWritten) {
  auto first = fresh(first_scratch_);
  SAMTRYG_REQUIRE_BACKEND(*first_scratch_);
  demo::load_demo(*first, auth::HashCost::minimal);
  auto document = export_workspace(*first, std::string(demo::kWorkspaceName));
  document["workspace"].as_object()["name"] = "Kopi";
  auto& plans = document["plans"].as_array();
  plans[0].as_object()["period_end"] = "2000-01-01";
  auto& initiatives = document["initiatives"].as_array();
  initiatives[2].as_object()["plan_id"] = 999;
  initiatives[4].as_object()["lead_user_id"] = 77;
  initiatives[5].as_object()["nickname"] = "x";
  document["activities"].as_array()[0].as_object()["status"] = "maybe";

  auto second = fresh(second_scratch_);
  try {
    import_workspace(*second, boost::json::serialize(document));
    FAIL() << "the import should have been refused";
  } catch (const ImportError& error) {
    const auto found = paths(error);
    EXPECT_TRUE(contains(found, "$.plans[0].period_end"));
    EXPECT_TRUE(contains(found, "$.initiatives[2].plan_id"));
    EXPECT_TRUE(contains(found, "$.initiatives[4].lead_user_id"));
    EXPECT_TRUE(contains(found, "$.initiatives[5].nickname"));
    EXPECT_TRUE(contains(found, "$.activities[0].status"));
    for (const auto& problem : error.problems) EXPECT_FALSE(problem.message.empty());
  }
  auto sql = second->session();
  int workspaces = 0;
  sql << "SELECT COUNT(*) FROM workspaces", soci::into(workspaces);
  EXPECT_EQ(workspaces, 0);
}

TEST_P(Exchange, AnExistingWorkspaceNameOrForeignDocumentIsRefused) {
  auto first = fresh(first_scratch_);
  SAMTRYG_REQUIRE_BACKEND(*first_scratch_);
  demo::load_demo(*first, auth::HashCost::minimal);
  const auto exported =
      boost::json::serialize(export_workspace(*first, std::string(demo::kWorkspaceName)));
  try {
    import_workspace(*first, exported);
    FAIL();
  } catch (const ImportError& error) {
    EXPECT_TRUE(contains(paths(error), "$.workspace.name"));
  }
  try {
    import_workspace(*first, R"({"format": "something-else", "version": 7})");
    FAIL();
  } catch (const ImportError& error) {
    EXPECT_TRUE(contains(paths(error), "$.format"));
    EXPECT_TRUE(contains(paths(error), "$.version"));
    EXPECT_TRUE(contains(paths(error), "$.workspace"));
  }
  EXPECT_THROW(import_workspace(*first, "not json"), ImportError);
}

INSTANTIATE_TEST_SUITE_P(Backends, Exchange, ::testing::ValuesIn(testing::backends()),
                         testing::backend_name);

}  // namespace
}  // namespace samtryg::exchange
