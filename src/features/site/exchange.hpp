#pragma once
#include <memory>

#include "core/exchange/section.hpp"

namespace samtryg::site {

// The workspace document's "site" member: the public site's settings (docs/exchange-format.md).
std::unique_ptr<exchange::Section> exchange_section();

}  // namespace samtryg::site
