#include "features/reporting/pages.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "core/documents/document.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "core/web/api.hpp"
#include "core/web/fields.hpp"
#include "core/web/form_errors.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/indicators/commands.hpp"
#include "features/indicators/presentation.hpp"
#include "features/reporting/commands.hpp"
#include "features/reporting/reminders.hpp"
#include "features/reporting/report.hpp"
#include "features/strategy/hooks.hpp"
#include "features/strategy/store.hpp"

namespace samtryg::reporting {

namespace {

using http::Method;
using http::Response;
using web::Access;
using web::Context;
using web::Field;
using Kind = web::Field::Kind;

constexpr int kBlankItemRows = 3;

std::string template_path(std::string_view name) {
  return "src/features/reporting/templates/" + std::string(name) + ".mustache";
}

std::string t(const Context& context, std::string_view key) {
  return web::text_of(context, key);
}

std::string id_text(long long id) {
  return std::to_string(id);
}

std::string date_text(const Context& context, std::string_view iso) {
  return iso.size() >= 10 ? i18n::format_iso_date(iso.substr(0, 10), context.language)
                          : std::string(iso);
}

std::string status_text(const Context& context, FormStatus status) {
  return t(context, "form_status_" + std::string(code(status)));
}

long long row_version_of(Context& context) {
  return parse_integer(context.form().value("row_version")).value_or(0);
}

std::string notice(const Context& context) {
  return web::notice_text(
      context,
      {"notice_form_saved", "notice_form_submitted", "notice_form_returned", "notice_form_approved",
       "notice_form_reopened", "notice_round_created", "notice_saved", "notice_reminders_sent"});
}

Response download(ReportFile file) {
  return web::attachment(std::move(file.bytes), file.content_type, file.file_name);
}

// ---- rounds ---------------------------------------------------------------------------------

Response show_rounds(Context& context) {
  const auto actor = context.actor();
  const auto plan = strategy::readable_plan(context.services.database, actor, context.path_id());
  auto rounds = view::list();
  for (const auto& round : plan_rounds(context.services.database, actor, plan.id)) {
    view::Data item;
    item.set("id", id_text(round.id));
    item.set("name", round.name);
    item.set("period", fmt::format("{} – {}", date_text(context, round.period_start),
                                   date_text(context, round.period_end)));
    item.set("deadline", date_text(context, round.deadline));
    rounds.push_back(item);
  }
  view::Data data;
  data.set("plan_id", id_text(plan.id));
  data.set("plan_name", plan.name);
  data.set("rounds", rounds);
  data.set("has_rounds", view::flag(!rounds.is_empty_list()));
  data.set("can_create", view::flag(actor.edit_all));
  data.set("notice", view::text(notice(context)));
  return web::render_page(context, template_path("rounds"), data,
                          {.title = t(context, "rounds_title") + ": " + plan.name, .nav = "plans"});
}

Response round_form(Context& context, const strategy::Plan& plan, const RoundInput& input,
                    const validation::Errors& errors, int status) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  strategy::store::InitiativeFilter filter;
  filter.workspace_id = actor.workspace_id;
  filter.plan_id = plan.id;
  filter.top_level_only = true;
  auto initiatives = view::list();
  for (const auto& row : strategy::store::initiatives(sql, filter)) {
    const auto& initiative = row.initiative;
    view::Data item;
    item.set("id", id_text(initiative.id));
    item.set("name", initiative.name);
    item.set("status", t(context, "status_" + initiative.status));
    const bool chosen = std::find(input.initiative_ids.begin(), input.initiative_ids.end(),
                                  initiative.id) != input.initiative_ids.end();
    item.set("checked", view::flag(chosen));
    initiatives.push_back(item);
  }
  std::vector<web::Option> templates;
  for (const auto& candidate : builtin_templates()) {
    templates.push_back({candidate.key, candidate.name});
  }
  std::vector<web::Option> previous{{"", t(context, "round_carry_none")}};
  for (const auto& round : store::rounds(sql, actor.workspace_id, plan.id)) {
    previous.push_back({id_text(round.id), round.name});
  }
  const std::vector<Field> fields = {
      {"name",
       t(context, "round_name"),
       input.name,
       Kind::text,
       true,
       t(context, "round_name_hint"),
       {},
       4},
      {"period_start",
       t(context, "round_period_start"),
       input.period_start,
       Kind::date,
       true,
       {},
       {},
       4},
      {"period_end", t(context, "round_period_end"), input.period_end, Kind::date, true, {}, {}, 4},
      {"deadline", t(context, "round_deadline"), input.deadline, Kind::date, true, {}, {}, 4},
      {"template_key",
       t(context, "round_template"),
       input.template_key,
       Kind::select,
       true,
       {},
       templates,
       4},
      {"carry_forward_from",
       t(context, "round_carry_forward"),
       input.carry_forward_from ? id_text(*input.carry_forward_from) : std::string(),
       Kind::select,
       false,
       {},
       previous,
       4},
  };
  view::Data data;
  data.set("plan_id", id_text(plan.id));
  data.set("plan_name", plan.name);
  view::Data field_block;
  field_block.set("fields", web::fields_data(fields, errors, context.catalog()));
  data.set("field_block", field_block);
  data.set("initiatives", initiatives);
  if (const auto* error = errors.for_field("initiatives")) {
    data.set("initiatives_error", web::error_message(*error, context.catalog()));
  }
  web::add_errors(data, errors, context.catalog());
  return web::render_page(context, template_path("round_new"), data,
                          {.title = t(context, "rounds_new"), .status = status, .nav = "plans"});
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
  if (const auto previous = parse_id(form.value("carry_forward_from"))) {
    input.carry_forward_from = previous;
  }
  validation::Errors errors;
  for (const auto& value : form.all("initiative")) {
    if (const auto id = parse_id(value)) input.initiative_ids.push_back(*id);
  }
  if (input.initiative_ids.empty()) errors.add("initiatives", "round_no_initiatives");
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        const auto id = create_round(context.services.database, actor, input);
        return Response::redirect("/rounds/" + id_text(id) + "?notice=notice_round_created");
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

std::string reminder_label(const Context& context, const SentReminder& reminder) {
  return context.catalog().format("round_reminder_" + std::string(code(reminder.kind)),
                                  {{"date", date_text(context, reminder.sent_at)}});
}

Response render_round(Context& context, const ReminderOutcome* outcome) {
  const auto actor = context.actor();
  const auto record = readable_round(context.services.database, actor, context.path_id());
  const auto& round = record.round;
  const auto today = today_iso_utc();
  std::map<long long, std::vector<std::string>> reminders;
  {
    auto sql = context.services.database.session();
    for (const auto& reminder : store::sent_reminders(sql, actor.workspace_id, round.id)) {
      reminders[reminder.form_id].push_back(reminder_label(context, reminder));
    }
  }
  auto forms = view::list();
  int submitted = 0;
  int approved = 0;
  int returned = 0;
  int late = 0;
  for (const auto& row : record.forms) {
    const auto& form = row.form;
    const bool sent = form.status == FormStatus::submitted || form.status == FormStatus::approved;
    const bool overdue = !sent && today > round.deadline;
    submitted += sent ? 1 : 0;
    approved += form.status == FormStatus::approved ? 1 : 0;
    returned += form.status == FormStatus::returned ? 1 : 0;
    late += form.late || overdue ? 1 : 0;
    view::Data item;
    item.set("id", id_text(form.id));
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
  auto chapters = view::list();
  for (const auto& chapter : record.chapters) {
    view::Data item;
    item.set("id", id_text(chapter.id));
    item.set("title", chapter.title);
    chapters.push_back(item);
  }
  auto formats = view::list();
  for (const auto format : kReportFormats) {
    view::Data item;
    item.set("code", std::string(format));
    item.set("label", t(context, "format_" + std::string(format)));
    formats.push_back(item);
  }
  view::Data data;
  data.set("id", id_text(round.id));
  data.set("round_id", id_text(round.id));
  data.set("name", round.name);
  data.set("plan_id", id_text(record.plan.id));
  data.set("plan_name", record.plan.name);
  data.set("period", fmt::format("{} – {}", date_text(context, round.period_start),
                                 date_text(context, round.period_end)));
  data.set("deadline", date_text(context, round.deadline));
  data.set("template", round.form_template.name);
  data.set("forms", forms);
  data.set("summary", context.catalog().format("round_summary",
                                               {{"submitted", std::to_string(submitted)},
                                                {"total", std::to_string(record.forms.size())},
                                                {"approved", std::to_string(approved)},
                                                {"returned", std::to_string(returned)},
                                                {"late", std::to_string(late)}}));
  data.set("chapters", chapters);
  data.set("formats", formats);
  data.set("can_edit_chapters", view::flag(actor.edit_all));
  data.set("notice", view::text(notice(context)));
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
  return web::render_page(context, template_path("round"), data,
                          {.title = round.name, .nav = "plans"});
}

Response show_round(Context& context) {
  return render_round(context, nullptr);
}

// ---- the workspace's logo ------------------------------------------------------------------

Response logo_form(Context& context, const validation::Errors& errors, int status) {
  std::string current;
  {
    auto sql = context.services.database.session();
    current = store::workspace_look(sql, context.workspace().id).logo_svg;
  }
  web::FormPage form;
  form.heading = t(context, "logo_title");
  form.intro = context.catalog().format(
      current.empty() ? "logo_intro_none" : "logo_intro_current",
      {{"max", std::to_string(kMaxLogoBytes / 1024)}, {"bytes", std::to_string(current.size())}});
  form.action = "/workspace/logo";
  form.submit = t(context, "logo_save");
  form.cancel = "/";
  form.multipart = true;
  form.nav = "admin";
  form.fields = {{"file",
                  t(context, "logo_file"),
                  "",
                  Kind::file,
                  false,
                  t(context, "logo_file_hint"),
                  {},
                  4}};
  if (!current.empty()) {
    form.fields.push_back(
        {"remove", t(context, "logo_remove"), "", Kind::checkbox, false, {}, {}, 4});
  }
  form.errors = errors;
  form.status = status;
  return web::render_form(context, form);
}

Response show_logo_form(Context& context) {
  auth::require_edit_all(context.actor());
  return logo_form(context, {}, 200);
}

Response save_logo_submit(Context& context) {
  const auto actor = context.actor();
  const auto* file = context.form().file("file");
  const bool remove = context.form().value("remove") == "1";
  if (!remove && (file == nullptr || file->bytes.empty())) {
    validation::Errors errors;
    errors.add("file", "logo_missing");
    return logo_form(context, errors, 422);
  }
  try {
    set_logo(context.services.database, actor, remove ? std::string() : file->bytes);
  } catch (const validation::Invalid& invalid) {
    return logo_form(context, invalid.errors, 422);
  }
  return Response::redirect("/workspace/logo?notice=notice_saved");
}

// The logo as an image for the preview; an uploaded SVG never runs scripts (served for <img>
// with a CSP that allows nothing).
Response logo_image(Context& context) {
  std::string svg;
  {
    auto sql = context.services.database.session();
    svg = store::workspace_look(sql, context.workspace().id).logo_svg;
  }
  if (svg.empty()) throw validation::NotFound();
  auto response = Response::html(svg);
  response.header("Content-Type", "image/svg+xml");
  response.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
  response.header("Cache-Control", "private, no-cache");
  return response;
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

Response download_report(Context& context) {
  const auto actor = context.actor();
  return download(render_report(context.services.database, actor, context.path_id(),
                                context.params.at("format")));
}

// ---- chapters -------------------------------------------------------------------------------

Response chapter_form(Context& context, const RoundRecord& record, const Chapter& chapter,
                      const validation::Errors& errors, bool conflict) {
  web::FormPage page;
  page.heading = t(context, "round_chapter_edit") + ": " + chapter.title;
  page.action = fmt::format("/rounds/{}/chapters/{}/edit", record.round.id, chapter.id);
  page.submit = t(context, "form_save");
  page.cancel = "/rounds/" + id_text(record.round.id);
  page.fields = {
      {"title", t(context, "chapter_title"), chapter.title, Kind::text, true, {}, {}, 4},
      {"body",
       t(context, "chapter_body"),
       chapter.body,
       Kind::textarea,
       false,
       t(context, "chapter_body_hint"),
       {},
       18},
  };
  page.hidden = web::hidden_values({{"row_version", std::to_string(chapter.row_version)}});
  page.errors = errors;
  page.conflict = conflict;
  page.status = conflict ? 409 : (errors.empty() ? 200 : 422);
  return web::render_form(context, page);
}

Chapter find_chapter(const RoundRecord& record, long long id) {
  for (const auto& chapter : record.chapters) {
    if (chapter.id == id) return chapter;
  }
  throw validation::NotFound();
}

Response edit_chapter(Context& context) {
  const auto actor = context.actor();
  auth::require_edit_all(actor);
  const auto record = readable_round(context.services.database, actor, context.path_id());
  return chapter_form(context, record, find_chapter(record, context.path_id("chapter")), {}, false);
}

Response save_chapter_submit(Context& context) {
  const auto actor = context.actor();
  const auto record = readable_round(context.services.database, actor, context.path_id());
  auto chapter = find_chapter(record, context.path_id("chapter"));
  chapter.title = context.form().value("title");
  chapter.body = context.form().value("body");
  chapter.row_version = row_version_of(context);
  return web::submit(
      [&] {
        save_chapter(context.services.database, actor, chapter);
        return Response::redirect("/rounds/" + id_text(record.round.id) + "?notice=notice_saved");
      },
      [&](const validation::Errors& errors, bool conflict) {
        return chapter_form(context, record, chapter, errors, conflict);
      });
}

// ---- the form -------------------------------------------------------------------------------

std::string field_error(const Context& context, const validation::Errors& errors,
                        const std::string& field) {
  const auto* error = errors.for_field(field);
  return error == nullptr ? std::string() : web::error_message(*error, context.catalog());
}

std::vector<strategy::Activity> register_activities(Context& context, long long initiative_id,
                                                    const std::string& kind) {
  auto sql = context.services.database.session();
  strategy::store::ActivityFilter filter;
  filter.workspace_id = context.workspace().id;
  filter.initiative_id = initiative_id;
  filter.kind = kind;
  return strategy::store::activities(sql, filter);
}

view::Data item_data(const Context& context, const Section& section, std::size_t index,
                     const Item& item, const validation::Errors& errors) {
  const auto prefix = fmt::format("s.{}.{}", section.key, index);
  view::Data data;
  data.set("prefix", prefix);
  data.set("number", std::to_string(index + 1));
  data.set("text", item.text);
  data.set("when", item.when);
  data.set("link", item.link);
  data.set("activity", item.activity_id ? id_text(*item.activity_id) : std::string());
  auto statuses = view::list();
  for (const auto status : kItemStatuses) {
    view::Data option;
    option.set("code", std::string(status));
    option.set("label", t(context, "item_status_" + std::string(status)));
    option.set("selected", view::flag(item.status == status));
    statuses.push_back(option);
  }
  data.set("statuses", statuses);
  for (const auto part : {"text", "status", "when", "link"}) {
    data.set(std::string("error_") + part,
             view::text(field_error(context, errors, prefix + "." + part)));
  }
  data.set("status_label", t(context, "item_status_" + item.status));
  data.set("when_label", item.when);
  return data;
}

// What was typed into the measurement section's value fields, kept when the page comes back
// with errors.
struct TypedValue {
  std::string period;
  std::string value;
  std::string numerator;
  std::string denominator;
  std::string note;
};
using TypedValues = std::map<long long, TypedValue>;

std::string value_prefix(long long indicator_id) {
  return fmt::format("iv.{}.", indicator_id);
}

// The plan's indicators that follow up the form's initiative, for its measurement section.
std::vector<indicators::IndicatorRecord> form_indicators(Context& context,
                                                         const FormRecord& record) {
  return indicators::following_up(
      indicators::plan_indicators(context.services.database, context.actor(), record.round.plan_id,
                                  today_iso_utc()),
      record.row.form.initiative_id);
}

view::Data indicator_data(const Context& context, const FormRecord& record,
                          const indicators::IndicatorRecord& linked, const TypedValues& typed,
                          const validation::Errors& errors) {
  const auto& indicator = linked.indicator;
  const auto& catalog = context.catalog();
  const auto& round = record.round;
  view::Data data;
  data.set("id", id_text(indicator.id));
  data.set("name", indicator.name);
  const auto line = indicator_line(linked, round, catalog, context.language);
  data.set("target", line.target);
  data.set("status", line.status);
  data.set("status_code", line.status_code);
  data.set("reported", line.reported);
  const auto prefix = value_prefix(indicator.id);
  data.set("prefix", prefix);
  const auto found = typed.find(indicator.id);
  TypedValue entry = found == typed.end() ? TypedValue{} : found->second;
  if (found == typed.end()) {
    entry.period = indicators::suggested_period(indicator, round.period_start, round.period_end);
  }
  data.set("period", entry.period);
  data.set("value", entry.value);
  data.set("numerator", entry.numerator);
  data.set("denominator", entry.denominator);
  data.set("note", entry.note);
  data.set("is_ratio", view::flag(indicator.unit == "ratio"));
  data.set("is_yes_no", view::flag(indicator.unit == "yes_no"));
  data.set("is_figure", view::flag(indicator.unit != "ratio" && indicator.unit != "yes_no"));
  data.set("is_event", view::flag(indicator.frequency == "event"));
  data.set("yes", view::flag(entry.value == "1"));
  data.set("no", view::flag(entry.value == "0"));
  data.set("period_hint", context.catalog().format(
                              "indicator_period_hint",
                              {{"frequency", t(context, "frequency_" + indicator.frequency)}}));
  for (const auto* part : {"period", "value", "numerator", "denominator", "note"}) {
    data.set(std::string("error_") + part, view::text(field_error(context, errors, prefix + part)));
  }
  return data;
}

view::Data form_data(Context& context, const FormRecord& record, const Content& content,
                     const validation::Errors& errors, bool editable,
                     const TypedValues& typed = {}) {
  const auto& form_template = record.round.form_template;
  auto sections = view::list();
  // Read once, and only when the template has a section that shows them.
  std::optional<std::vector<indicators::IndicatorRecord>> linked_records;
  const auto linked_indicators = [&]() -> const std::vector<indicators::IndicatorRecord>& {
    if (!linked_records) linked_records = form_indicators(context, record);
    return *linked_records;
  };
  const auto add_section = [&](const Section& section, const Answer* answer) {
    view::Data data;
    data.set("key", section.key);
    data.set("title", section.title);
    data.set("guidance", view::text(section.guidance));
    data.set("is_items", view::flag(section.kind == SectionKind::items ||
                                    (answer != nullptr && !answer->items.empty())));
    data.set("is_text", view::flag(section.kind == SectionKind::text ||
                                   (answer != nullptr && !answer->text.empty())));
    data.set("is_questions", view::flag(section.kind == SectionKind::questions));
    auto items = view::list();
    std::size_t index = 0;
    if (answer != nullptr) {
      for (const auto& item : answer->items) {
        items.push_back(item_data(context, section, index++, item, errors));
      }
    }
    data.set("has_items", view::flag(index > 0));
    if (editable && section.kind == SectionKind::items) {
      for (int blank = 0; blank < kBlankItemRows; ++blank) {
        items.push_back(item_data(context, section, index++, Item{}, errors));
      }
      auto picks = view::list();
      if (!section.activity_kind.empty()) {
        for (const auto& activity :
             register_activities(context, record.row.form.initiative_id, section.activity_kind)) {
          view::Data option;
          option.set("id", id_text(activity.id));
          option.set("title", activity.title);
          picks.push_back(option);
        }
      }
      data.set("has_picks", view::flag(!picks.is_empty_list()));
      data.set("picks", picks);
    }
    data.set("items", items);
    const auto text = answer != nullptr ? answer->text : std::string();
    const auto length = validation::utf8_length(text);
    data.set("text", text);
    data.set("text_html", documents::markdown_html(text));
    data.set("has_text", view::flag(!text.empty()));
    data.set("limit", std::to_string(section.limit));
    data.set("limit_hint",
             context.catalog().format("form_limit_hint", {{"max", std::to_string(section.limit)}}));
    const auto left = static_cast<long long>(section.limit) - static_cast<long long>(length);
    data.set("chars_left",
             context.catalog().format("form_chars_left", {{"left", std::to_string(left)},
                                                          {"max", std::to_string(section.limit)}}));
    data.set("error_text",
             view::text(field_error(context, errors, fmt::format("s.{}.text", section.key))));
    auto questions = view::list();
    for (const auto& question : section.questions) {
      const std::string answer_value = answer != nullptr && answer->answers.contains(question.key)
                                           ? answer->answers.at(question.key)
                                           : std::string();
      const std::string comment = answer != nullptr && answer->comments.contains(question.key)
                                      ? answer->comments.at(question.key)
                                      : std::string();
      view::Data item;
      item.set("name", fmt::format("s.{}.q.{}", section.key, question.key));
      item.set("comment_name", fmt::format("s.{}.c.{}", section.key, question.key));
      item.set("text", question.text);
      item.set("yes", view::flag(answer_value == "yes"));
      item.set("no", view::flag(answer_value == "no"));
      item.set("none", view::flag(answer_value.empty()));
      item.set("answer", answer_value.empty() ? t(context, "form_answer_none")
                                              : t(context, "answer_" + answer_value));
      item.set("comment", comment);
      questions.push_back(item);
    }
    data.set("questions", questions);
    auto linked_list = view::list();
    if (section.indicators) {
      for (const auto& linked : linked_indicators()) {
        linked_list.push_back(indicator_data(context, record, linked, typed, errors));
      }
    }
    data.set("is_indicators", view::flag(section.indicators));
    data.set("has_indicators", view::flag(!linked_list.is_empty_list()));
    data.set("indicators", linked_list);
    sections.push_back(data);
  };
  for (const auto& section : form_template.sections) {
    add_section(section, content.answer(section.key));
  }
  // Answers to sections the template no longer has stay readable.
  for (const auto& answer : content.answers) {
    if (form_template.section(answer.section) != nullptr) continue;
    Section old;
    old.key = answer.section;
    old.title = answer.title.empty() ? answer.section : answer.title;
    old.kind = answer.items.empty() ? SectionKind::text : SectionKind::items;
    add_section(old, &answer);
  }
  view::Data data;
  data.set("sections", sections);
  return data;
}

// What the page says about the person's unsaved copy on the server.
struct AutosaveState {
  bool restored = false;     // the fields shown are the unsaved copy
  std::string autosaved_at;  // when the copy was sent; empty: there is none
};

Response render_form_page(Context& context, const FormRecord& record, const Content& content,
                          const validation::Errors& errors, bool conflict, int status,
                          const TypedValues& typed = {}, const AutosaveState& autosave = {}) {
  const auto& row = record.row;
  const auto& form = row.form;
  const bool editable = record.save_refusal.empty();
  auto data = form_data(context, record, content, errors, editable, typed);
  data.set("id", id_text(form.id));
  data.set("round_id", id_text(record.round.id));
  data.set("round_name", record.round.name);
  data.set("initiative", row.initiative_name);
  data.set("initiative_id", id_text(form.initiative_id));
  data.set("title", context.catalog().format("form_title", {{"initiative", row.initiative_name}}));
  data.set("deadline",
           context.catalog().format("form_deadline",
                                    {{"deadline", date_text(context, record.round.deadline)}}));
  data.set("status", status_text(context, form.status));
  data.set("status_code", std::string(code(form.status)));
  data.set("late", view::flag(form.late));
  data.set("row_version", std::to_string(form.row_version));
  data.set("revision", std::to_string(form.revision));
  data.set("editable", view::flag(editable));
  data.set("locked_reason", view::text(editable ? "" : t(context, record.save_refusal)));
  data.set("returned_comment", view::text(form.status == FormStatus::returned ? form.comment : ""));
  const auto& role = record.role;
  data.set("can_submit", view::flag(after(form.status, Step::submit, role).has_value()));
  data.set("can_return", view::flag(after(form.status, Step::return_to_lead, role).has_value()));
  data.set("can_approve", view::flag(after(form.status, Step::approve, role).has_value()));
  data.set("can_reopen", view::flag(after(form.status, Step::reopen, role).has_value()));
  data.set("conflict", view::flag(conflict));
  const auto autosaved =
      autosave.autosaved_at.empty()
          ? std::string()
          : fmt::format("{} {}", date_text(context, autosave.autosaved_at),
                        i18n::format_iso_time(autosave.autosaved_at, context.language));
  data.set("autosave_restored",
           view::text(autosave.restored ? context.catalog().format("form_autosave_restored",
                                                                   {{"when", autosaved}})
                                        : std::string()));
  data.set("autosave_offer",
           view::text(!autosave.restored && !autosaved.empty()
                          ? context.catalog().format("form_autosave_offer", {{"when", autosaved}})
                          : std::string()));
  data.set("notice", view::text(notice(context)));
  for (const auto* part : {"comment", "reason", "form"}) {
    data.set(std::string("error_") + part, view::text(field_error(context, errors, part)));
  }
  auto formats = view::list();
  for (const auto format : {"pdf", "docx", "html"}) {
    view::Data item;
    item.set("code", std::string(format));
    item.set("label", t(context, "format_" + std::string(format)));
    formats.push_back(item);
  }
  data.set("formats", formats);
  web::add_errors(data, errors, context.catalog());
  return web::render_page(
      context, template_path("form"), data,
      {.title = row.initiative_name + " · " + record.round.name, .status = status, .nav = "plans"});
}

std::string item_status_of(const strategy::Activity& activity) {
  for (const auto status : kItemStatuses) {
    if (activity.status == status) return activity.status;
  }
  return "planned";
}

// The answers as the form's fields give them: blank item rows and removed items dropped, an
// activity picked from the register appended.
Content content_from_form(Context& context, const http::Form& form, const FormRecord& record) {
  Content content;
  for (const auto& section : record.round.form_template.sections) {
    Answer answer;
    answer.section = section.key;
    answer.title = section.title;
    switch (section.kind) {
      case SectionKind::items: {
        for (int index = 0;; ++index) {
          const auto prefix = fmt::format("s.{}.{}.", section.key, index);
          if (!form.get(prefix + "text")) break;
          Item item;
          item.text = std::string(trim(form.value(prefix + "text")));
          item.status = form.value(prefix + "status", "planned");
          item.when = std::string(trim(form.value(prefix + "when")));
          item.link = std::string(trim(form.value(prefix + "link")));
          item.activity_id = parse_id(form.value(prefix + "activity"));
          const bool blank = item.text.empty() && item.when.empty() && item.link.empty();
          if (blank || !form.value(prefix + "remove").empty()) continue;
          answer.items.push_back(std::move(item));
        }
        if (const auto picked = parse_id(form.value(fmt::format("s.{}.pick", section.key)))) {
          for (const auto& activity :
               register_activities(context, record.row.form.initiative_id, section.activity_kind)) {
            if (activity.id != *picked) continue;
            Item item;
            item.text = activity.title;
            item.status = item_status_of(activity);
            item.when = activity.status == "done" ? activity.done_when : activity.planned_when;
            if (item.when == "ongoing") item.when.clear();
            const auto links = split(activity.links, '\n');
            if (!links.empty()) item.link = std::string(trim(links.front()));
            item.activity_id = activity.id;
            answer.items.push_back(std::move(item));
          }
        }
        break;
      }
      case SectionKind::text:
        answer.text = form.value(fmt::format("s.{}.text", section.key));
        // Browsers send CRLF; the limit counts what the person typed.
        answer.text.erase(std::remove(answer.text.begin(), answer.text.end(), '\r'),
                          answer.text.end());
        break;
      case SectionKind::questions:
        for (const auto& question : section.questions) {
          const auto value = form.value(fmt::format("s.{}.q.{}", section.key, question.key));
          if (!value.empty()) answer.answers[question.key] = value;
          const auto comment =
              std::string(trim(form.value(fmt::format("s.{}.c.{}", section.key, question.key))));
          if (!comment.empty()) answer.comments[question.key] = comment;
        }
        break;
    }
    const bool empty = answer.items.empty() && answer.text.empty() && answer.answers.empty() &&
                       answer.comments.empty();
    if (!empty) content.answers.push_back(std::move(answer));
  }
  // Answers to sections an older template had are kept as they were.
  for (const auto& answer : record.row.form.content.answers) {
    if (record.round.form_template.section(answer.section) == nullptr) {
      content.answers.push_back(answer);
    }
  }
  return content;
}

// The values typed into the measurement section: a row left without a figure is skipped, and
// a figure that is not a number is reported under its field.
std::vector<indicators::Value> values_from_form(Context& context, const http::Form& form,
                                                const FormRecord& record, TypedValues& typed,
                                                validation::Errors& errors) {
  std::vector<indicators::Value> values;
  const bool has_section = std::any_of(record.round.form_template.sections.begin(),
                                       record.round.form_template.sections.end(),
                                       [](const Section& section) { return section.indicators; });
  if (!has_section) return values;
  for (const auto& linked : form_indicators(context, record)) {
    const auto& indicator = linked.indicator;
    const auto prefix = value_prefix(indicator.id);
    if (!form.get(prefix + "period")) continue;
    TypedValue entry{std::string(trim(form.value(prefix + "period"))),
                     std::string(trim(form.value(prefix + "value"))),
                     std::string(trim(form.value(prefix + "numerator"))),
                     std::string(trim(form.value(prefix + "denominator"))),
                     std::string(trim(form.value(prefix + "note")))};
    typed[indicator.id] = entry;
    if (entry.value.empty() && entry.numerator.empty() && entry.denominator.empty()) continue;
    indicators::Value value;
    value.indicator_id = indicator.id;
    value.period = entry.period;
    value.note = entry.note;
    if (indicator.unit == "ratio") {
      value.numerator =
          indicators::parse_typed_figure(entry.numerator, prefix + "numerator", errors);
      value.denominator =
          indicators::parse_typed_figure(entry.denominator, prefix + "denominator", errors);
    } else {
      value.value = indicators::parse_typed_figure(entry.value, prefix + "value", errors);
    }
    values.push_back(std::move(value));
  }
  return values;
}

Response show_form(Context& context) {
  const auto actor = context.actor();
  auto& database = context.services.database;
  auto record = readable_form(database, actor, context.path_id());
  const auto autosave = record.save_refusal.empty()
                            ? form_autosave(database, actor, record.row.form.id)
                            : std::nullopt;
  if (autosave && context.query("restore") == "autosave") {
    // The unsaved fields go back into the page as they were typed; nothing is saved until the
    // person saves. The row version they were typed against comes back too, so saving over
    // someone else's later save is caught as a conflict.
    const auto fields = http::parse_urlencoded(autosave->fields);
    TypedValues typed;
    validation::Errors ignored;
    values_from_form(context, fields, record, typed, ignored);
    const auto content = content_from_form(context, fields, record);
    if (const auto version = parse_integer(fields.value("row_version"))) {
      record.row.form.row_version = *version;
    }
    return render_form_page(context, record, content, {}, false, 200, typed,
                            {.restored = true, .autosaved_at = autosave->saved_at});
  }
  return render_form_page(context, record, record.row.form.content, {}, false, 200, {},
                          {.autosaved_at = autosave ? autosave->saved_at : std::string()});
}

// The page's script sends the form's fields here a few seconds after each change.
Response autosave_submit(Context& context) {
  std::string fields;
  for (const auto& [name, value] : context.form().fields) {
    if (name == web::kCsrfField || name == "intent") continue;
    fields += fields.empty() ? "" : "&";
    fields += web::url_encode(name) + "=" + web::url_encode(value);
  }
  std::string saved_at;
  try {
    saved_at = autosave_form(context.services.database, context.actor(), context.path_id(), fields);
  } catch (const validation::Invalid& invalid) {
    return web::json_error(context, 422, "form_autosave_refused", &invalid.errors);
  }
  return web::json_response(boost::json::object{
      {"saved_at", saved_at},
      {"message",
       context.catalog().format("form_autosaved",
                                {{"time", i18n::format_iso_time(saved_at, context.language)}})}});
}

Response save_form_submit(Context& context) {
  const auto actor = context.actor();
  auto& database = context.services.database;
  const auto record = readable_form(database, actor, context.path_id());
  const auto content = content_from_form(context, context.form(), record);
  TypedValues typed;
  validation::Errors figure_errors;
  const auto values = values_from_form(context, context.form(), record, typed, figure_errors);
  const auto row_version = row_version_of(context);
  const bool and_submit = context.form().value("intent") == "submit";
  return web::submit(
      [&] {
        if (!figure_errors.empty()) {
          // Report the answers' problems together with the figures that did not parse.
          auto errors = check_content(record.round.form_template, content);
          for (const auto& error : figure_errors.items()) {
            errors.add(error.field, error.message_key, error.values);
          }
          throw validation::Invalid(errors);
        }
        save_form(database, actor, record.row.form.id, row_version, content, values);
        std::string notice_key = "notice_form_saved";
        if (and_submit) {
          const auto saved = readable_form(database, actor, record.row.form.id);
          submit_form(database, actor, saved.row.form.id, saved.row.form.row_version);
          notice_key = "notice_form_submitted";
        }
        return Response::redirect(
            fmt::format("/forms/{}?notice={}", record.row.form.id, notice_key));
      },
      [&](const validation::Errors& errors, bool conflict) {
        const auto fresh = readable_form(database, actor, record.row.form.id);
        return render_form_page(context, fresh, content, errors, conflict, conflict ? 409 : 422,
                                typed);
      });
}

template <class Step>
Response step_submit(Context& context, Step&& step, std::string_view notice_key) {
  const auto actor = context.actor();
  auto& database = context.services.database;
  const auto id = context.path_id();
  const auto row_version = row_version_of(context);
  return web::submit(
      [&] {
        step(database, actor, id, row_version);
        return Response::redirect(fmt::format("/forms/{}?notice={}", id, notice_key));
      },
      [&](const validation::Errors& errors, bool conflict) {
        const auto record = readable_form(database, actor, id);
        return render_form_page(context, record, record.row.form.content, errors, conflict,
                                conflict ? 409 : 422);
      });
}

Response submit_submit(Context& context) {
  return step_submit(context, submit_form, "notice_form_submitted");
}

Response return_submit(Context& context) {
  const auto comment = context.form().value("comment");
  return step_submit(
      context,
      [&](db::Database& database, const Actor& actor, long long id, long long row_version) {
        return_form(database, actor, id, row_version, comment);
      },
      "notice_form_returned");
}

Response approve_submit(Context& context) {
  return step_submit(context, approve_form, "notice_form_approved");
}

Response reopen_submit(Context& context) {
  const auto reason = context.form().value("reason");
  return step_submit(
      context,
      [&](db::Database& database, const Actor& actor, long long id, long long row_version) {
        reopen_form(database, actor, id, row_version, reason);
      },
      "notice_form_reopened");
}

Response download_form(Context& context) {
  return download(render_form(context.services.database, context.actor(), context.path_id(),
                              context.params.at("format")));
}

// ---- revisions ------------------------------------------------------------------------------

Response show_revisions(Context& context) {
  const auto actor = context.actor();
  auto& database = context.services.database;
  const auto record = readable_form(database, actor, context.path_id());
  const auto revisions = form_revisions(database, actor, record.row.form.id);
  auto list = view::list();
  for (const auto& revision : revisions) {
    view::Data item;
    item.set("number", std::to_string(revision.revision));
    item.set("status", status_text(context, revision.status));
    item.set("saved_at", revision.saved_at.substr(0, 16));
    item.set("saved_by", revision.saved_by);
    item.set("note", view::text(revision.note));
    list.push_back(item);
  }
  view::Data data;
  data.set("id", id_text(record.row.form.id));
  data.set("initiative", record.row.initiative_name);
  data.set("round_name", record.round.name);
  data.set("revisions", list);
  const auto find = [&](std::string_view text) -> const Revision* {
    const auto number = parse_integer(text);
    for (const auto& revision : revisions) {
      if (number && revision.revision == *number) return &revision;
    }
    return nullptr;
  };
  const auto* left = find(context.query("a"));
  const auto* right = find(context.query("b"));
  if (!revisions.empty()) {
    data.set("a", std::to_string(left ? left->revision : revisions.front().revision));
    data.set("b", std::to_string(right ? right->revision : revisions.back().revision));
  }
  if (left != nullptr && right != nullptr) {
    const auto left_data = form_data(context, record, left->content, {}, false);
    const auto right_data = form_data(context, record, right->content, {}, false);
    auto rows = view::list();
    const auto changes = compare(record.round.form_template, left->content, right->content);
    const auto& left_sections = left_data.get("sections")->list_value();
    const auto& right_sections = right_data.get("sections")->list_value();
    for (std::size_t index = 0; index < changes.size(); ++index) {
      view::Data row;
      row.set("title", changes[index].title);
      row.set("changed", view::flag(changes[index].changed));
      if (index < left_sections.size()) row.set("left", left_sections[index]);
      if (index < right_sections.size()) row.set("right", right_sections[index]);
      rows.push_back(row);
    }
    data.set("compare", view::flag(true));
    data.set("compare_title", context.catalog().format("form_compare_title",
                                                       {{"a", std::to_string(left->revision)},
                                                        {"b", std::to_string(right->revision)}}));
    data.set("rows", rows);
  }
  return web::render_page(
      context, template_path("revisions"), data,
      {.title = t(context, "form_revisions") + ": " + record.row.initiative_name, .nav = "plans"});
}

// ---- my forms -------------------------------------------------------------------------------

Response show_my_forms(Context& context) {
  const auto actor = context.actor();
  const auto today = today_iso_utc();
  auto forms = view::list();
  for (const auto& assigned : my_forms(context.services.database, actor)) {
    const auto& form = assigned.row.form;
    const bool open = form.status == FormStatus::draft || form.status == FormStatus::returned;
    view::Data item;
    item.set("id", id_text(form.id));
    item.set("initiative", assigned.row.initiative_name);
    item.set("round", assigned.round_name);
    item.set("deadline", date_text(context, assigned.deadline));
    item.set("status", status_text(context, form.status));
    item.set("status_code", std::string(code(form.status)));
    item.set("overdue", view::flag(open && today > assigned.deadline));
    forms.push_back(item);
  }
  view::Data data;
  data.set("forms", forms);
  data.set("has_forms", view::flag(!forms.is_empty_list()));
  return web::render_page(context, template_path("my_forms"), data,
                          {.title = t(context, "my_forms_title"), .nav = "forms"});
}

}  // namespace

void add_routes(web::App& app) {
  using auth::Permission;
  const auto read = Access::needs(Permission::read_workspace);
  const auto own = Access::needs(Permission::edit_own);
  const auto all = Access::needs(Permission::edit_all);
  app.add({Method::get, "/plans/{id}/rounds", read, show_rounds});
  app.add({Method::get, "/plans/{id}/rounds/new", all, new_round});
  app.add({Method::post, "/plans/{id}/rounds", all, create_round_submit});
  app.add({Method::get, "/rounds/{id}", read, show_round});
  app.add({Method::get, "/rounds/{id}/report/{format}", read, download_report});
  app.add({Method::post, "/rounds/{id}/reminders", all, send_reminders_submit});
  app.add({Method::get, "/rounds/{id}/chapters/{chapter}/edit", all, edit_chapter});
  app.add({Method::post, "/rounds/{id}/chapters/{chapter}/edit", all, save_chapter_submit});
  app.add({Method::get, "/forms/{id}", read, show_form});
  app.add({Method::post, "/forms/{id}", own, save_form_submit});
  app.add({Method::post, "/forms/{id}/autosave", own, autosave_submit});
  app.add({Method::post, "/forms/{id}/submit", own, submit_submit});
  app.add({Method::post, "/forms/{id}/return", all, return_submit});
  app.add({Method::post, "/forms/{id}/approve", all, approve_submit});
  app.add({Method::post, "/forms/{id}/reopen", all, reopen_submit});
  app.add({Method::get, "/forms/{id}/revisions", read, show_revisions});
  app.add({Method::get, "/forms/{id}/export/{format}", read, download_form});
  app.add({Method::get, "/my-forms", own, show_my_forms});
  app.add({Method::get, "/workspace/logo", all, show_logo_form});
  app.add({Method::post, "/workspace/logo", all, save_logo_submit});
  app.add({Method::get, "/workspace/logo.svg", read, logo_image});
  app.services().navigation.add({"forms", "/my-forms", "nav_my_forms", own, 40});
  app.services().hooks.get<strategy::PlanLinks>().links.push_back(
      {"/rounds", "plan_rounds_link", true});
}

}  // namespace samtryg::reporting
