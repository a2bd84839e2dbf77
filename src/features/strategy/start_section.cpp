// On the start page: what others changed lately in the initiatives the person leads, and in
// their activities, each with a link to the record's history.
#include <algorithm>
#include <chrono>
#include <map>

#include <boost/json/parse.hpp>

#include "core/audit/audit.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "features/home/sections.hpp"
#include "features/strategy/page_support.hpp"

namespace samtryg::strategy {

namespace {

constexpr int kDaysBack = 30;
constexpr std::size_t kShown = 8;

// The initiative an activity's audit entry belongs to, from the record after (or before) it.
std::optional<long long> initiative_of_activity(const audit::Recorded& recorded) {
  for (const auto* json : {&recorded.after_json, &recorded.before_json}) {
    if (json->empty()) continue;
    boost::system::error_code error;
    const auto parsed = boost::json::parse(*json, error);
    if (error || !parsed.is_object()) continue;
    const auto* id = parsed.as_object().if_contains("initiative_id");
    if (id != nullptr && id->is_int64()) return id->as_int64();
  }
  return std::nullopt;
}

std::string changes_section(web::Context& context) {
  const auto actor = context.actor();
  if (!actor.user_id || !actor.edit_own) return {};
  std::map<long long, std::string> led;
  std::vector<audit::Recorded> entries;
  {
    auto sql = context.services.database.session();
    for (const auto& row : initiatives(sql, actor, {.lead_user_id = *actor.user_id})) {
      led[row.initiative.id] = row.initiative.name;
    }
    if (led.empty()) return {};
    const auto since = to_iso_utc(Clock::now() - std::chrono::days(kDaysBack));
    for (const auto* entity : {"initiative", "activity"}) {
      for (auto& recorded : audit::recent(sql, actor.workspace_id, entity, since, 200)) {
        if (recorded.user_id != actor.user_id) entries.push_back(std::move(recorded));
      }
    }
  }
  std::sort(entries.begin(), entries.end(),
            [](const audit::Recorded& a, const audit::Recorded& b) { return a.at > b.at; });
  auto items = view::list();
  std::size_t shown = 0;
  for (const auto& recorded : entries) {
    const auto initiative = recorded.entity == "initiative" ? parse_integer(recorded.entity_id)
                                                            : initiative_of_activity(recorded);
    const auto found = initiative ? led.find(*initiative) : led.end();
    if (found == led.end()) continue;
    view::Data item;
    item.set("initiative_id", std::to_string(found->first));
    item.set("initiative", found->second);
    item.set("what", context.text("start_change_" + recorded.entity));
    item.set("action", context.text("audit_action_" + recorded.action));
    item.set("actor", recorded.actor);
    item.set("at", i18n::format_iso_timestamp(recorded.at, context.language));
    item.set("history", "/history/" + recorded.entity + "/" + recorded.entity_id);
    items.push_back(item);
    if (++shown == kShown) break;
  }
  if (shown == 0) return {};
  view::Data data;
  data.set("changes", items);
  return view::render(kTemplates("home_changes"), data, context.catalog());
}

}  // namespace

void add_start_section(web::App& app) {
  app.services().hooks.get<home::StartSections>().sections.push_back({40, changes_section});
}

}  // namespace samtryg::strategy
