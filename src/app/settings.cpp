#include "app/settings.hpp"

#include <cstdlib>

namespace samtryg::app {

config::Config load_settings(const cli::Overrides& overrides, char** environment) {
  config::Config settings;
  std::optional<std::string> file = overrides.config_file;
  if (!file) {
    if (const char* from_environment = std::getenv("SAMTRYG_CONFIG")) file = from_environment;
  }
  if (file && !file->empty()) config::apply_file(settings, *file);
  config::apply_environment(settings, environment);
  if (overrides.database) config::set_value(settings, "database", *overrides.database, "--db");
  if (overrides.listen) config::set_value(settings, "listen", *overrides.listen, "--listen");
  if (overrides.port) {
    config::set_value(settings, "port", std::to_string(*overrides.port), "--port");
  }
  config::validate(settings);
  return settings;
}

}  // namespace samtryg::app
