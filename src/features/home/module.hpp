#pragma once
#include "core/module/module.hpp"

namespace samtryg::home {

// The start page, /: who you are in which workspace, then what the features have waiting for
// you (home::StartSections).
const module::Module& module();

}  // namespace samtryg::home
