#pragma once
// Who may use a route or see a menu entry: anyone, anyone signed in, or the roles that have a
// permission (core/auth/roles.cpp decides which).
#include <optional>

#include "core/auth/roles.hpp"

namespace samtryg::web {

struct Access {
  enum class Kind { anyone, signed_in, permission };
  Kind kind = Kind::anyone;
  auth::Permission permission = auth::Permission::read_published;

  static Access anyone() { return {Kind::anyone, auth::Permission::read_published}; }
  static Access signed_in() { return {Kind::signed_in, auth::Permission::read_published}; }
  static Access needs(auth::Permission permission) { return {Kind::permission, permission}; }
  // Whether a user with `role` (none: anonymous or no workspace) and `signed_in` may pass.
  bool admits(bool is_signed_in, std::optional<auth::Role> role) const;
};

}  // namespace samtryg::web
