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
#include "features/strategy/store.hpp"

namespace samtryg::reporting {

namespace {

using validation::Errors;

void require_read_all(const Actor& actor) {
  // Forms are working papers: viewers (published content only) do not see them.
  if (!actor.read_all) throw validation::NotFound();
}

boost::json::value form_summary(const Form& form) {
  return boost::json::object{{"status", code(form.status)},
                             {"revision", form.revision},
                             {"late", form.late},
                             {"comment", form.comment}};
}

i18n::Language template_language(const Template& form_template) {
  return i18n::parse_language(form_template.language).value_or(i18n::Language::da);
}

Role role_of(soci::session& sql, const Actor& actor, const FormRow& row) {
  Role role;
  role.coordinator = actor.edit_all;
  if (!actor.edit_own || !actor.user_id) return role;
  if (row.lead_user_id == actor.user_id) {
    role.lead = true;
    return role;
  }
  const auto initiative =
      strategy::store::find_initiative(sql, actor.workspace_id, row.form.initiative_id);
  if (initiative && initiative->parent_initiative_id) {
    const auto parent = strategy::store::find_initiative(sql, actor.workspace_id,
                                                         *initiative->parent_initiative_id);
    role.lead = parent && parent->lead_user_id == actor.user_id;
  }
  return role;
}

// The form whose answers the actor is about to change, loaded inside the transaction: not
// found outside the workspace, forbidden to anyone but its lead and the coordinators, and
// refused with the reason (field "form") while its status locks it for them.
FormRow answerable_form(soci::session& sql, const Actor& actor, long long form_id) {
  auto row = store::find_form(sql, actor.workspace_id, form_id);
  if (!row || !actor.read_all) throw validation::NotFound();
  const auto role = role_of(sql, actor, *row);
  if (!role.coordinator && !role.lead) throw validation::Forbidden();
  if (const auto refusal = reporting::save_refusal(row->form.status, role); !refusal.empty()) {
    Errors errors;
    errors.add("form", std::string(refusal), {{"comment", row->form.comment}});
    throw validation::Invalid(errors);
  }
  return std::move(*row);
}

// Loads the form inside the transaction, checks the step and writes it with its revision and
// audit entry.
void take_step(db::Database& database, const Actor& actor, long long form_id, long long row_version,
               Step step, const std::string& note) {
  database.in_transaction([&](soci::session& sql) {
    const auto row = store::find_form(sql, actor.workspace_id, form_id);
    if (!row || !actor.read_all) throw validation::NotFound();
    const auto role = role_of(sql, actor, *row);
    if (!role.coordinator && !role.lead) throw validation::Forbidden();
    if (row->form.row_version != row_version) throw validation::Conflict();
    const auto next = after(row->form.status, step, role);
    if (!next) {
      Errors errors;
      errors.add("form", "form_step_not_allowed",
                 {{"status", "t:form_status_" + std::string(code(row->form.status))}});
      throw validation::Invalid(errors);
    }
    const auto round = store::find_round(sql, actor.workspace_id, row->form.round_id);
    Form form = row->form;
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
                         form_summary(row->form), form_summary(form));
  });
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
        strategy::store::ActivityFilter filter;
        filter.workspace_id = actor.workspace_id;
        filter.initiative_id = form.initiative_id;
        existing = strategy::store::activities(sql, filter);
        existing_read = true;
      }
      const auto same = std::find_if(existing.begin(), existing.end(), [&](const auto& other) {
        return other.kind == activity.kind && other.title == activity.title;
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

std::string indicator_field(long long indicator_id, std::string_view field) {
  return fmt::format("iv.{}.{}", indicator_id, field);
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

  strategy::store::InitiativeFilter filter;
  filter.workspace_id = actor.workspace_id;
  filter.plan_id = plan.id;
  filter.top_level_only = true;
  const auto initiatives = strategy::store::initiatives(sql, filter);
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
  strategy::store::ActivityFilter activities;
  activities.workspace_id = actor.workspace_id;
  activities.kind = "communication";
  for (const auto& activity : strategy::store::activities(sql, activities)) {
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

}  // namespace

std::vector<long long> default_reporting_initiatives(db::Database& database, const Actor& actor,
                                                     long long plan_id) {
  auto sql = database.session();
  strategy::store::InitiativeFilter filter;
  filter.workspace_id = actor.workspace_id;
  filter.plan_id = plan_id;
  filter.top_level_only = true;
  filter.in_plan = 1;
  std::vector<long long> ids;
  for (const auto& row : strategy::store::initiatives(sql, filter)) {
    if (row.initiative.status != "proposed") ids.push_back(row.initiative.id);
  }
  return ids;
}

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
  std::vector<std::string> indicator_lines;
  for (const auto& record :
       indicators::plan_indicators(database, actor, plan.id, input.period_end)) {
    indicator_lines.push_back(fmt::format(
        "**{}**: {}", record.indicator.name,
        indicators::status_label(record.assessment.status, i18n::Catalog::get(language))));
  }
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
      const auto initiative =
          strategy::store::find_initiative(sql, actor.workspace_id, initiative_id);
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

RoundRecord readable_round(db::Database& database, const Actor& actor, long long id) {
  require_read_all(actor);
  std::optional<Round> round;
  {
    auto sql = database.session();
    round = store::find_round(sql, actor.workspace_id, id);
  }
  if (!round) throw validation::NotFound();
  RoundRecord record;
  // Its own connection: never hold two at once (the pool may have one).
  record.plan = strategy::readable_plan(database, actor, round->plan_id);
  auto sql = database.session();
  record.forms = store::round_forms(sql, round->id);
  record.chapters = store::chapters(sql, round->id);
  record.round = std::move(*round);
  return record;
}

std::vector<Round> plan_rounds(db::Database& database, const Actor& actor, long long plan_id) {
  require_read_all(actor);
  strategy::readable_plan(database, actor, plan_id);
  auto sql = database.session();
  return store::rounds(sql, actor.workspace_id, plan_id);
}

std::optional<long long> workspace_of_round(db::Database& database, long long round_id) {
  auto sql = database.session();
  return store::workspace_of_round(sql, round_id);
}

std::optional<long long> workspace_of_form(db::Database& database, long long form_id) {
  auto sql = database.session();
  return store::workspace_of_form(sql, form_id);
}

FormRecord readable_form(db::Database& database, const Actor& actor, long long id) {
  require_read_all(actor);
  auto sql = database.session();
  auto row = store::find_form(sql, actor.workspace_id, id);
  if (!row) throw validation::NotFound();
  FormRecord record;
  record.round = *store::find_round(sql, actor.workspace_id, row->form.round_id);
  record.role = role_of(sql, actor, *row);
  record.save_refusal = std::string(reporting::save_refusal(row->form.status, record.role));
  record.row = std::move(*row);
  return record;
}

void save_form(db::Database& database, const Actor& actor, long long form_id, long long row_version,
               const Content& content, const std::vector<indicators::Value>& values) {
  database.in_transaction([&](soci::session& sql) {
    const auto row = answerable_form(sql, actor, form_id);
    const auto round = store::find_round(sql, actor.workspace_id, row.form.round_id);
    auto errors = check_content(round->form_template, content);
    for (const auto& value : values) {
      const auto value_errors = indicators::check_value(sql, actor, value);
      for (const auto& error : value_errors.items()) {
        errors.add(indicator_field(value.indicator_id, error.field), error.message_key,
                   error.values);
      }
    }
    validation::throw_if_any(errors);
    if (row.form.row_version != row_version) throw validation::Conflict();
    if (actor.user_id) store::delete_autosave(sql, form_id, *actor.user_id);
    for (const auto& value : values) indicators::save_value_in(sql, actor, value);
    Form form = row.form;
    form.content = content;
    add_new_items_to_register(sql, actor, round->form_template, form);
    if (row.form.content == form.content) return;  // nothing changed: no empty revision
    form.revision += 1;
    form.updated_by = actor.author.label;
    if (!store::update_form(sql, form)) throw validation::Conflict();
    store::insert_revision(
        sql, {0, form.id, form.revision, form.status, form.content, "", actor.author.label, ""});
    audit::record_change(sql, actor, "update", "report_form", form.id, form_summary(row.form),
                         form_summary(form));
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

std::optional<Autosave> form_autosave(db::Database& database, const Actor& actor,
                                      long long form_id) {
  if (!actor.user_id) return std::nullopt;
  auto sql = database.session();
  if (!store::find_form(sql, actor.workspace_id, form_id)) return std::nullopt;
  return store::find_autosave(sql, form_id, *actor.user_id);
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

std::vector<Revision> form_revisions(db::Database& database, const Actor& actor,
                                     long long form_id) {
  readable_form(database, actor, form_id);
  auto sql = database.session();
  return store::revisions(sql, form_id);
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

std::vector<AssignedForm> my_forms(db::Database& database, const Actor& actor) {
  if (!actor.user_id) return {};
  auto sql = database.session();
  return store::forms_led_by(sql, actor.workspace_id, *actor.user_id);
}

}  // namespace samtryg::reporting
