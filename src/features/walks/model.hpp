#pragma once
// Safety walks (trygghetsvandringar / tryghedsvandringer) with no I/O: a walk through an area
// with residents, people working there, the municipality, the police and the property owners;
// the places that feel unsafe, noted on the way; and the action list that follows. Landskrona's
// agreement (seed 004) gives the cycle (area chosen in January, walk in spring, the same route
// followed up in autumn, results published) and the target: at least 20 participants per
// walk, not counting the city's, the police's and the property owners' representatives.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/validation/validation.hpp"
#include "features/walks/outline.hpp"

namespace samtryg::walks {

inline constexpr std::string_view kStatuses[] = {"planned", "walked", "followed_up", "published"};
inline constexpr std::string_view kSeasons[] = {"spring", "summer", "autumn", "winter"};
inline constexpr std::string_view kRecruitmentChannels[] = {
    "advertising",  "posters",      "schools", "blue_jackets",
    "associations", "social_media", "letters", "other"};
inline constexpr std::string_view kParticipantCategories[] = {
    "residents", "workers", "municipality", "police", "property_owners", "others"};
inline constexpr std::string_view kFindingCategories[] = {
    "lighting",       "vegetation",     "litter_graffiti", "traffic",
    "hidden_corners", "empty_premises", "behaviour",       "other"};
inline constexpr std::string_view kSeverities[] = {"low", "medium", "high"};
inline constexpr std::string_view kActionStatuses[] = {"open", "in_progress", "done", "declined",
                                                       "referred"};
inline constexpr std::string_view kFollowUps[] = {"fixed", "partly", "not_fixed"};

inline constexpr std::size_t kMaxName = 200;
inline constexpr std::size_t kMaxText = 5000;
inline constexpr int kMaxCount = 10000;

// Participants per category; nobody is named.
struct Counts {
  int residents = 0;
  int workers = 0;  // people working in the area
  int municipality = 0;
  int police = 0;
  int property_owners = 0;
  int others = 0;

  // Those the target counts: everyone but the city's, the police's and the property owners'
  // representatives.
  int counted() const { return residents + workers + others; }
  int total() const { return counted() + municipality + police + property_owners; }
};

struct Walk {
  long long id = 0;
  long long workspace_id = 0;
  std::optional<long long> initiative_id;  // the initiative the walks belong to
  std::optional<long long> indicator_id;   // the per-event indicator the count feeds
  std::string area;
  int year = 0;
  std::string season = "spring";
  std::string walk_date;   // ISO day; empty until fixed
  std::string start_time;  // HH:MM
  std::string meeting_point;
  std::string route;
  // The route on the map (at least two positions) and the area it covers (at least three, the
  // last joined to the first); both optional, drawn on the walk's map and in its report.
  std::vector<Position> route_line;
  std::vector<Position> area_outline;
  std::string organisers;
  std::vector<std::string> recruitment;  // kRecruitmentChannels
  std::string invitation;
  std::string status = "planned";
  std::string follow_up_date;
  std::optional<Counts> counts;  // once the participants are counted
  std::string created_at;
  std::string updated_at;
  long long row_version = 1;
};

struct Group {
  long long id = 0;
  long long walk_id = 0;
  std::string name{};
  std::string guide{};
  std::string route{};
};

struct Finding {
  long long id = 0;
  long long walk_id = 0;
  int number = 0;                  // 1, 2, 3 … within the walk, as on the map
  std::string place;               // the place in words
  std::optional<double> latitude;  // WGS84
  std::optional<double> longitude;
  std::string category = "other";
  std::string description;
  std::string severity = "medium";
  bool is_public = false;
  std::string follow_up;  // "" until the follow-up walk checked it; kFollowUps
  std::string follow_up_note;
  std::string client_key;
  std::string created_at;
  std::string updated_at;
  long long row_version = 1;
};

struct Action {
  long long id = 0;
  long long finding_id = 0;
  std::string description;
  std::string responsible_party;  // the department or body ("Teknik- och serviceförvaltningen")
  std::optional<long long> owner_user_id;
  std::string due_date;
  std::string status = "open";
  std::string status_note;  // why declined; the body it was referred to
  std::string created_at;
  std::string updated_at;
  long long row_version = 1;
};

inline constexpr std::string_view kPhotoStages[] = {"walk", "follow_up"};

// A photo of a finding, taken on the walk or on the follow-up walk (before and after); its
// pixels are kept apart (store) and only served to those who see the walk.
struct Photo {
  long long id = 0;
  long long finding_id = 0;
  std::string stage = "walk";
  bool is_public = false;  // faces and number plates: nobody is published by default
  int width = 0;
  int height = 0;
  std::string sha256{};  // of the kept JPEG; its ETag
  std::string created_at{};
};

validation::Errors validate_walk(const Walk& walk);
validation::Errors validate_counts(const Counts& counts);
validation::Errors validate_group(const Group& group);
validation::Errors validate_finding(const Finding& finding);
validation::Errors validate_action(const Action& action);
// A follow-up check of a finding on the follow-up walk.
validation::Errors validate_follow_up(std::string_view result, std::string_view note);

// Whether a walk may go from `from` to `to`: forward one step at a time, back to any earlier
// state (to correct something).
bool may_move(std::string_view from, std::string_view to);
// Whether `to` comes after `from` in planned → walked → followed up → published.
bool is_forward(std::string_view from, std::string_view to);
// What keeps `walk` from moving to `to` (a walk is walked on a day with its participants
// counted; followed up on a later day; published once followed up), keyed by field.
validation::Errors check_move(const Walk& walk, std::string_view to);

// An action that no longer needs work: done, declined or referred. Only done means fixed.
bool is_closed(std::string_view action_status);
bool is_fixed(std::string_view action_status);
// Not closed and its due date before `today` (ISO).
bool is_overdue(const Action& action, std::string_view today);

// The reminder an action's owner is due on `today`, if any: "overdue" once the due date has
// passed, else "before_due" from `days_before` days ahead; each once (`sent_*`); none for a
// closed or undated action.
struct RemindersSent {
  bool before_due = false;
  bool overdue = false;
};
std::optional<std::string> reminder_due(const Action& action, std::string_view today,
                                        int days_before, const RemindersSent& sent);

// Whether `text` is a time of day HH:MM.
bool is_clock_time(std::string_view text);
// The number a new finding gets: one more than the highest so far.
int next_number(const std::vector<Finding>& findings);

}  // namespace samtryg::walks
