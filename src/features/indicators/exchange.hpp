#pragma once
#include <memory>

#include "core/exchange/section.hpp"

namespace samtryg::indicators {

// The indicators in the workspace document: "areas" (ids: "area") and "indicators" with their
// "links", "targets" and "values" (ids: "indicator").
std::unique_ptr<exchange::Section> exchange_section();

}  // namespace samtryg::indicators
