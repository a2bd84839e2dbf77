#pragma once
// The Editor (who acts, where, with which rights) of a web request, for pages and API alike.
#include "core/web/context.hpp"
#include "features/strategy/commands.hpp"

namespace samtryg::strategy {

// Only for routes whose access rule requires a role in a workspace.
Editor editor_of(const web::Context& context);

}  // namespace samtryg::strategy
