#include "features/strategy/store.hpp"

#include "core/auth/store.hpp"
#include "core/db/nullable.hpp"
#include "core/i18n/locale_format.hpp"
#include "features/strategy/store_rows.hpp"

namespace samtryg::strategy::store {

using db::Nullable;
using soci::into;
using soci::use;

// ---- groups ----

long long insert_group(soci::session& sql, const Group& group) {
  long long id = 0;
  Nullable<long long> initiative(group.initiative_id);
  sql << "INSERT INTO work_groups (workspace_id, initiative_id, kind, name, cadence, "
         "description, position) VALUES (:w, :i, :k, :n, :c, :d, :p) RETURNING id",
      use(group.workspace_id), use(initiative.value, initiative.indicator), use(group.kind),
      use(group.name), use(group.cadence), use(group.description), use(group.position), into(id);
  return id;
}

namespace {
constexpr const char* kGroupColumns =
    "SELECT id, workspace_id, initiative_id, kind, name, cadence, description, position, "
    "row_version FROM work_groups ";
}

std::vector<Group> groups(soci::session& sql, long long workspace_id) {
  std::vector<Group> out;
  Group group;
  Nullable<long long> initiative;
  soci::statement st =
      (sql.prepare << std::string(kGroupColumns) + "WHERE workspace_id = :w ORDER BY position, id",
       into(group.id), into(group.workspace_id), into(initiative.value, initiative.indicator),
       into(group.kind), into(group.name), into(group.cadence), into(group.description),
       into(group.position), into(group.row_version), use(workspace_id));
  st.execute();
  while (st.fetch()) {
    group.initiative_id = initiative.get();
    out.push_back(group);
  }
  return out;
}

std::optional<Group> find_group(soci::session& sql, long long workspace_id, long long id) {
  Group group;
  Nullable<long long> initiative;
  sql << std::string(kGroupColumns) + "WHERE id = :id AND workspace_id = :w", into(group.id),
      into(group.workspace_id), into(initiative.value, initiative.indicator), into(group.kind),
      into(group.name), into(group.cadence), into(group.description), into(group.position),
      into(group.row_version), use(id), use(workspace_id);
  if (!sql.got_data()) return std::nullopt;
  group.initiative_id = initiative.get();
  return group;
}

long long insert_group_member(soci::session& sql, const GroupMember& member) {
  long long id = 0;
  Nullable<long long> user(member.user_id);
  Nullable<long long> party(member.party_id);
  sql << "INSERT INTO group_members (group_id, user_id, title, party_id, role, position) "
         "VALUES (:g, :u, :t, :p, :r, :pos) RETURNING id",
      use(member.group_id), use(user.value, user.indicator), use(member.title),
      use(party.value, party.indicator), use(member.role), use(member.position), into(id);
  return id;
}

std::vector<GroupMember> group_members(soci::session& sql, long long group_id) {
  std::vector<GroupMember> out;
  GroupMember member;
  Nullable<long long> user;
  Nullable<long long> party;
  soci::statement st =
      (sql.prepare << "SELECT id, group_id, user_id, title, party_id, role, position FROM "
                      "group_members WHERE group_id = :g ORDER BY position, id",
       into(member.id), into(member.group_id), into(user.value, user.indicator), into(member.title),
       into(party.value, party.indicator), into(member.role), into(member.position), use(group_id));
  st.execute();
  while (st.fetch()) {
    member.user_id = user.get();
    member.party_id = party.get();
    out.push_back(member);
  }
  return out;
}

// ---- people ----

std::vector<Person> workspace_people(soci::session& sql, long long workspace_id) {
  std::vector<Person> out;
  Person person;
  soci::statement st =
      (sql.prepare << "SELECT u.id, u.name, u.email FROM users u JOIN memberships m ON "
                      "m.user_id = u.id WHERE m.workspace_id = :w ORDER BY u.id",
       into(person.id), into(person.name), into(person.email), use(workspace_id));
  st.execute();
  while (st.fetch()) out.push_back(person);
  i18n::sort_by_name(out, auth::workspace_language(sql, workspace_id),
                     [](const Person& item) -> const std::string& { return item.name; });
  return out;
}

bool is_workspace_member(soci::session& sql, long long workspace_id, long long user_id) {
  int count = 0;
  sql << "SELECT COUNT(*) FROM memberships WHERE workspace_id = :w AND user_id = :u",
      use(workspace_id), use(user_id), into(count);
  return count > 0;
}

}  // namespace samtryg::strategy::store
