#pragma once
#include "core/demo/seed.hpp"

namespace samtryg::accounts {

// The demo document's users (one per role, role titles from the seeds, never real people's
// names) get the demo password and are the demo's logins; any that is missing is added again.
void seed_demo(demo::Seed& seed);

// The embedded path of the users in the demo document.
inline constexpr std::string_view kDemoDocument = "src/features/accounts/data/demo.json";

}  // namespace samtryg::accounts
