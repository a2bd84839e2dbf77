#pragma once
// The walks' part of the workspace document (docs/exchange-format.md): "walks", each with its
// groups, and its findings with their actions.
#include <memory>

#include "core/exchange/section.hpp"

namespace samtryg::walks {

std::unique_ptr<exchange::Section> exchange_section();

}  // namespace samtryg::walks
