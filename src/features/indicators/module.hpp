#pragma once
#include "core/module/module.hpp"

namespace samtryg::indicators {

// Everything the indicators feature adds to samtryg (see its README.md).
const module::Module& module();

}  // namespace samtryg::indicators
