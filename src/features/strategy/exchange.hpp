#pragma once
#include <memory>

#include "core/exchange/section.hpp"

namespace samtryg::strategy {

// The register in the workspace document: "parties", "plans" with their "focus_areas",
// "initiatives" with their "status_history", "activities", "groups" with their "members" and
// "documents" (ids: "party", "plan", "focus_area", "initiative", "activity", "group").
std::unique_ptr<exchange::Section> exchange_section();

}  // namespace samtryg::strategy
