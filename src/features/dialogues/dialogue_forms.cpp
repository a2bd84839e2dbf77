// The form to record a dialogue and to change it: what it was called, when, where and in which
// form it was held, the partners present, the participants per group, the summary, the safety
// walk it took as input, and whether viewers see it.
#include "core/util/strings.hpp"
#include "core/validation/fields.hpp"
#include "core/web/form_page.hpp"
#include "features/dialogues/commands.hpp"
#include "features/dialogues/page_support.hpp"
#include "features/walks/naming.hpp"
#include "features/walks/queries.hpp"

namespace samtryg::dialogues {

namespace {

// The form as typed: counts and the walk are kept as text so a wrong one is shown again.
struct DialogueForm {
  Dialogue dialogue;
  std::string counts[std::size(kParticipantGroups)];
  std::string walk_id;
};

int* count_of(Participants& participants, std::string_view group) {
  if (group == "residents") return &participants.residents;
  if (group == "young_people") return &participants.young_people;
  if (group == "business_owners") return &participants.business_owners;
  if (group == "police") return &participants.police;
  if (group == "municipality") return &participants.municipality;
  return &participants.others;
}

std::vector<web::Option> walk_options(const Context& context, soci::session& sql) {
  std::vector<web::Option> options{{"", context.text("choice_none")}};
  for (const auto& walk : walks::walks(sql, context.actor())) {
    options.push_back({std::to_string(walk.id),
                       walks::walk_title(context.catalog(), walk.area, walk.season, walk.year)});
  }
  return options;
}

std::vector<web::Field> dialogue_fields(const Context& context, soci::session& sql,
                                        const DialogueForm& f) {
  const auto& d = f.dialogue;
  const auto field = [&](std::string name, const char* label, const std::string& value,
                         Kind kind = Kind::text, const char* hint = nullptr) {
    return web::Field{.name = std::move(name),
                      .label = context.text(label),
                      .value = value,
                      .kind = kind,
                      .hint = hint != nullptr ? context.text(hint) : std::string()};
  };
  auto title = field("title", "dialogue_title", d.title, Kind::text, "dialogue_title_hint");
  title.required = true;
  auto held_on = field("held_on", "dialogue_held_on", d.held_on, Kind::date, "date_hint");
  held_on.required = true;
  auto format = field("format", "dialogue_format", d.format, Kind::select);
  format.options = web::coded_options(kFormats, "dialogue_format_", context.catalog());
  format.required = true;
  std::vector<web::Field> fields{
      title,
      held_on,
      format,
      field("place", "dialogue_place", d.place, Kind::text, "dialogue_place_hint"),
      field("partners", "dialogue_partners", d.partners, Kind::textarea, "dialogue_partners_hint"),
  };
  for (std::size_t index = 0; index < std::size(kParticipantGroups); ++index) {
    const auto code = std::string(kParticipantGroups[index]);
    fields.push_back(field("count_" + code, ("dialogue_count_" + code).c_str(), f.counts[index],
                           Kind::number, index == 0 ? "dialogue_counts_hint" : nullptr));
  }
  fields.push_back(field("summary", "dialogue_summary", d.summary, Kind::textarea));
  auto walk = field("walk_id", "dialogue_walk", f.walk_id, Kind::select, "dialogue_walk_hint");
  walk.options = walk_options(context, sql);
  fields.push_back(walk);
  fields.push_back(field("published", "dialogue_published", d.published ? "1" : "", Kind::checkbox,
                         "dialogue_published_hint"));
  return fields;
}

DialogueForm dialogue_from_form(Context& context, Dialogue dialogue, validation::Errors& errors) {
  const auto& form = context.form();
  DialogueForm f;
  dialogue.title = std::string(trim(form.value("title")));
  dialogue.held_on = std::string(trim(form.value("held_on")));
  dialogue.format = form.value("format");
  dialogue.place = std::string(trim(form.value("place")));
  dialogue.partners = form.value("partners");
  for (std::size_t index = 0; index < std::size(kParticipantGroups); ++index) {
    const auto code = std::string(kParticipantGroups[index]);
    f.counts[index] = form.value("count_" + code);
    *count_of(dialogue.participants, code) = form_count(f.counts[index], code, errors).value_or(0);
  }
  dialogue.summary = form.value("summary");
  f.walk_id = form.value("walk_id");
  dialogue.walk_id = web::optional_number(f.walk_id, "walk_id", errors);
  dialogue.published = form.value("published") == "1";
  if (const auto version = parse_integer(form.value("row_version"))) {
    dialogue.row_version = *version;
  }
  f.dialogue = std::move(dialogue);
  return f;
}

DialogueForm form_of(const Dialogue& dialogue) {
  DialogueForm f;
  f.dialogue = dialogue;
  auto participants = dialogue.participants;
  for (std::size_t index = 0; index < std::size(kParticipantGroups); ++index) {
    f.counts[index] = std::to_string(*count_of(participants, kParticipantGroups[index]));
  }
  if (dialogue.walk_id) f.walk_id = std::to_string(*dialogue.walk_id);
  return f;
}

// The count fields are named count_<group>; the rules name the group alone.
validation::Errors form_errors(const validation::Errors& found) {
  validation::Errors out;
  for (const auto& item : found.items()) {
    const bool group = validation::is_one_of(item.field, kParticipantGroups);
    out.add(group ? "count_" + item.field : item.field, item.message_key, item.values);
  }
  return out;
}

Response dialogue_form(Context& context, const DialogueForm& f, bool is_new,
                       const validation::Errors& errors, bool conflict, int status,
                       const DialogueForm* theirs = nullptr) {
  auto sql = context.services.database.session();
  web::FormPage form;
  form.heading = is_new ? context.text("dialogue_new")
                        : context.text("dialogue_edit") + ": " + f.dialogue.title;
  form.intro = is_new ? context.text("dialogue_new_intro") : std::string();
  form.action = is_new ? "/dialogues" : dialogue_path(f.dialogue.id) + "/edit";
  form.submit = context.text(is_new ? "form_create" : "form_save");
  form.cancel = is_new ? "/dialogues" : dialogue_path(f.dialogue.id);
  form.fields = dialogue_fields(context, sql, f);
  if (!is_new) {
    form.hidden = web::hidden_values({{"row_version", std::to_string(f.dialogue.row_version)}});
  }
  form.errors = form_errors(errors);
  form.conflict = conflict;
  if (theirs != nullptr) form.theirs = dialogue_fields(context, sql, *theirs);
  form.status = status;
  form.nav = "dialogues";
  return web::render_form(context, form);
}

Response new_dialogue(Context& context) {
  return dialogue_form(context, form_of(Dialogue{}), true, {}, false, 200);
}

Response create_dialogue_submit(Context& context) {
  const auto actor = context.actor();
  validation::Errors errors;
  auto f = dialogue_from_form(context, Dialogue{}, errors);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        const auto id = create_dialogue(context.services.database, actor, f.dialogue);
        return Response::redirect(dialogue_path(id) + "?notice=notice_created");
      },
      [&](validation::Errors found, bool conflict) {
        found.add_all(errors);
        return dialogue_form(context, f, true, found, conflict, 422);
      });
}

Dialogue stored_dialogue(Context& context) {
  auto sql = context.services.database.session();
  return readable_dialogue(sql, context.actor(), context.path_id());
}

Response edit_dialogue(Context& context) {
  return dialogue_form(context, form_of(stored_dialogue(context)), false, {}, false, 200);
}

Response update_dialogue_submit(Context& context) {
  const auto actor = context.actor();
  validation::Errors errors;
  auto f = dialogue_from_form(context, stored_dialogue(context), errors);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        update_dialogue(context.services.database, actor, f.dialogue);
        return Response::redirect(dialogue_path(f.dialogue.id) + "?notice=notice_saved");
      },
      [&](validation::Errors found, bool conflict) {
        if (conflict) {
          const auto fresh = form_of(stored_dialogue(context));
          auto typed = f;
          typed.dialogue.row_version = fresh.dialogue.row_version;
          return dialogue_form(context, typed, false, {}, true, 409, &fresh);
        }
        found.add_all(errors);
        return dialogue_form(context, f, false, found, false, 422);
      });
}

}  // namespace

void add_dialogue_form_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/dialogues/new", all, new_dialogue});
  app.add({Method::post, "/dialogues", all, create_dialogue_submit});
  app.add({Method::get, "/dialogues/{id}/edit", all, edit_dialogue});
  app.add({Method::post, "/dialogues/{id}/edit", all, update_dialogue_submit});
}

}  // namespace samtryg::dialogues
