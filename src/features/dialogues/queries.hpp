#pragma once
// Reads of dialogues as an actor sees them: the one place that decides what a viewer (who reads
// published content only) sees of them. Pages, the API and other features (the citizen
// promises) read dialogues and their themes here.
#include <soci/soci.h>

#include <optional>
#include <vector>

#include "core/auth/actor.hpp"
#include "core/db/database.hpp"
#include "features/dialogues/model.hpp"

namespace samtryg::dialogues {

using auth::Actor;

// Members and up see every dialogue of their workspace; viewers the published ones.
bool visible(const Actor& actor, const Dialogue& dialogue);

std::vector<Dialogue> dialogues(soci::session& sql, const Actor& actor);
// Throws validation::NotFound when the dialogue is not the actor's workspace's or not visible.
Dialogue readable_dialogue(soci::session& sql, const Actor& actor, long long id);

// A dialogue as the list shows it.
struct DialogueSummary {
  Dialogue dialogue;
  long long themes = 0;
};
std::vector<DialogueSummary> dialogue_summaries(soci::session& sql, const Actor& actor);

// A finding of the attached walk, as the dialogue shows it for input.
struct WalkInput {
  int number = 0;
  std::string category;
  std::string place;
  std::string description;
};
// The walk a dialogue took as input, as far as the actor may see it.
struct AttachedWalk {
  long long id = 0;
  std::string area;
  std::string season;
  int year = 0;
  std::vector<WalkInput> findings;
};

// A dialogue with everything its page shows; the themes ordered (model.hpp's ordered()).
struct DialogueRecord {
  Dialogue dialogue;
  std::vector<Theme> themes;
  // Empty when there is none or the actor may not see it (a viewer, an unpublished walk).
  std::optional<AttachedWalk> walk;
};
DialogueRecord dialogue_record(soci::session& sql, const Actor& actor, long long id);
DialogueRecord dialogue_record(db::Database& database, const Actor& actor, long long id);
// The dialogue's theme `id`; validation::NotFound when it is not one of the dialogue's.
const Theme& theme_in(const DialogueRecord& record, long long id);

}  // namespace samtryg::dialogues
