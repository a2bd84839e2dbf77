#include "features/meetings/queries.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <set>

#include "core/util/strings.hpp"
#include "core/validation/validation.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::meetings {

std::vector<Meeting> meetings(soci::session& sql, const Actor& actor) {
  if (!actor.read_all) return {};
  return store::meetings(sql, actor.workspace_id);
}

Meeting readable_meeting(soci::session& sql, const Actor& actor, long long id) {
  auto meeting = store::find_meeting(sql, actor.workspace_id, id);
  if (!meeting || !actor.read_all) throw validation::NotFound();
  return std::move(*meeting);
}

namespace {

std::vector<store::OwnedAction> carried_actions(soci::session& sql, const Actor& actor,
                                                const Meeting& meeting) {
  if (!meeting.group_id) return {};
  return store::open_actions_of_body(sql, actor.workspace_id, *meeting.group_id, meeting.starts_at);
}

}  // namespace

MeetingRecord meeting_record(soci::session& sql, const Actor& actor, long long id) {
  MeetingRecord record;
  record.meeting = readable_meeting(sql, actor, id);
  if (record.meeting.group_id) {
    try {
      record.body = strategy::readable_group(sql, actor, *record.meeting.group_id).name;
    } catch (const validation::NotFound&) {
      // The group was removed since: the meeting keeps its own title.
    }
  }
  record.items = store::items(sql, id);
  record.decisions = store::decisions(sql, id);
  record.actions = store::actions(sql, id);
  record.carried = carried_actions(sql, actor, record.meeting);
  for (const auto& person : strategy::people(sql, actor)) record.people[person.id] = person.name;
  record.invitees = invitees(sql, actor, record.meeting);
  record.approvals = store::approvals(sql, id);
  if (record.meeting.approved_at_meeting_id) {
    record.approving =
        store::find_meeting(sql, actor.workspace_id, *record.meeting.approved_at_meeting_id);
  }
  for (auto& invitation : store::invitations(sql, id)) {
    const auto state = mail::queued_state(sql, invitation.mail_message_id);
    record.invitations.push_back({std::move(invitation), state});
  }
  return record;
}

MeetingRecord meeting_record(db::Database& database, const Actor& actor, long long id) {
  auto sql = database.session();
  return meeting_record(sql, actor, id);
}

const Item& item_in(const MeetingRecord& record, long long id) {
  for (const auto& item : record.items) {
    if (item.id == id) return item;
  }
  throw validation::NotFound();
}

namespace {

std::string folded(std::string_view text) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .foldCase()
      .toUTF8String(out);
  return out;
}

}  // namespace

std::vector<store::FoundDecision> search_decisions(soci::session& sql, const Actor& actor,
                                                   std::string_view query, std::size_t limit) {
  std::vector<std::string> words;
  const auto wanted = folded(query);  // split() returns views into it
  for (const auto word : split(wanted, ' ')) {
    if (!trim(word).empty()) words.emplace_back(trim(word));
  }
  std::vector<store::FoundDecision> out;
  for (auto& found : store::workspace_decisions(sql, actor.workspace_id, !actor.read_all)) {
    const auto haystack =
        folded(found.decision.text + " " + found.item_title + " " + found.meeting_title);
    const bool all = std::all_of(words.begin(), words.end(), [&](const std::string& word) {
      return haystack.find(word) != std::string::npos;
    });
    if (!all) continue;
    out.push_back(std::move(found));
    if (out.size() >= limit) break;
  }
  return out;
}

std::vector<store::OwnedAction> my_open_actions(soci::session& sql, const Actor& actor) {
  if (!actor.user_id || !actor.read_all) return {};
  return store::open_actions_of(sql, actor.workspace_id, *actor.user_id);
}

std::vector<Meeting> meetings_of_member(soci::session& sql, const Actor& actor, long long user_id) {
  // A few groups with a few members each: read once, not once per meeting.
  std::set<long long> bodies;
  for (const auto& group : strategy::groups(sql, actor)) {
    for (const auto& member : strategy::group_members(sql, actor, group.id)) {
      if (member.user_id == user_id) bodies.insert(group.id);
    }
  }
  std::vector<Meeting> out;
  for (auto& meeting : meetings(sql, actor)) {
    if (meeting.group_id && bodies.contains(*meeting.group_id)) out.push_back(std::move(meeting));
  }
  return out;
}

std::vector<long long> invitees(soci::session& sql, const Actor& actor, const Meeting& meeting) {
  std::vector<long long> out;
  if (!meeting.group_id) return out;
  for (const auto& member : strategy::group_members(sql, actor, *meeting.group_id)) {
    if (member.user_id && std::find(out.begin(), out.end(), *member.user_id) == out.end()) {
      out.push_back(*member.user_id);
    }
  }
  return out;
}

std::vector<Theme> themes(soci::session& sql, const Actor& actor) {
  if (!actor.read_all) return {};
  return store::themes(sql, actor.workspace_id);
}

}  // namespace samtryg::meetings
