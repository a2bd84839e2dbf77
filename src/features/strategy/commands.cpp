#include "features/strategy/commands.hpp"

#include <map>

#include "core/demo/marks.hpp"
#include "core/i18n/catalog.hpp"
#include "core/util/crypto.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "features/strategy/json.hpp"
#include "features/strategy/queries.hpp"
#include "features/strategy/store.hpp"

namespace samtryg::strategy {

namespace {

using validation::Errors;

store::InitiativeFilter all_in_plan(long long workspace_id, long long plan_id) {
  store::InitiativeFilter filter;
  filter.workspace_id = workspace_id;
  filter.plan_id = plan_id;
  return filter;
}

std::optional<long long> lead_of(soci::session& sql, long long workspace_id,
                                 std::optional<long long> initiative_id) {
  if (!initiative_id) return std::nullopt;
  const auto found = store::find_initiative(sql, workspace_id, *initiative_id);
  return found ? found->lead_user_id : std::nullopt;
}

// The links an initiative makes to other records must stay inside its workspace and plan.
void check_initiative_links(soci::session& sql, const Actor& actor, const Initiative& v,
                            Errors& errors) {
  if (v.parent_initiative_id) {
    const auto parent = store::find_initiative(sql, actor.workspace_id, *v.parent_initiative_id);
    if (!parent || parent->plan_id != v.plan_id || *v.parent_initiative_id == v.id) {
      errors.add("parent_initiative_id", "link_not_in_plan");
    }
  }
  if (v.focus_area_id) {
    const auto area = store::find_focus_area(sql, actor.workspace_id, *v.focus_area_id);
    if (!area || area->plan_id != v.plan_id) errors.add("focus_area_id", "link_not_in_plan");
  }
  if (v.lead_user_id && !store::is_workspace_member(sql, actor.workspace_id, *v.lead_user_id)) {
    errors.add("lead_user_id", "link_not_in_workspace");
  }
  if (store::initiative_name_taken(sql, v.plan_id, v.parent_initiative_id, v.name, v.id)) {
    errors.add("name", "name_taken");
  }
}

void check_plan_links(soci::session& sql, const Actor& actor, const Plan& plan, Errors& errors) {
  if (plan.parent_plan_id) {
    const auto parent = store::find_plan(sql, actor.workspace_id, *plan.parent_plan_id);
    if (!parent || *plan.parent_plan_id == plan.id) {
      errors.add("parent_plan_id", "link_not_in_workspace");
    }
  }
  if (store::plan_name_taken(sql, actor.workspace_id, plan.name, plan.version, plan.id)) {
    errors.add("name", "name_taken");
  }
}

std::vector<std::string> own_channel_names(soci::session& sql, long long workspace_id) {
  std::vector<std::string> names;
  for (auto& channel : store::channels(sql, workspace_id)) names.push_back(std::move(channel.name));
  return names;
}

}  // namespace

long long create_party(db::Database& database, const Actor& actor, Party party) {
  auth::require_edit_all(actor);
  party.workspace_id = actor.workspace_id;
  validation::throw_if_any(validate_party(party));
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    for (const auto& existing : store::parties(sql, actor.workspace_id)) {
      if (existing.name == party.name) {
        Errors errors;
        errors.add("name", "name_taken");
        throw validation::Invalid(errors);
      }
    }
    party.id = id = store::insert_party(sql, party);
    audit::record_change(sql, actor, "create", "party", id, nullptr, to_json(party));
  });
  return id;
}

long long create_channel(db::Database& database, const Actor& actor, Channel channel) {
  auth::require_edit_all(actor);
  channel.workspace_id = actor.workspace_id;
  channel.name = std::string(trim(channel.name));
  auto errors = validate_channel(channel);
  // "Presse" or "Nyhetsbrev" would be a second press or newsletter beside the built-in one.
  for (const auto language : i18n::kLanguages) {
    const auto& catalog = i18n::Catalog::get(language);
    for (const auto code : kChannels) {
      if (iequals_ascii(catalog.text("channel_" + std::string(code)), channel.name)) {
        errors.add("name", "channel_built_in");
      }
    }
  }
  validation::throw_if_any(errors);
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    for (const auto& existing : store::channels(sql, actor.workspace_id)) {
      if (iequals_ascii(existing.name, channel.name)) {
        Errors taken;
        taken.add("name", "name_taken");
        throw validation::Invalid(taken);
      }
    }
    channel.id = id = store::insert_channel(sql, channel);
    audit::record_change(sql, actor, "create", "channel", id, nullptr, to_json(channel));
  });
  return id;
}

// ---- plans ----

long long create_plan(db::Database& database, const Actor& actor, Plan plan) {
  auth::require_edit_all(actor);
  plan.workspace_id = actor.workspace_id;
  plan.id = 0;
  plan.previous_version_id.reset();
  if (plan.created_at.empty()) plan.created_at = now_iso_utc();
  if (plan.updated_at.empty()) plan.updated_at = plan.created_at;
  auto errors = validate_plan(plan);
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    check_plan_links(sql, actor, plan, errors);
    validation::throw_if_any(errors);
    plan.id = id = store::insert_plan(sql, plan);
    plan.row_version = 1;
    store::index_record(sql, actor.workspace_id, "plan", id);
    audit::record_change(sql, actor, "create", "plan", id, nullptr, to_json(plan));
  });
  return id;
}

void update_plan(db::Database& database, const Actor& actor, Plan plan) {
  auth::require_edit_all(actor);
  plan.workspace_id = actor.workspace_id;
  database.in_transaction([&](soci::session& sql) {
    const auto before = store::find_plan(sql, actor.workspace_id, plan.id);
    if (!before) throw validation::NotFound();
    plan.version = before->version;
    plan.previous_version_id = before->previous_version_id;
    plan.created_at = before->created_at;
    plan.updated_at = now_iso_utc();
    auto errors = validate_plan(plan);
    check_plan_links(sql, actor, plan, errors);
    validation::throw_if_any(errors);
    if (!store::update_plan(sql, plan)) throw validation::Conflict();
    plan.row_version += 1;
    if (plan.published != before->published) {
      store::rebuild_search_index(sql, actor.workspace_id);  // its initiatives and activities
    } else {
      store::index_record(sql, actor.workspace_id, "plan", plan.id);
    }
    audit::record_change(sql, actor, "update", "plan", plan.id, to_json(*before), to_json(plan));
    // A person's save makes the plan's values theirs: no longer example data.
    demo::clear_marks(sql, actor.workspace_id, "plan", plan.id);
  });
}

long long new_plan_version(db::Database& database, const Actor& actor, long long plan_id) {
  auth::require_edit_all(actor);
  long long new_id = 0;
  database.in_transaction([&](soci::session& sql) {
    const auto source = store::find_plan(sql, actor.workspace_id, plan_id);
    if (!source) throw validation::NotFound();
    Plan copy = *source;
    copy.version = 1;
    for (const auto& other : store::plans(sql, actor.workspace_id)) {
      if (other.name == source->name) copy.version = std::max(copy.version, other.version + 1);
    }
    copy.previous_version_id = source->id;
    copy.created_at = copy.updated_at = now_iso_utc();
    copy.adopted_on.clear();
    copy.id = new_id = store::insert_plan(sql, copy);
    copy.row_version = 1;
    store::index_record(sql, actor.workspace_id, "plan", new_id);
    std::map<long long, long long> areas;
    for (auto area : store::focus_areas(sql, plan_id)) {
      const auto old_id = area.id;
      area.plan_id = new_id;
      areas[old_id] = store::insert_focus_area(sql, area);
    }
    std::map<long long, long long> copied;
    // Parents come before their sub-initiatives: ids grow with creation, and a parent must
    // exist before a child can point at it.
    auto rows = store::initiatives(sql, all_in_plan(actor.workspace_id, plan_id));
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return !a.initiative.parent_initiative_id && b.initiative.parent_initiative_id;
    });
    for (const auto& row : rows) {
      Initiative initiative = row.initiative;
      const auto old_id = initiative.id;
      initiative.plan_id = new_id;
      if (initiative.parent_initiative_id) {
        const auto parent = copied.find(*initiative.parent_initiative_id);
        if (parent == copied.end()) continue;  // a child of a child: copied with its parent
        initiative.parent_initiative_id = parent->second;
      }
      if (initiative.focus_area_id) initiative.focus_area_id = areas[*initiative.focus_area_id];
      initiative.created_at = initiative.updated_at = copy.created_at;
      initiative.id = copied[old_id] = store::insert_initiative(sql, initiative);
      for (auto change : store::status_changes(sql, old_id)) {
        change.initiative_id = initiative.id;
        store::insert_status_change(sql, change);
      }
      // Copied example data is still example data.
      demo::set_marks(sql, actor.workspace_id,
                      {"initiative", initiative.id,
                       demo::marks_of(sql, actor.workspace_id, "initiative", old_id)});
      store::index_record(sql, actor.workspace_id, "initiative", initiative.id);
    }
    audit::record_change(sql, actor, "new_version", "plan", new_id, to_json(*source),
                         to_json(copy));
  });
  return new_id;
}

long long create_focus_area(db::Database& database, const Actor& actor, FocusArea area) {
  auth::require_edit_all(actor);
  auto errors = validate_focus_area(area);
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    const auto plan = store::find_plan(sql, actor.workspace_id, area.plan_id);
    if (!plan) throw validation::NotFound();
    if (area.parent_focus_area_id) {
      const auto parent =
          store::find_focus_area(sql, actor.workspace_id, *area.parent_focus_area_id);
      if (!parent || !plan->parent_plan_id || parent->plan_id != *plan->parent_plan_id) {
        errors.add("parent_focus_area_id", "link_not_in_parent_plan");
      }
    }
    for (const auto& existing : store::focus_areas(sql, area.plan_id)) {
      if (existing.name == area.name) errors.add("name", "name_taken");
    }
    validation::throw_if_any(errors);
    area.id = id = store::insert_focus_area(sql, area);
    audit::record_change(sql, actor, "create", "focus_area", id, nullptr, to_json(area));
  });
  return id;
}

// ---- initiatives ----

long long create_initiative(db::Database& database, const Actor& actor, Initiative v) {
  v.workspace_id = actor.workspace_id;
  v.id = 0;
  if (v.created_at.empty()) v.created_at = now_iso_utc();
  if (v.updated_at.empty()) v.updated_at = v.created_at;
  auto errors = validate_initiative(v);
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    const auto plan = store::find_plan(sql, actor.workspace_id, v.plan_id);
    if (!plan) throw validation::NotFound();
    // A lead may add sub-initiatives (platforms) under their own initiative only.
    if (!actor.edit_all &&
        !(actor.edit_own && v.parent_initiative_id &&
          lead_of(sql, actor.workspace_id, v.parent_initiative_id) == actor.user_id)) {
      throw validation::Forbidden();
    }
    check_initiative_links(sql, actor, v, errors);
    validation::throw_if_any(errors);
    v.id = id = store::insert_initiative(sql, v);
    v.row_version = 1;
    store::insert_status_change(
        sql, {0, id, v.status, v.start_date.empty() ? v.created_at.substr(0, 10) : v.start_date, "",
              actor.author.label, v.created_at});
    store::index_record(sql, actor.workspace_id, "initiative", id);
    audit::record_change(sql, actor, "create", "initiative", id, nullptr, to_json(v));
  });
  return id;
}

void update_initiative(db::Database& database, const Actor& actor, Initiative v) {
  v.workspace_id = actor.workspace_id;
  database.in_transaction([&](soci::session& sql) {
    const auto before = store::find_initiative(sql, actor.workspace_id, v.id);
    if (!before) throw validation::NotFound();
    if (!may_edit(sql, actor, *before)) {
      throw validation::Forbidden();
    }
    auto errors = validate_initiative(v);
    if (v.plan_id != before->plan_id) errors.add("plan_id", "plan_cannot_change");
    if (v.status != before->status) errors.add("status", "status_use_change");
    // A lead may not hand their initiative to someone else or lift it out of its parent.
    if (!actor.edit_all && (v.lead_user_id != before->lead_user_id ||
                            v.parent_initiative_id != before->parent_initiative_id)) {
      errors.add("lead_user_id", "lead_change_needs_coordinator");
    }
    check_initiative_links(sql, actor, v, errors);
    validation::throw_if_any(errors);
    v.created_at = before->created_at;
    v.updated_at = now_iso_utc();
    if (!store::update_initiative(sql, v)) throw validation::Conflict();
    v.row_version += 1;
    if (v.published != before->published) {
      store::rebuild_search_index(sql, actor.workspace_id);  // its activities too
    } else {
      store::index_record(sql, actor.workspace_id, "initiative", v.id);
    }
    audit::record_change(sql, actor, "update", "initiative", v.id, to_json(*before), to_json(v));
    demo::clear_marks(sql, actor.workspace_id, "initiative", v.id);
  });
}

void change_initiative_status(db::Database& database, const Actor& actor, long long initiative_id,
                              long long row_version, const std::string& status,
                              const std::string& changed_on, const std::string& reason) {
  database.in_transaction([&](soci::session& sql) {
    const auto before = store::find_initiative(sql, actor.workspace_id, initiative_id);
    if (!before) throw validation::NotFound();
    if (!may_edit(sql, actor, *before)) {
      throw validation::Forbidden();
    }
    if (row_version != before->row_version) throw validation::Conflict();
    validation::throw_if_any(validate_status_change(
        before->status, status, changed_on, std::string(trim(reason)),
        earliest_status_change(*before, store::status_changes(sql, before->id))));
    Initiative after = *before;
    after.status = status;
    after.updated_at = now_iso_utc();
    if (!store::update_initiative(sql, after)) throw validation::Conflict();
    after.row_version += 1;
    store::insert_status_change(
        sql, {0, initiative_id, status, changed_on, std::string(trim(reason)), actor.author.label,
              after.updated_at});
    boost::json::object after_json = to_json(after);
    after_json["status_reason"] = std::string(trim(reason));
    after_json["status_changed_on"] = changed_on;
    audit::record_change(sql, actor, "status", "initiative", initiative_id, to_json(*before),
                         std::move(after_json));
  });
}

// ---- activities ----

long long create_activity_in(soci::session& sql, const Actor& actor, Activity v) {
  v.workspace_id = actor.workspace_id;
  v.id = 0;
  if (v.created_at.empty()) v.created_at = now_iso_utc();
  if (v.updated_at.empty()) v.updated_at = v.created_at;
  const auto initiative = store::find_initiative(sql, actor.workspace_id, v.initiative_id);
  if (!initiative) throw validation::NotFound();
  if (!may_edit(sql, actor, *initiative)) {
    throw validation::Forbidden();
  }
  validation::throw_if_any(validate_activity(v, own_channel_names(sql, actor.workspace_id)));
  v.id = store::insert_activity(sql, v);
  v.row_version = 1;
  store::index_record(sql, actor.workspace_id, "activity", v.id);
  audit::record_change(sql, actor, "create", "activity", v.id, nullptr, to_json(v));
  return v.id;
}

long long create_activity(db::Database& database, const Actor& actor, const Activity& activity) {
  long long id = 0;
  database.in_transaction(
      [&](soci::session& sql) { id = create_activity_in(sql, actor, activity); });
  return id;
}

void update_activity(db::Database& database, const Actor& actor, Activity v) {
  v.workspace_id = actor.workspace_id;
  database.in_transaction([&](soci::session& sql) {
    const auto before = store::find_activity(sql, actor.workspace_id, v.id);
    if (!before) throw validation::NotFound();
    const auto initiative = store::find_initiative(sql, actor.workspace_id, before->initiative_id);
    if (!initiative || !may_edit(sql, actor, *initiative)) {
      throw validation::Forbidden();
    }
    auto errors = validate_activity(v, own_channel_names(sql, actor.workspace_id));
    if (v.initiative_id != before->initiative_id) {
      errors.add("initiative_id", "activity_cannot_move");
    }
    validation::throw_if_any(errors);
    v.created_at = before->created_at;
    v.updated_at = now_iso_utc();
    if (!store::update_activity(sql, v)) throw validation::Conflict();
    v.row_version += 1;
    store::index_record(sql, actor.workspace_id, "activity", v.id);
    audit::record_change(sql, actor, "update", "activity", v.id, to_json(*before), to_json(v));
    demo::clear_marks(sql, actor.workspace_id, "activity", v.id);
  });
}

// ---- groups ----

long long create_group(db::Database& database, const Actor& actor, Group group) {
  auth::require_edit_all(actor);
  group.workspace_id = actor.workspace_id;
  auto errors = validate_group(group);
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    if (group.initiative_id &&
        !store::find_initiative(sql, actor.workspace_id, *group.initiative_id)) {
      errors.add("initiative_id", "link_not_in_workspace");
    }
    for (const auto& existing : store::groups(sql, actor.workspace_id)) {
      if (existing.name == group.name) errors.add("name", "name_taken");
    }
    validation::throw_if_any(errors);
    group.id = id = store::insert_group(sql, group);
    audit::record_change(sql, actor, "create", "group", id, nullptr, to_json(group));
  });
  return id;
}

long long add_group_member(db::Database& database, const Actor& actor, GroupMember member) {
  auth::require_edit_all(actor);
  auto errors = validate_group_member(member);
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    if (!store::find_group(sql, actor.workspace_id, member.group_id)) {
      throw validation::NotFound();
    }
    if (member.user_id && !store::is_workspace_member(sql, actor.workspace_id, *member.user_id)) {
      errors.add("user_id", "link_not_in_workspace");
    }
    if (member.party_id) {
      bool found = false;
      for (const auto& party : store::parties(sql, actor.workspace_id)) {
        found = found || party.id == *member.party_id;
      }
      if (!found) errors.add("party_id", "link_not_in_workspace");
    }
    validation::throw_if_any(errors);
    id = store::insert_group_member(sql, member);
    audit::record_change(sql, actor, "add_member", "group", member.group_id, nullptr,
                         to_json(member));
  });
  return id;
}

// ---- documents ----

long long add_document(db::Database& database, const Actor& actor, Document document) {
  document.workspace_id = actor.workspace_id;
  auto errors = check_document(document);
  {
    auto sql = database.session();
    if (document.plan_id && !store::find_plan(sql, actor.workspace_id, *document.plan_id)) {
      throw validation::NotFound();
    }
    if (document.initiative_id &&
        !store::find_initiative(sql, actor.workspace_id, *document.initiative_id)) {
      throw validation::NotFound();
    }
    if (!may_edit_document(sql, actor, document)) throw validation::Forbidden();
  }
  validation::throw_if_any(errors);
  document.sha256 = crypto::sha256_hex(document.content);
  document.uploaded_by = actor.author.label;
  document.uploaded_at = now_iso_utc();
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    id = store::insert_document(sql, document);
    audit::record_change(sql, actor, "create", "document", id, nullptr,
                         boost::json::object{{"filename", document.filename},
                                             {"content_type", document.content_type},
                                             {"size_bytes", document.size_bytes},
                                             {"sha256", document.sha256}});
  });
  return id;
}

void delete_document(db::Database& database, const Actor& actor, long long id) {
  database.in_transaction([&](soci::session& sql) {
    const auto document = readable_document(sql, actor, id);
    if (!may_edit_document(sql, actor, document)) throw validation::Forbidden();
    store::delete_document(sql, actor.workspace_id, id);
    audit::record_change(
        sql, actor, "delete", "document", id,
        boost::json::object{{"filename", document.filename}, {"sha256", document.sha256}}, nullptr);
  });
}

}  // namespace samtryg::strategy
