#pragma once
#include "core/module/module.hpp"

namespace samtryg::strategy {

// Everything the strategy feature adds to samtryg (see its README.md).
const module::Module& module();

}  // namespace samtryg::strategy
