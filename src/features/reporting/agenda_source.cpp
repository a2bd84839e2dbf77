// On a body's agenda: the reporting rounds with forms still to come, and those whose deadline
// passed since the previous meeting (seed 001: the SSP council reports quarterly with a status
// report). One proposal per round: its deadline, how many forms are missing, submitted, sent
// back and approved, and which initiatives are late.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/i18n/locale_format.hpp"
#include "features/meetings/agenda_sources.hpp"
#include "features/reporting/page_support.hpp"
#include "features/reporting/store.hpp"

namespace samtryg::reporting {

namespace {

struct Tally {
  int missing = 0;
  int submitted = 0;
  int returned = 0;
  int approved = 0;
  std::vector<std::string> late;  // initiatives whose form is not in after the deadline
};

Tally tally(const std::vector<FormRow>& forms, bool past_deadline) {
  Tally out;
  for (const auto& row : forms) {
    switch (row.form.status) {
      case FormStatus::draft:
        ++out.missing;
        break;
      case FormStatus::submitted:
        ++out.submitted;
        break;
      case FormStatus::returned:
        ++out.returned;
        break;
      case FormStatus::approved:
        ++out.approved;
        break;
    }
    const bool outstanding =
        row.form.status == FormStatus::draft || row.form.status == FormStatus::returned;
    if (past_deadline && outstanding) out.late.push_back(row.initiative_name);
  }
  return out;
}

std::vector<meetings::AgendaSuggestion> rounds_suggestion(web::Context& context, soci::session& sql,
                                                          const meetings::AgendaPeriod& period) {
  const auto actor = context.actor();
  if (!actor.read_all) return {};
  std::vector<meetings::AgendaSuggestion> out;
  for (const auto& round : store::all_rounds(sql, actor.workspace_id)) {
    if (round.period_start > period.until) continue;  // not begun by the meeting
    const auto forms = store::round_forms(sql, round.id);
    if (forms.empty()) continue;
    const bool past_deadline = round.deadline < period.until;
    const auto counted = tally(forms, past_deadline);
    const bool due_since = round.deadline > period.since && round.deadline <= period.until;
    if (counted.missing + counted.returned == 0 && !due_since) continue;
    auto text = context.catalog().format(
        "agenda_round_line", {{"deadline", i18n::format_iso_date(round.deadline, context.language)},
                              {"missing", std::to_string(counted.missing)},
                              {"submitted", std::to_string(counted.submitted)},
                              {"returned", std::to_string(counted.returned)},
                              {"approved", std::to_string(counted.approved)}});
    if (!counted.late.empty()) {
      text += '\n';
      text += context.catalog().format(
          "agenda_round_late", {{"initiatives", fmt::format("{}", fmt::join(counted.late, ", "))}});
    }
    out.push_back({context.catalog().format("agenda_round_title", {{"round", round.name}}), text});
  }
  return out;
}

}  // namespace

void add_agenda_source(web::App& app) {
  app.services().hooks.get<meetings::AgendaSources>().sources.push_back({20, rounds_suggestion});
}

}  // namespace samtryg::reporting
