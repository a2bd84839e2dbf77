#pragma once
#include "core/cli/commands.hpp"

namespace samtryg::meetings {

// `samtryg meetings list`.
void add_cli_commands(cli::Commands& commands);

}  // namespace samtryg::meetings
