#pragma once
// The compiled report of a round, built once as a documents::Document and written as PDF,
// DOCX or HTML by the shared writers: title page (parties, logo, round, period, date),
// contents, the coordinators' chapters (the indicator chapter names every indicator, with a
// chart where it has figures), a summary per initiative (written for the round, or made from
// the form in whole sentences), and every form as annex. A form not yet submitted shows a clear
// "not submitted" marker. Also a single form alone, and the XLSX with one row per form item.
#include <string>
#include <string_view>

#include "core/db/database.hpp"
#include "core/documents/document.hpp"
#include "core/i18n/catalog.hpp"
#include "core/module/hooks.hpp"
#include "features/indicators/queries.hpp"
#include "features/reporting/commands.hpp"

namespace samtryg::reporting {

// One indicator as a form's measurement section shows it, on the page and in the annex alike:
// the headline target, the figure for the round's period, the status.
struct IndicatorLine {
  std::string target;
  std::string reported;
  std::string status;
  std::string status_code;
  bool has_target = false;  // without one, status says only "no data"
};
IndicatorLine indicator_line(const indicators::IndicatorRecord& record, const Round& round,
                             const i18n::Catalog& catalog, i18n::Language language);

inline constexpr std::string_view kReportFormats[] = {"pdf", "docx", "html", "xlsx"};

struct ReportFile {
  std::string bytes;
  std::string content_type;
  std::string file_name;
};

// What the coordinator asks of the compiled report besides the defaults.
struct ReportOptions {
  // The annex also shows what nobody answered and the form template's guidance to the person
  // filling in. Off: the report goes before the council as it is.
  bool unanswered = false;
  // The day on the title page (ISO); "" for today. A published report carries the day it was
  // published.
  std::string date{};
};

// `hooks`: the chapters other features add (reporting/hooks.hpp), as the server or the command
// line has them.
documents::Document compile_report(db::Database& database, const module::Hooks& hooks,
                                   const Actor& actor, long long round_id,
                                   const ReportOptions& options = {});
documents::Document form_document(db::Database& database, const Actor& actor, long long form_id);

// The round's report (or one form) in `format` (one of kReportFormats); throws
// validation::NotFound for an unknown format.
ReportFile render_report(db::Database& database, const module::Hooks& hooks, const Actor& actor,
                         long long round_id, std::string_view format,
                         const ReportOptions& options = {});
ReportFile render_form(db::Database& database, const Actor& actor, long long form_id,
                       std::string_view format);

}  // namespace samtryg::reporting
