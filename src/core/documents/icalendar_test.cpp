// iCalendar written for a body's meetings and read back by libical's parser: the zone's
// VTIMEZONE under its own id, local times with their TZID, a quarterly series, a cancelled
// meeting with a raised SEQUENCE, an all-day deadline, text with commas, semicolons and Danish
// letters escaped and folded at 75 octets without splitting a character, CRLF line ends; and
// bad input refused by name.
#include "core/documents/icalendar.hpp"

#include <gtest/gtest.h>
#include <libical/ical.h>

#include <memory>
#include <sstream>

namespace samtryg::documents {
namespace {

Calendar lokalraad() {
  Calendar calendar;
  calendar.name = "Lokalrådet i Aalborg";
  calendar.time_zone = "Europe/Copenhagen";
  CalendarEvent approval;
  approval.uid = "meeting-1@tryg.aalborg.dk";
  approval.summary = "Ordinært møde i lokalrådet: godkendelse af handleplanen 2014";
  approval.description =
      "Dagsorden: 1. Kriminalitetsbilledet pr. fokusområde; 2. Handleplanen, til godkendelse; "
      "3. Eventuelt. Æ, ø og å skal stå hele, også når linjen foldes over flere linjer.";
  approval.location = "Aalborg Politigård, mødelokale 2";
  approval.starts = "2014-01-22T16:00";
  approval.ends = "2014-01-22T18:00";
  approval.changed = "2014-01-10T09:30:00Z";
  approval.categories = {"meeting"};
  CalendarEvent quarterly = approval;
  quarterly.uid = "series-2@tryg.aalborg.dk";
  quarterly.summary = "Kvartalsmøde i lokalrådet";
  quarterly.starts = "2014-04-23T16:00";
  quarterly.ends = "2014-04-23T17:30";
  quarterly.rrule = "FREQ=MONTHLY;INTERVAL=3;COUNT=3";
  CalendarEvent cancelled = approval;
  cancelled.uid = "meeting-3@tryg.aalborg.dk";
  cancelled.summary = "Ekstraordinært møde";
  cancelled.starts = "2014-03-05T15:00";
  cancelled.ends = "";
  cancelled.cancelled = true;
  cancelled.sequence = 2;
  CalendarEvent deadline;
  deadline.uid = "deadline-4@tryg.aalborg.dk";
  deadline.summary = "Frist: afrapporteringsskemaer";
  deadline.starts = "2014-12-31";
  deadline.all_day = true;
  deadline.changed = "2014-01-10T09:30:00Z";
  calendar.events = {approval, quarterly, cancelled, deadline};
  return calendar;
}

struct ComponentFree {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};

icalcomponent* event_with_uid(icalcomponent* calendar, const std::string& uid) {
  for (auto* event = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT);
       event != nullptr;
       event = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
    if (uid == icalcomponent_get_uid(event)) return event;
  }
  return nullptr;
}

TEST(ICalendar, ABodysMeetingsReadBackAsWritten) {
  const auto text = icalendar_text(lokalraad());
  std::unique_ptr<icalcomponent, ComponentFree> parsed(icalparser_parse_string(text.c_str()));
  ASSERT_TRUE(parsed) << text;
  auto* calendar = parsed.get();
  EXPECT_EQ(icalcomponent_count_errors(calendar), 0) << text;

  auto* zone = icalcomponent_get_first_component(calendar, ICAL_VTIMEZONE_COMPONENT);
  ASSERT_NE(zone, nullptr) << text;
  EXPECT_STREQ(icalproperty_get_tzid(icalcomponent_get_first_property(zone, ICAL_TZID_PROPERTY)),
               "Europe/Copenhagen");

  auto* approval = event_with_uid(calendar, "meeting-1@tryg.aalborg.dk");
  ASSERT_NE(approval, nullptr);
  EXPECT_STREQ(icalcomponent_get_summary(approval),
               "Ordinært møde i lokalrådet: godkendelse af handleplanen 2014");
  EXPECT_NE(std::string(icalcomponent_get_description(approval)).find("fokusområde; 2. Handle"),
            std::string::npos)
      << "a semicolon in text survives escaping";
  auto* start = icalcomponent_get_first_property(approval, ICAL_DTSTART_PROPERTY);
  auto* tzid = icalproperty_get_first_parameter(start, ICAL_TZID_PARAMETER);
  ASSERT_NE(tzid, nullptr);
  EXPECT_STREQ(icalparameter_get_tzid(tzid), "Europe/Copenhagen");
  const auto starts = icalproperty_get_dtstart(start);
  EXPECT_EQ(starts.hour, 16);
  EXPECT_EQ(starts.day, 22);

  auto* series = event_with_uid(calendar, "series-2@tryg.aalborg.dk");
  ASSERT_NE(series, nullptr);
  const auto rule =
      icalproperty_get_rrule(icalcomponent_get_first_property(series, ICAL_RRULE_PROPERTY));
  EXPECT_EQ(rule.freq, ICAL_MONTHLY_RECURRENCE);
  EXPECT_EQ(rule.interval, 3);
  EXPECT_EQ(rule.count, 3);

  auto* cancelled = event_with_uid(calendar, "meeting-3@tryg.aalborg.dk");
  ASSERT_NE(cancelled, nullptr);
  EXPECT_EQ(icalcomponent_get_status(cancelled), ICAL_STATUS_CANCELLED);
  EXPECT_EQ(icalproperty_get_sequence(
                icalcomponent_get_first_property(cancelled, ICAL_SEQUENCE_PROPERTY)),
            2);

  auto* deadline = event_with_uid(calendar, "deadline-4@tryg.aalborg.dk");
  ASSERT_NE(deadline, nullptr);
  const auto day = icalcomponent_get_dtstart(deadline);
  EXPECT_TRUE(day.is_date);
  EXPECT_EQ(icalcomponent_get_dtend(deadline).day, 1) << "the day after, as DTEND excludes it";
}

TEST(ICalendar, AnInvitationNamesItsOrganiserAttendeesAndAnOccurrenceOfASeries) {
  Calendar calendar = lokalraad();
  calendar.method = "REQUEST";
  auto moved = calendar.events[1];  // the series' second meeting, a day later
  moved.recurrence_id = "2014-07-23T16:00";
  moved.starts = "2014-07-24T16:00";
  moved.ends = "2014-07-24T17:30";
  moved.rrule.clear();
  calendar.events[1].exdates = {"2014-10-23T16:00"};
  for (auto* event : {&calendar.events[1], &moved}) {
    event->organizer = {"Tryg Aalborg, sekretariatet", "tryg@aalborg.dk"};
    event->attendees = {{"Søren Ærø", "ssp@aalborg.dk"}, {"", "politi@aalborg.dk"}};
  }
  calendar.events.push_back(moved);
  const auto text = icalendar_text(calendar);
  std::unique_ptr<icalcomponent, ComponentFree> parsed(icalparser_parse_string(text.c_str()));
  ASSERT_TRUE(parsed) << text;
  EXPECT_EQ(icalcomponent_count_errors(parsed.get()), 0) << text;
  EXPECT_EQ(icalcomponent_get_method(parsed.get()), ICAL_METHOD_REQUEST);
  int with_recurrence_id = 0;
  for (auto* event = icalcomponent_get_first_component(parsed.get(), ICAL_VEVENT_COMPONENT);
       event != nullptr;
       event = icalcomponent_get_next_component(parsed.get(), ICAL_VEVENT_COMPONENT)) {
    if (std::string(icalcomponent_get_uid(event)) != "series-2@tryg.aalborg.dk") continue;
    auto* organizer = icalcomponent_get_first_property(event, ICAL_ORGANIZER_PROPERTY);
    ASSERT_NE(organizer, nullptr);
    EXPECT_STREQ(icalproperty_get_organizer(organizer), "mailto:tryg@aalborg.dk");
    EXPECT_EQ(icalcomponent_count_properties(event, ICAL_ATTENDEE_PROPERTY), 2);
    auto* attendee = icalcomponent_get_first_property(event, ICAL_ATTENDEE_PROPERTY);
    EXPECT_STREQ(
        icalparameter_get_cn(icalproperty_get_first_parameter(attendee, ICAL_CN_PARAMETER)),
        "Søren Ærø");
    auto* recurrence = icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY);
    if (recurrence == nullptr) {
      const auto exdate =
          icalproperty_get_exdate(icalcomponent_get_first_property(event, ICAL_EXDATE_PROPERTY));
      EXPECT_EQ(exdate.month, 10);
      continue;
    }
    ++with_recurrence_id;
    EXPECT_EQ(icalproperty_get_recurrenceid(recurrence).day, 23);
    EXPECT_EQ(icalcomponent_get_dtstart(event).day, 24);
  }
  EXPECT_EQ(with_recurrence_id, 1);
}

TEST(ICalendar, LinesEndInCrlfAndFoldWithoutSplittingACharacter) {
  const auto text = icalendar_text(lokalraad());
  std::size_t start = 0;
  bool folded = false;
  while (start < text.size()) {
    const auto end = text.find("\r\n", start);
    ASSERT_NE(end, std::string::npos) << "every line ends in CRLF";
    const auto line = text.substr(start, end - start);
    EXPECT_LE(line.size(), 75U) << line;
    if (!line.empty() && line.front() == ' ') folded = true;
    // A line never starts or ends inside a UTF-8 sequence: its first byte is no continuation.
    if (line.size() > 1) {
      const auto first = static_cast<unsigned char>(line[line.front() == ' ' ? 1 : 0]);
      EXPECT_NE(first & 0xC0U, 0x80U) << "a character split across a fold: " << line;
    }
    start = end + 2;
  }
  EXPECT_TRUE(folded) << "the long description is folded";
  EXPECT_NE(text.find("X-WR-CALNAME:Lokalrådet i Aalborg"), std::string::npos);
}

TEST(ICalendar, BadTimesZonesAndRulesAreRefusedByName) {
  auto calendar = lokalraad();
  calendar.events[0].starts = "22.01.2014 16:00";
  EXPECT_THROW(icalendar_text(calendar), std::invalid_argument);
  calendar = lokalraad();
  calendar.events[0].ends = "2014-01-22T15:00";
  EXPECT_THROW(icalendar_text(calendar), std::invalid_argument) << "ends before it starts";
  calendar = lokalraad();
  calendar.events[1].rrule = "EVERY QUARTER";
  EXPECT_THROW(icalendar_text(calendar), std::invalid_argument);
  calendar = lokalraad();
  calendar.time_zone = "Europe/Atlantis";
  EXPECT_THROW(icalendar_text(calendar), std::invalid_argument);
  calendar = lokalraad();
  calendar.events[0].changed = "yesterday";
  EXPECT_THROW(icalendar_text(calendar), std::invalid_argument);
}

}  // namespace
}  // namespace samtryg::documents
