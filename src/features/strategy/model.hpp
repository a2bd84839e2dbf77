#pragma once
// The strategy register's records and rules, with no I/O: plans and their focus areas,
// initiatives and their status life cycle, activities and communication items, groups.
// Codes (kinds, statuses, channels) are stored as text and name catalog entries
// ("plan_kind_strategy"), so a new one is a line here and a line per language.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/validation/fields.hpp"
#include "core/validation/validation.hpp"

namespace samtryg::strategy {

inline constexpr std::string_view kPlanKinds[] = {"strategy", "cooperation_agreement",
                                                  "cooperation_plan", "action_plan"};
inline constexpr std::string_view kInitiativeStatuses[] = {"proposed", "active", "paused",
                                                           "closed"};
inline constexpr std::string_view kActivityKinds[] = {"activity", "communication", "measurement"};
inline constexpr std::string_view kActivityStatuses[] = {"planned", "ongoing", "done", "cancelled",
                                                         "unknown"};
inline constexpr std::string_view kChannels[] = {
    "press",   "web",        "facebook", "instagram", "tiktok", "linkedin", "youtube",
    "twitter", "newsletter", "radio",    "tv",        "print",  "meeting",  "other"};
inline constexpr std::string_view kGroupKinds[] = {"steering",   "coordinators", "planning",
                                                   "initiative", "council",      "other"};
inline constexpr std::string_view kPartyKinds[] = {"municipality", "police", "other"};

// The initiative's fields whose label is the catalog entry "initiative_" + field, in its form
// and in the version compare.
inline constexpr std::string_view kInitiativeFields[] = {"name",          "parent_initiative_id",
                                                         "purpose",       "goals",
                                                         "background",    "already_done",
                                                         "focus",         "lead_user_id",
                                                         "lead_title",    "anchoring",
                                                         "working_group", "themes",
                                                         "focus_area_id", "start_date",
                                                         "added_year",    "status",
                                                         "in_plan"};
// The activity's fields whose label is the catalog entry "activity_" + field, in its form.
inline constexpr std::string_view kActivityFields[] = {
    "title", "kind",    "status", "planned_when", "done_when", "description", "responsible",
    "links", "channel", "likes",  "reactions",    "shares",    "reach",       "views"};
// What the register finds when searching, each named by "search_kind_" + entity.
inline constexpr std::string_view kSearchEntities[] = {"plan", "initiative", "activity"};

inline constexpr std::size_t kMaxName = 200;
inline constexpr std::size_t kMaxTitle = 300;
inline constexpr std::size_t kMaxText = 20000;

using validation::is_iso_date;
using validation::is_one_of;

// When an activity happened or is planned: a day ("2017-11-24"), a month ("2018-01"),
// "ongoing", or nothing. The seeds' forms use all three ("Gennemført 24.11.2017",
// "Planlagt januar 2018", "Gennemføres løbende").
struct FlexibleDate {
  enum class Kind { none, day, month, ongoing };
  Kind kind = Kind::none;
  int year = 0;
  int month = 0;
  int day = 0;
};
std::optional<FlexibleDate> parse_flexible_date(std::string_view text);
// What is stored for a "when" a person typed: "ongoing" for the word in any of the three
// languages ("Løbende", "löpande", "ongoing"), anything else trimmed as typed. Pages show the
// code in the reader's language, so nobody has to type an English code.
std::string flexible_date_code(std::string_view typed);

struct Party {
  long long id = 0;
  long long workspace_id = 0;
  std::string name;
  std::string kind = "other";
  int position = 0;
};

// A channel of the workspace's own, beside kChannels.
struct Channel {
  long long id = 0;
  long long workspace_id = 0;
  std::string name;
  int position = 0;
};

struct Plan {
  long long id = 0;
  long long workspace_id = 0;
  std::string kind = "strategy";
  std::string name;
  int version = 1;
  std::optional<long long> previous_version_id;
  std::optional<long long> parent_plan_id;
  std::string period_start;
  std::string period_end;
  std::string adopted_on;
  std::string summary;
  bool published = true;
  std::string created_at;
  std::string updated_at;
  long long row_version = 1;
};

struct FocusArea {
  long long id = 0;
  long long plan_id = 0;
  std::string name;
  std::string description;
  std::optional<long long> parent_focus_area_id;
  int position = 0;
};

struct Initiative {
  long long id = 0;
  long long workspace_id = 0;
  long long plan_id = 0;
  std::optional<long long> parent_initiative_id;
  std::optional<long long> focus_area_id;
  std::string name;
  std::string purpose;
  std::string goals;
  std::string background;
  std::string already_done;
  std::string focus;
  std::optional<long long> lead_user_id;
  std::string lead_title;  // a role such as "SSP-konsulent" when the lead has no account
  std::string anchoring;   // the party or department the initiative is anchored in
  std::string working_group;
  std::string themes;  // comma-separated
  std::string start_date;
  bool in_plan = true;  // written into the plan (reported on) or prioritised beside it
  std::optional<int> added_year;
  std::string status = "proposed";
  bool published = true;
  int position = 0;
  std::string created_at;
  std::string updated_at;
  long long row_version = 1;
};

struct StatusChange {
  long long id = 0;
  long long initiative_id = 0;
  std::string status;
  std::string changed_on;
  std::string reason;
  std::string actor;
  std::string at;
};

struct Activity {
  long long id = 0;
  long long workspace_id = 0;
  long long initiative_id = 0;
  std::string title;
  std::string description;
  std::string kind = "activity";
  std::string status = "planned";
  std::string planned_when;
  std::string done_when;
  std::string responsible;
  std::string links;  // one URL per line
  std::string channel;
  std::optional<long long> likes;
  std::optional<long long> reactions;
  std::optional<long long> shares;
  std::optional<long long> reach;
  std::optional<long long> views;
  int position = 0;
  std::string created_at;
  std::string updated_at;
  long long row_version = 1;
};

struct GroupMember {
  long long id = 0;
  long long group_id = 0;
  std::optional<long long> user_id;
  std::string title;
  std::optional<long long> party_id;
  std::string role;
  int position = 0;
};

struct Group {
  long long id = 0;
  long long workspace_id = 0;
  std::optional<long long> initiative_id;
  std::string kind = "other";
  std::string name;
  std::string cadence;  // "to gange årligt", "quarterly"
  std::string description;
  int position = 0;
  long long row_version = 1;
};

// A file attached to a plan or an initiative. Stored in the database (backed up with it, never
// a path on disk built from a user's file name) and served as an attachment.
inline constexpr std::size_t kMaxDocumentBytes = std::size_t{8} * 1024 * 1024;

struct Document {
  long long id = 0;
  long long workspace_id = 0;
  std::optional<long long> plan_id;
  std::optional<long long> initiative_id;
  std::string filename;
  std::string content_type;
  long long size_bytes = 0;
  std::string sha256;
  std::string content;  // empty in lists
  std::string uploaded_by;
  std::string uploaded_at;
};

// The content type of an allowed upload, decided by its extension and confirmed by its first
// bytes (PDF, Office/OpenDocument, PNG, JPEG, plain text/CSV); nothing when not allowed.
std::optional<std::string> document_content_type(std::string_view filename, std::string_view bytes);
// The last path component, without control characters or quotes, at most 200 characters.
std::string safe_filename(std::string_view name);
// Checks size, type and name; sets content_type and size_bytes.
validation::Errors check_document(Document& document);

validation::Errors validate_party(const Party& party);
validation::Errors validate_plan(const Plan& plan);
validation::Errors validate_focus_area(const FocusArea& area);
validation::Errors validate_initiative(const Initiative& initiative);
// A channel's name may not be a built-in channel's code, which an activity stores the same way.
validation::Errors validate_channel(const Channel& channel);
// `own_channels`: the names of the workspace's own channels, allowed beside kChannels.
validation::Errors validate_activity(const Activity& activity,
                                     const std::vector<std::string>& own_channels = {});
validation::Errors validate_group(const Group& group);
validation::Errors validate_group_member(const GroupMember& member);

// proposed → active | closed; active → paused | closed; paused → active | closed;
// closed → active (reopened). Anything else, and staying put, is refused.
bool status_change_allowed(std::string_view from, std::string_view to);
// Pausing, closing and reopening need a reason ("goal reached", "association dissolved").
bool status_change_needs_reason(std::string_view to);
// One change from `from`: allowed, with its reason where one is needed, and dated on a real day
// no earlier than `earliest` (the initiative's start and the change before it; empty: any).
validation::Errors validate_status_change(std::string_view from, std::string_view to,
                                          std::string_view changed_on, std::string_view reason,
                                          std::string_view earliest = {});
// The day a next status change of `initiative` may be dated from: its start, or the latest
// change in `history` after the first (which records how it began) when that is later.
std::string earliest_status_change(const Initiative& initiative,
                                   const std::vector<StatusChange>& history);
// A whole status history as an import brings it: each change checked as validate_status_change
// checks it from the status before (the first from "proposed", or from the status it names
// when that is where a record began), and the last one being the initiative's status. Field
// names are "status_history[i].status" and the like.
validation::Errors validate_status_history(const Initiative& initiative,
                                           const std::vector<StatusChange>& history);

// Each non-empty line of `links` must be an http(s) URL.
bool links_valid(std::string_view links);
std::vector<std::string> split_lines(std::string_view text);

// What differs between two versions of one initiative, field by field (for version compare).
struct FieldChange {
  std::string field;
  std::string before;
  std::string after;
};
std::vector<FieldChange> compare_initiatives(const Initiative& before, const Initiative& after);

// What changed from one version of a plan to the next. A new version copies its initiatives, so
// they are matched by name and their parent's name.
struct InitiativeChange {
  Initiative initiative;  // as it is in the later version
  std::vector<FieldChange> fields;
};
struct VersionChanges {
  std::vector<Initiative> added;    // in the later version's order
  std::vector<Initiative> removed;  // by parent's name and name
  std::vector<InitiativeChange> changed;
};
VersionChanges compare_versions(const std::vector<Initiative>& before,
                                const std::vector<Initiative>& after);

}  // namespace samtryg::strategy
