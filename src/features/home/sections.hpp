#pragma once
// The hook the start page offers: what each feature has waiting for the person signed in.
#include <functional>
#include <string>
#include <vector>

#include "core/web/context.hpp"

namespace samtryg::home {

// One part of the start page (reporting: the forms to fill in), rendered HTML; "" when the
// feature has nothing for this person. Parts are shown by `order`, lowest first.
struct StartSection {
  int order = 0;
  std::function<std::string(web::Context&)> render;
};

struct StartSections {
  std::vector<StartSection> sections;
};

}  // namespace samtryg::home
