#pragma once
#include "core/demo/seed.hpp"

namespace samtryg::accounts {

// The demo document's users (one per role, role titles from the seeds, never real people's
// names) get the demo password and are the demo's logins; any that is missing is added again.
void seed_demo(demo::Seed& seed);

// The embedded folder of the users of each demo workspace.
inline constexpr std::string_view kDemoFolder = "src/features/accounts/data/";

}  // namespace samtryg::accounts
