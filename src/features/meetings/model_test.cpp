// The meeting rules with no I/O: times that must read and end after they start, a series
// shifted month by month (the 31st becomes the month's last day), overdue actions, decision
// numbers, which changes a calendar must hear of, and a feed that keeps a cancelled meeting as
// cancelled and an action as an all-day event.
#include "features/meetings/model.hpp"

#include <gtest/gtest.h>

#include "features/meetings/feed.hpp"

namespace samtryg::meetings {
namespace {

Meeting lokalraad() {
  Meeting meeting;
  meeting.id = 1;
  meeting.workspace_id = 7;
  meeting.title = "Ordinært møde i Lokalrådet, 1. kvartal 2014";
  meeting.starts_at = "2014-01-31T14:00";
  meeting.ends_at = "2014-01-31T16:00";
  meeting.updated_at = "2014-01-10T09:30:00Z";
  return meeting;
}

TEST(MeetingModel, TimesMustReadAndEndAfterTheyStart) {
  auto meeting = lokalraad();
  EXPECT_TRUE(validate_meeting(meeting).empty());
  meeting.ends_at = "2014-01-31T13:00";
  EXPECT_TRUE(validate_meeting(meeting).for_field("ends_at"));
  meeting.ends_at = "2014-01-31T25:00";
  EXPECT_TRUE(validate_meeting(meeting).for_field("ends_at"));
  meeting = lokalraad();
  meeting.starts_at = "31.01.2014 14:00";
  EXPECT_TRUE(validate_meeting(meeting).for_field("starts_at"));
  meeting = lokalraad();
  meeting.video_url = "javascript:alert(1)";
  EXPECT_TRUE(validate_meeting(meeting).for_field("video_url"));
  EXPECT_TRUE(is_local_time("2014-02-28T09:05:30"));
  EXPECT_FALSE(is_local_time("2014-02-30T09:05"));
}

TEST(MeetingModel, ASeriesKeepsItsDayAndTimesMonthByMonth) {
  const auto quarter = shifted(lokalraad(), 3);
  ASSERT_TRUE(quarter);
  EXPECT_EQ(quarter->starts_at, "2014-04-30T14:00") << "April has 30 days";
  const auto february = shifted(lokalraad(), 1);
  EXPECT_EQ(february->starts_at, "2014-02-28T14:00");
  EXPECT_EQ(february->ends_at, "2014-02-28T16:00");
  EXPECT_EQ(shifted(lokalraad(), 12)->starts_at, "2015-01-31T14:00");
}

TEST(MeetingModel, ActionsDecisionsAndCalendarChanges) {
  Action action;
  action.title = "Status på Projekt Nabohjælp";
  action.due_on = "2014-04-16";
  EXPECT_TRUE(validate_action(action).for_field("owner_user_id")) << "an action needs an owner";
  action.owner_user_id = 4;
  EXPECT_TRUE(validate_action(action).empty());
  EXPECT_TRUE(is_overdue(action, "2014-04-17"));
  EXPECT_FALSE(is_overdue(action, "2014-04-16"));
  action.status = "done";
  EXPECT_FALSE(is_overdue(action, "2014-05-01"));

  EXPECT_EQ(next_number({}), 1);
  Decision first;
  first.number = 1;
  Decision fourth;
  fourth.number = 4;
  EXPECT_EQ(next_number({first, fourth}), 5);

  auto moved = lokalraad();
  EXPECT_FALSE(changes_calendar(lokalraad(), moved));
  moved.place = "Aalborg Rådhus";
  EXPECT_TRUE(changes_calendar(lokalraad(), moved));
}

TEST(MeetingFeed, ACancelledMeetingStaysCancelledAndAnActionIsAnAllDayEvent) {
  auto cancelled = lokalraad();
  cancelled.status = "cancelled";
  cancelled.sequence = 2;
  FeedContent content;
  content.workspace_id = 7;
  content.name = "Lokalrådet i Aalborg Kommune";
  content.time_zone = "Europe/Copenhagen";
  content.meetings = {cancelled};
  content.base_url = "https://tryg.aalborg.dk";
  content.action_prefix = "Opgave: ";
  Action action;
  action.id = 3;
  action.meeting_id = 1;
  action.title = "Status på Projekt Nabohjælp";
  action.owner_user_id = 4;
  action.due_on = "2014-04-16";
  action.updated_at = "2014-01-22T16:00:00Z";
  content.actions = {{action, "Ordinært møde"}};
  const auto text = feed_text(content);
  EXPECT_NE(text.find("UID:meeting-1.w7@samtryg"), std::string::npos) << text;
  EXPECT_NE(text.find("STATUS:CANCELLED"), std::string::npos);
  EXPECT_NE(text.find("SEQUENCE:2"), std::string::npos);
  EXPECT_NE(text.find("DTSTART;TZID=Europe/Copenhagen:20140131T140000"), std::string::npos);
  EXPECT_NE(text.find("DTSTART;VALUE=DATE:20140416"), std::string::npos) << text;
  EXPECT_NE(text.find("SUMMARY:Opgave: Status på Projekt Nabohjælp"), std::string::npos);
  EXPECT_NE(text.find("URL:https://tryg.aalborg.dk/meetings/1"), std::string::npos);
}

TEST(MeetingModel, AThemeIsOpenForItsMeetingOrTheBodysNextUntilTakenUpOrDeclined) {
  Theme theme;
  theme.group_id = 5;
  theme.title = "Samarbejde om polarisering, ekstremisme og radikalisering";
  theme.created_at = "2014-08-20T09:00:00Z";
  EXPECT_EQ(theme_status(theme), "proposed");
  EXPECT_TRUE(is_open_for(theme, 3, 5, "2014-09-17")) << "the body's next meeting";
  EXPECT_TRUE(is_open_for(theme, 3, 5, "2014-08-20")) << "a meeting on the day it was proposed";
  EXPECT_FALSE(is_open_for(theme, 2, 5, "2014-04-23")) << "a meeting before it was proposed";
  EXPECT_FALSE(is_open_for(theme, 3, 6, "2014-09-17")) << "another body";
  EXPECT_FALSE(is_open_for(theme, 3, std::nullopt, "2014-09-17")) << "a meeting of no body";
  theme.meeting_id = 4;
  EXPECT_FALSE(is_open_for(theme, 3, 5, "2014-09-17")) << "proposed for another meeting";
  EXPECT_TRUE(is_open_for(theme, 4, 5, "2014-11-26"));
  theme.item_id = 12;
  EXPECT_EQ(theme_status(theme), "on_agenda");
  EXPECT_FALSE(is_open_for(theme, 4, 5, "2014-11-26"));
  theme.item_id.reset();
  theme.declined_at = "2014-08-21T10:00:00Z";
  EXPECT_EQ(theme_status(theme), "declined");
  EXPECT_FALSE(is_open_for(theme, 4, 5, "2014-11-26"));
  theme.title.clear();
  EXPECT_FALSE(validate_theme(theme).empty());
}

TEST(MeetingModel, ASeriesRuleSaysWhatShiftedDoes) {
  auto first = lokalraad();
  first.series_id = 1;
  first.series_months = 3;
  first.series_count = 4;
  first.series_start = "2014-01-31T14:00";
  first.occurrence_at = first.starts_at;
  EXPECT_TRUE(has_series_rule(first));
  EXPECT_EQ(series_rule(first), "FREQ=MONTHLY;INTERVAL=3;COUNT=4;BYMONTHDAY=-1")
      << "the 31st falls on the month's last day in shorter months";
  EXPECT_EQ(series_occurrences(first),
            (std::vector<std::string>{"2014-01-31T14:00", "2014-04-30T14:00", "2014-07-31T14:00",
                                      "2014-10-31T14:00"}));
  first.series_start = "2014-01-30T14:00";
  EXPECT_FALSE(has_series_rule(first)) << "the 30th: separate events";
  first.series_start = "2014-01-22T14:00";
  EXPECT_TRUE(has_series_rule(first));
  EXPECT_EQ(series_rule(first), "FREQ=MONTHLY;INTERVAL=3;COUNT=4");
  first.series_months = 0;
  EXPECT_FALSE(has_series_rule(first)) << "a series made before rules were kept";
}

// A quarterly series as calendars read it: one recurring event from the planned start, the
// deleted occurrence excluded, and each meeting an occurrence of it (the moved one where it moved).
TEST(MeetingFeed, ASeriesIsOneRecurringEventWithItsMeetingsAsOccurrences) {
  std::vector<Meeting> series;
  for (int index = 0; index < 4; ++index) {
    auto meeting = *shifted(lokalraad(), index * 3);
    meeting.id = index + 1;
    meeting.series_id = 1;
    meeting.series_months = 3;
    meeting.series_count = 4;
    meeting.series_start = "2014-01-31T14:00";
    meeting.occurrence_at = meeting.starts_at;
    series.push_back(meeting);
  }
  series[1].starts_at = "2014-05-01T09:00";  // moved
  series[1].ends_at = "2014-05-01T11:00";
  series[1].sequence = 1;
  series.erase(series.begin() + 2);  // July's deleted
  FeedContent content;
  content.workspace_id = 7;
  content.name = "Lokalrådet";
  content.time_zone = "Europe/Copenhagen";
  content.meetings = series;
  const auto text = feed_text(content);
  EXPECT_NE(text.find("RRULE:FREQ=MONTHLY;COUNT=4;INTERVAL=3;BYMONTHDAY=-1"), std::string::npos)
      << text;
  EXPECT_NE(text.find("EXDATE;TZID=Europe/Copenhagen:20140731T140000"), std::string::npos);
  EXPECT_NE(text.find("RECURRENCE-ID;TZID=Europe/Copenhagen:20140430T140000"), std::string::npos);
  EXPECT_NE(text.find("DTSTART;TZID=Europe/Copenhagen:20140501T090000"), std::string::npos);
  EXPECT_EQ(text.find("UID:meeting-"), std::string::npos) << "no meeting of it stands alone";
  std::size_t events = 0;
  for (auto at = text.find("UID:series-1.w7@samtryg"); at != std::string::npos;
       at = text.find("UID:series-1.w7@samtryg", at + 1)) {
    ++events;
  }
  EXPECT_EQ(events, 4U) << "the rule and its three meetings";
}

}  // namespace
}  // namespace samtryg::meetings
