#pragma once
#include "core/module/module.hpp"

namespace samtryg::dialogues {

// Everything the citizen dialogues add to samtryg (see its README.md).
const module::Module& module();

}  // namespace samtryg::dialogues
