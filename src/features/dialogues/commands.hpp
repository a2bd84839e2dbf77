#pragma once
// Use cases of citizen dialogues, shared by the pages, the JSON API and the demo: check rights
// → validate everything → one transaction (store + audit). Failures: validation::Invalid (field
// errors), NotFound, Forbidden, Conflict.
//
// Coordinators and admins record dialogues and their themes: what residents said is reported
// in the partnership's name, so it is kept by those who answer for the plan.
#include <optional>
#include <vector>

#include "core/db/database.hpp"
#include "features/dialogues/queries.hpp"

namespace samtryg::dialogues {

// `themes` are added in their order.
long long create_dialogue(db::Database& database, const Actor& actor, Dialogue dialogue,
                          const std::vector<Theme>& themes = {});
// With `themes`, they replace the dialogue's themes (the API sends a dialogue whole).
void update_dialogue(db::Database& database, const Actor& actor, Dialogue dialogue,
                     const std::optional<std::vector<Theme>>& themes = std::nullopt);
// With its themes.
void delete_dialogue(db::Database& database, const Actor& actor, long long id);

long long add_theme(db::Database& database, const Actor& actor, long long dialogue_id, Theme theme);
void update_theme(db::Database& database, const Actor& actor, long long dialogue_id, Theme theme);
void delete_theme(db::Database& database, const Actor& actor, long long dialogue_id,
                  long long theme_id);

}  // namespace samtryg::dialogues
