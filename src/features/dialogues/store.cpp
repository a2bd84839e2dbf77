#include "features/dialogues/store.hpp"

#include "core/db/database.hpp"
#include "core/db/nullable.hpp"
#include "core/util/time.hpp"

namespace samtryg::dialogues::store {

using db::Nullable;
using soci::into;
using soci::use;

namespace {

constexpr const char* kDialogueColumns =
    "SELECT id, workspace_id, walk_id, title, place, held_on, format, partners, residents, "
    "young_people, business_owners, police, municipality, others, summary, published, "
    "created_at, updated_at, row_version FROM dialogues ";

// The dialogue's columns bound in both directions: into() for reads, use() for writes.
struct DialogueRow {
  Dialogue dialogue;
  Nullable<long long> walk;
  int published = 0;

  DialogueRow() = default;
  explicit DialogueRow(const Dialogue& from)
      : dialogue(from), walk(from.walk_id), published(from.published ? 1 : 0) {}

  void bind_into(soci::statement& st) {
    auto& counts = dialogue.participants;
    st.exchange(into(dialogue.id));
    st.exchange(into(dialogue.workspace_id));
    st.exchange(into(walk.value, walk.indicator));
    st.exchange(into(dialogue.title));
    st.exchange(into(dialogue.place));
    st.exchange(into(dialogue.held_on));
    st.exchange(into(dialogue.format));
    st.exchange(into(dialogue.partners));
    st.exchange(into(counts.residents));
    st.exchange(into(counts.young_people));
    st.exchange(into(counts.business_owners));
    st.exchange(into(counts.police));
    st.exchange(into(counts.municipality));
    st.exchange(into(counts.others));
    st.exchange(into(dialogue.summary));
    st.exchange(into(published));
    st.exchange(into(dialogue.created_at));
    st.exchange(into(dialogue.updated_at));
    st.exchange(into(dialogue.row_version));
  }
  // The columns every write sets, in the order the statements name them.
  void bind_use(soci::statement& st) {
    auto& counts = dialogue.participants;
    st.exchange(use(walk.value, walk.indicator));
    st.exchange(use(dialogue.title));
    st.exchange(use(dialogue.place));
    st.exchange(use(dialogue.held_on));
    st.exchange(use(dialogue.format));
    st.exchange(use(dialogue.partners));
    st.exchange(use(counts.residents));
    st.exchange(use(counts.young_people));
    st.exchange(use(counts.business_owners));
    st.exchange(use(counts.police));
    st.exchange(use(counts.municipality));
    st.exchange(use(counts.others));
    st.exchange(use(dialogue.summary));
    st.exchange(use(published));
  }
  Dialogue get() const {
    Dialogue out = dialogue;
    out.walk_id = walk.get();
    out.published = published != 0;
    return out;
  }
};

using db::prepare_and_run;

// Runs a statement that returns no rows; prepare_and_run leaves that to the first fetch.
void run_write(soci::statement& st, const std::string& query) {
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  st.execute(true);
}

}  // namespace

long long insert_dialogue(soci::session& sql, const Dialogue& dialogue) {
  DialogueRow row(dialogue);
  // Import keeps the times it brings; everything else is created now.
  const std::string created = dialogue.created_at.empty() ? now_iso_utc() : dialogue.created_at;
  const std::string updated = dialogue.updated_at.empty() ? created : dialogue.updated_at;
  long long id = 0;
  soci::statement st(sql);
  st.exchange(use(row.dialogue.workspace_id));
  row.bind_use(st);
  st.exchange(use(created));
  st.exchange(use(updated));
  st.exchange(into(id));
  prepare_and_run(st,
                  "INSERT INTO dialogues (workspace_id, walk_id, title, place, held_on, format, "
                  "partners, residents, young_people, business_owners, police, municipality, "
                  "others, summary, published, created_at, updated_at) VALUES (:w, :walk, :t, "
                  ":p, :d, :f, :pa, :c1, :c2, :c3, :c4, :c5, :c6, :s, :pub, :ca, :ua) "
                  "RETURNING id");
  st.fetch();
  return id;
}

bool update_dialogue(soci::session& sql, const Dialogue& dialogue) {
  DialogueRow row(dialogue);
  const std::string now = now_iso_utc();
  soci::statement st(sql);
  row.bind_use(st);
  st.exchange(use(now));
  st.exchange(use(row.dialogue.id));
  st.exchange(use(row.dialogue.workspace_id));
  st.exchange(use(row.dialogue.row_version));
  run_write(st,
            "UPDATE dialogues SET walk_id = :walk, title = :t, place = :p, held_on = :d, "
            "format = :f, partners = :pa, residents = :c1, young_people = :c2, "
            "business_owners = :c3, police = :c4, municipality = :c5, others = :c6, "
            "summary = :s, published = :pub, updated_at = :ua, row_version = row_version + 1 "
            "WHERE id = :id AND workspace_id = :w AND row_version = :rv");
  return st.get_affected_rows() == 1;
}

std::optional<Dialogue> find_dialogue(soci::session& sql, long long workspace_id, long long id) {
  DialogueRow row;
  soci::statement st(sql);
  row.bind_into(st);
  st.exchange(use(id));
  st.exchange(use(workspace_id));
  prepare_and_run(st, std::string(kDialogueColumns) + "WHERE id = :id AND workspace_id = :w");
  if (!st.fetch()) return std::nullopt;
  return row.get();
}

std::vector<Dialogue> dialogues(soci::session& sql, long long workspace_id) {
  std::vector<Dialogue> out;
  DialogueRow row;
  soci::statement st(sql);
  row.bind_into(st);
  st.exchange(use(workspace_id));
  prepare_and_run(
      st, std::string(kDialogueColumns) + "WHERE workspace_id = :w ORDER BY held_on DESC, id DESC");
  while (st.fetch()) out.push_back(row.get());
  return out;
}

void delete_dialogue(soci::session& sql, long long workspace_id, long long id) {
  // SQLite enforces the cascade only where foreign keys are switched on: say it outright.
  sql << "DELETE FROM dialogue_themes WHERE dialogue_id IN "
         "(SELECT id FROM dialogues WHERE id = :id AND workspace_id = :w)",
      use(id), use(workspace_id);
  sql << "DELETE FROM dialogues WHERE id = :id AND workspace_id = :w", use(id), use(workspace_id);
}

long long insert_theme(soci::session& sql, const Theme& theme) {
  Nullable<int> mentions(theme.mentions);
  Nullable<int> rank(theme.rank);
  const std::string created = theme.created_at.empty() ? now_iso_utc() : theme.created_at;
  const std::string updated = theme.updated_at.empty() ? created : theme.updated_at;
  long long id = 0;
  sql << "INSERT INTO dialogue_themes (dialogue_id, position, label, mentions, ranking, summary, "
         "created_at, updated_at) VALUES (:d, :p, :l, :m, :r, :s, :ca, :ua) RETURNING id",
      use(theme.dialogue_id), use(theme.position), use(theme.label),
      use(mentions.value, mentions.indicator), use(rank.value, rank.indicator), use(theme.summary),
      use(created), use(updated), into(id);
  return id;
}

bool update_theme(soci::session& sql, const Theme& theme) {
  Nullable<int> mentions(theme.mentions);
  Nullable<int> rank(theme.rank);
  const std::string now = now_iso_utc();
  soci::statement st =
      (sql.prepare << "UPDATE dialogue_themes SET label = :l, mentions = :m, ranking = :r, "
                      "summary = :s, updated_at = :ua, row_version = row_version + 1 "
                      "WHERE id = :id AND dialogue_id = :d AND row_version = :rv",
       use(theme.label), use(mentions.value, mentions.indicator), use(rank.value, rank.indicator),
       use(theme.summary), use(now), use(theme.id), use(theme.dialogue_id), use(theme.row_version));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void delete_theme(soci::session& sql, long long dialogue_id, long long id) {
  sql << "DELETE FROM dialogue_themes WHERE id = :id AND dialogue_id = :d", use(id),
      use(dialogue_id);
}

void delete_themes(soci::session& sql, long long dialogue_id) {
  sql << "DELETE FROM dialogue_themes WHERE dialogue_id = :d", use(dialogue_id);
}

std::vector<Theme> themes(soci::session& sql, long long dialogue_id) {
  std::vector<Theme> out;
  Theme theme;
  Nullable<int> mentions;
  Nullable<int> rank;
  soci::statement st =
      (sql.prepare << "SELECT id, dialogue_id, position, label, mentions, ranking, summary, "
                      "created_at, updated_at, row_version FROM dialogue_themes "
                      "WHERE dialogue_id = :d ORDER BY position, id",
       into(theme.id), into(theme.dialogue_id), into(theme.position), into(theme.label),
       into(mentions.value, mentions.indicator), into(rank.value, rank.indicator),
       into(theme.summary), into(theme.created_at), into(theme.updated_at), into(theme.row_version),
       use(dialogue_id));
  st.execute();
  while (st.fetch()) {
    theme.mentions = mentions.get();
    theme.rank = rank.get();
    out.push_back(theme);
  }
  return out;
}

std::map<long long, long long> theme_counts(soci::session& sql, long long workspace_id) {
  std::map<long long, long long> out;
  long long dialogue_id = 0;
  long long count = 0;
  soci::statement st =
      (sql.prepare << "SELECT t.dialogue_id, COUNT(*) FROM dialogue_themes t "
                      "JOIN dialogues d ON d.id = t.dialogue_id WHERE d.workspace_id = :w "
                      "GROUP BY t.dialogue_id",
       into(dialogue_id), into(count), use(workspace_id));
  st.execute();
  while (st.fetch()) out[dialogue_id] = count;
  return out;
}

}  // namespace samtryg::dialogues::store
