#include "features/strategy/queries.hpp"

#include <algorithm>

#include "features/strategy/store.hpp"

namespace samtryg::strategy {

bool visible(const Actor& actor, const Plan& plan) {
  return actor.read_all || plan.published;
}

bool visible(soci::session& sql, const Actor& actor, const Initiative& initiative) {
  if (actor.read_all) return true;
  if (!initiative.published) return false;
  const auto plan = store::find_plan(sql, actor.workspace_id, initiative.plan_id);
  return plan && plan->published;
}

// ---- plans and focus areas ----

std::vector<Plan> plans(soci::session& sql, const Actor& actor) {
  auto all = store::plans(sql, actor.workspace_id);
  std::erase_if(all, [&](const Plan& plan) { return !visible(actor, plan); });
  return all;
}

std::optional<Plan> find_plan(soci::session& sql, const Actor& actor, long long id) {
  auto plan = store::find_plan(sql, actor.workspace_id, id);
  if (plan && !visible(actor, *plan)) return std::nullopt;
  return plan;
}

Plan readable_plan(soci::session& sql, const Actor& actor, long long id) {
  auto plan = find_plan(sql, actor, id);
  if (!plan) throw validation::NotFound();
  return *plan;
}

std::vector<FocusArea> focus_areas(soci::session& sql, const Actor& actor, long long plan_id) {
  if (!find_plan(sql, actor, plan_id)) return {};
  return store::focus_areas(sql, plan_id);
}

std::optional<FocusArea> find_focus_area(soci::session& sql, const Actor& actor, long long id) {
  auto area = store::find_focus_area(sql, actor.workspace_id, id);
  if (area && !find_plan(sql, actor, area->plan_id)) return std::nullopt;
  return area;
}

// ---- initiatives ----

namespace {

InitiativeFilter as_seen_by(const Actor& actor, InitiativeFilter filter) {
  filter.workspace_id = actor.workspace_id;
  filter.published_only = !actor.read_all;
  return filter;
}

ActivityFilter as_seen_by(const Actor& actor, ActivityFilter filter) {
  filter.workspace_id = actor.workspace_id;
  filter.published_only = !actor.read_all;
  return filter;
}

}  // namespace

std::vector<InitiativeRow> initiatives(soci::session& sql, const Actor& actor,
                                       InitiativeFilter filter) {
  return store::initiatives(sql, as_seen_by(actor, std::move(filter)));
}

int count_initiatives(soci::session& sql, const Actor& actor, InitiativeFilter filter) {
  return store::count_initiatives(sql, as_seen_by(actor, std::move(filter)));
}

std::optional<Initiative> find_initiative(soci::session& sql, const Actor& actor, long long id) {
  auto initiative = store::find_initiative(sql, actor.workspace_id, id);
  if (initiative && !visible(sql, actor, *initiative)) return std::nullopt;
  return initiative;
}

Initiative readable_initiative(soci::session& sql, const Actor& actor, long long id) {
  auto initiative = find_initiative(sql, actor, id);
  if (!initiative) throw validation::NotFound();
  return *initiative;
}

bool may_edit(soci::session& sql, const Actor& actor, const Initiative& initiative) {
  if (actor.edit_all) return true;
  if (!actor.edit_own || !actor.user_id) return false;
  if (initiative.lead_user_id == actor.user_id) return true;
  if (!initiative.parent_initiative_id) return false;
  const auto parent =
      store::find_initiative(sql, actor.workspace_id, *initiative.parent_initiative_id);
  return parent && parent->lead_user_id == actor.user_id;
}

Initiative editable_initiative(soci::session& sql, const Actor& actor, long long id) {
  auto initiative = readable_initiative(sql, actor, id);
  if (!may_edit(sql, actor, initiative)) throw validation::Forbidden();
  return initiative;
}

std::vector<StatusChange> status_changes(soci::session& sql, const Actor& actor,
                                         long long initiative_id) {
  if (!find_initiative(sql, actor, initiative_id)) return {};
  return store::status_changes(sql, initiative_id);
}

// ---- activities ----

std::vector<Activity> activities(soci::session& sql, const Actor& actor, ActivityFilter filter) {
  return store::activities(sql, as_seen_by(actor, std::move(filter)));
}

int count_activities(soci::session& sql, const Actor& actor, ActivityFilter filter) {
  return store::count_activities(sql, as_seen_by(actor, std::move(filter)));
}

Activity readable_activity(soci::session& sql, const Actor& actor, long long id) {
  auto activity = store::find_activity(sql, actor.workspace_id, id);
  if (!activity || !find_initiative(sql, actor, activity->initiative_id)) {
    throw validation::NotFound();
  }
  return *activity;
}

// ---- documents, people, groups, parties ----

std::vector<Document> documents(soci::session& sql, const Actor& actor,
                                std::optional<long long> plan_id,
                                std::optional<long long> initiative_id) {
  if (plan_id) readable_plan(sql, actor, *plan_id);
  if (initiative_id) readable_initiative(sql, actor, *initiative_id);
  return store::documents(sql, actor.workspace_id, plan_id, initiative_id);
}

Document readable_document(soci::session& sql, const Actor& actor, long long id) {
  auto document = store::find_document(sql, actor.workspace_id, id);
  if (!document) throw validation::NotFound();
  // Readable when what it is attached to is.
  if (document->plan_id) readable_plan(sql, actor, *document->plan_id);
  if (document->initiative_id) readable_initiative(sql, actor, *document->initiative_id);
  return *document;
}

bool may_edit_document(soci::session& sql, const Actor& actor, const Document& document) {
  if (document.plan_id) return actor.edit_all;
  if (!document.initiative_id) return false;
  const auto initiative = store::find_initiative(sql, actor.workspace_id, *document.initiative_id);
  return initiative && may_edit(sql, actor, *initiative);
}

std::vector<Person> people(soci::session& sql, const Actor& actor) {
  return store::workspace_people(sql, actor.workspace_id);
}

std::vector<Party> parties(soci::session& sql, const Actor& actor) {
  return store::parties(sql, actor.workspace_id);
}

std::vector<Channel> channels(soci::session& sql, const Actor& actor) {
  return store::channels(sql, actor.workspace_id);
}

std::string channel_label(const i18n::Catalog& catalog, std::string_view channel) {
  if (channel.empty()) return {};
  const bool built_in =
      std::find(std::begin(kChannels), std::end(kChannels), channel) != std::end(kChannels);
  return built_in ? std::string(catalog.text("channel_" + std::string(channel)))
                  : std::string(channel);
}

std::vector<Group> groups(soci::session& sql, const Actor& actor) {
  return store::groups(sql, actor.workspace_id);
}

Group readable_group(soci::session& sql, const Actor& actor, long long id) {
  auto group = store::find_group(sql, actor.workspace_id, id);
  if (!group) throw validation::NotFound();
  return *group;
}

std::vector<GroupMember> group_members(soci::session& sql, const Actor& actor, long long group_id) {
  return store::group_members(sql, readable_group(sql, actor, group_id).id);
}

Plan readable_plan(db::Database& database, const Actor& actor, long long id) {
  auto sql = database.session();
  return readable_plan(sql, actor, id);
}

Initiative readable_initiative(db::Database& database, const Actor& actor, long long id) {
  auto sql = database.session();
  return readable_initiative(sql, actor, id);
}

Activity readable_activity(db::Database& database, const Actor& actor, long long id) {
  auto sql = database.session();
  return readable_activity(sql, actor, id);
}

Document readable_document(db::Database& database, const Actor& actor, long long id) {
  auto sql = database.session();
  return readable_document(sql, actor, id);
}

// ---- search ----

std::vector<SearchHit> search(soci::session& sql, db::Backend backend, const Actor& actor,
                              const std::string& query, int limit, int offset) {
  return store::search(sql, backend, actor.workspace_id, query, !actor.read_all, limit, offset);
}

}  // namespace samtryg::strategy
