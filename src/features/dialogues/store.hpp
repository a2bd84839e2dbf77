#pragma once
// Every SQL statement of the dialogues feature. Functions take a borrowed session, so the
// caller decides the transaction; dialogues are looked up within a workspace, themes through
// their dialogue.
#include <soci/soci.h>

#include <map>
#include <optional>
#include <vector>

#include "features/dialogues/model.hpp"

namespace samtryg::dialogues::store {

long long insert_dialogue(soci::session& sql, const Dialogue& dialogue);
// Every field but the id, workspace and creation time; false when the stored row_version
// differs.
bool update_dialogue(soci::session& sql, const Dialogue& dialogue);
std::optional<Dialogue> find_dialogue(soci::session& sql, long long workspace_id, long long id);
// The most recent first.
std::vector<Dialogue> dialogues(soci::session& sql, long long workspace_id);
// With its themes.
void delete_dialogue(soci::session& sql, long long workspace_id, long long id);

long long insert_theme(soci::session& sql, const Theme& theme);
bool update_theme(soci::session& sql, const Theme& theme);
void delete_theme(soci::session& sql, long long dialogue_id, long long id);
void delete_themes(soci::session& sql, long long dialogue_id);
// In the order added.
std::vector<Theme> themes(soci::session& sql, long long dialogue_id);
// How many themes each of the workspace's dialogues has, by dialogue id.
std::map<long long, long long> theme_counts(soci::session& sql, long long workspace_id);

}  // namespace samtryg::dialogues::store
