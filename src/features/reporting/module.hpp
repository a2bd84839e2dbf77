#pragma once
#include "core/module/module.hpp"

namespace samtryg::reporting {

// Everything the reporting feature adds to samtryg (see its README.md).
const module::Module& module();

}  // namespace samtryg::reporting
