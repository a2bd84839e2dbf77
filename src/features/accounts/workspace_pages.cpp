// The workspace's settings that belong to no feature: the time zone its times are shown in.
#include "core/i18n/clock.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/time.hpp"
#include "core/web/form_page.hpp"
#include "features/accounts/commands.hpp"
#include "features/accounts/pages.hpp"

namespace samtryg::accounts {

namespace {

using http::Method;
using http::Response;
using web::Context;

// The place a zone is known by, as a message key: "Europe/Copenhagen" → time_zone_place_
// Europe_Copenhagen.
std::string place_key(std::string_view zone) {
  std::string key = "time_zone_place_";
  for (const char c : zone) key += c == '/' ? '_' : c;
  return key;
}

std::vector<web::Option> zone_options(const Context& context, const std::string& current) {
  std::vector<web::Option> options;
  bool offered = false;
  for (const auto zone : kOfferedTimeZones) {
    options.push_back(
        {std::string(zone), context.text(place_key(zone)) + " (" + std::string(zone) + ")"});
    offered = offered || zone == current;
  }
  // A zone set elsewhere (the CLI, an import) stays choosable.
  if (!offered) options.insert(options.begin(), {current, current});
  return options;
}

Response zone_form(Context& context, const std::string& chosen, const validation::Errors& errors,
                   int status) {
  const auto current = time_zone(context.services.database, context.actor());
  return web::render_form(
      context,
      web::FormPage{.heading = context.text("time_zone_title"),
                    .intro = context.catalog().format(
                        "time_zone_intro",
                        {{"zone", current},
                         {"now", i18n::format_iso_timestamp(now_iso_utc(), context.language)}}),
                    .action = "/workspace/time-zone",
                    .submit = context.text("time_zone_save"),
                    .cancel = "/",
                    .fields = {{.name = "time_zone",
                                .label = context.text("time_zone_label"),
                                .value = chosen.empty() ? current : chosen,
                                .kind = web::Field::Kind::select,
                                .hint = context.text("time_zone_hint"),
                                .options = zone_options(context, current)}},
                    .errors = errors,
                    .status = status,
                    .nav = "users"});
}

Response show_time_zone(Context& context) {
  auth::require_manage_users(context.actor());
  return zone_form(context, {}, {}, 200);
}

Response save_time_zone(Context& context) {
  const auto zone = context.form().value("time_zone");
  try {
    set_time_zone(context.services.database, context.actor(), zone);
  } catch (const validation::Invalid& invalid) {
    return zone_form(context, zone, invalid.errors, 422);
  }
  return Response::redirect("/workspace/time-zone");
}

}  // namespace

std::vector<std::string> time_zone_message_keys() {
  std::vector<std::string> keys;
  for (const auto zone : kOfferedTimeZones) keys.push_back(place_key(zone));
  return keys;
}

void add_workspace_routes(web::App& app) {
  const auto admins = web::Access::needs(auth::Permission::manage_users);
  app.add({Method::get, "/workspace/time-zone", admins, show_time_zone});
  app.add({Method::post, "/workspace/time-zone", admins, save_time_zone});
  app.services().navigation.add({"time_zone", "/workspace/time-zone", "nav_time_zone", admins, 87});
}

}  // namespace samtryg::accounts
