#include <iostream>

#include "app/cli.hpp"
#include "core/util/crypto.hpp"

int main(int argc, char** argv, char** environment) {
  try {
    samtryg::crypto::initialise();
  } catch (const std::exception& error) {
    std::cerr << "samtryg: " << error.what() << '\n';
    return 1;
  }
  return samtryg::app::run_cli(argc, argv, environment);
}
