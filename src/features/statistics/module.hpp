#pragma once
#include "core/module/module.hpp"

namespace samtryg::stats {

// Everything the statistics feature adds to samtryg (see its README.md): reading PX, JSON-stat
// and CSV tables is a library the indicators' import uses; on its own it adds `samtryg stats`.
const module::Module& module();

}  // namespace samtryg::stats
