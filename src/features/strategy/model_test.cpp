#include "features/strategy/model.hpp"

#include <gtest/gtest.h>

namespace samtryg::strategy {
namespace {

bool has(const validation::Errors& errors, std::string_view field, std::string_view key) {
  const auto* error = errors.for_field(field);
  return error != nullptr && error->message_key == key;
}

TEST(StrategyModel, IsoDatesMustBeRealDays) {
  EXPECT_TRUE(is_iso_date("2017-01-21"));
  EXPECT_TRUE(is_iso_date("2016-02-29"));
  EXPECT_FALSE(is_iso_date("2017-02-29"));
  EXPECT_FALSE(is_iso_date("2017-13-01"));
  EXPECT_FALSE(is_iso_date("21.01.2017"));
  EXPECT_FALSE(is_iso_date("2017-1-21"));
}

TEST(StrategyModel, FlexibleDatesAreDaysMonthsOrOngoing) {
  EXPECT_EQ(parse_flexible_date("2017-11-24")->kind, FlexibleDate::Kind::day);
  const auto month = parse_flexible_date("2018-01");
  ASSERT_TRUE(month);
  EXPECT_EQ(month->kind, FlexibleDate::Kind::month);
  EXPECT_EQ(month->month, 1);
  EXPECT_EQ(parse_flexible_date("ongoing")->kind, FlexibleDate::Kind::ongoing);
  EXPECT_EQ(parse_flexible_date("")->kind, FlexibleDate::Kind::none);
  EXPECT_FALSE(parse_flexible_date("2018-13"));
  EXPECT_FALSE(parse_flexible_date("januar 2018"));
  // Nobody types an English code: the word in their language is "ongoing".
  for (const auto* word : {"Løbende", "løbende", "LØBENDE", "löpande", "Ongoing", " ongoing "}) {
    EXPECT_EQ(flexible_date_code(word), "ongoing") << word;
    EXPECT_EQ(parse_flexible_date(word)->kind, FlexibleDate::Kind::ongoing) << word;
  }
  EXPECT_EQ(flexible_date_code(" 2018-01 "), "2018-01");
}

StatusChange change(std::string status, std::string changed_on) {
  StatusChange made;
  made.status = std::move(status);
  made.changed_on = std::move(changed_on);
  return made;
}

TEST(StrategyModel, AStatusChangeIsNotDatedBeforeTheInitiativeOrTheLastChange) {
  EXPECT_TRUE(
      has(validate_status_change("active", "paused", "1999-05-01", "Sommerferie", "2025-02-01"),
          "changed_on", "status_change_too_early"));
  EXPECT_TRUE(validate_status_change("active", "paused", "2025-06-01", "Sommerferie", "2025-02-01")
                  .empty());
  Initiative initiative;
  initiative.start_date = "2025-02-01";
  EXPECT_EQ(earliest_status_change(initiative, {}), "2025-02-01");
  EXPECT_EQ(earliest_status_change(initiative, {change("active", "2026-12-05")}), "2025-02-01");
  EXPECT_EQ(earliest_status_change(
                initiative, {change("active", "2025-02-01"), change("paused", "2025-03-01")}),
            "2025-03-01");
}

TEST(StrategyModel, AnImportedStatusHistoryFollowsTheSameRules) {
  Initiative initiative;
  initiative.start_date = "2025-02-01";
  initiative.status = "paused";
  const std::vector<StatusChange> history = {
      change("active", "2025-02-01"), change("paused", "2025-06-01"),  // no reason
  };
  EXPECT_TRUE(has(validate_status_history(initiative, history), "status_history[1].reason",
                  "status_reason_required"));
  const std::vector<StatusChange> early = {change("active", "1999-01-01")};
  initiative.status = "active";
  EXPECT_TRUE(has(validate_status_history(initiative, early), "status_history[0].changed_on",
                  "status_change_too_early"));
  const std::vector<StatusChange> ends_elsewhere = {change("active", "2025-02-01")};
  initiative.status = "closed";
  EXPECT_TRUE(has(validate_status_history(initiative, ends_elsewhere), "status",
                  "status_history_mismatch"));
  initiative.status = "active";
  EXPECT_TRUE(validate_status_history(initiative, ends_elsewhere).empty());
}

TEST(StrategyModel, PlanPeriodMustNotEndBeforeItStarts) {
  Plan plan;
  plan.name = "Tryg Aalborg – en mere tryg kommune";
  plan.period_start = "2018-01-14";
  plan.period_end = "2017-01-21";
  EXPECT_TRUE(has(validate_plan(plan), "period_end", "period_end_before_start"));
  std::swap(plan.period_start, plan.period_end);
  EXPECT_TRUE(validate_plan(plan).empty());
  plan.kind = "wish_list";
  plan.name = " ";
  const auto errors = validate_plan(plan);
  EXPECT_TRUE(has(errors, "kind", "choice_invalid"));
  EXPECT_TRUE(has(errors, "name", "field_required"));
}

TEST(StrategyModel, InitiativeNeedsANameOfSensibleLength) {
  Initiative initiative;
  initiative.name = std::string(201, 'x');
  EXPECT_TRUE(has(validate_initiative(initiative), "name", "field_too_long"));
  initiative.name = "Et trygt natteliv";
  initiative.added_year = 1800;
  EXPECT_TRUE(has(validate_initiative(initiative), "added_year", "year_invalid"));
  initiative.added_year = 2017;
  initiative.start_date = "2017-02-30";
  EXPECT_TRUE(has(validate_initiative(initiative), "start_date", "date_invalid"));
  initiative.start_date = "2013-06-01";
  EXPECT_TRUE(validate_initiative(initiative).empty());
}

TEST(StrategyModel, StatusLifeCycle) {
  EXPECT_TRUE(status_change_allowed("proposed", "active"));
  EXPECT_TRUE(status_change_allowed("active", "paused"));
  EXPECT_TRUE(status_change_allowed("paused", "closed"));
  EXPECT_TRUE(status_change_allowed("closed", "active"));
  EXPECT_FALSE(status_change_allowed("proposed", "paused"));
  EXPECT_FALSE(status_change_allowed("active", "active"));
  EXPECT_FALSE(status_change_allowed("closed", "paused"));
  EXPECT_FALSE(status_change_allowed("active", "proposed"));

  EXPECT_TRUE(has(validate_status_change("active", "closed", "2017-12-31", ""), "reason",
                  "status_reason_required"));
  EXPECT_TRUE(validate_status_change("active", "closed", "2017-12-31", "Målet er nået").empty());
  EXPECT_TRUE(has(validate_status_change("proposed", "paused", "2017-12-31", "x"), "status",
                  "status_change_not_allowed"));
  EXPECT_TRUE(
      has(validate_status_change("proposed", "active", "", ""), "changed_on", "field_required"));
}

TEST(StrategyModel, CommunicationFiguresBelongToCommunicationItems) {
  Activity activity;
  activity.title = "Kampagne \"Et trygt natteliv\"";
  activity.kind = "communication";
  activity.status = "done";
  activity.done_when = "2017-09-07";
  activity.channel = "web";
  activity.links = "https://tryg.aalborg.dk/nyheder/2017/08/et-trygt-natteliv-1\n";
  activity.reach = 1200;
  EXPECT_TRUE(validate_activity(activity).empty());

  activity.kind = "activity";
  auto errors = validate_activity(activity);
  EXPECT_TRUE(has(errors, "channel", "channel_only_communication"));
  EXPECT_TRUE(has(errors, "reach", "figures_only_communication"));

  activity.kind = "communication";
  activity.likes = -1;
  activity.links = "javascript:alert(1)";
  activity.planned_when = "snart";
  errors = validate_activity(activity);
  EXPECT_TRUE(has(errors, "likes", "number_not_negative"));
  EXPECT_TRUE(has(errors, "links", "links_invalid"));
  EXPECT_TRUE(has(errors, "planned_when", "flexible_date_invalid"));
}

TEST(StrategyModel, AWorkspacesOwnChannelIsAllowedBesideTheBuiltInOnes) {
  Activity activity;
  activity.title = "Gode råd i det offentlige uddrag af døgnrapporten";
  activity.kind = "communication";
  activity.status = "ongoing";
  activity.channel = "Døgnrapporten";
  EXPECT_TRUE(has(validate_activity(activity), "channel", "choice_invalid"))
      << "not a channel of this workspace";
  EXPECT_TRUE(validate_activity(activity, {"Lokalaviser", "Døgnrapporten"}).empty());
  activity.channel = "instagram";
  EXPECT_TRUE(validate_activity(activity).empty());

  Channel channel;
  channel.name = "Døgnrapporten";
  EXPECT_TRUE(validate_channel(channel).empty());
  for (const auto* built_in : {"facebook", "Facebook", "TIKTOK"}) {
    channel.name = built_in;
    EXPECT_TRUE(has(validate_channel(channel), "name", "channel_built_in")) << built_in;
  }
  channel.name.clear();
  EXPECT_TRUE(has(validate_channel(channel), "name", "field_required"));
}

TEST(StrategyModel, CompareListsChangedFieldsOnly) {
  Initiative before;
  before.name = "Din Vej";
  before.status = "active";
  Initiative after = before;
  after.status = "closed";
  after.goals = "2/3 bliver afklaret";
  const auto changes = compare_initiatives(before, after);
  ASSERT_EQ(changes.size(), 2U);
  EXPECT_EQ(changes[0].field, "status");
  EXPECT_EQ(changes[0].before, "active");
  EXPECT_EQ(changes[1].field, "goals");
}

}  // namespace
}  // namespace samtryg::strategy

namespace samtryg::strategy {
namespace {

TEST(StrategyModel, DocumentTypesAreDecidedByNameAndConfirmedByContent) {
  EXPECT_EQ(document_content_type("Afrapportering.PDF", "%PDF-1.7 ..."), "application/pdf");
  EXPECT_FALSE(document_content_type("virus.pdf", "<script>"));
  EXPECT_TRUE(document_content_type("skema.docx", std::string("PK\x03\x04rest", 8)));
  EXPECT_FALSE(document_content_type("skema.docx", "plain text"));
  EXPECT_EQ(document_content_type("tal.csv", "år;antal\n2017;23\n"), "text/csv; charset=utf-8");
  EXPECT_FALSE(document_content_type("tal.csv", std::string("a\0b", 3)));
  // Swedish Excel's CSV is Windows-1252: kept as it is and served as what it is.
  EXPECT_EQ(document_content_type("brott.csv", "L\xe4n;\xc5r;Antal\nSk\xe5ne;2017;12\n"),
            "text/csv; charset=windows-1252");
  EXPECT_EQ(document_content_type("noter.txt", std::string("\xff\xfe"
                                                           "a\0b\0",
                                                           6)),
            "text/plain; charset=utf-16");
  EXPECT_FALSE(document_content_type("side.html", "<html>"));
  EXPECT_FALSE(document_content_type("noextension", "%PDF-"));
}

TEST(StrategyModel, FileNamesLoseTheirPathsAndControlCharacters) {
  EXPECT_EQ(safe_filename("../../etc/passwd"), "passwd");
  EXPECT_EQ(safe_filename("C:\\Users\\x\\Årsrapport 2017.pdf"), "Årsrapport 2017.pdf");
  EXPECT_EQ(safe_filename("a\"b\r\nc.txt"), "abc.txt");
  EXPECT_EQ(safe_filename("..hidden.txt"), "hidden.txt");
  Document document;
  document.initiative_id = 1;
  document.filename = "big.txt";
  document.content = std::string(kMaxDocumentBytes + 1, 'a');
  EXPECT_EQ(check_document(document).items().front().message_key, "document_too_large");
  document.content.clear();
  EXPECT_EQ(check_document(document).items().front().message_key, "document_empty");
}

}  // namespace
}  // namespace samtryg::strategy
