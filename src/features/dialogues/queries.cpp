#include "features/dialogues/queries.hpp"

#include "core/validation/validation.hpp"
#include "features/dialogues/store.hpp"
#include "features/walks/queries.hpp"

namespace samtryg::dialogues {

bool visible(const Actor& actor, const Dialogue& dialogue) {
  return actor.read_all || dialogue.published;
}

std::vector<Dialogue> dialogues(soci::session& sql, const Actor& actor) {
  std::vector<Dialogue> out;
  for (auto& dialogue : store::dialogues(sql, actor.workspace_id)) {
    if (visible(actor, dialogue)) out.push_back(std::move(dialogue));
  }
  return out;
}

Dialogue readable_dialogue(soci::session& sql, const Actor& actor, long long id) {
  auto dialogue = store::find_dialogue(sql, actor.workspace_id, id);
  if (!dialogue || !visible(actor, *dialogue)) throw validation::NotFound();
  return std::move(*dialogue);
}

std::vector<DialogueSummary> dialogue_summaries(soci::session& sql, const Actor& actor) {
  const auto counts = store::theme_counts(sql, actor.workspace_id);
  std::vector<DialogueSummary> out;
  for (auto& dialogue : dialogues(sql, actor)) {
    const auto found = counts.find(dialogue.id);
    const long long themes = found == counts.end() ? 0 : found->second;
    out.push_back({std::move(dialogue), themes});
  }
  return out;
}

namespace {

// The walk through walks' own queries, so its visibility rules stay theirs.
std::optional<AttachedWalk> attached_walk(soci::session& sql, const Actor& actor,
                                          long long walk_id) {
  try {
    const auto record = walks::walk_record(sql, actor, walk_id);
    AttachedWalk out{.id = walk_id,
                     .area = record.walk.area,
                     .season = record.walk.season,
                     .year = record.walk.year,
                     .findings = {}};
    for (const auto& finding : record.findings) {
      out.findings.push_back(
          {finding.number, finding.category, finding.place, finding.description});
    }
    return out;
  } catch (const validation::NotFound&) {
    return std::nullopt;
  }
}

}  // namespace

DialogueRecord dialogue_record(soci::session& sql, const Actor& actor, long long id) {
  DialogueRecord record;
  record.dialogue = readable_dialogue(sql, actor, id);
  record.themes = ordered(store::themes(sql, id));
  if (record.dialogue.walk_id) record.walk = attached_walk(sql, actor, *record.dialogue.walk_id);
  return record;
}

DialogueRecord dialogue_record(db::Database& database, const Actor& actor, long long id) {
  auto sql = database.session();
  return dialogue_record(sql, actor, id);
}

const Theme& theme_in(const DialogueRecord& record, long long id) {
  for (const auto& theme : record.themes) {
    if (theme.id == id) return theme;
  }
  throw validation::NotFound();
}

}  // namespace samtryg::dialogues
