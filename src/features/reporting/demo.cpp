#include "features/reporting/demo.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <stdexcept>

#include "core/demo/marks.hpp"
#include "core/util/resources.hpp"
#include "features/reporting/commands.hpp"
#include "features/reporting/publication.hpp"
#include "features/reporting/store.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::reporting {

namespace {

constexpr std::string_view kRoundDocument = "src/features/reporting/data/demo_round.json";

std::string text(const boost::json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value != nullptr ? std::string(value->as_string()) : std::string();
}

// The form's answers with each item that names the register activity it reports on
// ("register": its title) linked to it, as a lead picks it from the register, so saving the
// form adds no second copy of it under the form's wording.
boost::json::value linked_answers(db::Database& database, const Actor& actor,
                                  long long initiative_id, boost::json::value answers) {
  auto sql = database.session();
  const auto activities =
      strategy::activities(sql, actor, strategy::ActivityFilter{.initiative_id = initiative_id});
  for (auto& answer : answers.as_array()) {
    auto* items = answer.as_object().if_contains("items");
    if (items == nullptr) continue;
    for (auto& item : items->as_array()) {
      auto& fields = item.as_object();
      const auto title = text(fields, "register");
      if (title.empty()) continue;
      fields.erase("register");
      const auto found =
          std::find_if(activities.begin(), activities.end(),
                       [&](const auto& activity) { return activity.title == title; });
      if (found == activities.end()) {
        throw std::logic_error("demo form item names no register activity: " + title);
      }
      fields["activity_id"] = found->id;
    }
  }
  return answers;
}

// One form of the round filled in as the annex has it and taken to its state.
void fill_in(db::Database& database, const Actor& actor, const FormRow& row,
             const boost::json::object& entry, const std::string& deadline) {
  const auto form_id = row.form.id;
  const auto version = [&] { return readable_form(database, actor, form_id).row.form.row_version; };
  const auto answers = linked_answers(database, actor, row.form.initiative_id, entry.at("answers"));
  save_form(database, actor, form_id, version(),
            form::Input{.content = parse_content(boost::json::object{{"answers", answers}})});
  // The coordinators' summary of the initiative in the seed report's chapter "Indsatser".
  if (const auto summary = text(entry, "summary"); !summary.empty()) {
    save_summary(database, actor, form_id, summary,
                 readable_form(database, actor, form_id).row.form.summary_version);
  }
  const auto status = text(entry, "status");
  if (status == "draft") return;
  submit_form(database, actor, form_id, version());
  if (status == "approved") approve_form(database, actor, form_id, version());
  if (status == "returned")
    return_form(database, actor, form_id, version(), text(entry, "comment"));
  const auto submitted_at = text(entry, "submitted_at");
  database.in_transaction([&](soci::session& sql) {
    store::set_submitted_at(sql, form_id, submitted_at, is_late(submitted_at, deadline));
  });
}

}  // namespace

void seed_demo(demo::Seed& seed) {
  if (!seed.fresh) return;
  const auto bytes = resources::find(kRoundDocument);
  if (!bytes) throw std::logic_error("the demo reporting round is not embedded");
  const auto document = boost::json::parse(*bytes).as_object();
  auto& database = seed.database;
  const auto actor = seed.actor();
  RoundInput input;
  {
    auto sql = database.session();
    for (const auto& plan : strategy::plans(sql, actor)) {
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
  const auto round_id = create_round(database, actor, input);
  const auto record = readable_round(database, actor, round_id);
  for (const auto& value : document.at("forms").as_array()) {
    const auto& entry = value.as_object();
    const auto name = text(entry, "initiative");
    const auto row =
        std::find_if(record.forms.begin(), record.forms.end(),
                     [&](const auto& candidate) { return candidate.initiative_name == name; });
    if (row != record.forms.end()) fill_in(database, actor, *row, entry, input.deadline);
  }
  // What the seed does not give (the deadline, the forms' workflow) is marked as example data.
  demo::Mark mark{"round", round_id, {}};
  for (const auto& field : round.at("example").as_array()) {
    mark.fields.emplace_back(field.as_string());
  }
  database.in_transaction(
      [&](soci::session& sql) { demo::set_marks(sql, seed.workspace_id, mark); });
  const auto& chapters = document.at("chapters").as_object();
  for (auto chapter : record.chapters) {
    if (!chapters.contains(chapter.key)) continue;
    chapter.body = text(chapters, chapter.key);
    save_chapter(database, actor, chapter);
  }
  // On the public site, as the council's report is (the day is example data).
  if (const auto published = text(round, "published_on"); !published.empty()) {
    publish_report(database, actor, round_id, published);
  }
}

}  // namespace samtryg::reporting
