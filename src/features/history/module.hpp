#pragma once
#include "core/module/module.hpp"

namespace samtryg::history {

// The audit history of one record, /history/{entity}/{id}, for the kinds of record the other
// features add to history::Subjects.
const module::Module& module();

}  // namespace samtryg::history
