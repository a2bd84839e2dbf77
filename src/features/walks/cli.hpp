#pragma once
#include "core/cli/commands.hpp"

namespace samtryg::walks {

// `samtryg walks list` and `samtryg walks report`.
void add_cli_commands(cli::Commands& commands);

}  // namespace samtryg::walks
