#pragma once
#include <memory>

#include "core/exchange/section.hpp"

namespace samtryg::accounts {

// "users": the workspace's members with their role, language and password hash (ids: "user").
// On import a person whose e-mail already has an account on the server keeps it and joins.
std::unique_ptr<exchange::Section> exchange_section();

}  // namespace samtryg::accounts
