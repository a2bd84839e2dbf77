#pragma once
#include "core/demo/seed.hpp"

namespace samtryg::strategy {

// The register's part of the demo document: Tryg Aalborg's strategy with its 15 initiatives,
// the police district's cooperation plan with the 2014 action plan, and Landskrona's agreement
// with its ten focus areas.
inline constexpr std::string_view kDemoDocument = "src/features/strategy/data/demo.json";

// Version 2 of the strategy, made by the real command: it is "more dynamic", so the seven
// initiatives prioritised beside version 1 are written into it, and the version compare has
// something real to show.
void seed_demo(demo::Seed& seed);

}  // namespace samtryg::strategy
