#include "features/walks/model.hpp"

#include <algorithm>
#include <cmath>

#include "core/util/time.hpp"
#include "core/validation/fields.hpp"

namespace samtryg::walks {

using validation::Errors;

namespace {

constexpr std::string_view kClosed[] = {"done", "declined", "referred"};

int position_of(std::string_view status) {
  const auto found = std::find(std::begin(kStatuses), std::end(kStatuses), status);
  return found == std::end(kStatuses) ? -1 : static_cast<int>(found - std::begin(kStatuses));
}

void check_count(Errors& errors, std::string_view field, int value) {
  if (value < 0 || value > kMaxCount) {
    errors.add(std::string(field), "walk_count_invalid", {{"max", std::to_string(kMaxCount)}});
  }
}

void check_coordinate(Errors& errors, std::string_view field, const std::optional<double>& value,
                      double limit) {
  if (value && (!std::isfinite(*value) || std::fabs(*value) > limit)) {
    errors.add(std::string(field), "walk_coordinate_invalid",
               {{"max", std::to_string(static_cast<int>(limit))}});
  }
}

// A drawn route or area: enough positions to be a line or an area, not too many, each on the
// earth.
void check_outline(Errors& errors, std::string_view field, const std::vector<Position>& positions,
                   std::size_t at_least) {
  if (positions.empty()) return;
  if (positions.size() < at_least) {
    errors.add(std::string(field), "walk_outline_too_short", {{"min", std::to_string(at_least)}});
  } else if (positions.size() > kMaxOutlinePositions) {
    errors.add(std::string(field), "walk_outline_too_long",
               {{"max", std::to_string(kMaxOutlinePositions)}});
  }
  for (const auto& position : positions) {
    if (!std::isfinite(position.latitude) || !std::isfinite(position.longitude) ||
        std::fabs(position.latitude) > 90 || std::fabs(position.longitude) > 180) {
      errors.add(std::string(field), "walk_outline_off_earth");
      return;
    }
  }
}

}  // namespace

std::optional<std::string> reminder_due(const Action& action, std::string_view today,
                                        int days_before, const RemindersSent& sent) {
  if (is_closed(action.status) || action.due_date.empty()) return std::nullopt;
  const auto due = parse_iso_day(action.due_date);
  const auto now = parse_iso_day(today);
  if (!due || !now) return std::nullopt;
  const auto days = (std::chrono::sys_days(*due) - std::chrono::sys_days(*now)).count();
  if (days < 0) return sent.overdue ? std::nullopt : std::optional<std::string>("overdue");
  if (days <= days_before && !sent.before_due) return "before_due";
  return std::nullopt;
}

bool is_clock_time(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return false;
  for (const auto index : {0, 1, 3, 4}) {
    if (text[index] < '0' || text[index] > '9') return false;
  }
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  return hours < 24 && minutes < 60;
}

Errors validate_walk(const Walk& walk) {
  Errors errors;
  validation::require(errors, "area", walk.area, kMaxName);
  if (walk.year < 1990 || walk.year > 2100) errors.add("year", "walk_year_invalid");
  validation::choice(errors, "season", walk.season, kSeasons);
  validation::choice(errors, "status", walk.status, kStatuses);
  validation::optional_date(errors, "walk_date", walk.walk_date);
  validation::optional_date(errors, "follow_up_date", walk.follow_up_date);
  if (validation::is_iso_date(walk.walk_date) &&
      walk.walk_date.substr(0, 4) != std::to_string(walk.year)) {
    errors.add("walk_date", "walk_date_not_in_year", {{"year", std::to_string(walk.year)}});
  }
  if (validation::is_iso_date(walk.walk_date) && validation::is_iso_date(walk.follow_up_date) &&
      walk.follow_up_date <= walk.walk_date) {
    errors.add("follow_up_date", "walk_follow_up_before_walk");
  }
  if (!walk.start_time.empty() && !is_clock_time(walk.start_time)) {
    errors.add("start_time", "walk_time_invalid");
  }
  validation::limit(errors, "meeting_point", walk.meeting_point, kMaxName);
  validation::limit(errors, "route", walk.route, kMaxText);
  check_outline(errors, "route_line", walk.route_line, 2);
  check_outline(errors, "area_outline", walk.area_outline, 3);
  validation::limit(errors, "organisers", walk.organisers, kMaxText);
  validation::limit(errors, "invitation", walk.invitation, kMaxText);
  for (const auto& channel : walk.recruitment) {
    if (!validation::is_one_of(channel, kRecruitmentChannels)) {
      errors.add("recruitment", "choice_invalid");
      break;
    }
  }
  if (walk.counts) errors.add_all(validate_counts(*walk.counts));
  return errors;
}

Errors validate_counts(const Counts& counts) {
  Errors errors;
  check_count(errors, "residents", counts.residents);
  check_count(errors, "workers", counts.workers);
  check_count(errors, "municipality", counts.municipality);
  check_count(errors, "police", counts.police);
  check_count(errors, "property_owners", counts.property_owners);
  check_count(errors, "others", counts.others);
  return errors;
}

Errors validate_group(const Group& group) {
  Errors errors;
  validation::require(errors, "name", group.name, kMaxName);
  validation::limit(errors, "guide", group.guide, kMaxName);
  validation::limit(errors, "route", group.route, kMaxText);
  return errors;
}

Errors validate_finding(const Finding& finding) {
  Errors errors;
  validation::limit(errors, "place", finding.place, kMaxName);
  check_coordinate(errors, "latitude", finding.latitude, 90);
  check_coordinate(errors, "longitude", finding.longitude, 180);
  if (finding.latitude.has_value() != finding.longitude.has_value()) {
    errors.add(finding.latitude ? "longitude" : "latitude", "walk_coordinates_pair");
  }
  if (finding.place.empty() && !finding.latitude && !finding.longitude) {
    errors.add("place", "walk_place_required");
  }
  validation::choice(errors, "category", finding.category, kFindingCategories);
  validation::require(errors, "description", finding.description, kMaxText);
  validation::choice(errors, "severity", finding.severity, kSeverities);
  if (!finding.follow_up.empty()) {
    errors.add_all(validate_follow_up(finding.follow_up, finding.follow_up_note));
  }
  validation::limit(errors, "client_key", finding.client_key, 64);
  return errors;
}

Errors validate_follow_up(std::string_view result, std::string_view note) {
  Errors errors;
  validation::choice(errors, "follow_up", result, kFollowUps);
  validation::limit(errors, "follow_up_note", note, kMaxText);
  return errors;
}

Errors validate_action(const Action& action) {
  Errors errors;
  validation::require(errors, "description", action.description, 2000);
  validation::limit(errors, "responsible_party", action.responsible_party, kMaxName);
  validation::optional_date(errors, "due_date", action.due_date);
  validation::choice(errors, "status", action.status, kActionStatuses);
  validation::limit(errors, "status_note", action.status_note, 2000);
  if (action.status == "declined" && action.status_note.empty()) {
    errors.add("status_note", "walk_action_reason_required");
  } else if (action.status == "referred" && action.status_note.empty()) {
    errors.add("status_note", "walk_action_referred_required");
  }
  return errors;
}

bool may_move(std::string_view from, std::string_view to) {
  const int before = position_of(from);
  const int after = position_of(to);
  if (before < 0 || after < 0) return false;
  return after == before + 1 || after < before;
}

bool is_forward(std::string_view from, std::string_view to) {
  return position_of(to) > position_of(from);
}

Errors check_move(const Walk& walk, std::string_view to) {
  Errors errors;
  if (!may_move(walk.status, to)) {
    errors.add("status", "walk_status_not_next");
    return errors;
  }
  if (to == "walked" || to == "followed_up" || to == "published") {
    if (walk.walk_date.empty()) errors.add("walk_date", "walk_date_needed");
    if (!walk.counts) errors.add("residents", "walk_counts_needed");
  }
  if ((to == "followed_up" || to == "published") && walk.follow_up_date.empty()) {
    errors.add("follow_up_date", "walk_follow_up_date_needed");
  }
  return errors;
}

bool is_closed(std::string_view action_status) {
  return validation::is_one_of(action_status, kClosed);
}

bool is_fixed(std::string_view action_status) {
  return action_status == "done";
}

bool is_overdue(const Action& action, std::string_view today) {
  return !is_closed(action.status) && !action.due_date.empty() && action.due_date < today;
}

int next_number(const std::vector<Finding>& findings) {
  int highest = 0;
  for (const auto& finding : findings) highest = std::max(highest, finding.number);
  return highest + 1;
}

}  // namespace samtryg::walks
