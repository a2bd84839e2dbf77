#pragma once
#include "core/cli/commands.hpp"

namespace samtryg::surveys {

// `samtryg surveys list` and `samtryg surveys import`.
void add_cli_commands(cli::Commands& commands);

}  // namespace samtryg::surveys
