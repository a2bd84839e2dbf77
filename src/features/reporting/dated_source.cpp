// In calendars and on the year wheel: each reporting round's period (the stretch its forms
// report on) and its deadline for the forms.
#include "features/meetings/dated_sources.hpp"
#include "features/reporting/page_support.hpp"
#include "features/reporting/store.hpp"

namespace samtryg::reporting {

namespace {

std::vector<meetings::DatedEntry> round_entries(soci::session& sql, const auth::Actor& actor,
                                                const i18n::Catalog& catalog,
                                                std::string_view first_day,
                                                std::string_view last_day) {
  std::vector<meetings::DatedEntry> out;
  if (!actor.read_all) return out;
  for (const auto& round : store::all_rounds(sql, actor.workspace_id)) {
    const auto path = "/rounds/" + std::to_string(round.id);
    const auto id = std::to_string(round.id);
    if (round.period_start <= last_day && round.period_end >= first_day) {
      out.push_back({"round-" + id + "-period", "reporting_period",
                     catalog.format("dated_round_period", {{"round", round.name}}),
                     round.period_start, round.period_end, path, round.updated_at});
    }
    if (round.deadline >= first_day && round.deadline <= last_day) {
      out.push_back({"round-" + id + "-deadline", "deadline",
                     catalog.format("dated_round_deadline", {{"round", round.name}}),
                     round.deadline, round.deadline, path, round.updated_at});
    }
  }
  return out;
}

}  // namespace

void add_dated_source(web::App& app) {
  app.services().hooks.get<meetings::DatedSources>().sources.push_back({round_entries});
}

}  // namespace samtryg::reporting
