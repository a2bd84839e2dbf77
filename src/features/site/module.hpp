#pragma once
#include "core/module/module.hpp"

namespace samtryg::site {

// Everything the public site adds to samtryg (see its README.md).
const module::Module& module();

}  // namespace samtryg::site
