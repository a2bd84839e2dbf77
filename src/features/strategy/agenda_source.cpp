// On a body's agenda: the initiatives whose status changed since its previous meeting (seed 001:
// the council discusses whether to start or adjust measures), one line each with the new status,
// its date and the reason given.
#include <algorithm>

#include "core/i18n/locale_format.hpp"
#include "features/meetings/agenda_sources.hpp"
#include "features/strategy/page_support.hpp"
#include "features/strategy/store.hpp"

namespace samtryg::strategy {

namespace {

std::vector<meetings::AgendaSuggestion> status_suggestion(web::Context& context, soci::session& sql,
                                                          const meetings::AgendaPeriod& period) {
  const auto actor = context.actor();
  if (!actor.read_all) return {};
  const auto changes =
      store::status_changes_between(sql, actor.workspace_id, period.since, period.until);
  if (changes.empty()) return {};
  // One line per initiative: where it stands now, from its latest change in the period (a first
  // meeting looks back over every change since the start).
  std::vector<const store::NamedStatusChange*> latest;
  for (const auto& entry : changes) {
    auto same = std::find_if(latest.begin(), latest.end(), [&](const auto* seen) {
      return seen->change.initiative_id == entry.change.initiative_id;
    });
    if (same == latest.end()) {
      latest.push_back(&entry);
    } else if ((*same)->change.changed_on <= entry.change.changed_on) {
      *same = &entry;
    }
  }
  std::vector<std::string> lines;
  lines.reserve(latest.size());
  for (const auto* entry : latest) {
    const auto& change = entry->change;
    const auto& name = entry->initiative_name;
    lines.push_back(context.catalog().format(
        change.reason.empty() ? "agenda_status_line" : "agenda_status_line_reason",
        {{"initiative", name},
         {"status", context.text("status_" + change.status)},
         {"date", i18n::format_iso_date(change.changed_on, context.language)},
         {"reason", change.reason}}));
  }
  return {{context.text("agenda_status_title"), meetings::agenda_lines(lines)}};
}

}  // namespace

void add_agenda_source(web::App& app) {
  app.services().hooks.get<meetings::AgendaSources>().sources.push_back({10, status_suggestion});
}

}  // namespace samtryg::strategy
