// The list of dialogues and a dialogue's page: when, where and how it was held, who took part,
// the problems raised (themes) in order, the safety walk it took as input with that walk's
// findings, and the form to add a theme; deleting a dialogue after a confirmation.
#include "core/demo/marks.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/dialogues/commands.hpp"
#include "features/dialogues/page_support.hpp"
#include "features/walks/naming.hpp"

namespace samtryg::dialogues {

namespace {

std::string participants_text(const Context& context, const Participants& participants) {
  return context.catalog().format("dialogue_participants_total",
                                  {{"count", std::to_string(participants.total())}});
}

Response list_dialogues(Context& context) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  auto items = view::list();
  for (const auto& summary : dialogue_summaries(sql, actor)) {
    const auto& dialogue = summary.dialogue;
    view::Data item;
    item.set("id", std::to_string(dialogue.id));
    item.set("title", dialogue.title);
    item.set("date", i18n::format_iso_date(dialogue.held_on, context.language));
    item.set("format", context.text("dialogue_format_" + dialogue.format));
    item.set("place", view::text(dialogue.place));
    item.set("participants", participants_text(context, dialogue.participants));
    item.set("themes", std::to_string(summary.themes));
    item.set("published", view::flag(dialogue.published));
    items.push_back(item);
  }
  view::Data data;
  data.set("dialogues", items);
  data.set("has_dialogues", view::flag(!items.is_empty_list()));
  data.set("can_edit", view::flag(actor.edit_all));
  data.set("notice", view::text(notice_text(context)));
  return web::render_page(
      context, kTemplates("dialogues"), std::move(data),
      {.title = context.text("dialogues_title"), .status = 200, .nav = "dialogues"});
}

void add_facts(view::Data& data, const Context& context, const Dialogue& dialogue) {
  data.set("date", i18n::format_iso_date(dialogue.held_on, context.language));
  data.set("format", context.text("dialogue_format_" + dialogue.format));
  data.set("place", view::text(dialogue.place));
  auto partners = view::list();
  for (const auto& partner : partner_list(dialogue.partners))
    partners.push_back(view::text(partner));
  data.set("partners", partners);
  data.set("has_partners", view::flag(!partners.is_empty_list()));
  auto groups = view::list();
  auto participants = dialogue.participants;
  const int counts[] = {participants.residents,       participants.young_people,
                        participants.business_owners, participants.police,
                        participants.municipality,    participants.others};
  for (std::size_t index = 0; index < std::size(kParticipantGroups); ++index) {
    if (counts[index] == 0) continue;
    view::Data group;
    group.set("label", context.text("dialogue_count_" + std::string(kParticipantGroups[index])));
    group.set("count", std::to_string(counts[index]));
    groups.push_back(group);
  }
  data.set("has_groups", view::flag(!groups.is_empty_list()));
  data.set("groups", groups);
  data.set("participants", participants_text(context, participants));
  data.set("summary", view::text(dialogue.summary));
  data.set("published", view::flag(dialogue.published));
}

view::Data theme_items(const Context& context, const DialogueRecord& record,
                       const std::map<long long, demo::Fields>& examples, bool can_edit) {
  auto items = view::list();
  for (const auto& theme : record.themes) {
    view::Data item;
    item.set("id", std::to_string(theme.id));
    item.set("dialogue_id", std::to_string(record.dialogue.id));
    item.set("label", theme.label);
    if (theme.rank) item.set("rank", std::to_string(*theme.rank));
    if (theme.mentions) {
      item.set("mentions", context.catalog().format("dialogue_theme_raised_by",
                                                    {{"count", std::to_string(*theme.mentions)}}));
    }
    item.set("theme_summary", view::text(theme.summary));
    if (const auto found = examples.find(theme.id); found != examples.end()) {
      item.set("theme_example_note",
               view::text(demo::example_note(context.catalog(), "dialogue_theme_", found->second)));
    }
    item.set("can_edit", view::flag(can_edit));
    items.push_back(item);
  }
  return items;
}

void add_walk_input(view::Data& data, const Context& context, const DialogueRecord& record) {
  if (!record.walk) return;
  const auto& walk = *record.walk;
  view::Data input;
  input.set("id", std::to_string(walk.id));
  input.set("title", walks::walk_title(context.catalog(), walk.area, walk.season, walk.year));
  auto findings = view::list();
  for (const auto& finding : walk.findings) {
    view::Data item;
    item.set("number", std::to_string(finding.number));
    item.set("category", context.text("walk_category_" + finding.category));
    item.set("finding_place", view::text(finding.place));
    item.set("description", finding.description);
    findings.push_back(item);
  }
  input.set("has_findings", view::flag(!findings.is_empty_list()));
  input.set("findings", findings);
  data.set("walk", input);
}

}  // namespace

Response render_dialogue(Context& context, const DialogueRecord& record,
                         const validation::Errors& errors,
                         const std::vector<web::Field>& theme_form, int status) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  const auto& dialogue = record.dialogue;
  view::Data data;
  data.set("id", std::to_string(dialogue.id));
  data.set("title", dialogue.title);
  data.set("notice", view::text(notice_text(context)));
  data.set("can_edit", view::flag(actor.edit_all));
  data.set("can_history", view::flag(actor.read_all));
  add_facts(data, context, dialogue);
  data.set("example_note", view::text(demo::example_note(
                               context.catalog(), "dialogue_",
                               demo::marks_of(sql, actor.workspace_id, "dialogue", dialogue.id))));
  data.set("themes",
           theme_items(context, record, demo::marks_of(sql, actor.workspace_id, "dialogue_theme"),
                       actor.edit_all));
  data.set("has_themes", view::flag(!record.themes.empty()));
  add_walk_input(data, context, record);
  if (actor.edit_all) {
    view::Data form;
    form.set("fields", web::fields_data(theme_form, errors, context.catalog()));
    data.set("theme_form", form);
  }
  if (!errors.empty()) data.set("has_errors", view::flag(true));
  return web::render_page(context, kTemplates("dialogue"), std::move(data),
                          {.title = dialogue.title, .status = status, .nav = "dialogues"});
}

namespace {

Response show_dialogue(Context& context) {
  const auto record =
      dialogue_record(context.services.database, context.actor(), context.path_id());
  return render_dialogue(context, record, {}, theme_fields(context, Theme{}, {}), 200);
}

Response confirm_delete_dialogue(Context& context) {
  const auto record =
      dialogue_record(context.services.database, context.actor(), context.path_id());
  const auto path = dialogue_path(record.dialogue.id);
  return web::render_confirm(
      context, {.heading = context.catalog().format("dialogue_delete_heading",
                                                    {{"title", record.dialogue.title}}),
                .text = context.catalog().format(
                    "dialogue_delete_text", {{"themes", std::to_string(record.themes.size())}}),
                .confirm = context.text("delete_confirm"),
                .action = path + "/delete",
                .cancel = path,
                .nav = "dialogues"});
}

Response delete_dialogue_submit(Context& context) {
  delete_dialogue(context.services.database, context.actor(), context.path_id());
  return Response::redirect("/dialogues?notice=notice_deleted");
}

}  // namespace

void add_dialogue_page_routes(web::App& app) {
  const auto read = web::Access::needs(auth::Permission::read_published);
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/dialogues", read, list_dialogues});
  app.add({Method::get, "/dialogues/{id}", read, show_dialogue});
  app.add({Method::get, "/dialogues/{id}/delete", all, confirm_delete_dialogue});
  app.add({Method::post, "/dialogues/{id}/delete", all, delete_dialogue_submit});
}

}  // namespace samtryg::dialogues
