#include "features/strategy/model.hpp"

#include <algorithm>
#include <charconv>
#include <map>

#include "core/util/strings.hpp"

namespace samtryg::strategy {

namespace {

using validation::choice;
using validation::Errors;
using validation::limit;
using validation::optional_date;
using validation::require;

bool parse_int(std::string_view text, int& out) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

bool digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void add_if_changed(std::vector<FieldChange>& changes, std::string_view field,
                    const std::string& before, const std::string& after) {
  if (before != after) changes.push_back({std::string(field), before, after});
}

std::string text_of(const std::optional<long long>& value) {
  return value ? std::to_string(*value) : std::string();
}

// What a document's first bytes must be for its kind: 0 pdf, 1 zip, 2 png, 3 jpeg, 4 text.
bool bytes_match(int check, std::string_view bytes) {
  switch (check) {
    case 0:
      return bytes.starts_with("%PDF-");
    case 1:
      return bytes.starts_with(std::string_view("PK\x03\x04", 4));
    case 2:
      return bytes.starts_with(std::string_view("\x89PNG\r\n\x1a\n", 8));
    case 3:
      return bytes.starts_with(std::string_view("\xff\xd8\xff", 3));
    default:
      // Text may be UTF-16 (with its byte-order mark); otherwise it has no NUL byte.
      return bytes.starts_with(std::string_view("\xff\xfe", 2)) ||
             bytes.starts_with(std::string_view("\xfe\xff", 2)) ||
             bytes.find('\0') == std::string_view::npos;
  }
}

}  // namespace

std::optional<std::string> document_content_type(std::string_view filename,
                                                 std::string_view bytes) {
  const auto dot = filename.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const auto extension = to_lower_ascii(filename.substr(dot + 1));
  // Text is kept in whatever encoding it came in: Swedish and Danish Excel save CSV as
  // Windows-1252, Notepad may save UTF-16; the download says which, so it opens as it was.
  const auto utf16 = bytes.starts_with(std::string_view("\xff\xfe", 2)) ||
                     bytes.starts_with(std::string_view("\xfe\xff", 2));
  const auto charset = utf16 ? "utf-16" : validation::valid_utf8(bytes) ? "utf-8" : "windows-1252";
  struct Kind {
    const char* extension;
    const char* content_type;
    int check;  // as bytes_match
  };
  static constexpr Kind kKinds[] = {
      {"pdf", "application/pdf", 0},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 1},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 1},
      {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", 1},
      {"odt", "application/vnd.oasis.opendocument.text", 1},
      {"ods", "application/vnd.oasis.opendocument.spreadsheet", 1},
      {"png", "image/png", 2},
      {"jpg", "image/jpeg", 3},
      {"jpeg", "image/jpeg", 3},
      {"txt", "text/plain", 4},
      {"csv", "text/csv", 4},
  };
  for (const auto& kind : kKinds) {
    if (extension != kind.extension) continue;
    if (!bytes_match(kind.check, bytes)) return std::nullopt;
    if (kind.check == 4) return std::string(kind.content_type) + "; charset=" + charset;
    return std::string(kind.content_type);
  }
  return std::nullopt;
}

std::string safe_filename(std::string_view name) {
  const auto slash = name.find_last_of("/\\");
  if (slash != std::string_view::npos) name = name.substr(slash + 1);
  std::string out;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f || c == '"' || c == '\\') continue;
    out.push_back(c);
  }
  out = std::string(trim(out));
  while (!out.empty() && out.front() == '.') out.erase(out.begin());
  // Cut at 200 bytes on a character boundary.
  if (out.size() > 200) {
    std::size_t cut = 200;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0U) == 0x80U) --cut;
    out.resize(cut);
  }
  return out;
}

validation::Errors check_document(Document& document) {
  Errors errors;
  document.filename = safe_filename(document.filename);
  document.size_bytes = static_cast<long long>(document.content.size());
  if (document.content.empty()) {
    errors.add("file", "document_empty");
  } else if (document.content.size() > kMaxDocumentBytes) {
    errors.add("file", "document_too_large", {{"max", std::to_string(kMaxDocumentBytes >> 20U)}});
  } else if (document.filename.empty()) {
    errors.add("file", "document_name_missing");
  } else if (const auto type = document_content_type(document.filename, document.content)) {
    document.content_type = *type;
  } else {
    errors.add("file", "document_type_not_allowed");
  }
  if (document.plan_id.has_value() == document.initiative_id.has_value()) {
    errors.add("file", "document_owner_missing");
  }
  return errors;
}

std::string flexible_date_code(std::string_view typed) {
  auto word = to_lower_ascii(trim(typed));
  for (const auto& [upper, lower] : {std::pair<std::string_view, std::string_view>{"Ø", "ø"},
                                     std::pair<std::string_view, std::string_view>{"Ö", "ö"}}) {
    for (auto at = word.find(upper); at != std::string::npos; at = word.find(upper, at)) {
      word.replace(at, upper.size(), lower);
    }
  }
  if (word == "ongoing" || word == "løbende" || word == "löpande") return "ongoing";
  return std::string(trim(typed));
}

std::optional<FlexibleDate> parse_flexible_date(std::string_view typed) {
  const auto code = flexible_date_code(typed);
  const std::string_view text = code;
  FlexibleDate date;
  if (text.empty()) return date;
  if (text == "ongoing") {
    date.kind = FlexibleDate::Kind::ongoing;
    return date;
  }
  if (text.size() == 7 && text[4] == '-' && digits(text.substr(0, 4)) &&
      digits(text.substr(5, 2))) {
    parse_int(text.substr(0, 4), date.year);
    parse_int(text.substr(5, 2), date.month);
    if (date.year < 1900 || date.month < 1 || date.month > 12) return std::nullopt;
    date.kind = FlexibleDate::Kind::month;
    return date;
  }
  if (!is_iso_date(text)) return std::nullopt;
  parse_int(text.substr(0, 4), date.year);
  parse_int(text.substr(5, 2), date.month);
  parse_int(text.substr(8, 2), date.day);
  date.kind = FlexibleDate::Kind::day;
  return date;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  for (auto line : split(text, '\n')) {
    const auto trimmed = trim(line);
    if (!trimmed.empty()) lines.emplace_back(trimmed);
  }
  return lines;
}

bool links_valid(std::string_view links) {
  for (const auto& line : split_lines(links)) {
    const bool scheme = line.starts_with("https://") || line.starts_with("http://");
    if (!scheme || line.find_first_of(" \t\"<>") != std::string::npos || line.size() > 2000) {
      return false;
    }
  }
  return true;
}

validation::Errors validate_party(const Party& party) {
  Errors errors;
  require(errors, "name", party.name, kMaxName);
  choice(errors, "kind", party.kind, kPartyKinds);
  return errors;
}

validation::Errors validate_channel(const Channel& channel) {
  Errors errors;
  require(errors, "name", channel.name, kMaxName);
  // "Facebook" would be a second Facebook beside the built-in "facebook".
  const auto code = to_lower_ascii(channel.name);
  if (std::find(std::begin(kChannels), std::end(kChannels), code) != std::end(kChannels)) {
    errors.add("name", "channel_built_in");
  }
  return errors;
}

validation::Errors validate_plan(const Plan& plan) {
  Errors errors;
  require(errors, "name", plan.name, kMaxName);
  choice(errors, "kind", plan.kind, kPlanKinds);
  if (plan.period_start.empty()) {
    errors.add("period_start", "field_required");
  } else {
    optional_date(errors, "period_start", plan.period_start);
  }
  if (plan.period_end.empty()) {
    errors.add("period_end", "field_required");
  } else {
    optional_date(errors, "period_end", plan.period_end);
  }
  if (is_iso_date(plan.period_start) && is_iso_date(plan.period_end) &&
      plan.period_end < plan.period_start) {
    errors.add("period_end", "period_end_before_start");
  }
  optional_date(errors, "adopted_on", plan.adopted_on);
  limit(errors, "summary", plan.summary, kMaxText);
  if (plan.version < 1) errors.add("version", "number_invalid");
  return errors;
}

validation::Errors validate_focus_area(const FocusArea& area) {
  Errors errors;
  require(errors, "name", area.name, kMaxName);
  limit(errors, "description", area.description, kMaxText);
  return errors;
}

validation::Errors validate_initiative(const Initiative& initiative) {
  Errors errors;
  require(errors, "name", initiative.name, kMaxName);
  limit(errors, "purpose", initiative.purpose, kMaxText);
  limit(errors, "goals", initiative.goals, kMaxText);
  limit(errors, "background", initiative.background, kMaxText);
  limit(errors, "already_done", initiative.already_done, kMaxText);
  limit(errors, "focus", initiative.focus, kMaxText);
  limit(errors, "lead_title", initiative.lead_title, kMaxName);
  limit(errors, "anchoring", initiative.anchoring, kMaxName);
  limit(errors, "working_group", initiative.working_group, kMaxText);
  limit(errors, "themes", initiative.themes, kMaxName);
  optional_date(errors, "start_date", initiative.start_date);
  choice(errors, "status", initiative.status, kInitiativeStatuses);
  if (initiative.added_year && (*initiative.added_year < 1990 || *initiative.added_year > 2100)) {
    errors.add("added_year", "year_invalid");
  }
  return errors;
}

validation::Errors validate_activity(const Activity& activity,
                                     const std::vector<std::string>& own_channels) {
  Errors errors;
  require(errors, "title", activity.title, kMaxTitle);
  limit(errors, "description", activity.description, kMaxText);
  choice(errors, "kind", activity.kind, kActivityKinds);
  choice(errors, "status", activity.status, kActivityStatuses);
  if (!parse_flexible_date(activity.planned_when)) {
    errors.add("planned_when", "flexible_date_invalid");
  }
  if (!parse_flexible_date(activity.done_when)) errors.add("done_when", "flexible_date_invalid");
  limit(errors, "responsible", activity.responsible, kMaxName);
  if (!links_valid(activity.links)) errors.add("links", "links_invalid");
  const bool communication = activity.kind == "communication";
  if (!activity.channel.empty()) {
    if (!communication) {
      errors.add("channel", "channel_only_communication");
    } else {
      const bool own = std::find(own_channels.begin(), own_channels.end(), activity.channel) !=
                       own_channels.end();
      if (!own) choice(errors, "channel", activity.channel, kChannels);
    }
  }
  const std::pair<std::string_view, const std::optional<long long>*> figures[] = {
      {"likes", &activity.likes},
      {"reactions", &activity.reactions},
      {"shares", &activity.shares},
      {"reach", &activity.reach},
      {"views", &activity.views}};
  for (const auto& [field, value] : figures) {
    if (!value->has_value()) continue;
    if (!communication) {
      errors.add(std::string(field), "figures_only_communication");
    } else if (**value < 0) {
      errors.add(std::string(field), "number_not_negative");
    }
  }
  return errors;
}

validation::Errors validate_group(const Group& group) {
  Errors errors;
  require(errors, "name", group.name, kMaxName);
  choice(errors, "kind", group.kind, kGroupKinds);
  limit(errors, "cadence", group.cadence, kMaxName);
  limit(errors, "description", group.description, kMaxText);
  return errors;
}

validation::Errors validate_group_member(const GroupMember& member) {
  Errors errors;
  require(errors, "title", member.title, kMaxName);
  limit(errors, "role", member.role, kMaxName);
  return errors;
}

bool status_change_allowed(std::string_view from, std::string_view to) {
  if (from == "proposed") return to == "active" || to == "closed";
  if (from == "active") return to == "paused" || to == "closed";
  if (from == "paused") return to == "active" || to == "closed";
  if (from == "closed") return to == "active";
  return false;
}

bool status_change_needs_reason(std::string_view to) {
  return to == "paused" || to == "closed";
}

validation::Errors validate_status_change(std::string_view from, std::string_view to,
                                          std::string_view changed_on, std::string_view reason,
                                          std::string_view earliest) {
  Errors errors;
  if (!is_one_of(to, kInitiativeStatuses)) {
    errors.add("status", "choice_invalid");
  } else if (!status_change_allowed(from, to)) {
    errors.add("status", "status_change_not_allowed",
               {{"from", "t:status_" + std::string(from)}, {"to", "t:status_" + std::string(to)}});
  }
  if ((status_change_needs_reason(to) || (from == "closed" && to == "active")) &&
      trim(reason).empty()) {
    errors.add("reason", "status_reason_required");
  }
  limit(errors, "reason", reason, kMaxName);
  if (changed_on.empty()) {
    errors.add("changed_on", "field_required");
  } else {
    optional_date(errors, "changed_on", changed_on);
    if (is_iso_date(changed_on) && is_iso_date(earliest) && changed_on < earliest) {
      errors.add("changed_on", "status_change_too_early", {{"earliest", std::string(earliest)}});
    }
  }
  return errors;
}

std::string earliest_status_change(const Initiative& initiative,
                                   const std::vector<StatusChange>& history) {
  std::string earliest = is_iso_date(initiative.start_date) ? initiative.start_date : "";
  // The first entry records how the initiative began (the day it was registered, when it has
  // no start): a change registered afterwards may still be dated before that.
  for (std::size_t i = 1; i < history.size(); ++i) {
    const auto& day = history[i].changed_on;
    if (is_iso_date(day) && day > earliest) earliest = day;
  }
  return earliest;
}

validation::Errors validate_status_history(const Initiative& initiative,
                                           const std::vector<StatusChange>& history) {
  Errors errors;
  std::string from = "proposed";
  std::string earliest = is_iso_date(initiative.start_date) ? initiative.start_date : "";
  for (std::size_t i = 0; i < history.size(); ++i) {
    const auto& change = history[i];
    const auto prefix = "status_history[" + std::to_string(i) + "].";
    // A history may begin with the record already in that status (an import from elsewhere).
    const bool same_as_start = i == 0 && change.status == from;
    if (!same_as_start) {
      errors.add_all(
          validate_status_change(from, change.status, change.changed_on, change.reason, earliest),
          prefix);
    }
    from = change.status;
    if (is_iso_date(change.changed_on)) earliest = std::max(earliest, change.changed_on);
  }
  if (!history.empty() && history.back().status != initiative.status) {
    errors.add("status", "status_history_mismatch", {{"status", "t:status_" + initiative.status}});
  }
  return errors;
}

std::vector<FieldChange> compare_initiatives(const Initiative& before, const Initiative& after) {
  std::vector<FieldChange> changes;
  add_if_changed(changes, "name", before.name, after.name);
  add_if_changed(changes, "status", before.status, after.status);
  add_if_changed(changes, "purpose", before.purpose, after.purpose);
  add_if_changed(changes, "goals", before.goals, after.goals);
  add_if_changed(changes, "background", before.background, after.background);
  add_if_changed(changes, "already_done", before.already_done, after.already_done);
  add_if_changed(changes, "focus", before.focus, after.focus);
  add_if_changed(changes, "lead_title", before.lead_title, after.lead_title);
  add_if_changed(changes, "lead_user_id", text_of(before.lead_user_id),
                 text_of(after.lead_user_id));
  add_if_changed(changes, "anchoring", before.anchoring, after.anchoring);
  add_if_changed(changes, "working_group", before.working_group, after.working_group);
  add_if_changed(changes, "themes", before.themes, after.themes);
  add_if_changed(changes, "start_date", before.start_date, after.start_date);
  add_if_changed(changes, "in_plan", before.in_plan ? "1" : "0", after.in_plan ? "1" : "0");
  return changes;
}

namespace {

// An initiative's name with its parent's name: what stays the same in a copied version.
std::string version_key(const std::vector<Initiative>& version, const Initiative& initiative) {
  std::string parent;
  for (const auto& other : version) {
    if (initiative.parent_initiative_id == other.id) parent = other.name;
  }
  return parent + "\x1f" + initiative.name;
}

}  // namespace

VersionChanges compare_versions(const std::vector<Initiative>& before,
                                const std::vector<Initiative>& after) {
  std::map<std::string, const Initiative*> earlier;
  for (const auto& initiative : before) earlier[version_key(before, initiative)] = &initiative;
  VersionChanges changes;
  for (const auto& initiative : after) {
    const auto found = earlier.find(version_key(after, initiative));
    if (found == earlier.end()) {
      changes.added.push_back(initiative);
      continue;
    }
    auto fields = compare_initiatives(*found->second, initiative);
    earlier.erase(found);
    if (!fields.empty()) changes.changed.push_back({initiative, std::move(fields)});
  }
  for (const auto& [key, initiative] : earlier) changes.removed.push_back(*initiative);
  return changes;
}

}  // namespace samtryg::strategy
