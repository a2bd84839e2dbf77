// The dialogues' rules without a database: what a dialogue and a theme must hold, how the
// partners are listed and how the themes are ordered.
#include "features/dialogues/model.hpp"

#include <gtest/gtest.h>

namespace samtryg::dialogues {
namespace {

Dialogue street_stand() {
  Dialogue dialogue;
  dialogue.title = "Medborgardialog på Rådhustorget";
  dialogue.held_on = "2016-03-12";
  dialogue.format = "street_stand";
  dialogue.participants.residents = 58;
  return dialogue;
}

Theme theme(std::string label, std::optional<int> mentions, std::optional<int> rank, int position) {
  Theme out;
  out.label = std::move(label);
  out.mentions = mentions;
  out.rank = rank;
  out.position = position;
  return out;
}

TEST(DialogueModel, AFullDialogueIsValid) {
  EXPECT_TRUE(validate_dialogue(street_stand()).empty());
}

TEST(DialogueModel, TitleDateAndFormAreRequired) {
  auto dialogue = street_stand();
  dialogue.title = "  ";
  dialogue.held_on = "";
  dialogue.format = "party";
  const auto errors = validate_dialogue(dialogue);
  EXPECT_TRUE(errors.for_field("title"));
  EXPECT_TRUE(errors.for_field("held_on"));
  EXPECT_TRUE(errors.for_field("format"));
}

TEST(DialogueModel, TheDateMustBeADay) {
  auto dialogue = street_stand();
  dialogue.held_on = "2016-02-30";
  EXPECT_TRUE(validate_dialogue(dialogue).for_field("held_on"));
  dialogue.held_on = "våren 2016";
  EXPECT_TRUE(validate_dialogue(dialogue).for_field("held_on"));
}

TEST(DialogueModel, CountsAreWholeNumbersWithinBounds) {
  auto dialogue = street_stand();
  dialogue.participants.young_people = -1;
  dialogue.participants.police = kMaxCount + 1;
  const auto errors = validate_dialogue(dialogue);
  EXPECT_TRUE(errors.for_field("young_people"));
  EXPECT_TRUE(errors.for_field("police"));
  EXPECT_FALSE(errors.for_field("residents"));
  EXPECT_EQ(street_stand().participants.total(), 58);
}

TEST(DialogueModel, LongTextsAreRefused) {
  auto dialogue = street_stand();
  dialogue.place = std::string(kMaxTitle + 1, 'x');
  dialogue.summary = std::string(kMaxText + 1, 'x');
  const auto errors = validate_dialogue(dialogue);
  EXPECT_TRUE(errors.for_field("place"));
  EXPECT_TRUE(errors.for_field("summary"));
}

TEST(DialogueModel, AThemeNeedsALabelAndACountOrARank) {
  EXPECT_TRUE(validate_theme(theme("Polisiär synlighet", 31, std::nullopt, 1)).empty());
  EXPECT_TRUE(validate_theme(theme("Polisiär synlighet", std::nullopt, 1, 1)).empty());
  EXPECT_TRUE(validate_theme(theme("", 3, 1, 1)).for_field("label"));
  EXPECT_TRUE(validate_theme(theme("Trafik", std::nullopt, std::nullopt, 1)).for_field("mentions"));
}

TEST(DialogueModel, ARankRunsFromOneToTheLimit) {
  EXPECT_TRUE(validate_theme(theme("Trafik", std::nullopt, 0, 1)).for_field("rank"));
  EXPECT_TRUE(validate_theme(theme("Trafik", std::nullopt, kMaxRank + 1, 1)).for_field("rank"));
  EXPECT_TRUE(validate_theme(theme("Trafik", std::nullopt, kMaxRank, 1)).empty());
  EXPECT_TRUE(validate_theme(theme("Trafik", -2, std::nullopt, 1)).for_field("mentions"));
}

TEST(DialogueModel, PartnersAreOneALineWithoutBlanks) {
  EXPECT_EQ(partner_list("Lokalpolisområde Landskrona\r\n\n  Landskrona stad  \n"),
            (std::vector<std::string>{"Lokalpolisområde Landskrona", "Landskrona stad"}));
  EXPECT_TRUE(partner_list(" \n ").empty());
}

TEST(DialogueModel, RankedThemesComeFirstThenTheMostRaised) {
  const auto sorted =
      ordered({theme("Trafik", 9, std::nullopt, 1), theme("Klotter", 19, std::nullopt, 2),
               theme("Synlighet", 4, 2, 3), theme("Otrygghet på kvällen", 2, 1, 4),
               theme("Buller", 9, std::nullopt, 5)});
  std::vector<std::string> labels;
  labels.reserve(sorted.size());
  for (const auto& item : sorted) labels.push_back(item.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"Otrygghet på kvällen", "Synlighet", "Klotter",
                                              "Trafik", "Buller"}));
}

TEST(DialogueModel, ANewThemeComesAfterTheLast) {
  EXPECT_EQ(next_position({}), 1);
  EXPECT_EQ(next_position({theme("a", 1, std::nullopt, 4), theme("b", 1, std::nullopt, 2)}), 5);
}

}  // namespace
}  // namespace samtryg::dialogues
