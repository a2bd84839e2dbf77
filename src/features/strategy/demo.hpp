#pragma once
#include "core/demo/seed.hpp"

namespace samtryg::strategy {

// The register's part of the demo workspaces: Tryg Aalborg's strategy with its 15 initiatives
// and the police district's cooperation plan with the 2014 action plan (demo.json), and
// Landskrona's agreement with its ten focus areas (demo-landskrona.json).
inline constexpr std::string_view kDemoFolder = "src/features/strategy/data/";

// Version 2 of the strategy, made by the real command: it is "more dynamic", so the seven
// initiatives prioritised beside version 1 are written into it, and the version compare has
// something real to show.
void seed_demo(demo::Seed& seed);

}  // namespace samtryg::strategy
