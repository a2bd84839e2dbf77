#include "core/auth/roles.hpp"

namespace samtryg::auth {

std::string_view code(Role role) {
  switch (role) {
    case Role::admin:
      return "admin";
    case Role::coordinator:
      return "coordinator";
    case Role::initiative_lead:
      return "initiative_lead";
    case Role::member:
      return "member";
    case Role::viewer:
      return "viewer";
  }
  return "viewer";
}

std::optional<Role> parse_role(std::string_view text) {
  for (const auto role : kRoles) {
    if (code(role) == text) return role;
  }
  return std::nullopt;
}

bool allows(Role role, Permission permission) {
  switch (permission) {
    case Permission::read_published:
      return true;
    case Permission::read_workspace:
      return role != Role::viewer;
    case Permission::edit_own:
      return role == Role::admin || role == Role::coordinator || role == Role::initiative_lead;
    case Permission::edit_all:
      return role == Role::admin || role == Role::coordinator;
    case Permission::manage_users:
      return role == Role::admin;
  }
  return false;
}

}  // namespace samtryg::auth
