#pragma once
// The surveys' part of the workspace document (docs/exchange-format.md): "surveys", each with
// its waves, questions (with their answers) and results.
#include <memory>

#include "core/exchange/section.hpp"

namespace samtryg::surveys {

std::unique_ptr<exchange::Section> exchange_section();

}  // namespace samtryg::surveys
