// The form to write a promise and to change it: its text and period, the problems it answers,
// who signs it, its measurable commitments, the initiatives and indicators behind it, and when
// the public may read it.
#include <algorithm>

#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "core/web/fields.hpp"
#include "core/web/form_page.hpp"
#include "features/indicators/queries.hpp"
#include "features/promises/commands.hpp"
#include "features/promises/page_support.hpp"
#include "features/strategy/queries.hpp"
#include "features/surveys/queries.hpp"

namespace samtryg::promises {

namespace {

using Kind = web::Field::Kind;

// Empty slots the form offers beyond those in use.
constexpr std::size_t kSpareSignatories = 1;
constexpr std::size_t kSpareCommitments = 2;
constexpr std::size_t kMaxSlots = 50;

// What was typed, kept as typed so a refused number is shown again to be corrected.
struct TypedCommitment {
  std::string label;
  std::string promised;
  std::string achieved;
};

struct PromiseForm {
  Promise promise;
  std::vector<TypedCommitment> commitments;
};

std::string amount_text(double amount, i18n::Language language) {
  const bool whole = static_cast<double>(static_cast<long long>(amount)) == amount;
  return i18n::format_number(amount, whole ? 0 : 2, language);
}

web::Field field(const Context& context, std::string name, const char* label, std::string value,
                 Kind kind = Kind::text, const char* hint = nullptr) {
  return web::Field{.name = std::move(name),
                    .label = context.text(label),
                    .value = std::move(value),
                    .kind = kind,
                    .hint = hint != nullptr ? context.text(hint) : std::string()};
}

std::string numbered(const Context& context, const char* key, std::size_t index) {
  return context.catalog().format(key, {{"number", std::to_string(index + 1)}});
}

void add_signatory_fields(const Context& context, const Promise& promise,
                          std::vector<web::Field>& fields) {
  const auto slots = promise.signatories.size() + kSpareSignatories;
  for (std::size_t index = 0; index < std::max<std::size_t>(slots, 2); ++index) {
    const auto* signatory =
        index < promise.signatories.size() ? &promise.signatories[index] : nullptr;
    const auto prefix = "signatory_" + std::to_string(index + 1) + "_";
    auto role =
        field(context, prefix + "role", "promise_signatory_role",
              signatory != nullptr ? signatory->role
                                   : std::string(kSignatoryRoles[std::min<std::size_t>(index, 1)]),
              Kind::select);
    role.label = numbered(context, "promise_signatory_role", index);
    role.options = web::coded_options(kSignatoryRoles, "promise_role_", context.catalog());
    auto name = field(context, prefix + "name", "promise_signatory_name",
                      signatory != nullptr ? signatory->name : std::string(), Kind::text,
                      index == 0 ? "promise_signatory_hint" : nullptr);
    name.label = numbered(context, "promise_signatory_name", index);
    fields.push_back(std::move(role));
    fields.push_back(std::move(name));
  }
}

void add_commitment_fields(const Context& context, const PromiseForm& f,
                           std::vector<web::Field>& fields) {
  const auto slots = f.commitments.size() + kSpareCommitments;
  for (std::size_t index = 0; index < slots; ++index) {
    const auto* typed = index < f.commitments.size() ? &f.commitments[index] : nullptr;
    const auto prefix = "commitment_" + std::to_string(index + 1) + "_";
    auto label = field(context, prefix + "label", "promise_commitment_label",
                       typed != nullptr ? typed->label : std::string(), Kind::text,
                       index == 0 ? "promise_commitment_hint" : nullptr);
    label.label = numbered(context, "promise_commitment_label", index);
    auto promised = field(context, prefix + "promised", "promise_commitment_promised",
                          typed != nullptr ? typed->promised : std::string());
    promised.label = numbered(context, "promise_commitment_promised", index);
    auto achieved = field(context, prefix + "achieved", "promise_commitment_achieved",
                          typed != nullptr ? typed->achieved : std::string());
    achieved.label = numbered(context, "promise_commitment_achieved", index);
    fields.push_back(std::move(label));
    fields.push_back(std::move(promised));
    fields.push_back(std::move(achieved));
  }
}

// The indicators a promise may point at, read on a connection of their own before the form's.
std::vector<Named> indicator_choices(const Context& context) {
  std::vector<Named> out;
  for (const auto& record : indicators::plan_indicators(context.services.database, context.actor(),
                                                        0, today_iso_utc())) {
    out.push_back({record.indicator.id, record.indicator.name});
  }
  return out;
}

bool has(const std::vector<long long>& ids, long long id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The survey questions whose results show the problem, and the activities of the initiatives
// the promise names (tick its initiatives and save to choose among their activities).
void add_evidence_fields(const Context& context, soci::session& sql, const Promise& promise,
                         std::vector<web::Field>& fields) {
  const auto actor = context.actor();
  for (const auto& question : surveys::question_choices(sql, actor)) {
    auto box = field(context, "question_" + std::to_string(question.id), "promise_questions",
                     has(promise.question_ids, question.id) ? "1" : "", Kind::checkbox);
    box.label = context.catalog().format(
        "promise_shown_by_survey", {{"question", question.text}, {"survey", question.survey_name}});
    fields.push_back(std::move(box));
  }
  bool first = true;
  for (const auto initiative_id : promise.initiative_ids) {
    for (const auto& activity :
         strategy::activities(sql, actor, {.initiative_id = initiative_id, .limit = 200})) {
      auto box = field(context, "activity_" + std::to_string(activity.id), "promise_activities",
                       has(promise.activity_ids, activity.id) ? "1" : "", Kind::checkbox,
                       first ? "promise_activities_hint" : nullptr);
      box.label = context.catalog().format("promise_delivered_by", {{"name", activity.title}});
      fields.push_back(std::move(box));
      first = false;
    }
  }
}

void add_link_fields(const Context& context, soci::session& sql, const Promise& promise,
                     const std::vector<Named>& indicator_list, std::vector<web::Field>& fields) {
  const auto actor = context.actor();
  for (const auto& theme : raised_themes(sql, actor)) {
    const auto id = theme.theme_id;
    auto box = field(context, "theme_" + std::to_string(id), "promise_themes",
                     has(promise.theme_ids, id) ? "1" : "", Kind::checkbox);
    box.label = context.catalog().format(
        "promise_answers_theme",
        {{"label", theme.label},
         {"dialogue", theme.dialogue},
         {"date", i18n::format_iso_date(theme.held_on, context.language)}});
    fields.push_back(std::move(box));
  }
  for (const auto& row : strategy::initiatives(sql, actor, {.limit = 1000})) {
    const auto id = row.initiative.id;
    auto box = field(context, "initiative_" + std::to_string(id), "promise_initiatives",
                     has(promise.initiative_ids, id) ? "1" : "", Kind::checkbox);
    box.label = context.catalog().format("promise_delivered_by", {{"name", row.initiative.name}});
    fields.push_back(std::move(box));
  }
  add_evidence_fields(context, sql, promise, fields);
  for (const auto& indicator : indicator_list) {
    const auto id = indicator.id;
    auto box = field(context, "indicator_" + std::to_string(id), "promise_indicators",
                     has(promise.indicator_ids, id) ? "1" : "", Kind::checkbox);
    box.label = context.catalog().format("promise_shown_by", {{"name", indicator.name}});
    fields.push_back(std::move(box));
  }
}

std::vector<web::Field> promise_fields(const Context& context, soci::session& sql,
                                       const PromiseForm& f,
                                       const std::vector<Named>& indicator_list) {
  const auto& p = f.promise;
  auto title = field(context, "title", "promise_title", p.title, Kind::text, "promise_title_hint");
  title.required = true;
  auto start = field(context, "period_start", "promise_period_start", p.period_start, Kind::date,
                     "date_hint");
  start.required = true;
  auto end =
      field(context, "period_end", "promise_period_end", p.period_end, Kind::date, "date_hint");
  end.required = true;
  std::string problems;
  for (const auto& problem : p.problems) problems += problem + "\n";
  std::vector<web::Field> fields{
      title,
      field(context, "body", "promise_body", p.body, Kind::markdown, "promise_body_hint"),
      start,
      end,
      field(context, "problems", "promise_problems", problems, Kind::textarea,
            "promise_problems_hint"),
  };
  add_signatory_fields(context, p, fields);
  add_commitment_fields(context, f, fields);
  add_link_fields(context, sql, p, indicator_list, fields);
  fields.push_back(field(context, "published", "promise_published_field", p.published ? "1" : "",
                         Kind::checkbox, "promise_published_hint"));
  fields.push_back(field(context, "publish_on", "promise_publish_on", p.publish_on, Kind::date,
                         "promise_publish_on_hint"));
  return fields;
}

std::optional<double> typed_amount(const std::string& text, const std::string& name,
                                   validation::Errors& errors) {
  auto cleaned = std::string(trim(text));
  if (cleaned.empty()) return std::nullopt;
  std::replace(cleaned.begin(), cleaned.end(), ',', '.');
  const auto value = parse_finite_double(cleaned);
  if (!value) errors.add(name, "promise_amount_invalid");
  return value;
}

void read_commitments(const http::Form& form, PromiseForm& f, validation::Errors& errors) {
  for (std::size_t index = 1; index <= kMaxSlots; ++index) {
    const auto prefix = "commitment_" + std::to_string(index) + "_";
    if (!form.get(prefix + "label")) break;
    TypedCommitment typed{std::string(trim(form.value(prefix + "label"))),
                          form.value(prefix + "promised"), form.value(prefix + "achieved")};
    if (typed.label.empty() && trim(typed.promised).empty() && trim(typed.achieved).empty()) {
      continue;
    }
    Commitment commitment{.label = typed.label};
    const auto promised = typed_amount(typed.promised, prefix + "promised", errors);
    if (!promised && trim(typed.promised).empty())
      errors.add(prefix + "promised", "field_required");
    commitment.promised = promised.value_or(0);
    commitment.achieved = typed_amount(typed.achieved, prefix + "achieved", errors);
    f.commitments.push_back(std::move(typed));
    f.promise.commitments.push_back(std::move(commitment));
  }
}

PromiseForm promise_from_form(Context& context, Promise promise, validation::Errors& errors) {
  const auto& form = context.form();
  PromiseForm f;
  promise.title = std::string(trim(form.value("title")));
  promise.body = form.value("body");
  promise.period_start = std::string(trim(form.value("period_start")));
  promise.period_end = std::string(trim(form.value("period_end")));
  promise.problems.clear();
  const auto problems = form.value("problems");  // split() returns views into it
  for (const auto line : split(problems, '\n')) {
    const auto problem = trim(line);
    if (!problem.empty()) promise.problems.emplace_back(problem);
  }
  promise.signatories.clear();
  for (std::size_t index = 1; index <= kMaxSlots; ++index) {
    const auto prefix = "signatory_" + std::to_string(index) + "_";
    if (!form.get(prefix + "name")) break;
    auto name = std::string(trim(form.value(prefix + "name")));
    if (name.empty()) continue;
    promise.signatories.push_back({form.value(prefix + "role"), std::move(name)});
  }
  promise.theme_ids.clear();
  promise.initiative_ids.clear();
  promise.indicator_ids.clear();
  promise.question_ids.clear();
  promise.activity_ids.clear();
  for (const auto& [name, value] : form.fields) {
    if (value != "1") continue;
    for (const auto& [prefix, ids] :
         {std::pair{std::string_view("theme_"), &promise.theme_ids},
          std::pair{std::string_view("initiative_"), &promise.initiative_ids},
          std::pair{std::string_view("indicator_"), &promise.indicator_ids},
          std::pair{std::string_view("question_"), &promise.question_ids},
          std::pair{std::string_view("activity_"), &promise.activity_ids}}) {
      if (!name.starts_with(prefix)) continue;
      if (const auto id = parse_integer(std::string_view(name).substr(prefix.size()))) {
        ids->push_back(*id);
      }
    }
  }
  promise.published = form.value("published") == "1";
  promise.publish_on = std::string(trim(form.value("publish_on")));
  if (const auto version = parse_integer(form.value("row_version"))) {
    promise.row_version = *version;
  }
  promise.commitments.clear();
  f.promise = std::move(promise);
  read_commitments(form, f, errors);
  return f;
}

PromiseForm form_of(const Promise& promise, i18n::Language language) {
  PromiseForm f;
  f.promise = promise;
  for (const auto& commitment : promise.commitments) {
    f.commitments.push_back(
        {commitment.label, amount_text(commitment.promised, language),
         commitment.achieved ? amount_text(*commitment.achieved, language) : std::string()});
  }
  return f;
}

// Errors of the lists come back as "signatories[0].name"; the form's fields are numbered.
validation::Errors form_errors(const validation::Errors& found) {
  validation::Errors out;
  for (const auto& item : found.items()) {
    auto field_name = item.field;
    for (const auto& [list, prefix] : {std::pair{std::string("signatories["), "signatory_"},
                                       std::pair{std::string("commitments["), "commitment_"}}) {
      if (!field_name.starts_with(list)) continue;
      const auto close = field_name.find(']');
      const auto index =
          parse_integer(std::string_view(field_name).substr(list.size(), close - list.size()))
              .value_or(0);
      field_name =
          std::string(prefix) + std::to_string(index + 1) + "_" + field_name.substr(close + 2);
    }
    if (field_name.starts_with("problems[")) field_name = "problems";
    out.add(field_name, item.message_key, item.values);
  }
  return out;
}

// A number the form could not read is refused together with everything else wrong, so the
// person sees every problem at once.
void throw_with_rules(const Promise& promise, const validation::Errors& typed) {
  if (typed.empty()) return;
  auto all = validate_promise(promise);
  all.add_all(typed);
  throw validation::Invalid(all);
}

Response promise_form(Context& context, const PromiseForm& f, bool is_new,
                      const validation::Errors& errors, bool conflict, int status) {
  const auto indicator_list = indicator_choices(context);
  auto sql = context.services.database.session();
  web::FormPage form;
  form.heading =
      is_new ? context.text("promise_new") : context.text("promise_edit") + ": " + f.promise.title;
  form.intro = is_new ? context.text("promise_new_intro") : std::string();
  form.action = is_new ? "/promises" : promise_path(f.promise.id) + "/edit";
  form.submit = context.text(is_new ? "form_create" : "form_save");
  form.cancel = is_new ? "/promises" : promise_path(f.promise.id);
  form.fields = promise_fields(context, sql, f, indicator_list);
  if (!is_new) {
    form.hidden = web::hidden_values({{"row_version", std::to_string(f.promise.row_version)}});
  }
  form.errors = form_errors(errors);
  form.conflict = conflict;
  form.status = status;
  form.nav = "promises";
  return web::render_form(context, form);
}

Response new_promise(Context& context) {
  PromiseForm f;
  const auto year = today_iso_utc().substr(0, 4);
  f.promise.period_start = year + "-01-01";
  f.promise.period_end = year + "-12-31";
  return promise_form(context, f, true, {}, false, 200);
}

Response create_submit(Context& context) {
  validation::Errors errors;
  auto f = promise_from_form(context, Promise{}, errors);
  return web::submit(
      [&] {
        throw_with_rules(f.promise, errors);
        const auto id = create_promise(context.services.database, context.actor(), f.promise);
        return Response::redirect(promise_path(id) + "?notice=notice_created");
      },
      [&](const validation::Errors& found, bool conflict) {
        return promise_form(context, f, true, found, conflict, 422);
      });
}

Promise current(Context& context) {
  auto sql = context.services.database.session();
  return readable_promise(sql, context.actor(), context.path_id(), today_iso_utc());
}

Response edit_promise(Context& context) {
  return promise_form(context, form_of(current(context), context.language), false, {}, false, 200);
}

Response update_submit(Context& context) {
  const auto stored = current(context);
  validation::Errors errors;
  auto f = promise_from_form(context, stored, errors);
  return web::submit(
      [&] {
        throw_with_rules(f.promise, errors);
        update_promise(context.services.database, context.actor(), f.promise);
        return Response::redirect(promise_path(f.promise.id) + "?notice=notice_saved");
      },
      [&](const validation::Errors& found, bool conflict) {
        if (conflict) {
          auto typed = f;
          typed.promise.row_version = current(context).row_version;
          return promise_form(context, typed, false, {}, true, 409);
        }
        return promise_form(context, f, false, found, false, 422);
      });
}

}  // namespace

void add_promise_form_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/promises/new", all, new_promise});
  app.add({Method::post, "/promises", all, create_submit});
  app.add({Method::get, "/promises/{id}/edit", all, edit_promise});
  app.add({Method::post, "/promises/{id}/edit", all, update_submit});
}

}  // namespace samtryg::promises
