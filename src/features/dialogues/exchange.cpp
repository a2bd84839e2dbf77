#include "features/dialogues/exchange.hpp"

#include "core/exchange/records.hpp"
#include "features/dialogues/json.hpp"
#include "features/dialogues/store.hpp"

namespace samtryg::dialogues {

namespace {

using boost::json::array;
using exchange::Reading;
using exchange::Storing;
using exchange::Writing;

struct DialogueEntry {
  Dialogue dialogue;
  std::vector<Theme> themes;
};

// Themes are numbered by id, which is also the order they were added in; the import adds them
// in the document's order.
array export_themes(Writing& out, long long dialogue_id) {
  return exchange::numbered(store::themes(out.sql, dialogue_id), out.ids.of("dialogue_theme"),
                            [](const Theme& theme) {
                              auto json = to_json(theme);
                              json.erase("row_version");
                              return json;
                            });
}

array export_dialogues(Writing& out) {
  return exchange::numbered(store::dialogues(out.sql, out.workspace_id), out.ids.of("dialogue"),
                            [&](const Dialogue& dialogue) {
                              auto json = to_json(dialogue);
                              json.erase("row_version");
                              out.ids.relink(json, "walk_id", "walk");
                              json["themes"] = export_themes(out, dialogue.id);
                              return json;
                            });
}

std::vector<Theme> read_themes(Reading& in, json::Reader& reader) {
  return exchange::read_records<Theme>(in, reader, "themes",
                                       {.kind = "dialogue_theme",
                                        .id = [](const Theme& theme) { return theme.id; },
                                        .validate = validate_theme},
                                       [](json::Reader& theme_reader, Theme& theme,
                                          const std::string&) { read(theme_reader, theme); });
}

void store_dialogues(Storing& out, const std::vector<DialogueEntry>& entries) {
  int theme_count = 0;
  for (const auto& entry : entries) {
    auto dialogue = entry.dialogue;
    dialogue.workspace_id = out.workspace_id;
    dialogue.walk_id = out.ids.find("walk", dialogue.walk_id);
    if (dialogue.created_at.empty()) dialogue.created_at = out.now;
    const auto dialogue_id = store::insert_dialogue(out.sql, dialogue);
    out.ids.add("dialogue", entry.dialogue.id, dialogue_id);
    int position = 0;
    for (auto theme : entry.themes) {
      theme.dialogue_id = dialogue_id;
      theme.position = ++position;
      if (theme.created_at.empty()) theme.created_at = out.now;
      out.ids.add("dialogue_theme", entry.themes[position - 1].id,
                  store::insert_theme(out.sql, theme));
      ++theme_count;
    }
  }
  out.count("dialogues", static_cast<int>(entries.size()));
  out.count("dialogue_themes", theme_count);
}

class DialoguesSection final : public exchange::Section {
 public:
  void write(Writing& out) const override { out.document["dialogues"] = export_dialogues(out); }

  void read(Reading& in) override {
    dialogues_ = exchange::read_records<DialogueEntry>(
        in, in.document, "dialogues",
        {.kind = "dialogue",
         .id = [](const DialogueEntry& entry) { return entry.dialogue.id; },
         .validate = [](const DialogueEntry& entry) { return validate_dialogue(entry.dialogue); },
         .references = {{"walk_id", "walk",
                         [](const DialogueEntry& entry) { return entry.dialogue.walk_id; }}}},
        [&in](json::Reader& reader, DialogueEntry& entry, const std::string&) {
          dialogues::read(reader, entry.dialogue);
          entry.themes = read_themes(in, reader);
        });
  }

  void store(Storing& out) override { store_dialogues(out, dialogues_); }

 private:
  std::vector<DialogueEntry> dialogues_;
};

}  // namespace

std::unique_ptr<exchange::Section> exchange_section() {
  return std::make_unique<DialoguesSection>();
}

}  // namespace samtryg::dialogues
