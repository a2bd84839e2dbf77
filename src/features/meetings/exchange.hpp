#pragma once
// The meetings' part of the workspace document (docs/exchange-format.md): "meetings", each with
// its agenda items (their decisions) and action items.
#include <memory>

#include "core/exchange/section.hpp"

namespace samtryg::meetings {

std::unique_ptr<exchange::Section> exchange_section();

}  // namespace samtryg::meetings
