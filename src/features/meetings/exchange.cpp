#include "features/meetings/exchange.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/exchange/records.hpp"
#include "features/meetings/json.hpp"
#include "features/meetings/store.hpp"

namespace samtryg::meetings {

namespace {

using boost::json::array;
using exchange::Reading;
using exchange::Storing;
using exchange::Writing;

struct ItemEntry {
  Item item;
  std::vector<Decision> decisions;
};

struct MeetingEntry {
  Meeting meeting;
  std::vector<ItemEntry> items;
  std::vector<Action> actions;
  std::vector<Approval> approvals;
  std::string path;  // where it stands in the document, for errors found after reading all
};

validation::Errors validate_figure(const Figure& figure) {
  validation::Errors errors;
  if (!is_figure(figure)) errors.add("svg", "meeting_figure_invalid");
  return errors;
}

array export_items(Writing& out, long long meeting_id) {
  const auto decisions = store::decisions(out.sql, meeting_id);
  return exchange::numbered(
      store::items(out.sql, meeting_id), out.ids.of("meeting_item"), [&](const Item& item) {
        auto json = to_json(item);
        json.erase("row_version");
        out.ids.relink(json, "theme_id", "meeting_theme");
        array taken;
        for (const auto& decision : decisions) {
          if (decision.item_id != item.id) continue;
          auto entry = to_json(decision);
          entry.erase("id");
          entry.erase("item_id");
          taken.push_back(std::move(entry));
        }
        json["decisions"] = std::move(taken);
        array figures;
        for (const auto& figure : item.figures) {
          figures.push_back(
              {{"svg", figure.svg}, {"caption", figure.caption}, {"alt", figure.alt}});
        }
        json["figures"] = std::move(figures);
        return json;
      });
}

array export_meetings(Writing& out, std::vector<Meeting> all) {
  return exchange::numbered(std::move(all), out.ids.of("meeting"), [&](const Meeting& meeting) {
    auto json = to_json(meeting);
    json.erase("row_version");
    // series_id stays as it is: it only groups a series' meetings, remade on import.
    out.ids.relink(json, "group_id", "group");
    json["items"] = export_items(out, meeting.id);
    array actions;
    for (const auto& action : store::actions(out.sql, meeting.id)) {
      auto entry = to_json(action);
      entry.erase("id");
      out.ids.relink(entry, "item_id", "meeting_item");
      out.ids.relink(entry, "owner_user_id", "user");
      actions.push_back(std::move(entry));
    }
    json["actions"] = std::move(actions);
    json.erase("invited_sequence");  // invitations went from this installation, not the next
    json.erase("invited_at");
    out.ids.relink(json, "approved_at_meeting_id", "meeting");
    array approvals;
    for (const auto& approval : store::approvals(out.sql, meeting.id)) {
      boost::json::object entry{{"user_id", approval.user_id},
                                {"approved_at", approval.approved_at}};
      out.ids.relink(entry, "user_id", "user");
      approvals.push_back(std::move(entry));
    }
    json["approvals"] = std::move(approvals);
    return json;
  });
}

// Written before the meetings, whose items name the themes they take up.
array export_themes(Writing& out) {
  return exchange::numbered(
      store::themes(out.sql, out.workspace_id), out.ids.of("meeting_theme"),
      [&](const Theme& theme) {
        auto json = to_json(theme);
        for (const char* derived : {"status", "item_id", "item_meeting_id", "row_version"}) {
          json.erase(derived);
        }
        out.ids.relink(json, "group_id", "group");
        out.ids.relink(json, "meeting_id", "meeting");
        out.ids.relink(json, "proposed_by", "user");
        return json;
      });
}

std::vector<ItemEntry> read_items(Reading& in, json::Reader& reader) {
  return exchange::read_records<ItemEntry>(
      in, reader, "items",
      {.kind = "meeting_item",
       .id = [](const ItemEntry& entry) { return entry.item.id; },
       .validate = [](const ItemEntry& entry) { return validate_item(entry.item); }},
      [&in](json::Reader& item_reader, ItemEntry& entry, const std::string&) {
        read(item_reader, entry.item);
        entry.decisions = exchange::read_records<Decision>(
            in, item_reader, "decisions", {.validate = validate_decision},
            [](json::Reader& decision_reader, Decision& decision, const std::string&) {
              read(decision_reader, decision);
            });
        entry.item.figures = exchange::read_records<Figure>(
            in, item_reader, "figures", {.validate = validate_figure},
            [](json::Reader& figure_reader, Figure& figure, const std::string&) {
              figure_reader.text("svg", figure.svg);
              figure_reader.text("caption", figure.caption);
              figure_reader.text("alt", figure.alt);
            });
      });
}

// Decisions are numbered once through a meeting; an action's item is one of its meeting's.
void check_parts(Reading& in, const MeetingEntry& entry, const std::string& path) {
  std::set<int> numbers;
  std::set<long long> item_ids;
  for (std::size_t i = 0; i < entry.items.size(); ++i) {
    item_ids.insert(entry.items[i].item.id);
    for (std::size_t d = 0; d < entry.items[i].decisions.size(); ++d) {
      if (!numbers.insert(entry.items[i].decisions[d].number).second) {
        in.add(
            path + ".items[" + std::to_string(i) + "].decisions[" + std::to_string(d) + "].number",
            "meeting_decision_number_taken");
      }
    }
  }
  for (std::size_t a = 0; a < entry.actions.size(); ++a) {
    const auto& item = entry.actions[a].item_id;
    if (item && !item_ids.contains(*item)) {
      in.add(path + ".actions[" + std::to_string(a) + "].item_id", "json_reference_unknown");
    }
  }
}

// The items that take up a theme, as (stored item, theme in the document): linked once the
// themes are stored.
using ThemeLinks = std::vector<std::pair<long long, long long>>;

void store_entry(Storing& out, const MeetingEntry& entry, ThemeLinks& links) {
  auto meeting = entry.meeting;
  meeting.workspace_id = out.workspace_id;
  meeting.group_id = out.ids.find("group", meeting.group_id);
  meeting.series_id.reset();
  meeting.approved_at_meeting_id.reset();  // set once every meeting is stored
  meeting.invited_sequence = -1;
  meeting.invited_at.clear();
  if (meeting.created_at.empty()) meeting.created_at = out.now;
  const auto meeting_id = store::insert_meeting(out.sql, meeting);
  out.ids.add("meeting", entry.meeting.id, meeting_id);
  for (auto approval : entry.approvals) {
    approval.user_id = out.ids.at("user", approval.user_id);
    store::add_approval(out.sql, meeting_id, approval);
  }
  std::map<long long, long long> items;
  int position = 0;
  for (const auto& item_entry : entry.items) {
    auto item = item_entry.item;
    item.meeting_id = meeting_id;
    item.position = ++position;
    item.theme_id.reset();
    if (item.created_at.empty()) item.created_at = out.now;
    items[item_entry.item.id] = store::insert_item(out.sql, item);
    if (item_entry.item.theme_id) {
      links.emplace_back(items[item_entry.item.id], *item_entry.item.theme_id);
    }
    out.ids.add("meeting_item", item_entry.item.id, items[item_entry.item.id]);
    for (auto decision : item_entry.decisions) {
      decision.meeting_id = meeting_id;
      decision.item_id = items[item_entry.item.id];
      if (decision.created_at.empty()) decision.created_at = out.now;
      store::insert_decision(out.sql, decision);
    }
  }
  for (auto action : entry.actions) {
    action.meeting_id = meeting_id;
    if (action.item_id) action.item_id = items.at(*action.item_id);
    action.owner_user_id = out.ids.at("user", action.owner_user_id);
    if (action.created_at.empty()) action.created_at = out.now;
    store::insert_action(out.sql, action);
  }
}

class MeetingsSection final : public exchange::Section {
 public:
  void write(Writing& out) const override {
    // Minutes name the later meeting that approved them, themes the meeting they are for, and
    // items the theme they take up: the meetings are numbered before anything is written, the
    // themes before the meetings.
    auto& numbers = out.ids.of("meeting");
    auto all = store::meetings(out.sql, out.workspace_id);
    exchange::sort_by_id(all);
    for (const auto& meeting : all) numbers.add(meeting.id);
    out.document["meeting_themes"] = export_themes(out);
    out.document["meetings"] = export_meetings(out, std::move(all));
  }

  void read(Reading& in) override {
    meetings_ = exchange::read_records<MeetingEntry>(
        in, in.document, "meetings",
        {.kind = "meeting",
         .id = [](const MeetingEntry& entry) { return entry.meeting.id; },
         .validate = [](const MeetingEntry& entry) { return validate_meeting(entry.meeting); },
         .references = {{"group_id", "group",
                         [](const MeetingEntry& entry) { return entry.meeting.group_id; }}}},
        [&in](json::Reader& reader, MeetingEntry& entry, const std::string& path) {
          meetings::read(reader, entry.meeting);
          entry.items = read_items(in, reader);
          entry.actions = exchange::read_records<Action>(
              in, reader, "actions",
              {.validate = validate_action,
               .references = {{"owner_user_id", "user",
                               [](const Action& action) {
                                 return std::optional<long long>(action.owner_user_id);
                               }}}},
              [](json::Reader& action_reader, Action& action, const std::string&) {
                meetings::read(action_reader, action);
              });
          entry.approvals = exchange::read_records<Approval>(
              in, reader, "approvals",
              {.references = {{"user_id", "user",
                               [](const Approval& approval) {
                                 return std::optional<long long>(approval.user_id);
                               }}},
               .unique = [](const Approval& approval) -> std::optional<std::string> {
                 return std::to_string(approval.user_id);
               },
               .unique_member = "user_id",
               .unique_error = "meeting_approval_twice"},
              [](json::Reader& approval_reader, Approval& approval, const std::string&) {
                approval_reader.integer("user_id", approval.user_id);
                approval_reader.text("approved_at", approval.approved_at);
              });
          entry.path = path;
          check_parts(in, entry, path);
        });
    // A meeting's minutes approved at another meeting of the document (often a later one).
    for (const auto& entry : meetings_) {
      in.check_ref(entry.path + ".approved_at_meeting_id", "meeting",
                   entry.meeting.approved_at_meeting_id);
    }
    themes_ = exchange::read_records<Theme>(
        in, in.document, "meeting_themes",
        {.kind = "meeting_theme",
         .id = [](const Theme& theme) { return theme.id; },
         .validate = validate_theme,
         .references = {{"group_id", "group", [](const Theme& theme) { return theme.group_id; }},
                        {"meeting_id", "meeting",
                         [](const Theme& theme) { return theme.meeting_id; }},
                        {"proposed_by", "user",
                         [](const Theme& theme) { return theme.proposed_by; }}}},
        [](json::Reader& reader, Theme& theme, const std::string&) {
          meetings::read(reader, theme);
        });
    for (const auto& entry : meetings_) {
      for (std::size_t i = 0; i < entry.items.size(); ++i) {
        in.check_ref(entry.path + ".items[" + std::to_string(i) + "].theme_id", "meeting_theme",
                     entry.items[i].item.theme_id);
      }
    }
  }

  void store(Storing& out) override {
    ThemeLinks links;
    for (const auto& entry : meetings_) store_entry(out, entry, links);
    // A series is its meetings grouped: the first of each group in the document names it.
    std::map<long long, long long> series;
    for (const auto& entry : meetings_) {
      if (!entry.meeting.series_id) continue;
      const auto stored = out.ids.at("meeting", entry.meeting.id);
      const auto named = series.try_emplace(*entry.meeting.series_id, stored).first;
      store::set_series(out.sql, stored, named->second);
    }
    for (const auto& entry : meetings_) {
      if (!entry.meeting.approved_at_meeting_id) continue;
      store::set_approved_at_meeting(out.sql, out.ids.at("meeting", entry.meeting.id),
                                     out.ids.find("meeting", entry.meeting.approved_at_meeting_id));
    }
    for (auto theme : themes_) {
      const auto document_id = theme.id;
      theme.workspace_id = out.workspace_id;
      theme.group_id = out.ids.find("group", theme.group_id);
      theme.meeting_id = out.ids.find("meeting", theme.meeting_id);
      theme.proposed_by = out.ids.find("user", theme.proposed_by);
      if (theme.created_at.empty()) theme.created_at = out.now;
      out.ids.add("meeting_theme", document_id, store::insert_theme(out.sql, theme));
    }
    for (const auto& [item_id, theme] : links) {
      store::set_item_theme(out.sql, item_id, out.ids.at("meeting_theme", theme));
    }
    out.count("meetings", static_cast<int>(meetings_.size()));
    out.count("meeting_themes", static_cast<int>(themes_.size()));
  }

 private:
  std::vector<MeetingEntry> meetings_;
  std::vector<Theme> themes_;
};

}  // namespace

std::unique_ptr<exchange::Section> exchange_section() {
  return std::make_unique<MeetingsSection>();
}

}  // namespace samtryg::meetings
