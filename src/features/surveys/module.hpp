#pragma once
#include "core/module/module.hpp"

namespace samtryg::surveys {

// Everything surveys add to samtryg (see its README.md).
const module::Module& module();

}  // namespace samtryg::surveys
