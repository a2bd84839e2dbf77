#include "features/demo/demo.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <stdexcept>

#include "core/auth/store.hpp"
#include "core/util/resources.hpp"
#include "core/util/time.hpp"
#include "features/accounts/commands.hpp"
#include "features/exchange/exchange.hpp"
#include "features/reporting/commands.hpp"
#include "features/strategy/commands.hpp"
#include "features/strategy/store.hpp"

namespace samtryg::demo {

namespace {

// The seed documents' content in the exchange format (docs/exchange-format.md); its users
// have no password until load_demo gives them the demo password.
constexpr std::string_view kDocument = "src/features/demo/data/workspace.json";
constexpr std::string_view kReportingDocument = "src/features/demo/data/reporting.json";

struct DemoPerson {
  const char* name;  // role titles from the seeds, never real people's names
  const char* email;
  const char* role;
};

constexpr DemoPerson kPeople[] = {
    {"Tovholder for strategien", "tovholder@demo.samtryg.dk", "coordinator"},
    {"Systemadministrator", "admin@demo.samtryg.dk", "admin"},
    {"SSP-konsulent", "ssp@demo.samtryg.dk", "initiative_lead"},
    {"Forebyggelsesafdelingen, Nordjyllands Politi", "politi@demo.samtryg.dk", "member"},
    {"Medlem af Byrådet", "byraad@demo.samtryg.dk", "viewer"},
};

// Version 2 of the strategy is "more dynamic": the seven initiatives prioritised beside
// version 1 are written into it, so the version compare has something real to show.
void add_second_version(db::Database& database, long long workspace_id) {
  const auto actor = auth::Actor::tool(workspace_id, "demo");
  std::optional<strategy::Plan> first;
  {
    auto sql = database.session();
    for (const auto& plan : strategy::store::plans(sql, workspace_id)) {
      if (plan.kind == "strategy" && plan.version == 1) first = plan;
    }
  }
  if (!first) return;
  const auto second_id = strategy::new_plan_version(database, actor, first->id);
  strategy::Plan second = strategy::readable_plan(database, actor, second_id);
  second.period_start = "2018-01-15";
  second.period_end = "2021-12-31";
  second.adopted_on = "2018-03-01";
  second.summary =
      "Version 2 er mere dynamisk: indsatser, der ikke længere indgår i strategiarbejdet, kan "
      "udgå, andre kan justeres, og nye prioriterede indsatser kan komme til efter behov.";
  strategy::update_plan(database, actor, second);
  strategy::store::InitiativeFilter filter;
  filter.workspace_id = workspace_id;
  filter.plan_id = second_id;
  filter.in_plan = 0;
  std::vector<strategy::store::InitiativeRow> beside;
  {
    auto sql = database.session();
    beside = strategy::store::initiatives(sql, filter);
  }
  for (auto row : beside) {
    row.initiative.in_plan = true;
    strategy::update_initiative(database, actor, row.initiative);
  }
}

// The round "4. afrapportering" of the seed report: the forms of the eight initiatives written
// into the strategy, filled in from the report's annex, in every workflow state (approved,
// submitted, submitted late, returned with a comment, a draft not submitted), and the report's
// chapters from its first pages.
void add_reporting_round(db::Database& database, long long workspace_id) {
  const auto bytes = resources::find(kReportingDocument);
  if (!bytes) throw std::logic_error("the demo reporting document is not embedded");
  const auto document = boost::json::parse(*bytes).as_object();
  const auto actor = auth::Actor::tool(workspace_id, "demo");
  const auto text = [](const boost::json::object& object, std::string_view key) {
    const auto* value = object.if_contains(key);
    return value != nullptr ? std::string(value->as_string()) : std::string();
  };
  reporting::RoundInput input;
  {
    auto sql = database.session();
    for (const auto& plan : strategy::store::plans(sql, workspace_id)) {
      if (plan.name == text(document, "plan") && plan.version == 1) input.plan_id = plan.id;
    }
  }
  if (input.plan_id == 0) return;
  const auto& round = document.at("round").as_object();
  input.name = text(round, "name");
  input.period_start = text(round, "period_start");
  input.period_end = text(round, "period_end");
  input.deadline = text(round, "deadline");
  input.template_key = text(round, "template_key");
  const auto round_id = reporting::create_round(database, actor, input);
  const auto record = reporting::readable_round(database, actor, round_id);
  for (const auto& value : document.at("forms").as_array()) {
    const auto& entry = value.as_object();
    const auto name = text(entry, "initiative");
    const auto row =
        std::find_if(record.forms.begin(), record.forms.end(),
                     [&](const auto& candidate) { return candidate.initiative_name == name; });
    if (row == record.forms.end()) continue;
    const auto form_id = row->form.id;
    const auto version = [&] {
      return reporting::readable_form(database, actor, form_id).row.form.row_version;
    };
    reporting::save_form(
        database, actor, form_id, version(),
        reporting::parse_content(boost::json::object{{"answers", entry.at("answers")}}));
    const auto status = text(entry, "status");
    if (status == "draft") continue;
    reporting::submit_form(database, actor, form_id, version());
    if (status == "approved") reporting::approve_form(database, actor, form_id, version());
    if (status == "returned") {
      reporting::return_form(database, actor, form_id, version(), text(entry, "comment"));
    }
    const auto submitted_at = text(entry, "submitted_at");
    database.in_transaction([&](soci::session& sql) {
      reporting::store::set_submitted_at(sql, form_id, submitted_at,
                                         reporting::is_late(submitted_at, input.deadline));
    });
  }
  const auto& chapters = document.at("chapters").as_object();
  for (auto chapter : record.chapters) {
    if (!chapters.contains(chapter.key)) continue;
    chapter.body = text(chapters, chapter.key);
    reporting::save_chapter(database, actor, chapter);
  }
}

}  // namespace

std::vector<DemoLogin> load_demo(db::Database& database, auth::HashCost cost) {
  bool exists = false;
  {
    auto sql = database.session();
    exists = auth::find_workspace_by_name(sql, std::string(kWorkspaceName)).has_value();
  }
  if (!exists) {
    const auto document = resources::find(kDocument);
    if (!document) throw std::logic_error("the demo document is not embedded");
    const auto result = exchange::import_workspace(database, std::string(*document));
    for (const auto& person : kPeople) {
      const auto hash = auth::hash_password(std::string(kPassword), cost);
      database.in_transaction([&](soci::session& sql) {
        if (const auto user = auth::find_user_by_email(sql, person.email)) {
          auth::update_password_hash(sql, user->id, hash, now_iso_utc());
        }
      });
    }
    add_second_version(database, result.workspace_id);
    add_reporting_round(database, result.workspace_id);
  }

  const audit::Author author{std::nullopt, "demo"};
  const auto workspace =
      accounts::ensure_workspace(database, author, std::string(kWorkspaceName), "da");
  std::vector<DemoLogin> logins;
  for (const auto& person : kPeople) {
    logins.push_back({person.email, person.role});
    {
      auto sql = database.session();
      if (auth::find_user_by_email(sql, person.email)) continue;
    }
    accounts::NewUser user;
    user.name = person.name;
    user.email = person.email;
    user.password = std::string(kPassword);
    user.language = "da";
    user.role = person.role;
    accounts::add_user(database, cost, author, workspace.id, user);
  }
  return logins;
}

}  // namespace samtryg::demo
