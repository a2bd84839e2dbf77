// The form itself: fill in and save (or save and submit), the per-person autosave, the
// workflow steps (submit, return, approve, reopen) and the form as a document. What the
// fields are called, how they are read and shown again is form.hpp's.
#include <fmt/format.h>

#include <map>
#include <optional>

#include "core/documents/document.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/view/word_diff.hpp"
#include "core/web/api.hpp"
#include "core/web/form_errors.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/reporting/commands.hpp"
#include "features/reporting/page_support.hpp"

namespace samtryg::reporting {

namespace {

// What the page says about the person's unsaved copy on the server.
struct AutosaveState {
  bool restored = false;       // the fields shown are the unsaved copy
  std::string autosaved_at{};  // when the copy was sent; empty: there is none
};

// What the page shows: the answers (stored, or as typed after a refusal) and its state.
struct PageState {
  Content content{};
  std::map<long long, form::TypedFigure> figures{};
  validation::Errors errors{};
  bool conflict = false;
  int status = 200;
  AutosaveState autosave{};
  std::optional<std::string> summary{};  // as typed, after a refused save
};

void add_workflow(view::Data& data, const Context& context, const FormRecord& record) {
  const auto& form = record.row.form;
  const bool editable = record.save_refusal.empty();
  data.set("status", status_text(context, form.status));
  data.set("status_code", std::string(code(form.status)));
  data.set("late", view::flag(form.late));
  data.set("row_version", std::to_string(form.row_version));
  data.set("revision", std::to_string(form.revision));
  data.set("editable", view::flag(editable));
  // Only those who fill in forms need to know why this one is closed to them.
  const bool told = !editable && context.actor().edit_own;
  data.set("locked_reason", view::text(told ? context.text(record.save_refusal) : ""));
  data.set("returned_comment", view::text(form.status == FormStatus::returned ? form.comment : ""));
  const auto& role = record.role;
  data.set("can_submit", view::flag(after(form.status, Step::submit, role).has_value()));
  data.set("can_return", view::flag(after(form.status, Step::return_to_lead, role).has_value()));
  data.set("can_approve", view::flag(after(form.status, Step::approve, role).has_value()));
  data.set("can_reopen", view::flag(after(form.status, Step::reopen, role).has_value()));
}

void add_autosave(view::Data& data, const Context& context, const AutosaveState& autosave) {
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
}

Response render_form_page(Context& context, const FormRecord& record, const PageState& state) {
  const auto& row = record.row;
  const auto& form = row.form;
  auto data = form_sections(context, record, state.content, state.figures, state.errors,
                            record.save_refusal.empty());
  data.set("id", std::to_string(form.id));
  data.set("round_id", std::to_string(record.round.id));
  data.set("round_name", record.round.name);
  data.set("initiative", row.initiative_name);
  data.set("initiative_id", std::to_string(form.initiative_id));
  data.set("title", context.catalog().format("form_title", {{"initiative", row.initiative_name}}));
  data.set("deadline",
           context.catalog().format("form_deadline",
                                    {{"deadline", date_text(context, record.round.deadline)}}));
  add_workflow(data, context, record);
  data.set("example_note", view::text(round_example_note(context, record.round)));
  data.set("conflict", view::flag(state.conflict));
  if (state.conflict) {
    // The answers shown are what this person typed; beside them, section by section, what the
    // other person saved, so both are on the page and nothing must be typed again.
    // The list at the top links to each section that differs; the other version is shown in
    // the section itself, beside the typed answers.
    std::map<std::string, SectionChange> changed;
    auto theirs = view::list();
    for (auto& change :
         compare(record.round.form_template, record.row.form.content, state.content)) {
      if (!change.changed) continue;
      view::Data link;
      link.set("key", change.section);
      link.set("title", change.title);
      theirs.push_back(link);
      changed.emplace(change.section, std::move(change));
    }
    data.set("theirs", theirs);
    auto sections = view::list();
    for (auto section : data.get("sections")->list_value()) {
      const auto found = changed.find(section.get("key")->string_value());
      if (found != changed.end()) {
        const auto& change = found->second;
        section.set("theirs_words", change.before_words.empty()
                                        ? context.text("form_conflict_empty")
                                        : change.before_words);
        section.set("theirs_diff_html",
                    view::word_diff_html(change.before_words, change.after_words));
      }
      sections.push_back(section);
    }
    data.set("sections", sections);
  }
  add_autosave(data, context, state.autosave);
  data.set("notice", view::text(notice_text(context)));
  data.set("can_see_revisions", view::flag(context.actor().read_all));
  if (context.query("confirm_submit") == "1" && record.save_refusal.empty()) {
    auto empty = view::list();
    for (const auto& title : empty_sections(record.round.form_template, form.content)) {
      empty.push_back(view::Data(title));
    }
    data.set("has_empty_sections", view::flag(!empty.is_empty_list()));
    data.set("empty_sections", empty);
  }
  const bool summary_writer =
      record.role.coordinator || (record.role.lead && form.status != FormStatus::approved);
  data.set("can_write_summary", view::flag(summary_writer));
  data.set("summary", view::text(state.summary ? *state.summary : form.summary));
  data.set("summary_html", documents::markdown_html(form.summary));
  data.set("summary_version", std::to_string(form.summary_version));
  for (const auto* part : {"comment", "reason", "form", "summary"}) {
    data.set(std::string("error_") + part,
             view::text(form::field_error(context, state.errors, part)));
  }
  data.set("formats", web::choices({"pdf", "docx", "html"}, "format_", "", context.catalog()));
  web::add_errors(data, state.errors, context.catalog());
  return web::render_page(context, kTemplates("form"), data,
                          {.title = row.initiative_name + " · " + record.round.name,
                           .status = state.status,
                           .nav = "plans"});
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
    auto input = read_posted(context, fields, record);
    if (const auto version = parse_integer(fields.value("row_version"))) {
      record.row.form.row_version = *version;
    }
    return render_form_page(context, record,
                            {.content = std::move(input.content),
                             .figures = std::move(input.figures),
                             .autosave = {.restored = true, .autosaved_at = autosave->saved_at}});
  }
  return render_form_page(
      context, record,
      {.content = record.row.form.content,
       .autosave = {.autosaved_at = autosave ? autosave->saved_at : std::string()}});
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

// Save, or save and submit ("intent=submit"): one command, which checks everything.
Response save_form_submit(Context& context) {
  const auto actor = context.actor();
  auto& database = context.services.database;
  const auto record = readable_form(database, actor, context.path_id());
  auto input = read_posted(context, context.form(), record);
  const auto row_version = row_version_of(context);
  const bool and_submit = context.form().value("intent") == "submit";
  // Submitting with sections left empty is asked about first; the answers are saved meanwhile.
  const bool ask_first = and_submit && context.form().value("confirm_empty") != "1" &&
                         !empty_sections(record.round.form_template, input.content).empty();
  return web::submit(
      [&] {
        save_form(database, actor, record.row.form.id, row_version, input,
                  and_submit && !ask_first ? AfterSave::submit : AfterSave::stay);
        if (ask_first) {
          return Response::redirect(
              fmt::format("/forms/{}?confirm_submit=1#confirm-submit", record.row.form.id));
        }
        return Response::redirect(
            fmt::format("/forms/{}?notice={}", record.row.form.id,
                        and_submit ? "notice_form_submitted" : "notice_form_saved"));
      },
      [&](const validation::Errors& errors, bool conflict) {
        const auto fresh = readable_form(database, actor, record.row.form.id);
        return render_form_page(context, fresh,
                                {.content = std::move(input.content),
                                 .figures = std::move(input.figures),
                                 .errors = errors,
                                 .conflict = conflict,
                                 .status = conflict ? 409 : 422});
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
        return render_form_page(context, record,
                                {.content = record.row.form.content,
                                 .errors = errors,
                                 .conflict = conflict,
                                 .status = conflict ? 409 : 422});
      });
}

Response submit_submit(Context& context) {
  if (context.form().value("confirm_empty") != "1") {
    const auto record =
        readable_form(context.services.database, context.actor(), context.path_id());
    if (!empty_sections(record.round.form_template, record.row.form.content).empty()) {
      return Response::redirect(
          fmt::format("/forms/{}?confirm_submit=1#confirm-submit", record.row.form.id));
    }
  }
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

// The initiative's summary for the report, saved on its own (its own version), so writing it
// never disturbs the answers being typed above.
Response save_summary_submit(Context& context) {
  const auto actor = context.actor();
  auto& database = context.services.database;
  const auto id = context.path_id();
  const auto summary = context.form().value("summary");
  const auto version = parse_integer(context.form().value("summary_version")).value_or(0);
  return web::submit(
      [&] {
        save_summary(database, actor, id, summary, version);
        return Response::redirect(fmt::format("/forms/{}?notice=notice_summary_saved", id));
      },
      [&](const validation::Errors& errors, bool conflict) {
        const auto record = readable_form(database, actor, id);
        // Member by member: GCC 12 takes the designated form's defaulted members for unset.
        PageState state;
        state.content = record.row.form.content;
        state.errors = errors;
        state.conflict = conflict;
        state.status = conflict ? 409 : 422;
        state.summary = summary;
        return render_form_page(context, record, state);
      });
}

Response download_form(Context& context) {
  return download(render_form(context.services.database, context.actor(), context.path_id(),
                              context.params.at("format")));
}

}  // namespace

void add_form_routes(web::App& app) {
  const auto read = web::Access::needs(auth::Permission::read_published);
  const auto own = web::Access::needs(auth::Permission::edit_own);
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/forms/{id}", read, show_form});
  app.add({Method::post, "/forms/{id}", own, save_form_submit});
  app.add({Method::post, "/forms/{id}/autosave", own, autosave_submit});
  app.add({Method::post, "/forms/{id}/submit", own, submit_submit});
  app.add({Method::post, "/forms/{id}/return", all, return_submit});
  app.add({Method::post, "/forms/{id}/approve", all, approve_submit});
  app.add({Method::post, "/forms/{id}/reopen", all, reopen_submit});
  app.add({Method::post, "/forms/{id}/summary", own, save_summary_submit});
  app.add({Method::get, "/forms/{id}/export/{format}", read, download_form});
}

}  // namespace samtryg::reporting
