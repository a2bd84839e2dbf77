// Reporting rounds: a plan's rounds, the new-round form, and the coordinators' board per round
// (who submitted, who is late, who was returned) with the report downloads, chapters and the
// reminder button.
#include <fmt/format.h>

#include <algorithm>

#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "core/web/fields.hpp"
#include "core/web/form_errors.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/reporting/commands.hpp"
#include "features/reporting/page_support.hpp"
#include "features/reporting/reminders.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::reporting {

namespace {

Response show_rounds(Context& context) {
  const auto actor = context.actor();
  const auto plan = strategy::readable_plan(context.services.database, actor, context.path_id());
  auto rounds = view::list();
  for (const auto& round : plan_rounds(context.services.database, actor, plan.id)) {
    view::Data item;
    item.set("id", std::to_string(round.id));
    item.set("name", round.name);
    item.set("period", period_of(context, round));
    item.set("deadline", date_text(context, round.deadline));
    rounds.push_back(item);
  }
  view::Data data;
  data.set("plan_id", std::to_string(plan.id));
  data.set("plan_name", plan.name);
  data.set("rounds", rounds);
  data.set("has_rounds", view::flag(!rounds.is_empty_list()));
  data.set("can_create", view::flag(actor.edit_all));
  data.set("notice", view::text(notice_text(context)));
  return web::render_page(
      context, kTemplates("rounds"), data,
      {.title = context.text("rounds_title") + ": " + plan.name, .nav = "plans"});
}

// The plan's top-level initiatives to tick, the chosen ones ticked.
view::Data initiative_choices(const Context& context, const strategy::Plan& plan,
                              const RoundInput& input) {
  auto sql = context.services.database.session();
  auto initiatives = view::list();
  const strategy::InitiativeFilter top_level{.plan_id = plan.id, .top_level_only = true};
  for (const auto& row : strategy::initiatives(sql, context.actor(), top_level)) {
    const auto& initiative = row.initiative;
    view::Data item;
    item.set("id", std::to_string(initiative.id));
    item.set("name", initiative.name);
    item.set("status", context.text("status_" + initiative.status));
    const bool chosen = std::find(input.initiative_ids.begin(), input.initiative_ids.end(),
                                  initiative.id) != input.initiative_ids.end();
    item.set("checked", view::flag(chosen));
    initiatives.push_back(item);
  }
  return initiatives;
}

std::vector<web::Field> round_fields(const Context& context, const strategy::Plan& plan,
                                     const RoundInput& input) {
  std::vector<web::Option> templates;
  for (const auto& candidate : builtin_templates()) {
    templates.push_back({candidate.key, candidate.name});
  }
  std::vector<web::Option> previous{{"", context.text("round_carry_none")}};
  for (const auto& round : plan_rounds(context.services.database, context.actor(), plan.id)) {
    previous.push_back({std::to_string(round.id), round.name});
  }
  const auto date = [&](const char* name, const char* label, const std::string& value) {
    return web::Field{.name = name,
                      .label = context.text(label),
                      .value = value,
                      .kind = Kind::date,
                      .required = true};
  };
  return {
      {.name = "name",
       .label = context.text("round_name"),
       .value = input.name,
       .required = true,
       .hint = context.text("round_name_hint")},
      date("period_start", "round_period_start", input.period_start),
      date("period_end", "round_period_end", input.period_end),
      date("deadline", "round_deadline", input.deadline),
      {.name = "template_key",
       .label = context.text("round_template"),
       .value = input.template_key,
       .kind = Kind::select,
       .required = true,
       .options = templates},
      {.name = "carry_forward_from",
       .label = context.text("round_carry_forward"),
       .value = input.carry_forward_from ? std::to_string(*input.carry_forward_from) : "",
       .kind = Kind::select,
       .options = previous},
  };
}

Response round_form(Context& context, const strategy::Plan& plan, const RoundInput& input,
                    const validation::Errors& errors, int status) {
  view::Data data;
  data.set("plan_id", std::to_string(plan.id));
  data.set("plan_name", plan.name);
  view::Data field_block;
  field_block.set("fields",
                  web::fields_data(round_fields(context, plan, input), errors, context.catalog()));
  data.set("field_block", field_block);
  data.set("initiatives", initiative_choices(context, plan, input));
  if (const auto* error = errors.for_field("initiatives")) {
    data.set("initiatives_error", web::error_message(*error, context.catalog()));
  }
  web::add_errors(data, errors, context.catalog());
  return web::render_page(context, kTemplates("round_new"), data,
                          {.title = context.text("rounds_new"), .status = status, .nav = "plans"});
}

Response new_round(Context& context) {
  const auto actor = context.actor();
  auth::require_edit_all(actor);
  const auto plan = strategy::readable_plan(context.services.database, actor, context.path_id());
  RoundInput input;
  input.plan_id = plan.id;
  input.template_key =
      plan.kind == "cooperation_agreement" ? "uppfoljning_sv" : "afrapportering_da";
  input.initiative_ids = default_reporting_initiatives(context.services.database, actor, plan.id);
  return round_form(context, plan, input, {}, 200);
}

Response create_round_submit(Context& context) {
  const auto actor = context.actor();
  const auto plan = strategy::readable_plan(context.services.database, actor, context.path_id());
  const auto& form = context.form();
  RoundInput input;
  input.plan_id = plan.id;
  input.name = form.value("name");
  input.period_start = std::string(trim(form.value("period_start")));
  input.period_end = std::string(trim(form.value("period_end")));
  input.deadline = std::string(trim(form.value("deadline")));
  input.template_key = form.value("template_key");
  input.carry_forward_from = parse_id(form.value("carry_forward_from"));
  for (const auto& value : form.all("initiative")) {
    if (const auto id = parse_id(value)) input.initiative_ids.push_back(*id);
  }
  // Ticking none is a choice the command would read as "the default"; here it is a mistake.
  validation::Errors errors;
  if (input.initiative_ids.empty()) errors.add("initiatives", "round_no_initiatives");
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        const auto id = create_round(context.services.database, actor, input);
        return Response::redirect("/rounds/" + std::to_string(id) + "?notice=notice_round_created");
      },
      [&](const validation::Errors& found, bool) {
        validation::Errors merged = errors;
        for (const auto& item : found.items()) {
          if (errors.for_field(item.field) == nullptr) {
            merged.add(item.field, item.message_key, item.values);
          }
        }
        return round_form(context, plan, input, merged, 422);
      });
}

// ---- the board ----------------------------------------------------------------------------

std::string reminder_label(const Context& context, const SentReminder& reminder) {
  return context.catalog().format("round_reminder_" + std::string(code(reminder.kind)),
                                  {{"date", date_text(context, reminder.sent_at)}});
}

// Every form with its state, and the round's counts: submitted, approved, returned, late.
view::Data form_rows(const Context& context, const RoundRecord& record, view::Data& data) {
  const auto& round = record.round;
  std::map<long long, std::vector<std::string>> reminders;
  for (const auto& reminder :
       sent_reminders(context.services.database, context.actor(), round.id)) {
    reminders[reminder.form_id].push_back(reminder_label(context, reminder));
  }
  const auto today = today_iso_utc();
  int submitted = 0;
  int approved = 0;
  int returned = 0;
  int late = 0;
  auto forms = view::list();
  for (const auto& row : record.forms) {
    const auto& form = row.form;
    const bool sent = form.status == FormStatus::submitted || form.status == FormStatus::approved;
    const bool overdue = !sent && today > round.deadline;
    submitted += sent ? 1 : 0;
    approved += form.status == FormStatus::approved ? 1 : 0;
    returned += form.status == FormStatus::returned ? 1 : 0;
    late += form.late || overdue ? 1 : 0;
    view::Data item;
    item.set("id", std::to_string(form.id));
    item.set("initiative", row.initiative_name);
    item.set("lead", row.lead_name);
    item.set("status", status_text(context, form.status));
    item.set("status_code", std::string(code(form.status)));
    item.set("submitted_at", view::text(sent ? date_text(context, form.submitted_at) : ""));
    item.set("late", view::flag(form.late));
    item.set("overdue", view::flag(overdue));
    item.set("comment", view::text(form.status == FormStatus::returned ? form.comment : ""));
    auto sent_list = view::list();
    for (const auto& label : reminders[form.id]) sent_list.push_back(view::Data(label));
    item.set("reminders", sent_list);
    item.set("no_address", view::flag(!row.lead_user_id && !sent));
    forms.push_back(item);
  }
  if (!context.actor().read_all) {
    // A viewer sees the forms handed in only: say so, rather than counts of a partial list.
    data.set("summary", context.catalog().format("round_summary_viewer",
                                                 {{"count", std::to_string(record.forms.size())}}));
    data.set("shows_reminders", view::flag(false));
    return forms;
  }
  data.set("shows_reminders", view::flag(true));
  data.set("summary", context.catalog().format("round_summary",
                                               {{"submitted", std::to_string(submitted)},
                                                {"total", std::to_string(record.forms.size())},
                                                {"approved", std::to_string(approved)},
                                                {"returned", std::to_string(returned)},
                                                {"late", std::to_string(late)}}));
  return forms;
}

// The reminder button, and what the last press sent and could not send.
void add_reminders(view::Data& data, const Context& context, const Actor& actor,
                   const ReminderOutcome* outcome) {
  const auto& settings = context.services.config;
  data.set("can_remind", view::flag(actor.edit_all));
  data.set("mail_configured", view::flag(!settings.smtp_url.empty()));
  data.set("reminder_rule",
           context.catalog().format("round_reminder_rule",
                                    {{"days", std::to_string(settings.reminder_days_before)}}));
  auto problems = view::list();
  if (outcome != nullptr) {
    for (const auto& failure : outcome->failures) problems.push_back(view::Data(failure));
    for (const auto& name : outcome->without_address) {
      problems.push_back(view::Data(
          context.catalog().format("round_reminder_no_address", {{"initiative", name}})));
    }
    data.set("reminders_result",
             context.catalog().format("notice_reminders_sent",
                                      {{"count", std::to_string(outcome->sent)}}));
  }
  data.set("reminder_problems", problems);
  data.set("has_reminder_problems", view::flag(!problems.is_empty_list()));
}

Response render_round(Context& context, const ReminderOutcome* outcome) {
  const auto actor = context.actor();
  const auto record = readable_round(context.services.database, actor, context.path_id());
  const auto& round = record.round;
  view::Data data;
  data.set("forms", form_rows(context, record, data));
  auto chapters = view::list();
  for (const auto& chapter : record.chapters) {
    view::Data item;
    item.set("id", std::to_string(chapter.id));
    item.set("title", chapter.title);
    chapters.push_back(item);
  }
  data.set("id", std::to_string(round.id));
  data.set("round_id", std::to_string(round.id));
  data.set("name", round.name);
  data.set("plan_id", std::to_string(record.plan.id));
  data.set("plan_name", record.plan.name);
  data.set("period", period_of(context, round));
  data.set("deadline", date_text(context, round.deadline));
  data.set("template", round.form_template.name);
  data.set("example_note", view::text(round_example_note(context, round)));
  data.set("chapters", chapters);
  data.set("formats", web::choices(std::vector<std::string>(std::begin(kReportFormats),
                                                            std::end(kReportFormats)),
                                   "format_", "", context.catalog()));
  data.set("can_edit_chapters", view::flag(actor.edit_all));
  data.set("can_publish", view::flag(actor.edit_all));
  if (!round.published_on.empty()) {
    data.set("published_on", date_text(context, round.published_on));
  }
  data.set("notice", view::text(notice_text(context)));
  add_reminders(data, context, actor, outcome);
  return web::render_page(context, kTemplates("round"), data,
                          {.title = round.name, .nav = "plans"});
}

Response show_round(Context& context) {
  return render_round(context, nullptr);
}

// Sends the reminders of this round that are due today (each only once, whoever presses).
Response send_reminders_submit(Context& context) {
  const auto actor = context.actor();
  auth::require_edit_all(actor);
  const auto record = readable_round(context.services.database, actor, context.path_id());
  const auto& settings = context.services.config;
  if (settings.smtp_url.empty()) throw validation::NotFound();
  const auto outcome = send_due_reminders(context.services.database, settings, today_iso_utc(),
                                          actor.workspace_id, record.round.id);
  if (outcome.failures.empty() && outcome.without_address.empty()) {
    return Response::redirect(fmt::format("/rounds/{}?notice=notice_reminders_sent&count={}",
                                          record.round.id, outcome.sent));
  }
  return render_round(context, &outcome);
}

// "?unanswered=1" (the compile form's checkbox) puts the unanswered fields and the template's
// guidance back into the annex; the report a council reads leaves both out.
ReportOptions report_options(const Context& context) {
  return {.unanswered = context.query("unanswered") == "1"};
}

Response download_report(Context& context) {
  return download(render_report(context.services.database, context.services.hooks, context.actor(),
                                context.path_id(), context.params.at("format"),
                                report_options(context)));
}

// The compile form on the round page: the format is a field, not a part of the path.
Response compile_report_submit(Context& context) {
  return download(render_report(context.services.database, context.services.hooks, context.actor(),
                                context.path_id(), context.query("format"),
                                report_options(context)));
}

}  // namespace

void add_round_routes(web::App& app) {
  // Viewers too: a council member reads the rounds of published plans, the forms handed in and
  // the compiled report (queries.cpp decides what each sees).
  const auto read = web::Access::needs(auth::Permission::read_published);
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/plans/{id}/rounds", read, show_rounds});
  app.add({Method::get, "/plans/{id}/rounds/new", all, new_round});
  app.add({Method::post, "/plans/{id}/rounds", all, create_round_submit});
  app.add({Method::get, "/rounds/{id}", read, show_round});
  app.add({Method::get, "/rounds/{id}/report", read, compile_report_submit});
  app.add({Method::get, "/rounds/{id}/report/{format}", read, download_report});
  app.add({Method::post, "/rounds/{id}/reminders", all, send_reminders_submit});
}

}  // namespace samtryg::reporting
