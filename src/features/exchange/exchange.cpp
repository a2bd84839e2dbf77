#include "features/exchange/exchange.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <map>
#include <set>

#include "core/audit/audit.hpp"
#include "core/auth/store.hpp"
#include "core/i18n/catalog.hpp"
#include "core/json/reader.hpp"
#include "core/util/crypto.hpp"
#include "core/util/time.hpp"
#include "features/accounts/model.hpp"
#include "features/indicators/json.hpp"
#include "features/indicators/store.hpp"
#include "features/reporting/commands.hpp"
#include "features/reporting/json.hpp"
#include "features/strategy/commands.hpp"
#include "features/strategy/json.hpp"
#include "features/strategy/store.hpp"

namespace samtryg::exchange {

namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;
using IdMap = std::map<long long, long long>;

// Document-local ids: 1, 2, 3 … in the order the records were created.
class LocalIds {
 public:
  long long add(long long id) {
    const auto local = static_cast<long long>(ids_.size()) + 1;
    ids_[id] = local;
    return local;
  }
  std::optional<long long> find(long long id) const {
    const auto found = ids_.find(id);
    return found == ids_.end() ? std::nullopt : std::optional<long long>(found->second);
  }
  value of(const value& id) const {
    const auto local = id.is_int64() ? find(id.get_int64()) : std::nullopt;
    return local ? value(*local) : value(nullptr);
  }

 private:
  IdMap ids_;
};

void relink(object& json, const char* key, const LocalIds& ids) {
  json[key] = ids.of(json[key]);
}

template <class T>
void sort_by_id(std::vector<T>& items) {
  std::sort(items.begin(), items.end(), [](const T& a, const T& b) { return a.id < b.id; });
}

// Form items point at register activities; in the document they use its activity ids. An item
// whose activity was deleted since keeps its text and loses the link.
template <class Lookup>
reporting::Content relinked(reporting::Content content, const Lookup& activity_id) {
  for (auto& answer : content.answers) {
    for (auto& item : answer.items) {
      if (item.activity_id) item.activity_id = activity_id(*item.activity_id);
    }
  }
  return content;
}

array export_rounds(soci::session& sql, long long workspace_id, const LocalIds& plan_ids,
                    const LocalIds& initiative_ids, const LocalIds& activity_ids) {
  namespace store = reporting::store;
  LocalIds round_ids;
  array rounds;
  for (const auto& round : store::all_rounds(sql, workspace_id)) {
    auto json = reporting::to_json(round);
    json["id"] = round_ids.add(round.id);
    relink(json, "plan_id", plan_ids);
    relink(json, "previous_round_id", round_ids);

    std::map<long long, array> reminders_of;
    for (const auto& reminder : store::sent_reminders(sql, workspace_id, round.id)) {
      reminders_of[reminder.form_id].push_back(reporting::to_json(reminder));
    }
    const auto local_activity = [&](long long activity) { return activity_ids.find(activity); };
    auto rows = store::round_forms(sql, round.id);
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.form.id < b.form.id; });
    array forms;
    for (const auto& row : rows) {
      auto form = row.form;
      form.content = relinked(std::move(form.content), local_activity);
      auto form_json = reporting::to_json(form);
      relink(form_json, "initiative_id", initiative_ids);
      array revisions;
      for (auto revision : store::revisions(sql, row.form.id)) {
        revision.content = relinked(std::move(revision.content), local_activity);
        revisions.push_back(reporting::to_json(revision));
      }
      form_json["revisions"] = std::move(revisions);
      form_json["reminders"] = std::move(reminders_of[row.form.id]);
      forms.push_back(std::move(form_json));
    }
    json["forms"] = std::move(forms);
    array chapters;
    for (const auto& chapter : store::chapters(sql, round.id)) {
      chapters.push_back(reporting::to_json(chapter));
    }
    json["chapters"] = std::move(chapters);
    rounds.push_back(std::move(json));
  }
  return rounds;
}

}  // namespace

std::vector<std::string> workspace_names(db::Database& database) {
  auto sql = database.session();
  std::vector<std::string> names;
  for (const auto& workspace : auth::all_workspaces(sql)) names.push_back(workspace.name);
  return names;
}

boost::json::object export_workspace(db::Database& database, const std::string& workspace_name) {
  namespace store = strategy::store;
  auto sql = database.session();
  const auto workspace = auth::find_workspace_by_name(sql, workspace_name);
  if (!workspace) throw validation::NotFound();
  const auto id = workspace->id;

  LocalIds user_ids;
  array users;
  auto members = auth::members_of(sql, id);
  std::sort(members.begin(), members.end(),
            [](const auto& a, const auto& b) { return a.user.id < b.user.id; });
  for (const auto& member : members) {
    users.push_back(object{{"id", user_ids.add(member.user.id)},
                           {"name", member.user.name},
                           {"email", member.user.email},
                           {"language", member.user.language},
                           {"role", std::string(auth::code(member.role))},
                           {"password_hash", member.user.password_hash}});
  }

  LocalIds party_ids;
  array parties;
  auto all_parties = store::parties(sql, id);
  sort_by_id(all_parties);
  for (const auto& party : all_parties) {
    auto json = strategy::to_json(party);
    json["id"] = party_ids.add(party.id);
    parties.push_back(std::move(json));
  }

  LocalIds plan_ids;
  LocalIds area_ids;
  auto all_plans = store::plans(sql, id);
  sort_by_id(all_plans);
  std::vector<std::vector<strategy::FocusArea>> areas_of_plan;
  for (const auto& plan : all_plans) plan_ids.add(plan.id);
  std::vector<strategy::FocusArea> all_areas;
  for (const auto& plan : all_plans) {
    for (const auto& area : store::focus_areas(sql, plan.id)) all_areas.push_back(area);
  }
  sort_by_id(all_areas);
  for (const auto& area : all_areas) area_ids.add(area.id);
  array plans;
  for (const auto& plan : all_plans) {
    auto json = strategy::to_json(plan);
    relink(json, "id", plan_ids);
    relink(json, "previous_version_id", plan_ids);
    relink(json, "parent_plan_id", plan_ids);
    json.stable_erase("row_version");
    array areas;
    for (const auto& area : all_areas) {
      if (area.plan_id != plan.id) continue;
      auto area_json = strategy::to_json(area);
      relink(area_json, "id", area_ids);
      relink(area_json, "parent_focus_area_id", area_ids);
      area_json.stable_erase("plan_id");
      areas.push_back(std::move(area_json));
    }
    json["focus_areas"] = std::move(areas);
    plans.push_back(std::move(json));
  }

  store::InitiativeFilter filter;
  filter.workspace_id = id;
  filter.by_id = true;
  filter.limit = 10000000;
  const auto rows = store::initiatives(sql, filter);
  LocalIds initiative_ids;
  for (const auto& row : rows) initiative_ids.add(row.initiative.id);
  array initiatives;
  for (const auto& row : rows) {
    auto json = strategy::to_json(row.initiative);
    relink(json, "id", initiative_ids);
    relink(json, "plan_id", plan_ids);
    relink(json, "parent_initiative_id", initiative_ids);
    relink(json, "focus_area_id", area_ids);
    relink(json, "lead_user_id", user_ids);
    json.stable_erase("row_version");
    array history;
    for (const auto& change : store::status_changes(sql, row.initiative.id)) {
      history.push_back(strategy::to_json(change));
    }
    json["status_history"] = std::move(history);
    initiatives.push_back(std::move(json));
  }

  store::ActivityFilter activity_filter;
  activity_filter.workspace_id = id;
  activity_filter.limit = 100000000;
  auto all_activities = store::activities(sql, activity_filter);
  sort_by_id(all_activities);
  LocalIds activity_ids;
  array activities;
  for (const auto& activity : all_activities) {
    auto json = strategy::to_json(activity);
    json["id"] = activity_ids.add(activity.id);
    relink(json, "initiative_id", initiative_ids);
    json.stable_erase("row_version");
    activities.push_back(std::move(json));
  }

  auto all_groups = store::groups(sql, id);
  sort_by_id(all_groups);
  LocalIds group_ids;
  array groups;
  for (const auto& group : all_groups) {
    auto json = strategy::to_json(group);
    json["id"] = group_ids.add(group.id);
    relink(json, "initiative_id", initiative_ids);
    json.stable_erase("row_version");
    array members_json;
    for (const auto& member : store::group_members(sql, group.id)) {
      auto member_json = strategy::to_json(member);
      relink(member_json, "user_id", user_ids);
      relink(member_json, "party_id", party_ids);
      members_json.push_back(std::move(member_json));
    }
    json["members"] = std::move(members_json);
    groups.push_back(std::move(json));
  }

  array documents;
  for (const auto& document : store::all_documents(sql, id)) {
    auto json = strategy::to_json(document);
    json.stable_erase("id");  // nothing refers to a document
    relink(json, "plan_id", plan_ids);
    relink(json, "initiative_id", initiative_ids);
    json["content_base64"] = crypto::base64_encode(document.content);
    documents.push_back(std::move(json));
  }

  auto all_places = indicators::store::areas(sql, id);
  sort_by_id(all_places);
  LocalIds place_ids;
  array places;
  for (const auto& place : all_places) {
    auto json = indicators::to_json(place);
    json["id"] = place_ids.add(place.id);
    places.push_back(std::move(json));
  }
  auto all_indicators = indicators::store::indicators(sql, id);
  sort_by_id(all_indicators);
  const auto scope = indicators::store::Scope::plan(id, 0);
  std::map<long long, array> links_of;
  std::map<long long, array> targets_of;
  std::map<long long, array> values_of;
  for (const auto& link : indicators::store::links(sql, scope)) {
    auto json = indicators::to_json(link);
    relink(json, "initiative_id", initiative_ids);
    relink(json, "focus_area_id", area_ids);
    links_of[link.indicator_id].push_back(std::move(json));
  }
  for (const auto& target : indicators::store::targets(sql, scope)) {
    auto json = indicators::to_json(target);
    json.stable_erase("id");  // nothing refers to a target or a value
    relink(json, "area_id", place_ids);
    targets_of[target.indicator_id].push_back(std::move(json));
  }
  for (const auto& item : indicators::store::values(sql, scope)) {
    auto json = indicators::to_json(item);
    json.stable_erase("id");
    relink(json, "area_id", place_ids);
    relink(json, "entered_by", user_ids);
    values_of[item.indicator_id].push_back(std::move(json));
  }
  LocalIds indicator_ids;
  array indicator_list;
  for (const auto& indicator : all_indicators) {
    auto json = indicators::to_json(indicator);
    json["id"] = indicator_ids.add(indicator.id);
    relink(json, "plan_id", plan_ids);
    json.stable_erase("row_version");
    json["links"] = std::move(links_of[indicator.id]);
    json["targets"] = std::move(targets_of[indicator.id]);
    json["values"] = std::move(values_of[indicator.id]);
    indicator_list.push_back(std::move(json));
  }

  auto rounds = export_rounds(sql, id, plan_ids, initiative_ids, activity_ids);
  return object{
      {"format", kFormat},
      {"version", kFormatVersion},
      {"workspace", object{{"name", workspace->name},
                           {"language", workspace->language},
                           {"logo_svg", reporting::store::workspace_look(sql, id).logo_svg}}},
      {"parties", std::move(parties)},
      {"users", std::move(users)},
      {"plans", std::move(plans)},
      {"initiatives", std::move(initiatives)},
      {"activities", std::move(activities)},
      {"groups", std::move(groups)},
      {"documents", std::move(documents)},
      {"areas", std::move(places)},
      {"indicators", std::move(indicator_list)},
      {"rounds", std::move(rounds)}};
}

// ---- import -------------------------------------------------------------------------------------

namespace {

struct UserEntry {
  long long id = 0;
  std::string name;
  std::string email;
  std::string language = "da";
  std::string role = "member";
  std::string password_hash;
};

struct PlanEntry {
  strategy::Plan plan;
  std::vector<strategy::FocusArea> areas;
};

struct InitiativeEntry {
  strategy::Initiative initiative;
  std::vector<strategy::StatusChange> history;
};

struct GroupEntry {
  strategy::Group group;
  std::vector<strategy::GroupMember> members;
};

struct IndicatorEntry {
  indicators::Indicator indicator;
  std::vector<indicators::Link> links;
  std::vector<indicators::Target> targets;
  std::vector<indicators::Value> values;
};

struct FormEntry {
  reporting::Form form;
  std::vector<reporting::Revision> revisions;
  std::vector<reporting::SentReminder> reminders;
};

struct RoundEntry {
  reporting::Round round;
  std::vector<FormEntry> forms;
  std::vector<reporting::Chapter> chapters;
};

struct Document {
  std::string workspace_name;
  std::string logo_svg;
  std::vector<RoundEntry> rounds;
  std::vector<indicators::Area> places;
  std::vector<IndicatorEntry> indicators;
  std::vector<strategy::Document> files;
  std::string workspace_language = "da";
  std::vector<strategy::Party> parties;
  std::vector<UserEntry> users;
  std::vector<PlanEntry> plans;
  std::vector<InitiativeEntry> initiatives;
  std::vector<strategy::Activity> activities;
  std::vector<GroupEntry> groups;
};

// Collects problems with their JSON paths while the document is read.
class Checker {
 public:
  validation::Errors errors;

  // Adds the field errors of a validate_* result under `path`.
  void add_all(const std::string& path, const validation::Errors& found) {
    for (const auto& error : found.items()) {
      errors.add(path + "." + error.field, error.message_key, error.values);
    }
  }
  void add(const std::string& path, const std::string& key) { errors.add(path, key); }

  // Each kind's ids must be positive and unique; returns whether this one is.
  bool check_id(const std::string& path, long long id, std::set<long long>& seen) {
    if (id <= 0) {
      add(path + ".id", "field_required");
      return false;
    }
    if (!seen.insert(id).second) {
      add(path + ".id", "json_duplicate_id");
      return false;
    }
    return true;
  }
  void check_ref(const std::string& path, const std::optional<long long>& ref,
                 const std::set<long long>& ids) {
    if (ref && !ids.contains(*ref)) add(path, "json_reference_unknown");
  }
};

std::string at(const std::string& list, std::size_t index) {
  return "$." + list + "[" + std::to_string(index) + "]";
}

// The ids the document declares, for checking the references of the records read after them.
struct KnownIds {
  const std::set<long long>& users;
  const std::set<long long>& plans;
  const std::set<long long>& focus_areas;
  const std::set<long long>& initiatives;
  const std::map<long long, long long>& initiative_plan;
  const std::set<long long>& activities;
};

void read_indicators(json::Reader& reader, Checker& checker, Document& doc, const KnownIds& known) {
  std::set<long long> place_ids;
  std::set<std::string> place_names;
  reader.objects("areas", [&](const std::string& path, const object& item) {
    json::Reader r(item, checker.errors, path);
    indicators::Area place;
    indicators::read(r, place);
    r.reject_unknown();
    checker.check_id(path, place.id, place_ids);
    checker.add_all(path, indicators::validate_area(place));
    if (!place_names.insert(place.name).second) {
      checker.add(path + ".name", "name_taken");
    }
    doc.places.push_back(place);
  });
  std::set<long long> indicator_ids;
  std::set<std::string> indicator_names;
  reader.objects("indicators", [&](const std::string& path, const object& item) {
    json::Reader r(item, checker.errors, path);
    IndicatorEntry entry;
    indicators::read(r, entry.indicator);
    checker.check_id(path, entry.indicator.id, indicator_ids);
    checker.add_all(path, indicators::validate_indicator(entry.indicator));
    checker.check_ref(path + ".plan_id", entry.indicator.plan_id, known.plans);
    if (!indicator_names.insert(entry.indicator.name).second) {
      checker.add(path + ".name", "name_taken");
    }
    r.objects("links", [&](const std::string& link_path, const object& link_item) {
      json::Reader lr(link_item, checker.errors, link_path);
      indicators::Link link;
      indicators::read(lr, link);
      lr.reject_unknown();
      checker.check_ref(link_path + ".initiative_id", link.initiative_id, known.initiatives);
      checker.check_ref(link_path + ".focus_area_id", link.focus_area_id, known.focus_areas);
      if (link.initiative_id.has_value() == link.focus_area_id.has_value()) {
        checker.add(link_path, "exchange_link_one_of");
      }
      entry.links.push_back(link);
    });
    r.objects("targets", [&](const std::string& target_path, const object& target_item) {
      json::Reader tr(target_item, checker.errors, target_path);
      indicators::Target target;
      indicators::read(tr, target);
      tr.reject_unknown();
      checker.add_all(target_path, indicators::validate_target(target));
      checker.check_ref(target_path + ".area_id", target.area_id, place_ids);
      entry.targets.push_back(target);
    });
    std::set<std::pair<std::string, long long>> keys;
    r.objects("values", [&](const std::string& value_path, const object& value_item) {
      json::Reader vr(value_item, checker.errors, value_path);
      indicators::Value value;
      indicators::read(vr, value);
      vr.reject_unknown();
      checker.add_all(value_path, indicators::validate_value(entry.indicator, value));
      checker.check_ref(value_path + ".area_id", value.area_id, place_ids);
      checker.check_ref(value_path + ".entered_by", value.entered_by, known.users);
      if (!keys.insert({value.period, value.area_id.value_or(0)}).second) {
        checker.add(value_path + ".period", "exchange_value_duplicate");
      }
      entry.values.push_back(value);
    });
    r.reject_unknown();
    doc.indicators.push_back(std::move(entry));
  });
}

// Activity ids used by a form's items must be the document's.
void check_activity_refs(const reporting::Content& content, const std::string& path,
                         Checker& checker, const std::set<long long>& activity_ids) {
  for (std::size_t a = 0; a < content.answers.size(); ++a) {
    const auto& items = content.answers[a].items;
    for (std::size_t i = 0; i < items.size(); ++i) {
      checker.check_ref(
          path + ".answers[" + std::to_string(a) + "].items[" + std::to_string(i) + "].activity_id",
          items[i].activity_id, activity_ids);
    }
  }
}

// A form's or revision's answers ("content"), checked against the round's template (when it
// could be read) and with their items' activities among the document's.
reporting::Content read_answers(json::Reader& reader, const std::string& path,
                                const std::optional<reporting::Template>& form_template,
                                Checker& checker, const KnownIds& known) {
  const auto content_path = path + ".content";
  auto content = reporting::read_content(reader.nested("content"), content_path, checker.errors);
  if (form_template) {
    reporting::check_content_at(*form_template, content, content_path, checker.errors);
  }
  check_activity_refs(content, content_path, checker, known.activities);
  return content;
}

void read_form(json::Reader& reader, const std::string& path, long long round_plan_id,
               const std::optional<reporting::Template>& form_template, Checker& checker,
               const KnownIds& known, FormEntry& entry) {
  auto& form = entry.form;
  auto& errors = checker.errors;
  reporting::read(reader, form);
  form.content = read_answers(reader, path, form_template, checker, known);
  const auto plan = known.initiative_plan.find(form.initiative_id);
  if (plan == known.initiative_plan.end()) {
    checker.add(path + ".initiative_id", "json_reference_unknown");
  } else if (plan->second != round_plan_id) {
    checker.add(path + ".initiative_id", "link_not_in_plan");
  }
  if (form.revision < 0) checker.add(path + ".revision", "field_required");
  validation::limit(errors, path + ".comment", form.comment, reporting::kMaxComment);
  if (!form.submitted_at.empty() && !validation::is_iso_date(form.submitted_at.substr(0, 10))) {
    checker.add(path + ".submitted_at", "date_invalid");
  }

  std::set<int> numbers;
  reader.objects("revisions", [&](const std::string& revision_path, const object& revision_item) {
    json::Reader rr(revision_item, errors, revision_path);
    reporting::Revision revision;
    reporting::read(rr, revision);
    revision.content = read_answers(rr, revision_path, form_template, checker, known);
    rr.reject_unknown();
    if (revision.revision < 0) {
      checker.add(revision_path + ".revision", "field_required");
    } else if (!numbers.insert(revision.revision).second) {
      checker.add(revision_path + ".revision", "exchange_revision_duplicate");
    }
    entry.revisions.push_back(std::move(revision));
  });
  std::set<std::string> kinds;
  reader.objects("reminders", [&](const std::string& reminder_path, const object& reminder_item) {
    json::Reader rr(reminder_item, errors, reminder_path);
    reporting::SentReminder reminder;
    reporting::read(rr, reminder);
    rr.reject_unknown();
    if (!kinds.insert(std::string(reporting::code(reminder.kind))).second) {
      checker.add(reminder_path + ".kind", "exchange_reminder_duplicate");
    }
    validation::require(errors, reminder_path + ".recipient", reminder.recipient, 320);
    entry.reminders.push_back(std::move(reminder));
  });
  reader.reject_unknown();
}

void read_rounds(json::Reader& reader, Checker& checker, Document& doc, const KnownIds& known) {
  std::set<long long> round_ids;
  std::map<long long, long long> round_plan;
  std::set<std::pair<long long, std::string>> names;
  reader.objects("rounds", [&](const std::string& path, const object& item) {
    auto& errors = checker.errors;
    json::Reader r(item, errors, path);
    RoundEntry entry;
    auto& round = entry.round;
    reporting::read(r, round);
    const auto form_template =
        reporting::read_template(r.nested("template"), path + ".template", errors);
    if (form_template) round.form_template = *form_template;
    // A round carries forward from an earlier one of the same plan.
    if (round.previous_round_id) {
      const auto previous = round_plan.find(*round.previous_round_id);
      if (previous == round_plan.end()) {
        checker.add(path + ".previous_round_id", "json_reference_unknown");
      } else if (previous->second != round.plan_id) {
        checker.add(path + ".previous_round_id", "link_not_in_plan");
      }
    }
    if (checker.check_id(path, round.id, round_ids)) round_plan[round.id] = round.plan_id;
    if (!known.plans.contains(round.plan_id)) {
      checker.add(path + ".plan_id", "json_reference_unknown");
    }
    checker.add_all(path, reporting::check_round(round.name, round.period_start, round.period_end,
                                                 round.deadline));
    if (!names.insert({round.plan_id, round.name}).second) {
      checker.add(path + ".name", "round_name_taken");
    }
    std::set<long long> reporting_initiatives;
    r.objects("forms", [&](const std::string& form_path, const object& form_item) {
      json::Reader fr(form_item, errors, form_path);
      FormEntry form;
      read_form(fr, form_path, round.plan_id, form_template, checker, known, form);
      if (!reporting_initiatives.insert(form.form.initiative_id).second) {
        checker.add(form_path + ".initiative_id", "exchange_form_duplicate");
      }
      entry.forms.push_back(std::move(form));
    });
    std::set<std::string> keys;
    r.objects("chapters", [&](const std::string& chapter_path, const object& chapter_item) {
      json::Reader cr(chapter_item, errors, chapter_path);
      reporting::Chapter chapter;
      reporting::read(cr, chapter);
      cr.reject_unknown();
      checker.add_all(chapter_path, reporting::check_chapter(chapter.title, chapter.body));
      if (chapter.key.empty()) {
        checker.add(chapter_path + ".key", "field_required");
      } else if (!keys.insert(chapter.key).second) {
        checker.add(chapter_path + ".key", "exchange_chapter_duplicate");
      }
      entry.chapters.push_back(std::move(chapter));
    });
    r.reject_unknown();
    doc.rounds.push_back(std::move(entry));
  });
}

Document read_document(const object& root, Checker& checker) {
  Document doc;
  json::Reader reader(root, checker.errors, "$");
  std::string format;
  long long version = 0;
  reader.text("format", format);
  reader.integer("version", version);
  if (format != kFormat) checker.add("$.format", "exchange_format_unknown");
  // Older documents read as this version without the records added since.
  if (version < 1 || version > kFormatVersion) {
    checker.add("$.version", "exchange_version_unsupported");
  }

  reader.known("workspace");
  const auto* workspace = root.if_contains("workspace");
  if (workspace == nullptr || !workspace->is_object()) {
    checker.add("$.workspace", "json_expected_object");
  } else {
    json::Reader ws(workspace->get_object(), checker.errors, "$.workspace");
    ws.text("name", doc.workspace_name);
    ws.text("language", doc.workspace_language);
    ws.text("logo_svg", doc.logo_svg);
    ws.reject_unknown();
    const auto logo_errors = reporting::check_logo(doc.logo_svg);
    for (const auto& error : logo_errors.items()) {
      checker.errors.add("$.workspace.logo_svg", error.message_key, error.values);
    }
    if (doc.workspace_name.empty() || validation::utf8_length(doc.workspace_name) > 200) {
      checker.add("$.workspace.name", "field_required");
    }
    if (!i18n::parse_language(doc.workspace_language)) {
      checker.add("$.workspace.language", "choice_invalid");
    }
  }

  std::set<long long> party_ids;
  std::set<long long> user_ids;
  std::set<long long> plan_ids;
  std::set<long long> area_ids;
  std::map<long long, long long> area_plan;
  std::set<long long> initiative_ids;
  std::map<long long, long long> initiative_plan;

  reader.objects("parties", [&](const std::string& path, const object& item) {
    json::Reader r(item, checker.errors, path);
    strategy::Party party;
    strategy::read(r, party);
    r.reject_unknown();
    checker.check_id(path, party.id, party_ids);
    checker.add_all(path, strategy::validate_party(party));
    doc.parties.push_back(party);
  });

  std::set<std::string> emails;
  reader.objects("users", [&](const std::string& path, const object& item) {
    json::Reader r(item, checker.errors, path);
    UserEntry user;
    r.integer("id", user.id);
    r.text("name", user.name);
    r.text("email", user.email);
    r.text("language", user.language);
    r.text("role", user.role);
    r.text("password_hash", user.password_hash);
    r.reject_unknown();
    checker.check_id(path, user.id, user_ids);
    user.email = accounts::normalize_email(user.email);
    if (user.name.empty()) checker.add(path + ".name", "field_required");
    if (!accounts::looks_like_email(user.email)) {
      checker.add(path + ".email", "users_email_invalid");
    } else if (!emails.insert(user.email).second) {
      checker.add(path + ".email", "users_email_taken");
    }
    if (!auth::parse_role(user.role)) checker.add(path + ".role", "choice_invalid");
    if (!i18n::parse_language(user.language)) {
      checker.add(path + ".language", "choice_invalid");
    }
    doc.users.push_back(user);
  });

  std::set<std::pair<std::string, int>> plan_names;
  reader.objects("plans", [&](const std::string& path, const object& item) {
    json::Reader r(item, checker.errors, path);
    PlanEntry entry;
    strategy::read(r, entry.plan);
    checker.check_id(path, entry.plan.id, plan_ids);
    checker.add_all(path, strategy::validate_plan(entry.plan));
    if (!plan_names.insert({entry.plan.name, entry.plan.version}).second) {
      checker.add(path + ".name", "name_taken");
    }
    r.objects("focus_areas", [&](const std::string& area_path, const object& area_item) {
      json::Reader ar(area_item, checker.errors, area_path);
      strategy::FocusArea area;
      strategy::read(ar, area);
      ar.reject_unknown();
      if (checker.check_id(area_path, area.id, area_ids)) {
        area_plan[area.id] = entry.plan.id;
      }
      checker.add_all(area_path, strategy::validate_focus_area(area));
      entry.areas.push_back(area);
    });
    r.reject_unknown();
    doc.plans.push_back(std::move(entry));
  });
  for (std::size_t i = 0; i < doc.plans.size(); ++i) {
    const auto& plan = doc.plans[i].plan;
    checker.check_ref(at("plans", i) + ".parent_plan_id", plan.parent_plan_id, plan_ids);
    checker.check_ref(at("plans", i) + ".previous_version_id", plan.previous_version_id, plan_ids);
    for (std::size_t j = 0; j < doc.plans[i].areas.size(); ++j) {
      checker.check_ref(
          at("plans", i) + ".focus_areas[" + std::to_string(j) + "].parent_focus_area_id",
          doc.plans[i].areas[j].parent_focus_area_id, area_ids);
    }
  }

  std::set<std::tuple<long long, long long, std::string>> initiative_names;
  reader.objects("initiatives", [&](const std::string& path, const object& item) {
    json::Reader r(item, checker.errors, path);
    InitiativeEntry entry;
    strategy::read(r, entry.initiative);
    r.objects("status_history", [&](const std::string& change_path, const object& change) {
      json::Reader cr(change, checker.errors, change_path);
      strategy::StatusChange read_change;
      strategy::read(cr, read_change);
      cr.reject_unknown();
      if (!strategy::is_one_of(read_change.status, strategy::kInitiativeStatuses)) {
        checker.add(change_path + ".status", "choice_invalid");
      }
      entry.history.push_back(read_change);
    });
    r.reject_unknown();
    const auto& v = entry.initiative;
    if (checker.check_id(path, v.id, initiative_ids)) {
      initiative_plan[v.id] = v.plan_id;
    }
    checker.add_all(path, strategy::validate_initiative(v));
    if (!plan_ids.contains(v.plan_id)) {
      checker.add(path + ".plan_id", "json_reference_unknown");
    }
    checker.check_ref(path + ".lead_user_id", v.lead_user_id, user_ids);
    if (v.focus_area_id && area_plan[*v.focus_area_id] != v.plan_id) {
      checker.add(path + ".focus_area_id", "link_not_in_plan");
    }
    if (!initiative_names.insert({v.plan_id, v.parent_initiative_id.value_or(0), v.name}).second) {
      checker.add(path + ".name", "name_taken");
    }
    doc.initiatives.push_back(std::move(entry));
  });
  for (std::size_t i = 0; i < doc.initiatives.size(); ++i) {
    const auto& v = doc.initiatives[i].initiative;
    if (v.parent_initiative_id && (!initiative_ids.contains(*v.parent_initiative_id) ||
                                   initiative_plan[*v.parent_initiative_id] != v.plan_id ||
                                   *v.parent_initiative_id == v.id)) {
      checker.add(at("initiatives", i) + ".parent_initiative_id", "link_not_in_plan");
    }
  }

  std::set<long long> activity_ids;
  reader.objects("activities", [&](const std::string& path, const object& item) {
    json::Reader r(item, checker.errors, path);
    strategy::Activity activity;
    strategy::read(r, activity);
    r.reject_unknown();
    checker.check_id(path, activity.id, activity_ids);
    checker.add_all(path, strategy::validate_activity(activity));
    if (!initiative_ids.contains(activity.initiative_id)) {
      checker.add(path + ".initiative_id", "json_reference_unknown");
    }
    doc.activities.push_back(activity);
  });

  std::set<long long> group_ids;
  std::set<std::string> group_names;
  reader.objects("groups", [&](const std::string& path, const object& item) {
    json::Reader r(item, checker.errors, path);
    GroupEntry entry;
    strategy::read(r, entry.group);
    checker.check_id(path, entry.group.id, group_ids);
    checker.add_all(path, strategy::validate_group(entry.group));
    checker.check_ref(path + ".initiative_id", entry.group.initiative_id, initiative_ids);
    if (!group_names.insert(entry.group.name).second) {
      checker.add(path + ".name", "name_taken");
    }
    r.objects("members", [&](const std::string& member_path, const object& member_item) {
      json::Reader mr(member_item, checker.errors, member_path);
      strategy::GroupMember member;
      strategy::read(mr, member);
      mr.reject_unknown();
      checker.add_all(member_path, strategy::validate_group_member(member));
      checker.check_ref(member_path + ".user_id", member.user_id, user_ids);
      checker.check_ref(member_path + ".party_id", member.party_id, party_ids);
      entry.members.push_back(member);
    });
    r.reject_unknown();
    doc.groups.push_back(std::move(entry));
  });
  reader.objects("documents", [&](const std::string& path, const object& item) {
    json::Reader r(item, checker.errors, path);
    strategy::Document file;
    std::string content;
    std::string content_type;
    long long size = -1;
    std::string sha256;
    r.optional_integer("plan_id", file.plan_id);
    r.optional_integer("initiative_id", file.initiative_id);
    r.text("filename", file.filename);
    r.text("content_type", content_type);
    r.integer("size_bytes", size);
    r.text("sha256", sha256);
    r.text("uploaded_by", file.uploaded_by);
    r.text("uploaded_at", file.uploaded_at);
    r.text("content_base64", content);
    r.reject_unknown();
    checker.check_ref(path + ".plan_id", file.plan_id, plan_ids);
    checker.check_ref(path + ".initiative_id", file.initiative_id, initiative_ids);
    const auto decoded = crypto::base64_decode(content);
    if (!decoded) {
      checker.add(path + ".content_base64", "exchange_base64_invalid");
    } else {
      file.content = *decoded;
      const auto found = strategy::check_document(file);
      for (const auto& error : found.items()) {
        checker.errors.add(path + ".content_base64", error.message_key, error.values);
      }
      if (size != file.size_bytes) checker.add(path + ".size_bytes", "exchange_size_mismatch");
      file.sha256 = crypto::sha256_hex(file.content);
      if (sha256 != file.sha256) checker.add(path + ".sha256", "exchange_checksum_mismatch");
    }
    doc.files.push_back(std::move(file));
  });
  const KnownIds known{user_ids, plan_ids, area_ids, initiative_ids, initiative_plan, activity_ids};
  read_indicators(reader, checker, doc, known);
  read_rounds(reader, checker, doc, known);
  reader.reject_unknown();
  return doc;
}

[[noreturn]] void fail(const validation::Errors& errors) {
  const auto& catalog = i18n::Catalog::get(i18n::Language::en);
  std::vector<ImportProblem> problems;
  problems.reserve(errors.items().size());
  for (const auto& error : errors.items()) {
    problems.push_back(
        {error.field, error.message_key, catalog.format(error.message_key, error.values)});
  }
  throw ImportError(std::move(problems));
}

std::optional<long long> mapped(const IdMap& ids, const std::optional<long long>& id) {
  if (!id) return std::nullopt;
  const auto found = ids.find(*id);
  return found == ids.end() ? std::nullopt : std::optional<long long>(found->second);
}

}  // namespace

ImportResult import_workspace(db::Database& database, const std::string& document_text) {
  namespace store = strategy::store;
  boost::system::error_code parse_error;
  auto parsed = boost::json::parse(document_text, parse_error);
  validation::Errors errors;
  if (parse_error || !parsed.is_object()) {
    errors.add("$", "json_body_invalid");
    fail(errors);
  }
  Checker checker;
  const auto doc = read_document(parsed.as_object(), checker);
  if (!checker.errors.empty()) fail(checker.errors);

  ImportResult result;
  const auto now = now_iso_utc();
  database.in_transaction([&](soci::session& sql) {
    if (auth::find_workspace_by_name(sql, doc.workspace_name)) {
      validation::Errors exists;
      exists.add("$.workspace.name", "exchange_workspace_exists");
      fail(exists);
    }
    const auto workspace_id =
        auth::insert_workspace(sql, doc.workspace_name, doc.workspace_language, now);
    result.workspace_id = workspace_id;

    IdMap users;
    for (const auto& entry : doc.users) {
      long long user_id = 0;
      if (const auto existing = auth::find_user_by_email(sql, entry.email)) {
        user_id = existing->id;  // the same person already works on this server
      } else {
        auth::User user;
        user.name = entry.name;
        user.email = entry.email;
        user.language = entry.language;
        // Without a hash the account exists but cannot sign in until an admin sets a password.
        user.password_hash = entry.password_hash.empty() ? "!" : entry.password_hash;
        user_id = auth::insert_user(sql, user, now);
      }
      auth::set_membership(sql, workspace_id, user_id, *auth::parse_role(entry.role), now);
      users[entry.id] = user_id;
      ++result.users;
    }

    IdMap parties;
    for (auto party : doc.parties) {
      const auto local = party.id;
      party.workspace_id = workspace_id;
      parties[local] = store::insert_party(sql, party);
    }

    IdMap plans;
    IdMap areas;
    for (const auto& entry : doc.plans) {
      auto plan = entry.plan;
      plan.workspace_id = workspace_id;
      plan.parent_plan_id.reset();
      plan.previous_version_id.reset();
      if (plan.created_at.empty()) plan.created_at = now;
      if (plan.updated_at.empty()) plan.updated_at = plan.created_at;
      plans[entry.plan.id] = store::insert_plan(sql, plan);
      ++result.plans;
    }
    for (const auto& entry : doc.plans) {
      if (entry.plan.parent_plan_id || entry.plan.previous_version_id) {
        store::set_plan_links(sql, plans[entry.plan.id], mapped(plans, entry.plan.parent_plan_id),
                              mapped(plans, entry.plan.previous_version_id));
      }
      for (auto area : entry.areas) {
        const auto local = area.id;
        area.plan_id = plans[entry.plan.id];
        area.parent_focus_area_id.reset();
        areas[local] = store::insert_focus_area(sql, area);
      }
    }
    for (const auto& entry : doc.plans) {
      for (const auto& area : entry.areas) {
        if (area.parent_focus_area_id) {
          store::set_focus_area_parent(sql, areas[area.id],
                                       mapped(areas, area.parent_focus_area_id));
        }
      }
    }

    IdMap initiatives;
    std::vector<std::pair<long long, long long>> deferred_parents;  // new id → local parent
    for (const auto& entry : doc.initiatives) {
      auto v = entry.initiative;
      v.workspace_id = workspace_id;
      v.plan_id = plans[v.plan_id];
      v.focus_area_id = mapped(areas, v.focus_area_id);
      v.lead_user_id = mapped(users, v.lead_user_id);
      const auto local_parent = v.parent_initiative_id;
      // A parent created after its child (it can be re-parented later) is linked afterwards.
      v.parent_initiative_id = mapped(initiatives, local_parent);
      if (v.created_at.empty()) v.created_at = now;
      if (v.updated_at.empty()) v.updated_at = v.created_at;
      const auto new_id = store::insert_initiative(sql, v);
      if (local_parent && !v.parent_initiative_id) {
        deferred_parents.emplace_back(new_id, *local_parent);
      }
      initiatives[entry.initiative.id] = new_id;
      for (auto change : entry.history) {
        change.initiative_id = new_id;
        if (change.at.empty()) change.at = now;
        store::insert_status_change(sql, change);
      }
      ++result.initiatives;
    }
    for (const auto& [id, local_parent] : deferred_parents) {
      store::set_initiative_parent(sql, id, initiatives[local_parent]);
    }

    std::vector<strategy::Activity> activities;
    activities.reserve(doc.activities.size());
    for (auto activity : doc.activities) {
      activity.workspace_id = workspace_id;
      activity.initiative_id = initiatives[activity.initiative_id];
      if (activity.created_at.empty()) activity.created_at = now;
      if (activity.updated_at.empty()) activity.updated_at = activity.created_at;
      activities.push_back(std::move(activity));
      ++result.activities;
    }
    IdMap activity_map;
    const auto activity_ids = store::insert_activities(sql, activities);
    for (std::size_t i = 0; i < activity_ids.size(); ++i) {
      activity_map[doc.activities[i].id] = activity_ids[i];
    }

    for (const auto& entry : doc.groups) {
      auto group = entry.group;
      group.workspace_id = workspace_id;
      group.initiative_id = mapped(initiatives, group.initiative_id);
      const auto group_id = store::insert_group(sql, group);
      for (auto member : entry.members) {
        member.group_id = group_id;
        member.user_id = mapped(users, member.user_id);
        member.party_id = mapped(parties, member.party_id);
        store::insert_group_member(sql, member);
      }
      ++result.groups;
    }

    for (auto file : doc.files) {
      file.workspace_id = workspace_id;
      file.plan_id = mapped(plans, file.plan_id);
      file.initiative_id = mapped(initiatives, file.initiative_id);
      if (file.uploaded_at.empty()) file.uploaded_at = now;
      store::insert_document(sql, file);
    }

    IdMap places;
    for (auto place : doc.places) {
      const auto local = place.id;
      place.workspace_id = workspace_id;
      places[local] = indicators::store::insert_area(sql, place);
    }
    // A workspace can carry many values: they go in batches, like a statistics import.
    indicators::store::BulkValueWriter values(sql);
    for (const auto& entry : doc.indicators) {
      auto indicator = entry.indicator;
      indicator.workspace_id = workspace_id;
      indicator.plan_id = mapped(plans, indicator.plan_id);
      const auto indicator_id = indicators::store::insert_indicator(sql, indicator);
      auto links = entry.links;
      for (auto& link : links) {
        link.initiative_id = mapped(initiatives, link.initiative_id);
        link.focus_area_id = mapped(areas, link.focus_area_id);
      }
      indicators::store::replace_links(sql, indicator_id, links);
      for (auto target : entry.targets) {
        target.indicator_id = indicator_id;
        target.area_id = mapped(places, target.area_id);
        indicators::store::insert_target(sql, target);
      }
      for (auto value : entry.values) {
        value.indicator_id = indicator_id;
        value.period = indicators::normalise_period(entry.indicator, value.period);
        value.area_id = mapped(places, value.area_id);
        value.entered_by = mapped(users, value.entered_by);
        if (value.updated_at.empty()) value.updated_at = now;
        values.write(value);
        ++result.values;
      }
      ++result.indicators;
    }
    values.flush();

    if (!doc.logo_svg.empty())
      reporting::store::set_workspace_logo(sql, workspace_id, doc.logo_svg);
    const auto new_activity = [&](long long activity) { return mapped(activity_map, activity); };
    IdMap rounds;
    for (const auto& entry : doc.rounds) {
      auto round = entry.round;
      round.workspace_id = workspace_id;
      round.plan_id = plans[round.plan_id];
      round.previous_round_id = mapped(rounds, round.previous_round_id);
      const auto round_id = reporting::store::insert_round(sql, round);
      rounds[entry.round.id] = round_id;
      for (const auto& form_entry : entry.forms) {
        auto form = form_entry.form;
        form.round_id = round_id;
        form.initiative_id = initiatives[form.initiative_id];
        form.content = relinked(std::move(form.content), new_activity);
        if (form.updated_at.empty()) form.updated_at = now;
        const auto form_id = reporting::store::insert_form(sql, form);
        for (auto revision : form_entry.revisions) {
          revision.form_id = form_id;
          revision.content = relinked(std::move(revision.content), new_activity);
          reporting::store::insert_revision(sql, revision);
        }
        for (auto reminder : form_entry.reminders) {
          reminder.form_id = form_id;
          if (reminder.sent_at.empty()) reminder.sent_at = now;
          reporting::store::claim_reminder(sql, reminder);
        }
        ++result.forms;
      }
      for (auto chapter : entry.chapters) {
        chapter.round_id = round_id;
        reporting::store::insert_chapter(sql, chapter);
      }
      ++result.rounds;
    }

    store::rebuild_search_index(sql, workspace_id);
    audit::Entry entry;
    entry.workspace_id = workspace_id;
    entry.author.label = "import";
    entry.action = "import";
    entry.entity = "workspace";
    entry.entity_id = std::to_string(workspace_id);
    entry.after = object{{"name", doc.workspace_name},
                         {"plans", result.plans},
                         {"initiatives", result.initiatives},
                         {"activities", result.activities},
                         {"indicators", result.indicators},
                         {"rounds", result.rounds},
                         {"forms", result.forms}};
    audit::record(sql, entry);
  });
  return result;
}

}  // namespace samtryg::exchange
