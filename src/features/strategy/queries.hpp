#pragma once
// Reads of the register as an actor sees them: the one place that decides what a viewer (who
// reads published content only) sees of plans, initiatives, activities, documents and search
// hits. Pages, the API, and the features built on the register read it here, never through
// its store. Each takes the caller's connection, so a handler reads everything through one.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "core/auth/actor.hpp"
#include "core/db/database.hpp"
#include "core/i18n/catalog.hpp"
#include "features/strategy/lists.hpp"
#include "features/strategy/model.hpp"

namespace samtryg::strategy {

using auth::Actor;

// What a viewer sees: published plans, and published initiatives of published plans with
// their activities and documents. Members and up see everything of their workspace.
bool visible(const Actor& actor, const Plan& plan);
bool visible(soci::session& sql, const Actor& actor, const Initiative& initiative);

// ---- plans and focus areas ----
std::vector<Plan> plans(soci::session& sql, const Actor& actor);
std::optional<Plan> find_plan(soci::session& sql, const Actor& actor, long long id);
// Throws validation::NotFound when the actor may not see it.
Plan readable_plan(soci::session& sql, const Actor& actor, long long id);
std::vector<FocusArea> focus_areas(soci::session& sql, const Actor& actor, long long plan_id);
std::optional<FocusArea> find_focus_area(soci::session& sql, const Actor& actor, long long id);

// ---- initiatives ----
// The rows `filter` selects of what the actor sees (its workspace and published_only are set
// here).
std::vector<InitiativeRow> initiatives(soci::session& sql, const Actor& actor,
                                       InitiativeFilter filter);
int count_initiatives(soci::session& sql, const Actor& actor, InitiativeFilter filter);
std::optional<Initiative> find_initiative(soci::session& sql, const Actor& actor, long long id);
Initiative readable_initiative(soci::session& sql, const Actor& actor, long long id);
// Whether the actor may change the initiative: coordinators and admins always, leads when they
// lead it or the initiative it belongs to.
bool may_edit(soci::session& sql, const Actor& actor, const Initiative& initiative);
// The initiative, when the actor may change it; validation::Forbidden (or NotFound) otherwise.
Initiative editable_initiative(soci::session& sql, const Actor& actor, long long id);
std::vector<StatusChange> status_changes(soci::session& sql, const Actor& actor,
                                         long long initiative_id);
// Whether the actor follows the initiative (following.cpp).
bool follows(soci::session& sql, const Actor& actor, long long initiative_id);

// ---- activities ----
std::vector<Activity> activities(soci::session& sql, const Actor& actor, ActivityFilter filter);
int count_activities(soci::session& sql, const Actor& actor, ActivityFilter filter);
Activity readable_activity(soci::session& sql, const Actor& actor, long long id);

// ---- documents, people, groups, parties ----
// The documents of a readable plan or initiative, without their content.
std::vector<Document> documents(soci::session& sql, const Actor& actor,
                                std::optional<long long> plan_id,
                                std::optional<long long> initiative_id);
Document readable_document(soci::session& sql, const Actor& actor, long long id);
// Whether the actor may change the documents of what `document` is attached to: a plan's are
// the coordinators', an initiative's whoever may change the initiative.
bool may_edit_document(soci::session& sql, const Actor& actor, const Document& document);
std::vector<Person> people(soci::session& sql, const Actor& actor);
std::vector<Party> parties(soci::session& sql, const Actor& actor);
// The workspace's own communication channels, by name.
std::vector<Channel> channels(soci::session& sql, const Actor& actor);
// An activity's channel as people read it: a built-in channel's label, or an own channel's name.
std::string channel_label(const i18n::Catalog& catalog, std::string_view channel);
std::vector<Group> groups(soci::session& sql, const Actor& actor);
Group readable_group(soci::session& sql, const Actor& actor, long long id);
std::vector<GroupMember> group_members(soci::session& sql, const Actor& actor, long long group_id);

// The same with a connection of their own, for callers that hold none.
Plan readable_plan(db::Database& database, const Actor& actor, long long id);
Initiative readable_initiative(db::Database& database, const Actor& actor, long long id);
Activity readable_activity(db::Database& database, const Actor& actor, long long id);
Document readable_document(db::Database& database, const Actor& actor, long long id);

// ---- search ----
// Every word must occur (prefix match, accents ignored on SQLite).
std::vector<SearchHit> search(soci::session& sql, db::Backend backend, const Actor& actor,
                              const std::string& query, int limit, int offset);

}  // namespace samtryg::strategy
