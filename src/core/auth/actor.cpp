#include "core/auth/actor.hpp"

#include "core/validation/validation.hpp"

namespace samtryg::auth {

Actor Actor::for_role(long long workspace_id, audit::Author author,
                      std::optional<long long> user_id, std::optional<Role> role) {
  Actor actor;
  actor.workspace_id = workspace_id;
  actor.author = std::move(author);
  actor.user_id = user_id;
  actor.edit_all = !role || allows(*role, Permission::edit_all);
  actor.edit_own = !role || allows(*role, Permission::edit_own);
  actor.read_all = !role || allows(*role, Permission::read_workspace);
  actor.manage_users = !role || allows(*role, Permission::manage_users);
  return actor;
}

Actor Actor::tool(long long workspace_id, std::string label) {
  return for_role(workspace_id, {std::nullopt, std::move(label)}, std::nullopt, std::nullopt);
}

void require_edit_all(const Actor& actor) {
  if (!actor.edit_all) throw validation::Forbidden();
}

void require_manage_users(const Actor& actor) {
  if (!actor.manage_users) throw validation::Forbidden();
}

}  // namespace samtryg::auth
