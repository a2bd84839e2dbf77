#pragma once
#include <memory>

#include "core/exchange/section.hpp"

namespace samtryg::reporting {

// The reporting cycle in the workspace document: "rounds" (ids: "round") with their template,
// "forms" (answers, "revisions", sent "reminders") and "chapters"; and the workspace's logo as
// "workspace.logo_svg".
std::unique_ptr<exchange::Section> exchange_section();

}  // namespace samtryg::reporting
