#pragma once
#include "core/module/module.hpp"

namespace samtryg::walks {

// Everything the safety walks add to samtryg (see its README.md).
const module::Module& module();

}  // namespace samtryg::walks
