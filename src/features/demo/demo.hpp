#pragma once
// The demo workspace: the real partnership of the seed documents (Tryg Aalborg) with one
// login per role, so a newcomer can see every part of samtryg at once.
#include <string>
#include <vector>

#include "core/auth/passwords.hpp"
#include "core/db/database.hpp"

namespace samtryg::demo {

inline constexpr std::string_view kWorkspaceName = "Tryg Aalborg – en mere tryg kommune";
inline constexpr std::string_view kPassword = "samtryg-demo";

struct DemoLogin {
  std::string email;
  std::string role;
};

// Creates what is missing (safe to run again) and returns the demo logins.
std::vector<DemoLogin> load_demo(db::Database& database, auth::HashCost cost);

}  // namespace samtryg::demo
