#pragma once
#include <optional>
#include <string>

#include "core/config/config.hpp"

namespace samtryg::app {

// Flags given on the command line; they override the file and the environment.
struct Overrides {
  std::optional<std::string> config_file;
  std::optional<std::string> database;
  std::optional<std::string> listen;
  std::optional<int> port;
};

// defaults → config file (--config or SAMTRYG_CONFIG) → SAMTRYG_* environment → flags.
config::Config load_settings(const Overrides& overrides, char** environment);

}  // namespace samtryg::app
