#pragma once
// The person (or tool) acting on a workspace: who they are and what their role lets them do.
// Every command and every read that depends on rights takes one; pages get it from
// web::Context::actor().
#include <optional>
#include <string>

#include "core/audit/author.hpp"
#include "core/auth/roles.hpp"

namespace samtryg::auth {

struct Actor {
  long long workspace_id = 0;
  audit::Author author;
  std::optional<long long> user_id;
  bool edit_all = false;      // coordinators and admins
  bool edit_own = false;      // initiative leads: their own initiatives and forms
  bool read_all = false;      // members and up; viewers read published content only
  bool manage_users = false;  // admins: people, roles, API tokens

  // The rights of `role`; none is a tool acting with full rights (import, demo, command line).
  static Actor for_role(long long workspace_id, audit::Author author,
                        std::optional<long long> user_id, std::optional<Role> role);
  // A tool such as the command line ("cli") with full rights in `workspace_id`.
  static Actor tool(long long workspace_id, std::string label);
};

// Throws validation::Forbidden unless the actor changes everything (coordinators, admins).
void require_edit_all(const Actor& actor);
// Throws validation::Forbidden unless the actor manages people and tokens (admins).
void require_manage_users(const Actor& actor);

}  // namespace samtryg::auth
