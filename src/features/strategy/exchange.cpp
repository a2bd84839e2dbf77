#include "features/strategy/exchange.hpp"

#include <algorithm>

#include "core/exchange/records.hpp"
#include "core/util/crypto.hpp"
#include "features/strategy/json.hpp"
#include "features/strategy/store.hpp"

namespace samtryg::strategy {

namespace {

using boost::json::array;
using exchange::Reading;
using exchange::Storing;
using exchange::Writing;

using exchange::sort_by_id;

struct PlanEntry {
  Plan plan;
  std::vector<FocusArea> areas;
};

// A person who follows an initiative (store::set_follower).
struct Follower {
  long long user_id = 0;
};

struct InitiativeEntry {
  Initiative initiative;
  std::vector<StatusChange> history;
  std::vector<Follower> followers;
};

struct GroupEntry {
  Group group;
  std::vector<GroupMember> members;
};

// ---- export ----------------------------------------------------------------------------------

array export_parties(Writing& out) {
  return exchange::numbered(store::parties(out.sql, out.workspace_id), out.ids.of("party"),
                            [](const Party& party) { return to_json(party); });
}

// By name only: an activity names its channel, nothing refers to a channel's id.
array export_channels(Writing& out) {
  auto channels = store::channels(out.sql, out.workspace_id);
  sort_by_id(channels);
  array list;
  for (const auto& channel : channels) list.push_back(boost::json::object{{"name", channel.name}});
  return list;
}

array export_plans(Writing& out) {
  auto plans = store::plans(out.sql, out.workspace_id);
  sort_by_id(plans);
  auto& plan_ids = out.ids.of("plan");
  for (const auto& plan : plans) plan_ids.add(plan.id);
  // Focus areas are numbered across all plans, in creation order.
  std::vector<FocusArea> areas;
  for (const auto& plan : plans) {
    for (auto& area : store::focus_areas(out.sql, plan.id)) areas.push_back(std::move(area));
  }
  sort_by_id(areas);
  auto& area_ids = out.ids.of("focus_area");
  for (const auto& area : areas) area_ids.add(area.id);
  array list;
  for (const auto& plan : plans) {
    auto json = to_json(plan);
    out.ids.relink(json, "id", "plan");
    out.ids.relink(json, "previous_version_id", "plan");
    out.ids.relink(json, "parent_plan_id", "plan");
    json.stable_erase("row_version");
    array plan_areas;
    for (const auto& area : areas) {
      if (area.plan_id != plan.id) continue;
      auto area_json = to_json(area);
      out.ids.relink(area_json, "id", "focus_area");
      out.ids.relink(area_json, "parent_focus_area_id", "focus_area");
      area_json.stable_erase("plan_id");
      plan_areas.push_back(std::move(area_json));
    }
    json["focus_areas"] = std::move(plan_areas);
    list.push_back(std::move(json));
  }
  return list;
}

array export_initiatives(Writing& out) {
  store::InitiativeFilter filter;
  filter.workspace_id = out.workspace_id;
  filter.by_id = true;
  filter.limit = 10000000;
  const auto rows = store::initiatives(out.sql, filter);
  auto& initiative_ids = out.ids.of("initiative");
  for (const auto& row : rows) initiative_ids.add(row.initiative.id);
  array list;
  for (const auto& row : rows) {
    auto json = to_json(row.initiative);
    out.ids.relink(json, "id", "initiative");
    out.ids.relink(json, "plan_id", "plan");
    out.ids.relink(json, "parent_initiative_id", "initiative");
    out.ids.relink(json, "focus_area_id", "focus_area");
    out.ids.relink(json, "lead_user_id", "user");
    json.stable_erase("row_version");
    array history;
    for (const auto& change : store::status_changes(out.sql, row.initiative.id)) {
      history.push_back(to_json(change));
    }
    json["status_history"] = std::move(history);
    array followers;
    for (const auto user_id : store::followers(out.sql, row.initiative.id)) {
      boost::json::object follower{{"user_id", user_id}};
      out.ids.relink(follower, "user_id", "user");
      followers.push_back(std::move(follower));
    }
    json["followers"] = std::move(followers);
    list.push_back(std::move(json));
  }
  return list;
}

array export_activities(Writing& out) {
  store::ActivityFilter filter;
  filter.workspace_id = out.workspace_id;
  filter.limit = 100000000;
  return exchange::numbered(store::activities(out.sql, filter), out.ids.of("activity"),
                            [&out](const Activity& activity) {
                              auto json = to_json(activity);
                              out.ids.relink(json, "initiative_id", "initiative");
                              json.stable_erase("row_version");
                              return json;
                            });
}

array export_groups(Writing& out) {
  return exchange::numbered(store::groups(out.sql, out.workspace_id), out.ids.of("group"),
                            [&out](const Group& group) {
                              auto json = to_json(group);
                              out.ids.relink(json, "initiative_id", "initiative");
                              json.stable_erase("row_version");
                              array members;
                              for (const auto& member : store::group_members(out.sql, group.id)) {
                                auto member_json = to_json(member);
                                out.ids.relink(member_json, "user_id", "user");
                                out.ids.relink(member_json, "party_id", "party");
                                members.push_back(std::move(member_json));
                              }
                              json["members"] = std::move(members);
                              return json;
                            });
}

array export_documents(Writing& out) {
  array list;
  for (const auto& document : store::all_documents(out.sql, out.workspace_id)) {
    auto json = to_json(document);
    json.stable_erase("id");  // nothing refers to a document
    out.ids.relink(json, "plan_id", "plan");
    out.ids.relink(json, "initiative_id", "initiative");
    json["content_base64"] = crypto::base64_encode(document.content);
    list.push_back(std::move(json));
  }
  return list;
}

// ---- import: reading and checking ------------------------------------------------------------

std::vector<Party> read_parties(Reading& in) {
  return exchange::read_records<Party>(
      in, in.document, "parties",
      {.kind = "party",
       .id = [](const Party& party) { return party.id; },
       .validate = validate_party,
       .unique = [](const Party& party) -> std::optional<std::string> { return party.name; }},
      [](json::Reader& reader, Party& party, const std::string&) { read(reader, party); });
}

std::vector<Channel> read_channels(Reading& in) {
  return exchange::read_records<Channel>(
      in, in.document, "channels",
      {.validate = validate_channel,
       .unique = [](const Channel& channel) -> std::optional<std::string> { return channel.name; }},
      [](json::Reader& reader, Channel& channel, const std::string&) {
        reader.text("name", channel.name);
      });
}

std::vector<PlanEntry> read_plans(Reading& in) {
  auto plans = exchange::read_records<PlanEntry>(
      in, in.document, "plans",
      {.kind = "plan",
       .id = [](const PlanEntry& entry) { return entry.plan.id; },
       .validate = [](const PlanEntry& entry) { return validate_plan(entry.plan); },
       .unique = [](const PlanEntry& entry) -> std::optional<std::string> {
         return entry.plan.name + '\x1f' + std::to_string(entry.plan.version);
       }},
      [&in](json::Reader& reader, PlanEntry& entry, const std::string&) {
        read(reader, entry.plan);
        entry.areas = exchange::read_records<FocusArea>(
            in, reader, "focus_areas",
            {.kind = "focus_area",
             .id = [](const FocusArea& area) { return area.id; },
             .owner = [&entry](const FocusArea&) -> std::optional<long long> {
               return entry.plan.id;
             },
             .validate = validate_focus_area,
             .unique = [](const FocusArea& area) -> std::optional<std::string> {
               return area.name;
             }},
            [](json::Reader& area_reader, FocusArea& area, const std::string&) {
              read(area_reader, area);
            });
      });
  // Plans and focus areas may point at those that come after them.
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const auto path = exchange::item_path("plans", i);
    const auto& plan = plans[i].plan;
    in.check_ref(path + ".parent_plan_id", "plan", plan.parent_plan_id);
    in.check_ref(path + ".previous_version_id", "plan", plan.previous_version_id);
    for (std::size_t j = 0; j < plans[i].areas.size(); ++j) {
      in.check_ref(path + ".focus_areas[" + std::to_string(j) + "].parent_focus_area_id",
                   "focus_area", plans[i].areas[j].parent_focus_area_id);
    }
  }
  return plans;
}

void read_initiative(Reading& in, json::Reader& reader, InitiativeEntry& entry) {
  read(reader, entry.initiative);
  // The history is checked as a whole with its initiative (validate_status_history).
  entry.history =
      exchange::read_records<StatusChange>(in, reader, "status_history", {},
                                           [](json::Reader& change_reader, StatusChange& change,
                                              const std::string&) { read(change_reader, change); });
  entry.followers = exchange::read_records<Follower>(
      in, reader, "followers",
      {.references = {{"user_id", "user",
                       [](const Follower& follower) -> std::optional<long long> {
                         return follower.user_id;
                       }}},
       .unique = [](const Follower& follower) -> std::optional<std::string> {
         return std::to_string(follower.user_id);
       },
       .unique_member = "user_id",
       .unique_error = "initiative_follower_twice"},
      [&in](json::Reader& follower_reader, Follower& follower, const std::string& path) {
        if (!follower_reader.integer("user_id", follower.user_id)) {
          in.add(path + ".user_id", "field_required");
        }
      });
}

std::vector<InitiativeEntry> read_initiatives(Reading& in) {
  auto initiatives = exchange::read_records<InitiativeEntry>(
      in, in.document, "initiatives",
      {.kind = "initiative",
       .id = [](const InitiativeEntry& entry) { return entry.initiative.id; },
       .owner = [](const InitiativeEntry& entry) -> std::optional<long long> {
         return entry.initiative.plan_id;
       },
       .validate =
           [](const InitiativeEntry& entry) {
             auto errors = validate_initiative(entry.initiative);
             errors.add_all(validate_status_history(entry.initiative, entry.history));
             return errors;
           },
       .references = {{"plan_id", "plan",
                       [](const InitiativeEntry& entry) -> std::optional<long long> {
                         return entry.initiative.plan_id;
                       }},
                      {"lead_user_id", "user",
                       [](const InitiativeEntry& entry) { return entry.initiative.lead_user_id; }}},
       .unique = [](const InitiativeEntry& entry) -> std::optional<std::string> {
         const auto& v = entry.initiative;
         return std::to_string(v.plan_id) + '\x1f' +
                std::to_string(v.parent_initiative_id.value_or(0)) + '\x1f' + v.name;
       }},
      [&in](json::Reader& reader, InitiativeEntry& entry, const std::string&) {
        read_initiative(in, reader, entry);
      });
  // An initiative's focus area and parent are of its own plan (the parent may come later).
  for (std::size_t i = 0; i < initiatives.size(); ++i) {
    const auto path = exchange::item_path("initiatives", i);
    const auto& v = initiatives[i].initiative;
    if (v.focus_area_id && in.ids.owner("focus_area", *v.focus_area_id) != v.plan_id) {
      in.add(path + ".focus_area_id", "link_not_in_plan");
    }
    if (v.parent_initiative_id &&
        (in.ids.owner("initiative", *v.parent_initiative_id) != v.plan_id ||
         *v.parent_initiative_id == v.id)) {
      in.add(path + ".parent_initiative_id", "link_not_in_plan");
    }
  }
  return initiatives;
}

// `own_channels`: the document's channels, which its activities may name.
std::vector<Activity> read_activities(Reading& in, const std::vector<Channel>& own_channels) {
  std::vector<std::string> names;
  names.reserve(own_channels.size());
  for (const auto& channel : own_channels) names.push_back(channel.name);
  return exchange::read_records<Activity>(
      in, in.document, "activities",
      {.kind = "activity",
       .id = [](const Activity& activity) { return activity.id; },
       .validate = [names](const Activity& activity) { return validate_activity(activity, names); },
       .references = {{"initiative_id", "initiative",
                       [](const Activity& activity) -> std::optional<long long> {
                         return activity.initiative_id;
                       }}}},
      [](json::Reader& reader, Activity& activity, const std::string&) { read(reader, activity); });
}

std::vector<GroupEntry> read_groups(Reading& in) {
  return exchange::read_records<GroupEntry>(
      in, in.document, "groups",
      {.kind = "group",
       .id = [](const GroupEntry& entry) { return entry.group.id; },
       .validate = [](const GroupEntry& entry) { return validate_group(entry.group); },
       .references = {{"initiative_id", "initiative",
                       [](const GroupEntry& entry) { return entry.group.initiative_id; }}},
       .unique = [](const GroupEntry& entry) -> std::optional<std::string> {
         return entry.group.name;
       }},
      [&in](json::Reader& reader, GroupEntry& entry, const std::string&) {
        read(reader, entry.group);
        entry.members = exchange::read_records<GroupMember>(
            in, reader, "members",
            {.validate = validate_group_member,
             .references = {{"user_id", "user",
                             [](const GroupMember& member) { return member.user_id; }},
                            {"party_id", "party",
                             [](const GroupMember& member) { return member.party_id; }}}},
            [](json::Reader& member_reader, GroupMember& member, const std::string&) {
              read(member_reader, member);
            });
      });
}

// A document's bytes travel as base64 with their size and checksum, both checked.
void read_document_file(Reading& in, json::Reader& reader, Document& file,
                        const std::string& path) {
  std::string content;
  std::string content_type;
  long long size = -1;
  std::string sha256;
  reader.optional_integer("plan_id", file.plan_id);
  reader.optional_integer("initiative_id", file.initiative_id);
  reader.text("filename", file.filename);
  reader.text("content_type", content_type);
  reader.integer("size_bytes", size);
  reader.text("sha256", sha256);
  reader.text("uploaded_by", file.uploaded_by);
  reader.text("uploaded_at", file.uploaded_at);
  reader.text("content_base64", content);
  const auto decoded = crypto::base64_decode(content);
  if (!decoded) {
    in.add(path + ".content_base64", "exchange_base64_invalid");
    return;
  }
  file.content = *decoded;
  const auto found = check_document(file);
  for (const auto& error : found.items()) {
    in.errors.add(path + ".content_base64", error.message_key, error.values);
  }
  if (size != file.size_bytes) in.add(path + ".size_bytes", "exchange_size_mismatch");
  file.sha256 = crypto::sha256_hex(file.content);
  if (sha256 != file.sha256) in.add(path + ".sha256", "exchange_checksum_mismatch");
}

std::vector<Document> read_documents(Reading& in) {
  return exchange::read_records<Document>(
      in, in.document, "documents",
      {.references = {{"plan_id", "plan", [](const Document& file) { return file.plan_id; }},
                      {"initiative_id", "initiative",
                       [](const Document& file) { return file.initiative_id; }}}},
      [&in](json::Reader& reader, Document& file, const std::string& path) {
        read_document_file(in, reader, file, path);
      });
}

// ---- import: storing -------------------------------------------------------------------------

void store_plans(Storing& out, const std::vector<PlanEntry>& plans) {
  for (const auto& entry : plans) {
    auto plan = entry.plan;
    plan.workspace_id = out.workspace_id;
    plan.parent_plan_id.reset();
    plan.previous_version_id.reset();
    if (plan.created_at.empty()) plan.created_at = out.now;
    if (plan.updated_at.empty()) plan.updated_at = plan.created_at;
    out.ids.add("plan", entry.plan.id, store::insert_plan(out.sql, plan));
  }
  // Links between plans and between focus areas once all exist.
  for (const auto& entry : plans) {
    const auto plan_id = out.ids.at("plan", entry.plan.id);
    if (entry.plan.parent_plan_id || entry.plan.previous_version_id) {
      store::set_plan_links(out.sql, plan_id, out.ids.find("plan", entry.plan.parent_plan_id),
                            out.ids.find("plan", entry.plan.previous_version_id));
    }
    for (auto area : entry.areas) {
      const auto local = area.id;
      area.plan_id = plan_id;
      area.parent_focus_area_id.reset();
      out.ids.add("focus_area", local, store::insert_focus_area(out.sql, area));
    }
  }
  for (const auto& entry : plans) {
    for (const auto& area : entry.areas) {
      if (!area.parent_focus_area_id) continue;
      store::set_focus_area_parent(out.sql, out.ids.at("focus_area", area.id),
                                   out.ids.find("focus_area", area.parent_focus_area_id));
    }
  }
  out.count("plans", static_cast<int>(plans.size()));
}

void store_initiatives(Storing& out, const std::vector<InitiativeEntry>& initiatives) {
  std::vector<std::pair<long long, long long>> deferred_parents;  // new id → local parent
  for (const auto& entry : initiatives) {
    auto v = entry.initiative;
    v.workspace_id = out.workspace_id;
    v.plan_id = out.ids.at("plan", v.plan_id);
    v.focus_area_id = out.ids.find("focus_area", v.focus_area_id);
    v.lead_user_id = out.ids.find("user", v.lead_user_id);
    const auto local_parent = v.parent_initiative_id;
    // A parent created after its child (it can be re-parented later) is linked afterwards.
    v.parent_initiative_id = out.ids.find("initiative", local_parent);
    if (v.created_at.empty()) v.created_at = out.now;
    if (v.updated_at.empty()) v.updated_at = v.created_at;
    const auto new_id = store::insert_initiative(out.sql, v);
    if (local_parent && !v.parent_initiative_id) {
      deferred_parents.emplace_back(new_id, *local_parent);
    }
    out.ids.add("initiative", entry.initiative.id, new_id);
    for (const auto& follower : entry.followers) {
      store::set_follower(out.sql, new_id, out.ids.at("user", follower.user_id), true, out.now);
    }
    for (auto change : entry.history) {
      change.initiative_id = new_id;
      if (change.at.empty()) change.at = out.now;
      store::insert_status_change(out.sql, change);
    }
  }
  for (const auto& [id, local_parent] : deferred_parents) {
    store::set_initiative_parent(out.sql, id, out.ids.at("initiative", local_parent));
  }
  out.count("initiatives", static_cast<int>(initiatives.size()));
}

void store_activities(Storing& out, const std::vector<Activity>& read_activities) {
  std::vector<Activity> activities;
  activities.reserve(read_activities.size());
  for (auto activity : read_activities) {
    activity.workspace_id = out.workspace_id;
    activity.initiative_id = out.ids.at("initiative", activity.initiative_id);
    if (activity.created_at.empty()) activity.created_at = out.now;
    if (activity.updated_at.empty()) activity.updated_at = activity.created_at;
    activities.push_back(std::move(activity));
  }
  const auto stored = store::insert_activities(out.sql, activities);
  for (std::size_t i = 0; i < stored.size(); ++i) {
    out.ids.add("activity", read_activities[i].id, stored[i]);
  }
  out.count("activities", static_cast<int>(activities.size()));
}

void store_groups(Storing& out, const std::vector<GroupEntry>& groups) {
  for (const auto& entry : groups) {
    auto group = entry.group;
    group.workspace_id = out.workspace_id;
    group.initiative_id = out.ids.find("initiative", group.initiative_id);
    const auto group_id = store::insert_group(out.sql, group);
    out.ids.add("group", entry.group.id, group_id);
    for (auto member : entry.members) {
      member.group_id = group_id;
      member.user_id = out.ids.find("user", member.user_id);
      member.party_id = out.ids.find("party", member.party_id);
      store::insert_group_member(out.sql, member);
    }
  }
  out.count("groups", static_cast<int>(groups.size()));
}

class StrategySection final : public exchange::Section {
 public:
  void write(Writing& out) const override {
    out.document["parties"] = export_parties(out);
    out.document["channels"] = export_channels(out);
    out.document["plans"] = export_plans(out);
    out.document["initiatives"] = export_initiatives(out);
    out.document["activities"] = export_activities(out);
    out.document["groups"] = export_groups(out);
    out.document["documents"] = export_documents(out);
  }

  void read(Reading& in) override {
    parties_ = read_parties(in);
    channels_ = read_channels(in);
    plans_ = read_plans(in);
    initiatives_ = read_initiatives(in);
    activities_ = read_activities(in, channels_);
    groups_ = read_groups(in);
    documents_ = read_documents(in);
  }

  void store(Storing& out) override {
    for (auto party : parties_) {
      party.workspace_id = out.workspace_id;
      out.ids.add("party", party.id, store::insert_party(out.sql, party));
    }
    for (auto channel : channels_) {
      channel.workspace_id = out.workspace_id;
      store::insert_channel(out.sql, channel);
    }
    store_plans(out, plans_);
    store_initiatives(out, initiatives_);
    store_activities(out, activities_);
    store_groups(out, groups_);
    for (auto file : documents_) {
      file.workspace_id = out.workspace_id;
      file.plan_id = out.ids.find("plan", file.plan_id);
      file.initiative_id = out.ids.find("initiative", file.initiative_id);
      if (file.uploaded_at.empty()) file.uploaded_at = out.now;
      store::insert_document(out.sql, file);
    }
    store::rebuild_search_index(out.sql, out.workspace_id);
  }

 private:
  std::vector<Party> parties_;
  std::vector<Channel> channels_;
  std::vector<PlanEntry> plans_;
  std::vector<InitiativeEntry> initiatives_;
  std::vector<Activity> activities_;
  std::vector<GroupEntry> groups_;
  std::vector<Document> documents_;
};

}  // namespace

std::unique_ptr<exchange::Section> exchange_section() {
  return std::make_unique<StrategySection>();
}

}  // namespace samtryg::strategy
