#pragma once
#include "core/module/module.hpp"

namespace samtryg::meetings {

// Everything meetings add to samtryg (see its README.md).
const module::Module& module();

}  // namespace samtryg::meetings
