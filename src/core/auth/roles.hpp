#pragma once
// Who may do what. Roles are per workspace; routes ask for a permission, never for a role,
// so the table below is the one place that decides.
#include <optional>
#include <string_view>
#include <vector>

namespace samtryg::auth {

enum class Role { admin, coordinator, initiative_lead, member, viewer };
inline constexpr Role kRoles[] = {Role::admin, Role::coordinator, Role::initiative_lead,
                                  Role::member, Role::viewer};

std::string_view code(Role role);
std::optional<Role> parse_role(std::string_view code);

enum class Permission {
  read_published,  // viewers: what the partnership has published
  read_workspace,  // members and up: everything inside the workspace
  edit_own,        // initiative leads: their own initiatives and forms
  edit_all,        // coordinators and admins: every plan, initiative and form
  manage_users,    // admins: people, roles, API tokens
};

bool allows(Role role, Permission permission);

}  // namespace samtryg::auth
