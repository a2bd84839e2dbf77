#include "features/dialogues/commands.hpp"

#include "core/audit/audit.hpp"
#include "core/demo/marks.hpp"
#include "features/dialogues/json.hpp"
#include "features/dialogues/store.hpp"
#include "features/walks/queries.hpp"

namespace samtryg::dialogues {

namespace {

using validation::Errors;

// The walk a dialogue took as input must be one of the workspace's: read through walks' own
// queries, never its store.
void check_walk(soci::session& sql, const Actor& actor, const Dialogue& dialogue, Errors& errors) {
  if (!dialogue.walk_id) return;
  try {
    walks::readable_walk(sql, actor, *dialogue.walk_id);
  } catch (const validation::NotFound&) {
    errors.add("walk_id", "link_not_in_workspace");
  }
}

Errors check_dialogue(soci::session& sql, const Actor& actor, const Dialogue& dialogue,
                      const std::vector<Theme>& themes) {
  auto errors = validate_dialogue(dialogue);
  for (std::size_t index = 0; index < themes.size(); ++index) {
    errors.add_all(validate_theme(themes[index]), "themes[" + std::to_string(index) + "].");
  }
  check_walk(sql, actor, dialogue, errors);
  return errors;
}

Dialogue dialogue_in_workspace(soci::session& sql, const Actor& actor, long long id) {
  auto dialogue = store::find_dialogue(sql, actor.workspace_id, id);
  if (!dialogue) throw validation::NotFound();
  return std::move(*dialogue);
}

Theme theme_of(soci::session& sql, long long dialogue_id, long long id) {
  for (auto& theme : store::themes(sql, dialogue_id)) {
    if (theme.id == id) return theme;
  }
  throw validation::NotFound();
}

// Adds the themes after those the dialogue has, in their order.
void insert_themes(soci::session& sql, long long dialogue_id, const std::vector<Theme>& themes) {
  int position = next_position(store::themes(sql, dialogue_id));
  for (auto theme : themes) {
    theme.dialogue_id = dialogue_id;
    theme.position = position++;
    store::insert_theme(sql, theme);
  }
}

boost::json::object with_themes(const Dialogue& dialogue, const std::vector<Theme>& themes) {
  auto json = to_json(dialogue);
  boost::json::array list;
  for (const auto& theme : themes) list.push_back(to_json(theme));
  json["themes"] = std::move(list);
  return json;
}

}  // namespace

long long create_dialogue(db::Database& database, const Actor& actor, Dialogue dialogue,
                          const std::vector<Theme>& themes) {
  auth::require_edit_all(actor);
  dialogue.id = 0;
  dialogue.workspace_id = actor.workspace_id;
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    validation::throw_if_any(check_dialogue(sql, actor, dialogue, themes));
    dialogue.id = id = store::insert_dialogue(sql, dialogue);
    insert_themes(sql, id, themes);
    audit::record_change(sql, actor, "create", "dialogue", id, nullptr,
                         with_themes(dialogue, themes));
  });
  return id;
}

void update_dialogue(db::Database& database, const Actor& actor, Dialogue dialogue,
                     const std::optional<std::vector<Theme>>& themes) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    const auto before = dialogue_in_workspace(sql, actor, dialogue.id);
    const auto themes_before = store::themes(sql, dialogue.id);
    dialogue.workspace_id = actor.workspace_id;
    dialogue.created_at = before.created_at;
    validation::throw_if_any(check_dialogue(sql, actor, dialogue, themes.value_or(themes_before)));
    if (!store::update_dialogue(sql, dialogue)) throw validation::Conflict();
    if (themes) {
      store::delete_themes(sql, dialogue.id);
      insert_themes(sql, dialogue.id, *themes);
      for (const auto& theme : themes_before) {
        demo::clear_marks(sql, actor.workspace_id, "dialogue_theme", theme.id);
      }
    }
    // A person's save makes the values theirs: the demo's example marks no longer apply.
    demo::clear_marks(sql, actor.workspace_id, "dialogue", dialogue.id);
    audit::record_change(sql, actor, "update", "dialogue", dialogue.id,
                         with_themes(before, themes_before),
                         with_themes(dialogue, themes.value_or(themes_before)));
  });
}

void delete_dialogue(db::Database& database, const Actor& actor, long long id) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    const auto before = dialogue_in_workspace(sql, actor, id);
    const auto themes = store::themes(sql, id);
    store::delete_dialogue(sql, actor.workspace_id, id);
    for (const auto& theme : themes) {
      demo::clear_marks(sql, actor.workspace_id, "dialogue_theme", theme.id);
    }
    demo::clear_marks(sql, actor.workspace_id, "dialogue", id);
    audit::record_change(sql, actor, "delete", "dialogue", id, with_themes(before, themes),
                         nullptr);
  });
}

long long add_theme(db::Database& database, const Actor& actor, long long dialogue_id,
                    Theme theme) {
  auth::require_edit_all(actor);
  validation::throw_if_any(validate_theme(theme));
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    dialogue_in_workspace(sql, actor, dialogue_id);
    theme.dialogue_id = dialogue_id;
    theme.position = next_position(store::themes(sql, dialogue_id));
    theme.id = id = store::insert_theme(sql, theme);
    audit::record_change(sql, actor, "create", "dialogue_theme", id, nullptr, to_json(theme));
  });
  return id;
}

void update_theme(db::Database& database, const Actor& actor, long long dialogue_id, Theme theme) {
  auth::require_edit_all(actor);
  validation::throw_if_any(validate_theme(theme));
  database.in_transaction([&](soci::session& sql) {
    dialogue_in_workspace(sql, actor, dialogue_id);
    const auto before = theme_of(sql, dialogue_id, theme.id);
    theme.dialogue_id = dialogue_id;
    theme.position = before.position;
    if (!store::update_theme(sql, theme)) throw validation::Conflict();
    demo::clear_marks(sql, actor.workspace_id, "dialogue_theme", theme.id);
    audit::record_change(sql, actor, "update", "dialogue_theme", theme.id, to_json(before),
                         to_json(theme));
  });
}

void delete_theme(db::Database& database, const Actor& actor, long long dialogue_id,
                  long long theme_id) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    dialogue_in_workspace(sql, actor, dialogue_id);
    const auto before = theme_of(sql, dialogue_id, theme_id);
    store::delete_theme(sql, dialogue_id, theme_id);
    demo::clear_marks(sql, actor.workspace_id, "dialogue_theme", theme_id);
    audit::record_change(sql, actor, "delete", "dialogue_theme", theme_id, to_json(before),
                         nullptr);
  });
}

}  // namespace samtryg::dialogues
