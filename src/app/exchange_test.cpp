// Workspace export/import on SQLite and PostgreSQL: lossless round trip, every problem
// reported with its JSON path, all or nothing.
#include "app/workspace.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/db/migrations.hpp"
#include "core/util/crypto.hpp"
#include "features/reporting/store.hpp"
#include "features/strategy/store.hpp"
#include "support/databases.hpp"

namespace samtryg::app {
namespace {

using exchange::ImportError;

// Exports from database() and imports into second_database().
class Exchange : public testing::DatabaseTest {};

std::vector<std::string> paths(const ImportError& error) {
  std::vector<std::string> out;
  for (const auto& problem : error.problems) out.push_back(problem.path);
  return out;
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

TEST_P(Exchange, DemoWorkspaceSurvivesARoundTripUnchanged) {
  auto* first = &database();
  load_demo(*first, auth::HashCost::minimal);
  {
    // A document with bytes that are not text survives too.
    long long workspace = 0;
    auto sql = first->session();
    const std::string name(kDemoWorkspace);
    sql << "SELECT id FROM workspaces WHERE name = :n", soci::use(name), soci::into(workspace);
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
    // The reporting cycle's records beyond what the demo makes: a logo and a sent reminder.
    reporting::store::set_workspace_logo(
        sql, workspace,
        R"(<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" )"
        R"(height="20" fill="#004b87"/></svg>)");
    const auto round = reporting::store::all_rounds(sql, workspace).at(0);
    const auto form = reporting::store::round_forms(sql, round.id).at(3);
    reporting::store::claim_reminder(sql, {form.form.id, reporting::ReminderKind::overdue,
                                           "lead@example.dk", "2018-01-13T07:00:00Z"});
  }
  const auto exported =
      boost::json::serialize(export_workspace(*first, std::string(kDemoWorkspace)));
  EXPECT_NE(exported.find("\"logo.png\""), std::string::npos);

  auto* second = &second_database();
  const auto result = import_workspace(*second, exported);
  EXPECT_EQ(result.count("plans"), 4);  // the strategy in two versions, district and action plan
  EXPECT_GE(result.count("initiatives"), 15 + 13);
  EXPECT_GT(result.count("activities"), 50);
  EXPECT_EQ(result.count("rounds"), 1);
  EXPECT_EQ(result.count("forms"), 8);
  {
    // The document holds the round whole: forms with revisions, items linked to the register's
    // activities, the reminder, the chapters and the logo.
    const auto document = boost::json::parse(exported).as_object();
    EXPECT_NE(document.at("workspace").at("logo_svg").as_string().find("#004b87"),
              std::string::npos);
    const auto& round = document.at("rounds").at(0).as_object();
    EXPECT_EQ(round.at("chapters").as_array().size(), 5U);
    int linked_items = 0;
    int revisions = 0;
    int reminders = 0;
    for (const auto& form : round.at("forms").as_array()) {
      revisions += static_cast<int>(form.at("revisions").as_array().size());
      reminders += static_cast<int>(form.at("reminders").as_array().size());
      for (const auto& answer : form.at("content").at("answers").as_array()) {
        const auto* items = answer.as_object().if_contains("items");
        if (items == nullptr) continue;
        for (const auto& item : items->as_array()) {
          linked_items += item.as_object().contains("activity_id") ? 1 : 0;
        }
      }
    }
    EXPECT_GT(linked_items, 20);
    EXPECT_GT(revisions, 8);
    EXPECT_EQ(reminders, 1);
  }
  const auto again = boost::json::serialize(export_workspace(*second, std::string(kDemoWorkspace)));
  EXPECT_EQ(again, exported);

  // The imported workspace is searchable at once.
  auto sql = second->session();
  const auto hits = strategy::store::search(sql, second->backend(), result.workspace_id,
                                            "Tryghedsvandringer", false, 10, 0);
  EXPECT_FALSE(hits.empty());
}

TEST_P(Exchange, EveryProblemIsReportedWithItsPathAndNothingIsWritten) {
  auto* first = &database();
  load_demo(*first, auth::HashCost::minimal);
  auto document = export_workspace(*first, std::string(kDemoWorkspace));
  document["workspace"].as_object()["name"] = "Kopi";
  auto& plans = document["plans"].as_array();
  plans[0].as_object()["period_end"] = "2000-01-01";
  auto& initiatives = document["initiatives"].as_array();
  initiatives[2].as_object()["plan_id"] = 999;
  initiatives[4].as_object()["lead_user_id"] = 77;
  initiatives[5].as_object()["nickname"] = "x";
  document["activities"].as_array()[0].as_object()["status"] = "maybe";

  auto* second = &second_database();
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

TEST_P(Exchange, ReportingRecordsAreCheckedByTheFormsOwnRules) {
  auto* first = &database();
  load_demo(*first, auth::HashCost::minimal);
  auto document = export_workspace(*first, std::string(kDemoWorkspace));
  document["workspace"].as_object()["logo_svg"] = "not a picture";
  auto& round = document["rounds"].as_array()[0].as_object();
  round["period_end"] = "2016-01-01";
  auto& forms = round["forms"].as_array();
  // An initiative of another plan cannot report in this round.
  long long other_plan_initiative = 0;
  for (const auto& initiative : document["initiatives"].as_array()) {
    if (initiative.at("plan_id") != round["plan_id"]) {
      other_plan_initiative = initiative.at("id").as_int64();
      break;
    }
  }
  ASSERT_NE(other_plan_initiative, 0);
  forms[0].as_object()["initiative_id"] = other_plan_initiative;
  auto& item = forms[1]
                   .as_object()["content"]
                   .as_object()["answers"]
                   .as_array()[0]
                   .as_object()["items"]
                   .as_array()[0]
                   .as_object();
  item["activity_id"] = 99999;
  item["colour"] = "red";
  // Statusbeskrivelse allows half a page.
  auto& answers = forms[2].as_object()["content"].as_object()["answers"].as_array();
  std::size_t status_index = answers.size();
  for (std::size_t i = 0; i < answers.size(); ++i) {
    if (answers[i].at("section") == "status") status_index = i;
  }
  if (status_index == answers.size()) {
    answers.push_back(boost::json::object{{"section", "status"}, {"title", "Statusbeskrivelse"}});
  }
  answers[status_index].as_object()["text"] = std::string(2500, 'x');
  forms[3].as_object()["reminders"] =
      boost::json::array{boost::json::object{{"kind", "later"}, {"recipient", "a@example.dk"}}};
  auto& revisions = forms[4].as_object()["revisions"].as_array();
  ASSERT_GE(revisions.size(), 2U);
  revisions[1].as_object()["revision"] = revisions[0].at("revision");
  auto& chapters = round["chapters"].as_array();
  chapters[1].as_object()["key"] = chapters[0].at("key");
  document["workspace"].as_object()["name"] = "Kopi";

  auto* second = &second_database();
  try {
    import_workspace(*second, boost::json::serialize(document));
    FAIL() << "the import should have been refused";
  } catch (const ImportError& error) {
    const auto found = paths(error);
    for (const auto* expected : {
             "$.workspace.logo_svg",
             "$.rounds[0].period_end",
             "$.rounds[0].forms[0].initiative_id",
             "$.rounds[0].forms[1].content.answers[0].items[0].activity_id",
             "$.rounds[0].forms[1].content.answers[0].items[0].colour",
             "$.rounds[0].forms[3].reminders[0].kind",
             "$.rounds[0].forms[4].revisions[1].revision",
             "$.rounds[0].chapters[1].key",
         }) {
      EXPECT_TRUE(contains(found, expected)) << expected;
    }
    // The form's own rule, at the answer's path, with the figures in the message.
    const auto text_path =
        "$.rounds[0].forms[2].content.answers[" + std::to_string(status_index) + "].text";
    const auto too_long =
        std::find_if(error.problems.begin(), error.problems.end(),
                     [&](const auto& problem) { return problem.path == text_path; });
    ASSERT_NE(too_long, error.problems.end());
    EXPECT_NE(too_long->message.find("2,500 characters"), std::string::npos) << too_long->message;
  }
  // A template that is not one is named at its own path.
  round["template"].as_object()["sections"].as_array()[0].as_object()["kind"] = "essay";
  try {
    import_workspace(*second, boost::json::serialize(document));
    FAIL() << "the import should have been refused";
  } catch (const ImportError& error) {
    EXPECT_TRUE(contains(paths(error), "$.rounds[0].template.sections[0].kind"));
  }
  auto sql = second->session();
  int rounds = 0;
  sql << "SELECT COUNT(*) FROM report_rounds", soci::into(rounds);
  EXPECT_EQ(rounds, 0);
}

TEST_P(Exchange, AnExistingWorkspaceNameOrForeignDocumentIsRefused) {
  auto* first = &database();
  load_demo(*first, auth::HashCost::minimal);
  const auto exported =
      boost::json::serialize(export_workspace(*first, std::string(kDemoWorkspace)));
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

SAMTRYG_ON_EVERY_BACKEND(Exchange);

}  // namespace
}  // namespace samtryg::app
