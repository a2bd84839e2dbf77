#pragma once
#include "core/cli/commands.hpp"

namespace samtryg::dialogues {

// `samtryg dialogues list`.
void add_cli_commands(cli::Commands& commands);

}  // namespace samtryg::dialogues
