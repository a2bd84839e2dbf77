// The dialogues' use cases and statements against SQLite and PostgreSQL alike: a dialogue
// recorded with its themes and read back, its walk link checked through the walks' queries,
// changed with a stale version refused, its themes added, changed and deleted, viewers kept to
// published dialogues, and the dialogue deleted with its themes.
#include "features/dialogues/commands.hpp"

#include <gtest/gtest.h>

#include "core/audit/audit.hpp"
#include "core/auth/store.hpp"
#include "core/util/time.hpp"
#include "features/dialogues/store.hpp"
#include "features/walks/commands.hpp"
#include "support/databases.hpp"

namespace samtryg::dialogues {
namespace {

class DialogueCommands : public testing::DatabaseTest {
 protected:
  void prepare() override {
    database_->in_transaction([&](soci::session& sql) {
      workspace_ = auth::insert_workspace(sql, "Landskrona stad", "sv", now_iso_utc());
      other_workspace_ = auth::insert_workspace(sql, "Nässjö", "sv", now_iso_utc());
    });
    coordinator_ = actor(workspace_, auth::Role::coordinator);
  }

  static Actor actor(long long workspace, auth::Role role) {
    return auth::Actor::for_role(workspace, {std::nullopt, "test"}, std::nullopt, role);
  }

  static Dialogue street_stand() {
    Dialogue dialogue;
    dialogue.title = "Medborgardialog på Rådhustorget";
    dialogue.place = "Rådhustorget";
    dialogue.held_on = "2016-03-12";
    dialogue.format = "street_stand";
    dialogue.partners = "Lokalpolisområde Landskrona\nLandskrona stad";
    dialogue.participants.residents = 58;
    dialogue.participants.young_people = 14;
    dialogue.summary = "Ett stånd på torget.";
    return dialogue;
  }

  static Theme theme(const std::string& label, std::optional<int> mentions,
                     std::optional<int> rank) {
    Theme out;
    out.label = label;
    out.mentions = mentions;
    out.rank = rank;
    return out;
  }

  long long walk_in(long long workspace) {
    walks::Walk walk;
    walk.area = "Centrum";
    walk.year = 2016;
    return walks::create_walk(database(), actor(workspace, auth::Role::coordinator), walk, {});
  }

  long long workspace_ = 0;
  long long other_workspace_ = 0;
  Actor coordinator_;
};

TEST_P(DialogueCommands, ADialogueWithItsThemesAndWalkIsRecordedAndReadBack) {
  auto dialogue = street_stand();
  dialogue.walk_id = walk_in(workspace_);
  const auto id =
      create_dialogue(database(), coordinator_, dialogue,
                      {theme("Trafik", 9, std::nullopt), theme("Polisiär synlighet", 31, 1)});
  auto sql = database().session();
  const auto record = dialogue_record(sql, coordinator_, id);
  EXPECT_EQ(record.dialogue.title, "Medborgardialog på Rådhustorget");
  EXPECT_EQ(record.dialogue.format, "street_stand");
  EXPECT_EQ(record.dialogue.participants.total(), 72);
  EXPECT_EQ(record.dialogue.walk_id, dialogue.walk_id);
  EXPECT_FALSE(record.dialogue.published);
  ASSERT_EQ(record.themes.size(), 2U);
  EXPECT_EQ(record.themes[0].label, "Polisiär synlighet") << "the ranked theme first";
  EXPECT_EQ(record.themes[0].rank, 1);
  EXPECT_EQ(record.themes[1].mentions, 9);
  EXPECT_FALSE(record.themes[1].rank);
  ASSERT_TRUE(record.walk);
  EXPECT_EQ(record.walk->area, "Centrum");
  EXPECT_EQ(audit::history(sql, "dialogue", std::to_string(id)).size(), 1U);
}

TEST_P(DialogueCommands, AWalkOfAnotherWorkspaceOrNoneAtAllIsRefused) {
  for (const long long walk : {walk_in(other_workspace_), 999999LL}) {
    auto dialogue = street_stand();
    dialogue.walk_id = walk;
    try {
      create_dialogue(database(), coordinator_, dialogue);
      FAIL() << "a walk outside the workspace was accepted";
    } catch (const validation::Invalid& invalid) {
      EXPECT_TRUE(invalid.errors.for_field("walk_id"));
    }
  }
  auto sql = database().session();
  EXPECT_TRUE(dialogues(sql, coordinator_).empty());
}

TEST_P(DialogueCommands, BadInputIsRefusedWholeAndOnlyCoordinatorsRecord) {
  auto dialogue = street_stand();
  dialogue.held_on = "2016-13-01";
  try {
    create_dialogue(database(), coordinator_, dialogue, {theme("", 3, std::nullopt)});
    FAIL() << "a month 13 was accepted";
  } catch (const validation::Invalid& invalid) {
    EXPECT_TRUE(invalid.errors.for_field("held_on"));
    EXPECT_TRUE(invalid.errors.for_field("themes[0].label"));
  }
  EXPECT_THROW(create_dialogue(database(), actor(workspace_, auth::Role::member), street_stand()),
               validation::Forbidden);
  auto sql = database().session();
  EXPECT_TRUE(dialogues(sql, coordinator_).empty());
}

TEST_P(DialogueCommands, ViewersSeeOnlyPublishedDialoguesAndStrangersNone) {
  const auto hidden = create_dialogue(database(), coordinator_, street_stand());
  auto published = street_stand();
  published.title = "Dialog med elever";
  published.published = true;
  const auto shown = create_dialogue(database(), coordinator_, published);
  const auto viewer = actor(workspace_, auth::Role::viewer);
  auto sql = database().session();
  const auto seen = dialogues(sql, viewer);
  ASSERT_EQ(seen.size(), 1U);
  EXPECT_EQ(seen[0].id, shown);
  EXPECT_THROW(readable_dialogue(sql, viewer, hidden), validation::NotFound);
  EXPECT_THROW(readable_dialogue(sql, actor(other_workspace_, auth::Role::coordinator), shown),
               validation::NotFound);
  EXPECT_EQ(dialogues(sql, coordinator_).size(), 2U);
}

TEST_P(DialogueCommands, AChangeNeedsTheVersionItWasBasedOn) {
  const auto id = create_dialogue(database(), coordinator_, street_stand());
  auto changed = street_stand();
  changed.id = id;
  changed.title = "Dialog på torget";
  changed.published = true;
  update_dialogue(database(), coordinator_, changed);
  EXPECT_THROW(update_dialogue(database(), coordinator_, changed), validation::Conflict)
      << "row_version 1 is stale now";
  auto sql = database().session();
  const auto stored = readable_dialogue(sql, coordinator_, id);
  EXPECT_EQ(stored.title, "Dialog på torget");
  EXPECT_TRUE(stored.published);
  EXPECT_EQ(stored.row_version, 2);
}

TEST_P(DialogueCommands, ThemesAreAddedChangedAndDeleted) {
  const auto id = create_dialogue(database(), coordinator_, street_stand());
  const auto first = add_theme(database(), coordinator_, id, theme("Trafik", 9, std::nullopt));
  add_theme(database(), coordinator_, id, theme("Klotter", 19, std::nullopt));
  EXPECT_THROW(add_theme(database(), coordinator_, id, theme("Buller", std::nullopt, std::nullopt)),
               validation::Invalid);
  auto changed = theme("Trafik – fortkörning", 25, std::nullopt);
  changed.id = first;
  update_theme(database(), coordinator_, id, changed);
  EXPECT_THROW(update_theme(database(), coordinator_, id, changed), validation::Conflict);
  {
    auto sql = database().session();
    const auto record = dialogue_record(sql, coordinator_, id);
    ASSERT_EQ(record.themes.size(), 2U);
    EXPECT_EQ(record.themes[0].label, "Trafik – fortkörning");
    EXPECT_EQ(record.themes[0].mentions, 25);
  }
  delete_theme(database(), coordinator_, id, first);
  EXPECT_THROW(delete_theme(database(), coordinator_, id, first), validation::NotFound);
  auto sql = database().session();
  ASSERT_EQ(store::themes(sql, id).size(), 1U);
  EXPECT_EQ(store::themes(sql, id)[0].label, "Klotter");
}

TEST_P(DialogueCommands, TheApiReplacesThemesWhenItSendsThem) {
  const auto id =
      create_dialogue(database(), coordinator_, street_stand(), {theme("Trafik", 9, std::nullopt)});
  auto changed = street_stand();
  changed.id = id;
  update_dialogue(
      database(), coordinator_, changed,
      std::vector<Theme>{theme("Otrygghet på kvällen", 22, 1), theme("Klotter", 19, 2)});
  auto sql = database().session();
  const auto themes = store::themes(sql, id);
  ASSERT_EQ(themes.size(), 2U);
  EXPECT_EQ(themes[0].label, "Otrygghet på kvällen");
  EXPECT_EQ(themes[1].position, 2);
}

TEST_P(DialogueCommands, ADeletedDialogueTakesItsThemesAlong) {
  const auto id =
      create_dialogue(database(), coordinator_, street_stand(), {theme("Trafik", 9, std::nullopt)});
  EXPECT_THROW(delete_dialogue(database(), actor(workspace_, auth::Role::member), id),
               validation::Forbidden);
  EXPECT_THROW(delete_dialogue(database(), actor(other_workspace_, auth::Role::coordinator), id),
               validation::NotFound);
  delete_dialogue(database(), coordinator_, id);
  auto sql = database().session();
  EXPECT_FALSE(store::find_dialogue(sql, workspace_, id));
  EXPECT_TRUE(store::themes(sql, id).empty());
  EXPECT_EQ(audit::history(sql, "dialogue", std::to_string(id)).size(), 2U);
}

SAMTRYG_ON_EVERY_BACKEND(DialogueCommands);

}  // namespace
}  // namespace samtryg::dialogues
