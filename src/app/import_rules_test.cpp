// The import applies the rules the pages and the API apply, and checks every key the database
// holds unique before storing, so a person never reads a database error (issue 20), on SQLite
// and PostgreSQL.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include <functional>
#include <map>
#include <set>

#include "app/workspace.hpp"
#include "support/databases.hpp"

namespace samtryg::app {
namespace {

using boost::json::array;
using boost::json::object;
using exchange::ImportError;

class ImportRules : public testing::DatabaseTest {
 protected:
  object demo_document() {
    if (!loaded_) {
      load_demo(database(), auth::HashCost::minimal);
      loaded_ = true;
    }
    auto document = export_workspace(database(), std::string(kDemoWorkspace));
    document["workspace"].as_object()["name"] = "Kopi";
    return document;
  }

  // The problems an import of `document` into the second database reports (none: it stored).
  std::vector<exchange::ImportProblem> problems_of(const object& document,
                                                   bool into_the_demos_database = false) {
    try {
      import_workspace(into_the_demos_database ? database() : second_database(),
                       boost::json::serialize(document));
    } catch (const ImportError& error) {
      return error.problems;
    }
    return {};
  }

  std::set<std::string> unique_indexes() {
    auto sql = database().session();
    std::vector<std::string> names(200);
    if (database().backend() == db::Backend::sqlite) {
      sql << "SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE 'CREATE UNIQUE%'",
          soci::into(names);
    } else {
      sql << "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND "
             "indexdef LIKE 'CREATE UNIQUE%' AND indexname NOT LIKE '%_pkey'",
          soci::into(names);
    }
    return {names.begin(), names.end()};
  }

 private:
  bool loaded_ = false;
};

bool reported_at(const std::vector<exchange::ImportProblem>& problems, const std::string& path) {
  return std::any_of(problems.begin(), problems.end(),
                     [&](const auto& problem) { return problem.path == path; });
}

object& at(object& parent, std::string_view key, std::size_t index) {
  return parent[key].as_array().at(index).as_object();
}

// Copies the member `key` of item `from` onto item `to` of the list `list`.
void repeat(array& list, std::size_t from, std::size_t to, std::string_view key) {
  list.at(to).as_object()[key] = list.at(from).as_object().at(key);
}

// The index of the first initiative that shares plan and parent with an earlier one.
std::size_t second_sibling(const array& initiatives, std::size_t& first) {
  for (std::size_t i = 0; i < initiatives.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      const auto& a = initiatives[i].as_object();
      const auto& b = initiatives[j].as_object();
      if (a.at("plan_id") == b.at("plan_id") &&
          a.at("parent_initiative_id") == b.at("parent_initiative_id")) {
        first = j;
        return i;
      }
    }
  }
  throw std::logic_error("the demo has no two sibling initiatives");
}

struct Duplicate {
  std::function<void(object&)> make;  // turns the demo document into one repeating the key
  std::string path;                   // where the import must report it
  bool into_the_demos_database = false;
};

TEST_P(ImportRules, EveryUniqueKeyOfTheSchemaIsCheckedWithItsPathBeforeStoring) {
  std::map<std::string, Duplicate> duplicates{
      {"workspaces_name",
       {[](object& document) { document["workspace"].as_object()["name"] = kDemoWorkspace; },
        "$.workspace.name", true}},
      {"users_email",
       {[](object& document) { repeat(document["users"].as_array(), 0, 1, "email"); },
        "$.users[1].email"}},
      {"parties_name",
       {[](object& document) { repeat(document["parties"].as_array(), 0, 1, "name"); },
        "$.parties[1].name"}},
      {"channels_name",
       {[](object& document) { repeat(document["channels"].as_array(), 0, 1, "name"); },
        "$.channels[1].name"}},
      {"plans_name_version",
       {[](object& document) {
          auto& plans = document["plans"].as_array();
          repeat(plans, 0, 2, "name");
          repeat(plans, 0, 2, "version");
        },
        "$.plans[2].name"}},
      {"focus_areas_name",
       {[](object& document) {
          repeat(at(document, "plans", 2)["focus_areas"].as_array(), 0, 1, "name");
        },
        "$.plans[2].focus_areas[1].name"}},
      {"work_groups_name",
       {[](object& document) { repeat(document["groups"].as_array(), 0, 1, "name"); },
        "$.groups[1].name"}},
      {"areas_name",
       {[](object& document) { repeat(document["areas"].as_array(), 0, 1, "name"); },
        "$.areas[1].name"}},
      {"indicators_name",
       {[](object& document) { repeat(document["indicators"].as_array(), 0, 1, "name"); },
        "$.indicators[1].name"}},
      {"indicator_values_key",
       {[](object& document) {
          auto& values = at(document, "indicators", 0)["values"].as_array();
          repeat(values, 0, 1, "period");
          repeat(values, 0, 1, "area_id");
        },
        "$.indicators[0].values[1].period"}},
      {"report_rounds_name",
       {[](object& document) {
          auto& rounds = document["rounds"].as_array();
          auto copy = rounds.at(0).as_object();
          copy["id"] = 999;
          copy["forms"] = array{};
          rounds.push_back(std::move(copy));
        },
        "$.rounds[1].name"}},
      {"report_forms_initiative",
       {[](object& document) {
          repeat(at(document, "rounds", 0)["forms"].as_array(), 0, 1, "initiative_id");
        },
        "$.rounds[0].forms[1].initiative_id"}},
      {"report_form_revisions_number",
       {[](object& document) {
          auto& forms = at(document, "rounds", 0)["forms"].as_array();
          repeat(forms.at(4).as_object()["revisions"].as_array(), 0, 1, "revision");
        },
        "$.rounds[0].forms[4].revisions[1].revision"}},
      {"report_chapters_key",
       {[](object& document) {
          repeat(at(document, "rounds", 0)["chapters"].as_array(), 0, 1, "key");
        },
        "$.rounds[0].chapters[1].key"}},
      {"report_form_reminders_once",
       {[](object& document) {
          const object reminder{{"kind", "overdue"},
                                {"recipient", "lead@example.dk"},
                                {"sent_at", "2018-01-16T07:00:00Z"}};
          at(at(document, "rounds", 0), "forms", 3)["reminders"] = array{reminder, reminder};
        },
        "$.rounds[0].forms[3].reminders[1].kind"}},
      {"walk_findings_number",
       {[](object& document) {
          const object finding{{"id", 1},
                               {"number", 1},
                               {"place", "Rådhustorget"},
                               {"category", "lighting"},
                               {"description", "Mörkt"},
                               {"severity", "high"}};
          object second = finding;
          second["id"] = 2;
          document["walks"] = array{object{{"id", 1},
                                           {"area", "Centrum"},
                                           {"year", 2016},
                                           {"season", "spring"},
                                           {"status", "planned"},
                                           {"findings", array{finding, second}}}};
        },
        "$.walks[0].findings[1].number"}},
      {"survey_waves_period",
       {[](object& document) {
          auto& waves = at(document, "surveys", 0)["waves"].as_array();
          auto copy = waves.at(0).as_object();
          copy["id"] = 99;
          waves.push_back(std::move(copy));
        },
        "$.surveys[0].waves[1].period"}},
      {"survey_results_key",
       {[](object& document) {
          repeat(at(document, "surveys", 0)["results"].as_array(), 0, 1, "question_id");
        },
        "$.surveys[0].results[1].wave_id"}},
      {"meeting_decisions_number",
       {[](object& document) {
          auto& items = at(document, "meetings", 0)["items"].as_array();
          auto& decisions = items.at(2).as_object()["decisions"].as_array();
          decisions.at(0).as_object()["number"] = 1;
        },
        "$.meetings[0].items[2].decisions[0].number"}},
      {"meeting_approvals_person",
       {[](object& document) {
          repeat(at(document, "meetings", 1)["approvals"].as_array(), 0, 1, "user_id");
        },
        "$.meetings[1].approvals[1].user_id"}},
  };
  // Keys no document carries: the import makes them itself or they never leave a database.
  const std::set<std::string> not_in_documents{
      "api_tokens_hash",             // API keys are not exported
      "search_entries_entity",       // rebuilt by the import
      "report_form_autosaves_once",  // a person's unsaved typing is not exported
      "survey_options_position",     // an answer's place in its question's list
      // A person's calendar address never leaves the database it was made in.
      "calendar_tokens_hash",
      "calendar_tokens_person",
      // E-mail subscribers stay with the database they subscribed in.
      "promise_subscribers_address",
      "promise_subscribers_confirm",
      "promise_subscribers_unsubscribe",
      // A document has one site; an address another workspace has is not refused but given up
      // (the copy's site stays off under an address of its own).
      "site_settings_slug",
  };
  auto initiatives = demo_document();
  std::size_t first = 0;
  const auto second = second_sibling(initiatives["initiatives"].as_array(), first);
  duplicates["initiatives_name"] = {
      [&](object& document) { repeat(document["initiatives"].as_array(), first, second, "name"); },
      "$.initiatives[" + std::to_string(second) + "].name"};
  {
    // A unique key added to the schema fails here until the import checks it.
    std::set<std::string> covered = not_in_documents;
    for (const auto& [index, duplicate] : duplicates) covered.insert(index);
    EXPECT_EQ(unique_indexes(), covered);
  }

  for (const auto& [index, duplicate] : duplicates) {
    auto document = demo_document();
    duplicate.make(document);
    const auto problems = problems_of(document, duplicate.into_the_demos_database);
    EXPECT_TRUE(reported_at(problems, duplicate.path))
        << index << " not reported at " << duplicate.path;
    for (const auto& problem : problems) {
      EXPECT_EQ(problem.message.find("UNIQUE"), std::string::npos) << index << problem.message;
      EXPECT_EQ(problem.message.find("duplicate key"), std::string::npos)
          << index << problem.message;
    }
  }
  auto sql = second_database().session();
  int workspaces = 0;
  sql << "SELECT COUNT(*) FROM workspaces", soci::into(workspaces);
  EXPECT_EQ(workspaces, 0);
}

TEST_P(ImportRules, TheImportRefusesWhatThePagesRefuse) {
  auto document = demo_document();
  // A form submitted after its deadline claims not to be late.
  auto& round = at(document, "rounds", 0);
  auto& form = at(round, "forms", 0);
  form["submitted_at"] = "2030-01-01T10:00:00Z";
  form["late"] = false;
  // A deadline before the round's period.
  round["deadline"] = "2000-01-01";
  // A pause with no reason, and a change dated before the initiative started.
  auto& initiatives = document["initiatives"].as_array();
  std::size_t paused = initiatives.size();
  for (std::size_t i = 0; i < initiatives.size(); ++i) {
    const auto& item = initiatives[i].as_object();
    if (item.at("status") == "active" && item.at("status_history").as_array().size() == 1 &&
        !item.at("start_date").as_string().empty()) {
      paused = i;
      break;
    }
  }
  ASSERT_LT(paused, initiatives.size());
  auto& initiative = initiatives[paused].as_object();
  initiative["status"] = "paused";
  auto& history = initiative["status_history"].as_array();
  history.at(0).as_object()["changed_on"] = "1999-01-01";
  history.push_back(object{{"status", "paused"}, {"changed_on", "2019-01-01"}, {"reason", ""}});
  // 690 % for a share: an indicator with values, made a share.
  auto& indicators = document["indicators"].as_array();
  std::size_t share = indicators.size();
  for (std::size_t i = 0; i < indicators.size(); ++i) {
    if (!indicators[i].at("values").as_array().empty()) {
      share = i;
      break;
    }
  }
  ASSERT_LT(share, indicators.size());
  indicators[share].as_object()["unit"] = "percent";
  auto& value = at(indicators[share].as_object(), "values", 0);
  value.erase("numerator");
  value.erase("denominator");
  value["value"] = 690;

  const auto problems = problems_of(document);
  const auto initiative_path = "$.initiatives[" + std::to_string(paused) + "]";
  for (const auto& path : {
           std::string("$.rounds[0].forms[0].late"),
           std::string("$.rounds[0].deadline"),
           initiative_path + ".status_history[0].changed_on",
           initiative_path + ".status_history[1].reason",
           "$.indicators[" + std::to_string(share) + "].values[0].value",
       }) {
    EXPECT_TRUE(reported_at(problems, path)) << path;
  }
}

SAMTRYG_ON_EVERY_BACKEND(ImportRules);

}  // namespace
}  // namespace samtryg::app
