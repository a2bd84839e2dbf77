// The reporting rules without I/O: templates as data, answer checks, carry forward and the
// workflow table.
#include "features/reporting/model.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "core/util/strings.hpp"

namespace samtryg::reporting {
namespace {

const Template& danish() {
  const auto* form_template = find_builtin_template("afrapportering_da");
  EXPECT_NE(form_template, nullptr);
  return *form_template;
}

TEST(ReportingTemplates, BothShippedTemplatesLoadWithTheSeedsSections) {
  const auto& form = danish();
  std::vector<std::string> titles;
  for (const auto& section : form.sections) titles.push_back(section.title);
  EXPECT_EQ(titles, (std::vector<std::string>{"Aktiviteter", "Formidling", "Måling/metode",
                                              "Resultater/delmål", "Erfaringer – udveksling",
                                              "Statusbeskrivelse"}));
  EXPECT_EQ(form.section("status")->limit, 2000U) << "max. ½ side";
  const auto* swedish = find_builtin_template("uppfoljning_sv");
  ASSERT_NE(swedish, nullptr);
  const auto* questions = swedish->section("follow_up");
  ASSERT_NE(questions, nullptr);
  EXPECT_EQ(questions->kind, SectionKind::questions);
  EXPECT_EQ(questions->questions.front().text, "Har de aktiviteter som beskrivs ovan genomförts?");
  EXPECT_EQ(parse_template(template_json(form)).sections.size(), form.sections.size())
      << "a template survives its own JSON";
}

TEST(ReportingTemplates, AMalformedTemplateIsRefusedWithPaths) {
  try {
    parse_template(boost::json::parse(
        R"({"key":"x","name":"X","sections":[{"key":"a","title":"A","kind":"poem"},)"
        R"({"key":"a","title":"B","kind":"questions"}]})"));
    FAIL() << "accepted";
  } catch (const validation::Invalid& invalid) {
    EXPECT_NE(invalid.errors.for_field("$.sections[0].kind"), nullptr);
    EXPECT_NE(invalid.errors.for_field("$.sections[1].key"), nullptr) << "duplicate key";
    EXPECT_NE(invalid.errors.for_field("$.sections[1].questions"), nullptr);
  }
}

// The demo showed "Pressemeddelelse(r) …" and "46 ryge- og alkoholseminarer …" twice: the
// form's wording differed from the register's by case, spacing or a closing full stop.
TEST(ReportingRegister, AnItemMatchesTheActivityItCameFromDespiteSpacingAndCase) {
  strategy::Activity registered;
  registered.kind = "communication";
  registered.title = "Pressemeddelelse(r) om  Tryghedsvandringer";
  strategy::Activity from_item;
  from_item.kind = "communication";
  from_item.title = "pressemeddelelse(r) om tryghedsvandringer.";
  EXPECT_TRUE(same_activity(registered, from_item));
  from_item.kind = "activity";
  EXPECT_FALSE(same_activity(registered, from_item));
  // A long item is cut to a title with "…" and kept whole as the description.
  registered.kind = from_item.kind = "activity";
  registered.title = "46 ryge- og alkoholseminarer for 7. og 8. klasser på 23 skoler";
  from_item.title = "46 ryge- og alkoholseminarer for 7. og 8. …";
  from_item.description = "46 ryge- og alkoholseminarer for 7. og 8. klasser på 23 skoler.";
  EXPECT_TRUE(same_activity(registered, from_item));
  from_item.description = "12 forældremøder";
  from_item.title = "12 forældremøder";
  EXPECT_FALSE(same_activity(registered, from_item));
}

TEST(ReportingRounds, TheDeadlineIsNotBeforeThePeriod) {
  EXPECT_TRUE(check_round("Afrapportering 2017", "2017-01-21", "2018-01-14", "2018-01-15").empty());
  const auto early = check_round("Afrapportering 2017", "2017-01-21", "2018-01-14", "2016-12-01");
  ASSERT_NE(early.for_field("deadline"), nullptr);
  EXPECT_EQ(early.for_field("deadline")->message_key, "round_deadline_before_period");
}

TEST(ReportingAnswers, TextOverTheLimitIsRefusedWithTheCount) {
  Content content;
  content.answer_for(*danish().section("status")).text = std::string(1999, 'x') + "æøå";
  const auto errors = check_content(danish(), content);
  const auto* error = errors.for_field("s.status.text");
  ASSERT_NE(error, nullptr) << "2002 characters (not bytes) are over 2000";
  EXPECT_EQ(error->values.front().second, "2002");
  content.answer_for(*danish().section("status")).text = std::string(1997, 'x') + "æøå";
  EXPECT_TRUE(check_content(danish(), content).empty()) << "exactly 2000 characters fit";
}

TEST(ReportingAnswers, ItemsNeedTextAValidStatusAndADateWhenDone) {
  Content content;
  auto& items = content.answer_for(*danish().section("activities")).items;
  items.push_back({"Netværksmøde", "done", "2017-11-24", "", std::nullopt});
  items.push_back({"Tovholdermøder", "done", "", "", std::nullopt});
  items.push_back({"", "planned", "januar 2018", "", std::nullopt});
  items.push_back({"Kampagne", "finished", "2017-08", "ftp://x", std::nullopt});
  // Seed 000's "Ingen informationer herom": no status known, and so no date.
  items.push_back({"Besøg hos borgere i eget hjem", "unknown", "", "", std::nullopt});
  const auto errors = check_content(danish(), content);
  EXPECT_EQ(errors.for_field("s.activities.0.text"), nullptr);
  EXPECT_NE(errors.for_field("s.activities.1.when"), nullptr) << "done needs a date";
  EXPECT_NE(errors.for_field("s.activities.2.text"), nullptr);
  EXPECT_NE(errors.for_field("s.activities.2.when"), nullptr);
  EXPECT_NE(errors.for_field("s.activities.3.status"), nullptr);
  EXPECT_NE(errors.for_field("s.activities.3.link"), nullptr);
  EXPECT_EQ(errors.for_field("s.activities.4.status"), nullptr);
  EXPECT_EQ(errors.for_field("s.activities.4.when"), nullptr);
}

TEST(ReportingAnswers, ContentSurvivesJsonAndCarriesForwardWhatIsStillOpen) {
  Content content;
  auto& items = content.answer_for(*danish().section("activities")).items;
  items.push_back({"Netværksmøde", "done", "2017-11-24", "", std::nullopt});
  items.push_back({"Opfølgning på workshop", "planned", "2018-01", "", 7});
  items.push_back({"Nye aktører involveres", "ongoing", "", "", std::nullopt});
  items.push_back({"Besøg hos borgere i eget hjem", "unknown", "", "", std::nullopt});
  content.answer_for(*danish().section("status")).text = "**Status**";
  EXPECT_EQ(parse_content(content_json(content)), content);
  const auto next = carried_forward(danish(), content);
  ASSERT_NE(next.answer("activities"), nullptr);
  EXPECT_EQ(next.answer("activities")->items.size(), 3U) << "planned, ongoing and unknown";
  EXPECT_EQ(next.answer("status"), nullptr) << "texts start fresh";
}

TEST(ReportingAnswers, ANewItemBecomesARegisterActivityOfItsSectionsKind) {
  const auto& form = danish();
  Item done{"Temadag om tryghed i nattelivet", "done", "2017-05-12", "https://www.aalborg.dk/tryg",
            std::nullopt};
  const auto activity = register_activity_for(*form.section("communication"), done, 7);
  EXPECT_EQ(activity.initiative_id, 7);
  EXPECT_EQ(activity.kind, "communication");
  EXPECT_EQ(activity.status, "done");
  EXPECT_EQ(activity.done_when, "2017-05-12");
  EXPECT_EQ(activity.planned_when, "");
  EXPECT_EQ(activity.links, "https://www.aalborg.dk/tryg");
  EXPECT_TRUE(strategy::validate_activity(activity).empty());

  Item planned{"Måling af tryghed blandt beboerne", "planned", "2018-03", "", std::nullopt};
  EXPECT_EQ(register_activity_for(*form.section("measurement"), planned, 7).planned_when,
            "2018-03");

  // Æ, ø and å are two bytes each: a long text is cut at a word, never inside a letter.
  std::string long_text;
  while (validation::utf8_length(long_text) < 400) long_text += "Tryghedsvandring på Øgade ";
  Item long_item{long_text, "ongoing", "", "", std::nullopt};
  const auto cut = register_activity_for(*form.section("activities"), long_item, 7);
  EXPECT_LE(validation::utf8_length(cut.title), strategy::kMaxTitle);
  EXPECT_TRUE(cut.title.ends_with("Øgade…") || cut.title.ends_with("på…") ||
              cut.title.ends_with("Tryghedsvandring…"))
      << cut.title;
  EXPECT_EQ(cut.description, std::string(trim(long_text)));
  EXPECT_TRUE(strategy::validate_activity(cut).empty());

  Item one_word{std::string(500, 'x'), "planned", "", "", std::nullopt};
  EXPECT_EQ(validation::utf8_length(
                register_activity_for(*form.section("activities"), one_word, 7).title),
            strategy::kMaxTitle);
}

TEST(ReportingWorkflow, WhoMayTakeWhichStep) {
  const Role lead{false, true};
  const Role coordinator{true, false};
  const Role member{false, false};
  EXPECT_EQ(after(FormStatus::draft, Step::submit, lead), FormStatus::submitted);
  EXPECT_EQ(after(FormStatus::returned, Step::submit, lead), FormStatus::submitted);
  EXPECT_FALSE(after(FormStatus::submitted, Step::approve, lead));
  EXPECT_FALSE(after(FormStatus::draft, Step::submit, member));
  EXPECT_EQ(after(FormStatus::submitted, Step::return_to_lead, coordinator), FormStatus::returned);
  EXPECT_EQ(after(FormStatus::submitted, Step::approve, coordinator), FormStatus::approved);
  EXPECT_FALSE(after(FormStatus::draft, Step::approve, coordinator)) << "approve what was sent";
  EXPECT_EQ(after(FormStatus::approved, Step::reopen, coordinator), FormStatus::returned);
  EXPECT_EQ(save_refusal(FormStatus::approved, coordinator), "form_locked_approved");
  EXPECT_EQ(save_refusal(FormStatus::submitted, lead), "form_locked_submitted");
  EXPECT_EQ(save_refusal(FormStatus::submitted, coordinator), "");
  EXPECT_EQ(save_refusal(FormStatus::draft, member), "form_not_yours");
}

TEST(ReportingWorkflow, LateMeansAfterTheDeadlineDay) {
  EXPECT_FALSE(is_late("2018-01-31T23:59:00Z", "2018-01-31"));
  EXPECT_TRUE(is_late("2018-02-01T00:00:01Z", "2018-01-31"));
}

TEST(ReportingWorkflow, RemindersComeDaysBeforeTheDeadlineAndWhenItHasPassedEachOnce) {
  const auto due = [](FormStatus status, std::string_view today, RemindersSent sent = {}) {
    const auto kind = reminder_due(status, "2018-01-31", today, 3, sent);
    return kind ? std::string(code(*kind)) : std::string("-");
  };
  EXPECT_EQ(due(FormStatus::draft, "2018-01-27"), "-") << "four days before";
  EXPECT_EQ(due(FormStatus::draft, "2018-01-28"), "before_deadline");
  EXPECT_EQ(due(FormStatus::returned, "2018-01-31"), "before_deadline") << "the deadline day";
  EXPECT_EQ(due(FormStatus::draft, "2018-01-29", {true, false}), "-") << "only once";
  EXPECT_EQ(due(FormStatus::draft, "2018-02-01", {true, false}), "overdue");
  EXPECT_EQ(due(FormStatus::draft, "2018-02-01"), "overdue") << "late rounds skip the first";
  EXPECT_EQ(due(FormStatus::draft, "2018-03-01", {true, true}), "-");
  EXPECT_EQ(due(FormStatus::submitted, "2018-02-01"), "-");
  EXPECT_EQ(due(FormStatus::approved, "2018-01-30"), "-");
  EXPECT_EQ(parse_reminder_kind("overdue"), ReminderKind::overdue);
  EXPECT_FALSE(parse_reminder_kind("weekly"));
}

TEST(ReportingWorkflow, AnswersToSectionsATemplateNoLongerHasStayVisibleInTheCompare) {
  Content before;
  Answer old;
  old.section = "removed";
  old.title = "Gammel sektion";
  old.text = "tekst";
  before.answers.push_back(old);
  const auto changes = compare(danish(), before, Content{});
  ASSERT_FALSE(changes.empty());
  EXPECT_EQ(changes.back().title, "Gammel sektion");
  EXPECT_TRUE(changes.back().changed);
}

}  // namespace
}  // namespace samtryg::reporting
