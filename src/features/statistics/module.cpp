#include "features/statistics/module.hpp"

#include "features/statistics/cli.hpp"

namespace samtryg::stats {

namespace {

class StatisticsModule final : public module::Module {
 public:
  std::string_view name() const override { return "statistics"; }
  void add_commands(cli::Commands& commands) const override { add_cli_commands(commands); }
};

}  // namespace

const module::Module& module() {
  static const StatisticsModule instance;
  return instance;
}

}  // namespace samtryg::stats
