#include "features/indicators/pages.hpp"

#include "core/auth/roles.hpp"
#include "core/auth/store.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "features/history/subjects.hpp"
#include "features/home/sections.hpp"
#include "features/indicators/page_support.hpp"
#include "features/indicators/presentation.hpp"
#include "features/strategy/hooks.hpp"

namespace samtryg::indicators {

namespace {

// How the indicators that follow the initiative up roll up into its status, on its page.
std::string initiative_section(Context& context, long long initiative_id, long long plan_id) {
  const auto records =
      plan_indicators(context.services.database, context.actor(), plan_id, today_iso_utc());
  const auto rollup = initiative_rollup(records, initiative_id);
  if (rollup.parts.empty()) return {};
  return view::render(kTemplates("initiative_rollup"), rollup_data(context, rollup, records),
                      context.catalog());
}

// An indicator's recorded values in words: periods as the language writes them, codes
// translated, people and areas by name.
std::optional<std::string> value_words(Context& context, std::string_view field,
                                       const std::string& recorded) {
  if (field == "period") return period_label(recorded, context.language);
  if (field == "status") return context.text("value_status_" + recorded);
  if (field == "origin") return context.text("origin_" + recorded);
  const auto id = parse_integer(recorded);
  if (!id) return std::nullopt;
  auto sql = context.services.database.session();
  if (field == "entered_by") {
    if (const auto user = auth::find_user(sql, *id)) return user->name;
  } else if (field == "area_id") {
    const auto names = area_names(sql, context.actor());
    if (const auto found = names.find(*id); found != names.end()) return found->second;
  }
  return std::nullopt;
}

// On the start page: the indicators whose figures for the last finished period are due and
// that this person may enter (a lead: those following up their initiatives).
std::string start_section(Context& context) {
  const auto role = context.role();
  if (!role || !auth::allows(*role, auth::Permission::edit_own)) return {};
  const auto today = today_iso_utc();
  auto waiting = view::list();
  for (const auto& record : plan_indicators(context.services.database, context.actor(), 0, today)) {
    if (!record.may_enter_values || !awaits_figures(record.indicator, record.values, today)) {
      continue;
    }
    view::Data item;
    item.set("id", std::to_string(record.indicator.id));
    item.set("name", record.indicator.name);
    item.set("period", period_label(period_due(record.indicator, today), context.language));
    waiting.push_back(item);
  }
  if (waiting.is_empty_list()) return {};
  view::Data data;
  data.set("indicators", waiting);
  return view::render(kTemplates("home_indicators"), data, context.catalog());
}

}  // namespace

void add_routes(web::App& app) {
  add_dashboard_routes(app);
  add_indicator_page_routes(app);
  add_indicator_form_routes(app);
  add_target_routes(app);
  add_value_routes(app);
  add_import_routes(app);
  add_agenda_source(app);

  auto& hooks = app.services().hooks;
  hooks.get<history::Subjects>().add(
      "indicator",
      [](Context& context, long long id) {
        const auto record =
            readable_indicator(context.services.database, context.actor(), id, today_iso_utc());
        return history::Subject{record.indicator.name, "/indicators/" + std::to_string(id)};
      },
      value_words);
  hooks.get<strategy::PlanLinks>().links.push_back({"/indicators", "indicators_title", false});
  hooks.get<strategy::InitiativeSections>().sections.emplace_back(initiative_section);
  hooks.get<home::StartSections>().sections.push_back({30, start_section});
}

}  // namespace samtryg::indicators
