#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/web/app.hpp"

namespace samtryg::accounts {

// Login, logout, password change, language choice and the users admin page.
void add_routes(web::App& app);

// The workspace's time zone setting (workspace_pages.cpp).
void add_workspace_routes(web::App& app);
// The zones the setting offers, where the workspaces samtryg is made for keep their clocks.
inline constexpr std::string_view kOfferedTimeZones[] = {
    "Europe/Copenhagen", "Europe/Stockholm",   "Europe/Oslo",   "Europe/Helsinki", "Atlantic/Faroe",
    "America/Nuuk",      "Atlantic/Reykjavik", "Europe/Berlin", "Europe/London",   "UTC"};
// Their names' message keys, built at run time.
std::vector<std::string> time_zone_message_keys();

}  // namespace samtryg::accounts
