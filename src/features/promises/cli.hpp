#pragma once
#include "core/cli/commands.hpp"

namespace samtryg::promises {

// `samtryg promises list`: the workspace's promises with their latest status and how many
// follow them by e-mail.
void add_cli_commands(cli::Commands& commands);

}  // namespace samtryg::promises
