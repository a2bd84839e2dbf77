#pragma once
// Meetings of the partnership's bodies, with no I/O. Aalborg's local council "vil i 2014 afholde
// et ordinært møde i hvert kvartal" and approved its action plan at its meeting of 22 January
// 2014 (seed 001); the Swedish side follows up per tertial in its cooperation group (seed 004).
// A meeting has an agenda; each item carries its minutes, the decisions taken under it
// (numbered through the meeting, as Danish minutes number them) and action items, each with an
// owner and a due date, that stay on the owner's start page until done.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/validation/validation.hpp"

namespace samtryg::meetings {

inline constexpr std::string_view kStatuses[] = {"planned", "held", "cancelled"};
inline constexpr std::string_view kActionStatuses[] = {"open", "done"};
inline constexpr std::string_view kThemeStatuses[] = {"proposed", "on_agenda", "declined"};

inline constexpr std::size_t kMaxTitle = 200;
inline constexpr std::size_t kMaxText = 5000;
inline constexpr std::size_t kMaxMinutes = 20000;
// A series is made as separate meetings, so each can move or be cancelled on its own.
inline constexpr int kMaxSeries = 12;

struct Meeting {
  long long id = 0;
  long long workspace_id = 0;
  std::optional<long long> group_id;  // the body that meets (strategy's groups)
  std::optional<long long> series_id;
  std::string title;
  std::string starts_at;  // wall clock in the workspace's zone: "2014-01-22T16:00"
  std::string ends_at;
  std::string place;
  std::string video_url;
  std::string status = "planned";
  int sequence = 0;
  // A series' rule (series_months > 0): every series_months months, series_count times from
  // series_start; occurrence_at is the start the rule gave this meeting (it may have moved).
  int series_months = 0;
  int series_count = 0;
  std::string series_start;
  std::string occurrence_at;
  // The later meeting at which these minutes were approved, if they were approved there.
  std::optional<long long> approved_at_meeting_id;
  // The SEQUENCE the last invitation or cancellation went out with; -1: none sent.
  int invited_sequence = -1;
  std::string invited_at;
  std::string created_at;
  std::string updated_at;
  long long row_version = 1;
};

// A chart kept with an agenda item as it stood when the item was put on the agenda (the crime
// picture's figures): the agenda and the minutes show what the body saw.
struct Figure {
  long long id = 0;
  std::string svg;
  std::string caption;  // what it is, shown under it ("Anmeldte indbrud i Aalborg Øst")
  std::string alt;      // what it shows, for those who cannot see it (the figures it draws)
};
inline constexpr std::size_t kMaxFigureBytes = std::size_t{256} * 1024;

// A member's approval of the minutes, with its time (UTC).
struct Approval {
  long long user_id = 0;
  std::string approved_at;
};

struct Item {
  long long id = 0;
  long long meeting_id = 0;
  int position = 0;
  std::string title;
  std::string description;  // what the item is about, on the agenda
  std::string minutes;      // what was said, in the minutes
  std::vector<Figure> figures;
  // The proposed theme this item takes up, when it came from one.
  std::optional<long long> theme_id;
  std::string created_at;
  std::string updated_at;
  long long row_version = 1;
};

// A proposed theme for a body's meeting (seed 001: "Forslag om temaemne til kredsrådsmødet den
// 30. september: Samarbejde om polarisering, ekstremisme og radikalisering"): a member proposes
// it for a given meeting or the body's next; the coordinator takes it onto an agenda (then it is
// that agenda item's) or declines it with a reply the proposer reads.
struct Theme {
  long long id = 0;
  long long workspace_id = 0;
  std::optional<long long> group_id;    // the body; gone when the group is deleted
  std::optional<long long> meeting_id;  // the meeting proposed for; none: the body's next
  std::string title;
  std::string reason;  // why the body should take it up
  std::optional<long long> proposed_by;
  std::string reply;        // the coordinator's answer when declining
  std::string declined_at;  // UTC; "" while not declined
  // Read, never written: the agenda item that takes it up, and that item's meeting.
  std::optional<long long> item_id;
  std::optional<long long> item_meeting_id;
  std::string created_at;
  std::string updated_at;
  long long row_version = 1;
};

struct Decision {
  long long id = 0;
  long long meeting_id = 0;
  long long item_id = 0;
  int number = 0;
  std::string text;
  bool published = false;
  std::string created_at;
};

struct Action {
  long long id = 0;
  long long meeting_id = 0;
  std::optional<long long> item_id;
  std::string title;
  long long owner_user_id = 0;
  std::string due_on;  // ISO day
  std::string status = "open";
  std::string done_on;
  std::string created_at;
  std::string updated_at;
};

validation::Errors validate_meeting(const Meeting& meeting);
validation::Errors validate_item(const Item& item);
validation::Errors validate_decision(const Decision& decision);
validation::Errors validate_action(const Action& action);
validation::Errors validate_theme(const Theme& theme);

// "on_agenda" once an agenda item takes it up, "declined" once declined, else "proposed".
std::string_view theme_status(const Theme& theme);
// Whether the coordinator can still take it onto the agenda of the meeting `meeting_id` of the
// body `group_id` on `meeting_day` (ISO): proposed, to that body, and for that meeting or — for
// none in particular — the body's next: a meeting on or after the day it was proposed.
bool is_open_for(const Theme& theme, long long meeting_id, std::optional<long long> group_id,
                 std::string_view meeting_day);

// "2014-01-22T16:00" (seconds allowed) and a real day and time.
bool is_local_time(std::string_view text);

// The meeting `months` later: same day of month (the month's last day when shorter),
// same wall-clock times. Nothing when the time cannot be read.
std::optional<Meeting> shifted(const Meeting& meeting, int months);

// Whether the meeting belongs to a series whose rule is kept and calendars read alike (so they
// get one recurring event with this meeting as one occurrence). A series begun on the 29th or
// 30th is not: see model.cpp.
bool has_series_rule(const Meeting& meeting);
// The rule as RFC 5545 writes it: "FREQ=MONTHLY;INTERVAL=3;COUNT=4"; begun on the 31st, it
// falls on the month's last day (BYMONTHDAY=-1), as `shifted` places it.
std::string series_rule(const Meeting& meeting);
// Every start the rule gives, in order.
std::vector<std::string> series_occurrences(const Meeting& meeting);

// Whether an open action is past its due day on `today` (ISO day).
bool is_overdue(const Action& action, std::string_view today);

// The number the next decision of a meeting gets: one after the highest.
int next_number(const std::vector<Decision>& decisions);
// The position a new agenda item gets: one after the last.
int next_position(const std::vector<Item>& items);

// Whether an invitation must (again) go out: none sent yet, or the meeting changed since.
bool needs_invitation(const Meeting& meeting);

// Whether a figure's SVG can be kept: an <svg> document within kMaxFigureBytes. (Figures are
// shown through <img>, where a script in an SVG never runs.)
bool is_figure(const Figure& figure);

// Whether a change from `before` to `after` is one a calendar must hear of (time, place,
// status, title): then the event's SEQUENCE is raised.
bool changes_calendar(const Meeting& before, const Meeting& after);

}  // namespace samtryg::meetings
