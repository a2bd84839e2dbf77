#pragma once
#include "core/cli/commands.hpp"
#include "core/config/config.hpp"

namespace samtryg::app {

// defaults → config file (--config or SAMTRYG_CONFIG) → SAMTRYG_* environment → flags.
config::Config load_settings(const cli::Overrides& overrides, char** environment);

}  // namespace samtryg::app
