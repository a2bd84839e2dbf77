#include "features/promises/report.hpp"

#include <cmath>

#include "core/demo/marks.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/time.hpp"
#include "features/promises/queries.hpp"
#include "features/promises/store.hpp"

namespace samtryg::promises {

namespace {

using documents::Block;

std::string text(const i18n::Catalog& catalog, std::string_view key) {
  return std::string(catalog.text(key));
}

std::string amount(double value, i18n::Language language) {
  return i18n::format_number(value, std::floor(value) == value ? 0 : 1, language);
}

Block commitments_table(const Promise& promise, const reporting::ReportScope& scope) {
  Block table;
  table.kind = Block::Kind::table;
  table.table.header = {text(scope.catalog, "promise_commitment"),
                        text(scope.catalog, "promise_promised"),
                        text(scope.catalog, "promise_achieved")};
  table.table.widths = {0.6, 0.2, 0.2};
  for (const auto& commitment : promise.commitments) {
    table.table.rows.push_back({commitment.label, amount(commitment.promised, scope.language),
                                commitment.achieved ? amount(*commitment.achieved, scope.language)
                                                    : text(scope.catalog, "promise_not_reported")});
  }
  return table;
}

// Where the promise stood at the end of the period: the latest follow-up recorded by then.
void standing(std::vector<Block>& blocks, const std::vector<FollowUp>& follow_ups,
              const reporting::ReportScope& scope) {
  std::vector<FollowUp> by_then;
  for (const auto& follow_up : follow_ups) {
    if (follow_up.recorded_on <= scope.period_end) by_then.push_back(follow_up);
  }
  const auto* last = latest(by_then);
  if (last == nullptr) {
    blocks.push_back(documents::paragraph(text(scope.catalog, "promise_no_follow_up")));
    return;
  }
  blocks.push_back(documents::paragraph(
      scope.catalog.format("promise_report_status",
                           {{"status", text(scope.catalog, "promise_status_" + last->status)},
                            {"period", last->period},
                            {"date", i18n::format_iso_date(last->recorded_on, scope.language)}})));
  if (!last->account.empty()) blocks.push_back(documents::paragraph(last->account));
}

void promise_section(std::vector<Block>& blocks, const Promise& promise,
                     const std::vector<FollowUp>& follow_ups, const demo::Fields& examples,
                     const reporting::ReportScope& scope) {
  blocks.push_back(documents::heading(2, promise.title));
  auto facts = scope.catalog.format(
      "promise_report_period",
      {{"period", i18n::format_iso_date(promise.period_start, scope.language) + " – " +
                      i18n::format_iso_date(promise.period_end, scope.language)}});
  blocks.push_back(documents::paragraph(std::move(facts)));
  if (!examples.empty()) {
    blocks.push_back(documents::note(demo::example_note(scope.catalog, "promise_", examples)));
  }
  if (!promise.problems.empty()) {
    Block problems;
    problems.kind = Block::Kind::bullets;
    for (const auto& problem : promise.problems) {
      documents::Span span;
      span.text = problem;
      problems.items.push_back({span});
    }
    blocks.push_back(documents::paragraph(text(scope.catalog, "promise_problems") + ":"));
    blocks.push_back(std::move(problems));
  }
  if (!promise.commitments.empty()) blocks.push_back(commitments_table(promise, scope));
  standing(blocks, follow_ups, scope);
}

}  // namespace

std::vector<documents::Block> report_chapter(db::Database& database,
                                             const reporting::ReportScope& scope) {
  auto sql = database.session();
  std::vector<PromiseSummary> meeting;
  for (auto& summary : promise_summaries(sql, scope.actor, today_iso_utc())) {
    const auto& promise = summary.promise;
    if (promise.period_start <= scope.period_end && promise.period_end >= scope.period_start) {
      meeting.push_back(std::move(summary));
    }
  }
  if (meeting.empty()) return {};
  const auto examples = demo::marks_of(sql, scope.actor.workspace_id, "promise");
  std::vector<Block> blocks;
  blocks.push_back(documents::heading(1, text(scope.catalog, "promise_report_heading")));
  blocks.push_back(documents::paragraph(text(scope.catalog, "promise_report_intro")));
  for (const auto& summary : meeting) {
    const auto found = examples.find(summary.promise.id);
    promise_section(blocks, summary.promise, store::follow_ups(sql, summary.promise.id),
                    found == examples.end() ? demo::Fields{} : found->second, scope);
  }
  return blocks;
}

}  // namespace samtryg::promises
