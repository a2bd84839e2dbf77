#pragma once
#include "core/module/module.hpp"

namespace samtryg::promises {

// Everything citizen promises add to samtryg (see its README.md).
const module::Module& module();

}  // namespace samtryg::promises
