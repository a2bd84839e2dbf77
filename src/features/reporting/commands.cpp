#include "features/reporting/commands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/documents/svg.hpp"
#include "core/i18n/catalog.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "core/validation/fields.hpp"
#include "features/indicators/commands.hpp"
#include "features/indicators/presentation.hpp"
#include "features/reporting/queries.hpp"
#include "features/reporting/store.hpp"
#include "features/reporting/summary.hpp"
#include "features/strategy/commands.hpp"

namespace samtryg::reporting {

namespace {

using validation::Errors;

boost::json::value form_summary(const Form& form) {
  return boost::json::object{{"status", code(form.status)},
                             {"revision", form.revision},
                             {"late", form.late},
                             {"comment", form.comment}};
}

i18n::Language template_language(const Template& form_template) {
  return i18n::parse_language(form_template.language).value_or(i18n::Language::da);
}

// The form whose answers the actor is about to change, loaded inside the transaction: not
// found outside the workspace, forbidden to anyone but its lead and the coordinators, and
// refused with the reason (field "form") while its status locks it for them.
FormRow answerable_form(soci::session& sql, const Actor& actor, long long form_id) {
  auto row = readable_form_row(sql, actor, form_id);
  const auto role = form_role(sql, actor, row);
  if (!role.coordinator && !role.lead) throw validation::Forbidden();
  if (const auto refusal = reporting::save_refusal(row.form.status, role); !refusal.empty()) {
    Errors errors;
    errors.add("form", std::string(refusal), {{"comment", row.form.comment}});
    throw validation::Invalid(errors);
  }
  return row;
}

// Loads the form inside the caller's transaction, checks the step and writes it with its
// revision and audit entry.
void take_step_in(soci::session& sql, const Actor& actor, long long form_id, long long row_version,
                  Step step, const std::string& note) {
  const auto row = readable_form_row(sql, actor, form_id);
  const auto role = form_role(sql, actor, row);
  if (!role.coordinator && !role.lead) throw validation::Forbidden();
  if (row.form.row_version != row_version) throw validation::Conflict();
  const auto next = after(row.form.status, step, role);
  if (!next) {
    Errors errors;
    errors.add("form", "form_step_not_allowed",
               {{"status", "t:form_status_" + std::string(code(row.form.status))}});
    throw validation::Invalid(errors);
  }
  const auto round = store::find_round(sql, actor.workspace_id, row.form.round_id);
  Form form = row.form;
  form.status = *next;
  form.revision += 1;
  form.updated_by = actor.author.label;
  if (step == Step::submit) {
    form.submitted_at = now_iso_utc();
    form.late = round && is_late(form.submitted_at, round->deadline);
    form.comment.clear();
  } else if (step == Step::return_to_lead || step == Step::reopen) {
    form.comment = note;
  }
  if (!store::update_form(sql, form)) throw validation::Conflict();
  if (actor.user_id) store::delete_autosave(sql, form_id, *actor.user_id);
  store::insert_revision(
      sql, {0, form.id, form.revision, form.status, form.content, "", actor.author.label, note});
  audit::record_change(sql, actor, std::string(code(form.status)), "report_form", form.id,
                       form_summary(row.form), form_summary(form));
}

void take_step(db::Database& database, const Actor& actor, long long form_id, long long row_version,
               Step step, const std::string& note) {
  database.in_transaction(
      [&](soci::session& sql) { take_step_in(sql, actor, form_id, row_version, step, note); });
}

// Items typed into a section that lists register activities, and not picked from the
// register, are added to it (or linked to an activity of the same kind and title already
// there, so saving twice or a carried-forward item never adds a copy).
void add_new_items_to_register(soci::session& sql, const Actor& actor,
                               const Template& form_template, Form& form) {
  std::vector<strategy::Activity> existing;
  bool existing_read = false;
  for (auto& answer : form.content.answers) {
    const auto* section = form_template.section(answer.section);
    if (section == nullptr || section->activity_kind.empty()) continue;
    for (auto& item : answer.items) {
      if (item.activity_id) continue;
      auto activity = register_activity_for(*section, item, form.initiative_id);
      if (!existing_read) {
        existing = strategy::activities(
            sql, actor, strategy::ActivityFilter{.initiative_id = form.initiative_id});
        existing_read = true;
      }
      const auto same = std::find_if(existing.begin(), existing.end(), [&](const auto& other) {
        return same_activity(other, activity);
      });
      if (same != existing.end()) {
        item.activity_id = same->id;
        continue;
      }
      activity.id = strategy::create_activity_in(sql, actor, activity);
      item.activity_id = activity.id;
      existing.push_back(std::move(activity));
    }
  }
}

// The figures typed into the measurement section as indicator values; a figure that is not a
// number, and every other problem of a value, is named by its field ("iv.12.value").
std::vector<indicators::Value> figures_as_values(
    soci::session& sql, const Actor& actor, const std::map<long long, form::TypedFigure>& figures,
    Errors& errors) {
  std::vector<indicators::Value> values;
  for (const auto& [indicator_id, typed] : figures) {
    if (typed.empty()) continue;  // a row left without a figure
    const auto field = [id = indicator_id](std::string_view part) {
      return form::figure_field(id, part);
    };
    const auto unit = indicators::indicator_in_workspace(sql, actor, indicator_id).unit;
    indicators::Value value;
    value.indicator_id = indicator_id;
    value.period = typed.period;
    value.note = typed.note;
    Errors typing;
    if (unit == "ratio") {
      value.numerator = indicators::parse_typed_figure(typed.numerator, field("numerator"), typing);
      value.denominator =
          indicators::parse_typed_figure(typed.denominator, field("denominator"), typing);
    } else {
      value.value = indicators::parse_typed_figure(typed.value, field("value"), typing);
    }
    for (const auto& error : typing.items())
      errors.add(error.field, error.message_key, error.values);
    // A figure that did not read is reported once, as not a number.
    if (!typing.empty()) continue;
    const auto value_errors = indicators::check_value(sql, actor, value);
    for (const auto& error : value_errors.items()) {
      errors.add(field(error.field), error.message_key, error.values);
    }
    values.push_back(std::move(value));
  }
  return values;
}

void require_note(const std::string& note, std::string_view field) {
  Errors errors;
  validation::require(errors, field, trim(note), kMaxComment);
  validation::throw_if_any(errors);
}

// ---- the report's chapters with their starting text ----------------------------------------

std::string bullet_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += "- " + line + "\n";
  return text;
}

// `indicator_lines` are read before the transaction: reading them needs a connection of its
// own, and the pool may have only the one the transaction holds.
std::vector<Chapter> starting_chapters(soci::session& sql, const Actor& actor,
                                       const strategy::Plan& plan, const RoundInput& input,
                                       i18n::Language language,
                                       const std::vector<std::string>& indicator_lines) {
  const auto& catalog = i18n::Catalog::get(language);
  const auto period = fmt::format("{} – {}", i18n::format_iso_date(input.period_start, language),
                                  i18n::format_iso_date(input.period_end, language));
  std::vector<Chapter> chapters;
  const auto add = [&](std::string key, std::string body) {
    Chapter chapter;
    chapter.position = static_cast<int>(chapters.size()) + 1;
    chapter.title = std::string(catalog.text("chapter_" + key));
    chapter.key = std::move(key);
    chapter.body = std::move(body);
    chapters.push_back(std::move(chapter));
  };

  const auto initiatives = strategy::initiatives(
      sql, actor, strategy::InitiativeFilter{.plan_id = plan.id, .top_level_only = true});
  const auto in_plan = std::count_if(initiatives.begin(), initiatives.end(),
                                     [](const auto& row) { return row.initiative.in_plan; });

  std::string about = plan.summary.empty() ? std::string() : plan.summary + "\n\n";
  about += catalog.format("chapter_about_start", {{"plan", plan.name},
                                                  {"period", period},
                                                  {"count", std::to_string(initiatives.size())},
                                                  {"in_plan", std::to_string(in_plan)}});
  add("about", about);

  add("indicator", catalog.format("chapter_indicator_start",
                                  {{"count", std::to_string(indicator_lines.size())}}) +
                       "\n\n" + bullet_lines(indicator_lines));

  std::vector<std::string> communication_lines;
  std::map<long long, std::string> names;
  for (const auto& row : initiatives) names[row.initiative.id] = row.initiative.name;
  const strategy::ActivityFilter communication{.kind = "communication"};
  for (const auto& activity : strategy::activities(sql, actor, communication)) {
    const auto initiative = names.find(activity.initiative_id);
    if (initiative == names.end()) continue;
    const auto& when = activity.done_when;
    if (when.empty() || when.substr(0, 7) < input.period_start.substr(0, 7) ||
        when.substr(0, 7) > input.period_end.substr(0, 7)) {
      continue;
    }
    communication_lines.push_back(
        fmt::format("{} ({}, {})", activity.title, initiative->second, when));
  }
  add("awareness", std::string(catalog.text("chapter_awareness_start")) + "\n\n" +
                       bullet_lines(communication_lines));

  std::map<std::string, std::vector<std::string>> by_year;
  for (const auto& row : initiatives) {
    const auto year = row.initiative.start_date.substr(0, 4);
    by_year[year.empty() ? "–" : year].push_back(row.initiative.name);
  }
  std::vector<std::string> year_lines;
  for (const auto& [year, list] : by_year) {
    std::string joined;
    for (const auto& name : list) joined += (joined.empty() ? "" : ", ") + name;
    year_lines.push_back(fmt::format("{}: {}", year, joined));
  }
  add("initiatives",
      catalog.format("chapter_initiatives_start", {{"count", std::to_string(initiatives.size())},
                                                   {"in_plan", std::to_string(in_plan)}}) +
          "\n\n" + bullet_lines(year_lines));
  add("assessment", std::string(catalog.text("chapter_assessment_start")));
  return chapters;
}

// "**Tryghedsindeks**: Nået" per indicator of the plan, for the indicator chapter's starting
// text: a status only where a target gives one; "no data" would say nothing of the others.
std::vector<std::string> indicator_status_lines(db::Database& database, const Actor& actor,
                                                long long plan_id, const std::string& period_end,
                                                const i18n::Catalog& catalog) {
  std::vector<std::string> lines;
  for (const auto& record : indicators::plan_indicators(database, actor, plan_id, period_end)) {
    const bool targeted =
        std::any_of(record.targets.begin(), record.targets.end(),
                    [&](const auto& target) { return target.id == record.assessment.target_id; });
    lines.push_back(fmt::format("**{}**: {}", record.indicator.name,
                                targeted
                                    ? indicators::status_label(record.assessment.status, catalog)
                                    : std::string(catalog.text("form_indicator_no_target"))));
  }
  return lines;
}

}  // namespace

long long create_round(db::Database& database, const Actor& actor, const RoundInput& input) {
  auth::require_edit_all(actor);
  const auto plan = strategy::readable_plan(database, actor, input.plan_id);
  auto errors = check_round(input.name, input.period_start, input.period_end, input.deadline);
  const auto* form_template = find_builtin_template(input.template_key);
  if (form_template == nullptr) errors.add("template_key", "choice_invalid");
  const auto initiative_ids = input.initiative_ids.empty()
                                  ? default_reporting_initiatives(database, actor, input.plan_id)
                                  : input.initiative_ids;
  if (initiative_ids.empty()) errors.add("initiatives", "round_no_initiatives");
  validation::throw_if_any(errors);

  const auto language = template_language(*form_template);
  const auto indicator_lines = indicator_status_lines(database, actor, plan.id, input.period_end,
                                                      i18n::Catalog::get(language));
  long long round_id = 0;
  database.in_transaction([&](soci::session& sql) {
    if (store::round_name_taken(sql, plan.id, std::string(trim(input.name)))) {
      Errors taken;
      taken.add("name", "round_name_taken");
      throw validation::Invalid(taken);
    }
    std::map<long long, Content> carried;
    if (input.carry_forward_from) {
      const auto previous = store::find_round(sql, actor.workspace_id, *input.carry_forward_from);
      if (!previous || previous->plan_id != plan.id) {
        Errors wrong;
        wrong.add("carry_forward_from", "choice_invalid");
        throw validation::Invalid(wrong);
      }
      for (const auto& row : store::round_forms(sql, previous->id)) {
        carried[row.form.initiative_id] = carried_forward(*form_template, row.form.content);
      }
    }
    Round round;
    round.workspace_id = actor.workspace_id;
    round.plan_id = plan.id;
    round.name = std::string(trim(input.name));
    round.period_start = input.period_start;
    round.period_end = input.period_end;
    round.deadline = input.deadline;
    round.form_template = *form_template;
    round.previous_round_id = input.carry_forward_from;
    round_id = store::insert_round(sql, round);
    for (const auto initiative_id : initiative_ids) {
      const auto initiative = strategy::find_initiative(sql, actor, initiative_id);
      if (!initiative || initiative->plan_id != plan.id) {
        Errors wrong;
        wrong.add("initiatives", "choice_invalid");
        throw validation::Invalid(wrong);
      }
      Form form;
      form.round_id = round_id;
      form.initiative_id = initiative_id;
      form.content = carried[initiative_id];
      form.updated_by = actor.author.label;
      const auto form_id = store::insert_form(sql, form);
      store::insert_revision(
          sql, {0, form_id, 0, FormStatus::draft, form.content, "", actor.author.label, ""});
    }
    for (auto& chapter : starting_chapters(sql, actor, plan, input, language, indicator_lines)) {
      chapter.round_id = round_id;
      store::insert_chapter(sql, chapter);
    }
    audit::record_change(sql, actor, "create", "report_round", round_id, nullptr,
                         boost::json::object{{"name", round.name},
                                             {"period_start", round.period_start},
                                             {"period_end", round.period_end},
                                             {"deadline", round.deadline},
                                             {"forms", initiative_ids.size()}});
  });
  return round_id;
}

void save_form(db::Database& database, const Actor& actor, long long form_id, long long row_version,
               const form::Input& input, AfterSave then) {
  database.in_transaction([&](soci::session& sql) {
    const auto row = answerable_form(sql, actor, form_id);
    const auto round = store::find_round(sql, actor.workspace_id, row.form.round_id);
    auto errors = check_content(round->form_template, input.content);
    const auto values = figures_as_values(sql, actor, input.figures, errors);
    validation::throw_if_any(errors);
    if (row.form.row_version != row_version) throw validation::Conflict();
    if (actor.user_id) store::delete_autosave(sql, form_id, *actor.user_id);
    for (const auto& value : values) indicators::save_value_in(sql, actor, value);
    Form form = row.form;
    form.content = input.content;
    add_new_items_to_register(sql, actor, round->form_template, form);
    // Nothing changed: no empty revision.
    if (row.form.content != form.content) {
      form.revision += 1;
      form.updated_by = actor.author.label;
      if (!store::update_form(sql, form)) throw validation::Conflict();
      form.row_version += 1;
      store::insert_revision(
          sql, {0, form.id, form.revision, form.status, form.content, "", actor.author.label, ""});
      audit::record_change(sql, actor, "update", "report_form", form.id, form_summary(row.form),
                           form_summary(form));
    }
    // In the same transaction: a refused submit leaves nothing saved.
    if (then == AfterSave::submit) {
      take_step_in(sql, actor, form_id, form.row_version, Step::submit, "");
    }
  });
}

std::string autosave_form(db::Database& database, const Actor& actor, long long form_id,
                          const std::string& fields) {
  if (fields.size() > kMaxAutosaveBytes) {
    Errors errors;
    errors.add("form", "form_autosave_too_large");
    throw validation::Invalid(errors);
  }
  auto saved_at = now_iso_utc();
  database.in_transaction([&](soci::session& sql) {
    answerable_form(sql, actor, form_id);
    // The copy is the person's own: a caller without an account (an API token) keeps none.
    if (!actor.user_id) throw validation::Forbidden();
    store::put_autosave(sql, {form_id, *actor.user_id, fields, saved_at});
  });
  return saved_at;
}

void submit_form(db::Database& database, const Actor& actor, long long form_id,
                 long long row_version) {
  take_step(database, actor, form_id, row_version, Step::submit, "");
}

void return_form(db::Database& database, const Actor& actor, long long form_id,
                 long long row_version, const std::string& comment) {
  require_note(comment, "comment");
  take_step(database, actor, form_id, row_version, Step::return_to_lead,
            std::string(trim(comment)));
}

void approve_form(db::Database& database, const Actor& actor, long long form_id,
                  long long row_version) {
  take_step(database, actor, form_id, row_version, Step::approve, "");
}

void reopen_form(db::Database& database, const Actor& actor, long long form_id,
                 long long row_version, const std::string& reason) {
  require_note(reason, "reason");
  take_step(database, actor, form_id, row_version, Step::reopen, std::string(trim(reason)));
}

void save_chapter(db::Database& database, const Actor& actor, const Chapter& chapter) {
  auth::require_edit_all(actor);
  validation::throw_if_any(check_chapter(chapter.title, chapter.body));
  database.in_transaction([&](soci::session& sql) {
    if (!store::find_round(sql, actor.workspace_id, chapter.round_id)) {
      throw validation::NotFound();
    }
    const auto existing = store::chapters(sql, chapter.round_id);
    const auto found = std::find_if(existing.begin(), existing.end(),
                                    [&](const Chapter& item) { return item.id == chapter.id; });
    if (found == existing.end()) throw validation::NotFound();
    if (!store::update_chapter(sql, chapter)) throw validation::Conflict();
    audit::record_change(sql, actor, "update", "report_chapter", chapter.id,
                         boost::json::object{{"title", found->title}, {"body", found->body}},
                         boost::json::object{{"title", chapter.title}, {"body", chapter.body}});
  });
}

void save_summary(db::Database& database, const Actor& actor, long long form_id,
                  const std::string& summary, long long summary_version) {
  const auto text = std::string(trim(summary));
  validation::throw_if_any(check_summary(text));
  database.in_transaction([&](soci::session& sql) {
    const auto row = readable_form_row(sql, actor, form_id);
    const auto role = form_role(sql, actor, row);
    const bool lead_may = role.lead && row.form.status != FormStatus::approved;
    if (!role.coordinator && !lead_may) throw validation::Forbidden();
    if (!store::update_summary(sql, form_id, text, summary_version)) {
      throw validation::Conflict();
    }
    audit::record_change(sql, actor, "update", "report_form_summary", form_id,
                         boost::json::object{{"summary", row.form.summary}},
                         boost::json::object{{"summary", text}});
  });
}

validation::Errors check_logo(const std::string& svg) {
  Errors errors;
  if (svg.size() > kMaxLogoBytes) {
    errors.add("file", "logo_too_large", {{"max", std::to_string(kMaxLogoBytes / 1024)}});
  } else if (!svg.empty() &&
             (svg.find("<svg") == std::string::npos || !documents::Svg(svg).size())) {
    errors.add("file", "logo_not_svg");
  }
  return errors;
}

void set_logo(db::Database& database, const Actor& actor, const std::string& svg) {
  auth::require_edit_all(actor);
  validation::throw_if_any(check_logo(svg));
  database.in_transaction([&](soci::session& sql) {
    const auto before = store::workspace_look(sql, actor.workspace_id);
    store::set_workspace_logo(sql, actor.workspace_id, svg);
    audit::record_change(sql, actor, svg.empty() ? "delete" : "update", "workspace_logo",
                         actor.workspace_id, boost::json::object{{"bytes", before.logo_svg.size()}},
                         boost::json::object{{"bytes", svg.size()}});
  });
}

}  // namespace samtryg::reporting
