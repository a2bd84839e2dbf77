#pragma once
#include "core/cli/commands.hpp"

namespace samtryg::reporting {

// The reporting feature's subcommands of `samtryg` (docs/api.md, "Command line").
void add_cli_commands(cli::Commands& commands);

}  // namespace samtryg::reporting
