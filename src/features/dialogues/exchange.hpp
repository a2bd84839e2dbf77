#pragma once
// The dialogues' part of the workspace document (docs/exchange-format.md): "dialogues", each
// with its themes.
#include <memory>

#include "core/exchange/section.hpp"

namespace samtryg::dialogues {

std::unique_ptr<exchange::Section> exchange_section();

}  // namespace samtryg::dialogues
