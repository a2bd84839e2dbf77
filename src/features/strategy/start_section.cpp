// On the start page: what others changed lately in the initiatives the person leads or
// follows, and in their activities, each with a link to the record's history.
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

// One line for a run of the same kind of change by the same person to the same initiative.
struct Line {
  long long initiative_id = 0;
  const audit::Recorded* first = nullptr;  // the newest of the run
  int times = 0;
};

// The changes to the initiatives in `mine`, newest first, runs grouped, at most kShown lines.
std::vector<Line> grouped(const std::vector<audit::Recorded>& entries,
                          const std::map<long long, std::string>& mine) {
  std::vector<Line> lines;
  for (const auto& recorded : entries) {
    const auto initiative = recorded.entity == "initiative" ? parse_integer(recorded.entity_id)
                                                            : initiative_of_activity(recorded);
    if (!initiative || !mine.contains(*initiative)) continue;
    if (!lines.empty() && lines.back().initiative_id == *initiative &&
        lines.back().first->entity == recorded.entity &&
        lines.back().first->action == recorded.action &&
        lines.back().first->actor == recorded.actor) {
      ++lines.back().times;
      continue;
    }
    if (lines.size() == kShown) break;
    lines.push_back({*initiative, &recorded, 1});
  }
  return lines;
}

std::string changes_section(web::Context& context) {
  const auto actor = context.actor();
  if (!actor.user_id || !actor.read_all) return {};
  std::map<long long, std::string> mine;
  std::vector<audit::Recorded> entries;
  {
    auto sql = context.services.database.session();
    for (const auto& row : initiatives(sql, actor, {.mine_user_id = *actor.user_id})) {
      mine[row.initiative.id] = row.initiative.name;
    }
    if (mine.empty()) return {};
    const auto since = to_iso_utc(Clock::now() - std::chrono::days(kDaysBack));
    for (const auto* entity : {"initiative", "activity"}) {
      for (auto& recorded : audit::recent(sql, actor.workspace_id, entity, since, 200)) {
        // A person's changes other than this one's; loading the demo or an import is no news.
        if (!recorded.user_id || recorded.user_id == actor.user_id) continue;
        recorded.actor = audit::author_name(sql, recorded);
        entries.push_back(std::move(recorded));
      }
    }
  }
  std::sort(entries.begin(), entries.end(),
            [](const audit::Recorded& a, const audit::Recorded& b) { return a.at > b.at; });
  const auto lines = grouped(entries, mine);
  if (lines.empty()) return {};
  auto items = view::list();
  for (const auto& line : lines) {
    const auto& recorded = *line.first;
    view::Data item;
    item.set("initiative_id", std::to_string(line.initiative_id));
    item.set("initiative", mine.at(line.initiative_id));
    item.set("what", context.text("start_change_" + recorded.entity));
    item.set("action", context.text("audit_action_" + recorded.action));
    item.set("times", view::text(line.times > 1 ? context.catalog().format(
                                                      "start_change_times",
                                                      {{"count", std::to_string(line.times)}})
                                                : std::string()));
    item.set("actor", recorded.actor);
    item.set("at", i18n::format_iso_timestamp(recorded.at, context.language));
    item.set("history", "/history/" + recorded.entity + "/" + recorded.entity_id);
    items.push_back(item);
  }
  view::Data data;
  data.set("changes", items);
  return view::render(kTemplates("home_changes"), data, context.catalog());
}

}  // namespace

void add_start_section(web::App& app) {
  app.services().hooks.get<home::StartSections>().sections.push_back({40, changes_section});
}

}  // namespace samtryg::strategy
