#include "features/reporting/page_support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "core/demo/marks.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::reporting {

std::string date_text(const Context& context, std::string_view iso) {
  return iso.size() >= 10 ? i18n::format_iso_date(iso.substr(0, 10), context.language)
                          : std::string(iso);
}

std::string period_of(const Context& context, const Round& round) {
  return fmt::format("{} – {}", date_text(context, round.period_start),
                     date_text(context, round.period_end));
}

std::string status_text(const Context& context, FormStatus status) {
  return context.text("form_status_" + std::string(code(status)));
}

std::string round_example_note(const Context& context, const Round& round) {
  auto sql = context.services.database.session();
  return demo::example_note(context.catalog(), "round_",
                            demo::marks_of(sql, round.workspace_id, "round", round.id));
}

std::string notice_text(const Context& context) {
  return web::notice_text(
      context,
      {"notice_form_saved", "notice_form_submitted", "notice_form_returned", "notice_form_approved",
       "notice_form_reopened", "notice_round_created", "notice_saved", "notice_reminders_sent",
       "notice_summary_saved", "notice_report_published", "notice_report_publish_plan",
       "notice_report_withdrawn"});
}

long long row_version_of(Context& context) {
  return parse_integer(context.form().value("row_version")).value_or(0);
}

http::Response download(ReportFile file) {
  return web::attachment(std::move(file.bytes), file.content_type, file.file_name);
}

namespace {

// The initiative's register activities of a kind, for the items to pick from.
auto register_activities(Context& context, long long initiative_id) {
  return [&context, initiative_id](const std::string& kind) {
    auto sql = context.services.database.session();
    return strategy::activities(
        sql, context.actor(),
        strategy::ActivityFilter{.initiative_id = initiative_id, .kind = kind});
  };
}

// The plan's indicators that follow up the form's initiative, for its measurement section.
std::vector<indicators::IndicatorRecord> measured_indicators(Context& context,
                                                             const FormRecord& record) {
  return indicators::following_up(
      indicators::plan_indicators(context.services.database, context.actor(), record.round.plan_id,
                                  today_iso_utc()),
      record.row.form.initiative_id, record.row.focus_area_id);
}

bool has_measurement_section(const Template& form_template) {
  return std::any_of(form_template.sections.begin(), form_template.sections.end(),
                     [](const Section& section) { return section.indicators; });
}

}  // namespace

view::Data form_sections(Context& context, const FormRecord& record, const Content& content,
                         const std::map<long long, form::TypedFigure>& figures,
                         const validation::Errors& errors, bool editable) {
  // Read once, and only when the template has a section that shows them.
  std::optional<std::vector<indicators::IndicatorRecord>> measured;
  const form::Shown shown{.round = record.round,
                          .content = content,
                          .figures = figures,
                          .errors = errors,
                          .editable = editable,
                          .activities = register_activities(context, record.row.form.initiative_id),
                          .measured = [&]() -> const std::vector<indicators::IndicatorRecord>& {
                            if (!measured) measured = measured_indicators(context, record);
                            return *measured;
                          }};
  return form::sections_data(context, shown);
}

form::Input read_posted(Context& context, const http::Form& posted, const FormRecord& record) {
  std::vector<long long> measured;
  if (has_measurement_section(record.round.form_template)) {
    for (const auto& linked : measured_indicators(context, record)) {
      measured.push_back(linked.indicator.id);
    }
  }
  return form::read(posted,
                    {.form_template = record.round.form_template,
                     .stored = record.row.form.content,
                     .activities = register_activities(context, record.row.form.initiative_id),
                     .measured = std::move(measured)});
}

}  // namespace samtryg::reporting
