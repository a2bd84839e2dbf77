#pragma once
#include "core/cli/commands.hpp"

namespace samtryg::indicators {

// The indicators feature's subcommands of `samtryg` (docs/api.md, "Command line").
void add_cli_commands(cli::Commands& commands);

}  // namespace samtryg::indicators
