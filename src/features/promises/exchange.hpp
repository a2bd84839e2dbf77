#pragma once
// The promises' part of the workspace document (docs/exchange-format.md): "promises", each with
// its follow-ups. Subscribers are not part of it: an address was given to follow a promise
// here, not to travel with a copy of the workspace.
#include <memory>

#include "core/exchange/section.hpp"

namespace samtryg::promises {

std::unique_ptr<exchange::Section> exchange_section();

}  // namespace samtryg::promises
