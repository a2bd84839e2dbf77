#pragma once
#include "core/cli/commands.hpp"

namespace samtryg::app {

// The commands on a whole workspace or database, made of every feature's part: `export`,
// `import`, `demo` and `backup`.
void add_workspace_commands(cli::Commands& commands);

}  // namespace samtryg::app
