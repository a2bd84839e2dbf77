#include "app/modules.hpp"

#include "features/accounts/module.hpp"
#include "features/dialogues/module.hpp"
#include "features/history/module.hpp"
#include "features/home/module.hpp"
#include "features/indicators/module.hpp"
#include "features/meetings/module.hpp"
#include "features/promises/module.hpp"
#include "features/reporting/module.hpp"
#include "features/site/module.hpp"
#include "features/statistics/module.hpp"
#include "features/strategy/module.hpp"
#include "features/surveys/module.hpp"
#include "features/walks/module.hpp"

namespace samtryg::app {

// The one place outside the features that names them. Adding a feature is adding its folder
// and one line here.
const std::vector<const module::Module*>& modules() {
  static const std::vector<const module::Module*> all{
      &accounts::module(),  &home::module(),       &history::module(),   &strategy::module(),
      &stats::module(),     &indicators::module(), &reporting::module(), &walks::module(),
      &dialogues::module(), &surveys::module(),    &promises::module(),  &meetings::module(),
      &site::module(),
  };
  return all;
}

}  // namespace samtryg::app
