#pragma once
#include "core/module/module.hpp"

namespace samtryg::accounts {

// Everything the accounts feature adds to samtryg (see its README.md).
const module::Module& module();

}  // namespace samtryg::accounts
