#pragma once
#include "core/demo/seed.hpp"

namespace samtryg::reporting {

// The round "4. afrapportering" of the seed report: the forms of the eight initiatives written
// into the strategy, filled in from the report's annex, in every workflow state (approved,
// submitted, submitted late, returned with a comment, a draft not submitted), and the report's
// chapters from its first pages (data/demo_round.json), each taken through the real commands.
void seed_demo(demo::Seed& seed);

}  // namespace samtryg::reporting
