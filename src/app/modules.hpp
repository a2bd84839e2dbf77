#pragma once
#include <vector>

#include "core/module/module.hpp"

namespace samtryg::app {

// Every feature, in the order their routes are added, their sections stand in the workspace
// document and their demo steps run: a feature comes after those it builds on.
const std::vector<const module::Module*>& modules();

}  // namespace samtryg::app
