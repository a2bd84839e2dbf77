// Themes: adding one on the dialogue's page, changing it, and deleting it after a confirmation.
#include <algorithm>

#include "core/util/strings.hpp"
#include "core/web/form_page.hpp"
#include "features/dialogues/commands.hpp"
#include "features/dialogues/page_support.hpp"

namespace samtryg::dialogues {

namespace {

Theme theme_from_form(Context& context, Theme theme, TypedWeight& typed,
                      validation::Errors& errors) {
  const auto& form = context.form();
  theme.label = std::string(trim(form.value("label")));
  typed.mentions = form.value("mentions");
  typed.rank = form.value("rank");
  theme.mentions = form_count(typed.mentions, "mentions", errors);
  theme.rank.reset();
  if (const auto rank = web::optional_number(typed.rank, "rank", errors)) {
    // Out of range is the rule's to report; beyond int it is not a rank either.
    theme.rank = static_cast<int>(std::clamp<long long>(*rank, 0, kMaxRank + 1LL));
  }
  theme.summary = form.value("summary");
  if (const auto version = parse_integer(form.value("row_version"))) {
    theme.row_version = *version;
  }
  return theme;
}

DialogueRecord record_of(Context& context) {
  return dialogue_record(context.services.database, context.actor(), context.path_id());
}

std::string theme_anchor(long long dialogue_id, long long theme_id) {
  return dialogue_path(dialogue_id) + "#theme-" + std::to_string(theme_id);
}

Response add_theme_submit(Context& context) {
  const auto actor = context.actor();
  const auto record = record_of(context);
  validation::Errors errors;
  TypedWeight typed;
  const auto theme = theme_from_form(context, Theme{}, typed, errors);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        const auto id = add_theme(context.services.database, actor, record.dialogue.id, theme);
        return Response::redirect(dialogue_path(record.dialogue.id) +
                                  "?notice=notice_dialogue_theme_added#theme-" +
                                  std::to_string(id));
      },
      [&](validation::Errors found, bool) {
        found.add_all(errors);
        return render_dialogue(context, record, found, theme_fields(context, theme, typed), 422);
      });
}

Response theme_form(Context& context, const DialogueRecord& record, const Theme& theme,
                    const TypedWeight& typed, validation::Errors errors, bool conflict,
                    int status) {
  web::FormPage form;
  form.heading = context.text("dialogue_theme_edit") + ": " + theme.label;
  form.intro = record.dialogue.title;
  form.action = dialogue_path(record.dialogue.id) + "/themes/" + std::to_string(theme.id) + "/edit";
  form.submit = context.text("form_save");
  form.cancel = theme_anchor(record.dialogue.id, theme.id);
  form.fields = theme_fields(context, theme, typed);
  form.hidden = web::hidden_values({{"row_version", std::to_string(theme.row_version)}});
  form.errors = std::move(errors);
  form.conflict = conflict;
  form.status = status;
  form.nav = "dialogues";
  return web::render_form(context, form);
}

Response edit_theme(Context& context) {
  const auto record = record_of(context);
  const auto& theme = theme_in(record, context.path_id("theme"));
  return theme_form(context, record, theme, typed_weight(theme), {}, false, 200);
}

Response update_theme_submit(Context& context) {
  const auto actor = context.actor();
  const auto record = record_of(context);
  const auto& stored = theme_in(record, context.path_id("theme"));
  validation::Errors errors;
  TypedWeight typed;
  const auto theme = theme_from_form(context, stored, typed, errors);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        update_theme(context.services.database, actor, record.dialogue.id, theme);
        return Response::redirect(dialogue_path(record.dialogue.id) +
                                  "?notice=notice_saved#theme-" + std::to_string(theme.id));
      },
      [&](validation::Errors found, bool conflict) {
        found.add_all(errors);
        auto shown = theme;
        if (conflict) shown.row_version = theme_in(record_of(context), theme.id).row_version;
        return theme_form(context, record, shown, typed, std::move(found), conflict,
                          conflict ? 409 : 422);
      });
}

Response confirm_delete_theme(Context& context) {
  const auto record = record_of(context);
  const auto& theme = theme_in(record, context.path_id("theme"));
  return web::render_confirm(context,
                             {.heading = context.catalog().format("dialogue_theme_delete_heading",
                                                                  {{"label", theme.label}}),
                              .text = context.text("dialogue_theme_delete_text"),
                              .confirm = context.text("delete_confirm"),
                              .action = dialogue_path(record.dialogue.id) + "/themes/" +
                                        std::to_string(theme.id) + "/delete",
                              .cancel = theme_anchor(record.dialogue.id, theme.id),
                              .nav = "dialogues"});
}

Response delete_theme_submit(Context& context) {
  const auto record = record_of(context);
  delete_theme(context.services.database, context.actor(), record.dialogue.id,
               context.path_id("theme"));
  return Response::redirect(dialogue_path(record.dialogue.id) + "?notice=notice_deleted#themes");
}

}  // namespace

void add_theme_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::post, "/dialogues/{id}/themes", all, add_theme_submit});
  app.add({Method::get, "/dialogues/{id}/themes/{theme}/edit", all, edit_theme});
  app.add({Method::post, "/dialogues/{id}/themes/{theme}/edit", all, update_theme_submit});
  app.add({Method::get, "/dialogues/{id}/themes/{theme}/delete", all, confirm_delete_theme});
  app.add({Method::post, "/dialogues/{id}/themes/{theme}/delete", all, delete_theme_submit});
}

}  // namespace samtryg::dialogues
