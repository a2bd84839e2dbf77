#include "features/reporting/report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/demo/marks.hpp"
#include "core/documents/docx.hpp"
#include "core/documents/html.hpp"
#include "core/documents/pdf.hpp"
#include "core/documents/xlsx.hpp"
#include "core/i18n/catalog.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/time.hpp"
#include "features/indicators/charts.hpp"
#include "features/indicators/presentation.hpp"
#include "features/indicators/queries.hpp"
#include "features/reporting/hooks.hpp"
#include "features/reporting/report_annex.hpp"
#include "features/reporting/summary.hpp"
#include "features/strategy/model.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::reporting {

namespace {

using documents::Block;
using documents::Document;

// The report speaks the language of its form template (the one the partnership reports in).
i18n::Language language_of(const Round& round) {
  return i18n::parse_language(round.form_template.language).value_or(i18n::Language::da);
}

std::string period_text(const Round& round, i18n::Language language) {
  return fmt::format("{} – {}", i18n::format_iso_date(round.period_start, language),
                     i18n::format_iso_date(round.period_end, language));
}

std::string text(const i18n::Catalog& catalog, std::string_view key) {
  return std::string(catalog.text(key));
}

// The partners behind the report for its title page: the municipality and the police of the
// workspace's parties ("Aalborg Kommune og Nordjyllands Politi"); other partners are named in
// the chapters, not on the cover.
std::string parties_text(db::Database& database, const Actor& actor, const i18n::Catalog& catalog) {
  std::vector<std::string> names;
  {
    auto sql = database.session();
    for (const auto* kind : {"municipality", "police"}) {
      for (const auto& party : strategy::parties(sql, actor)) {
        if (party.kind == kind) names.push_back(party.name);
      }
    }
  }
  if (names.size() < 2) return names.empty() ? std::string() : names.front();
  std::string first;
  for (std::size_t index = 0; index + 1 < names.size(); ++index) {
    first += (index == 0 ? "" : ", ") + names[index];
  }
  return catalog.format("report_parties", {{"first", first}, {"second", names.back()}});
}

Document frame(db::Database& database, const Actor& actor, const Round& round,
               const std::string& title, const std::string& date = {}) {
  const auto language = language_of(round);
  const auto& catalog = i18n::Catalog::get(language);
  const auto look = workspace_look(database, actor);
  Document document;
  document.title = title;
  document.subtitle = round.name;
  document.parties = parties_text(database, actor, catalog);
  document.title_facts = {
      catalog.format("report_fact_period", {{"period", period_text(round, language)}}),
      catalog.format(
          "report_fact_date",
          {{"date", i18n::format_iso_date(date.empty() ? today_iso_utc() : date, language)}})};
  document.running_header = fmt::format("{} · {}", look.name, period_text(round, language));
  document.language = round.form_template.language.empty() ? "da" : round.form_template.language;
  document.logo_svg = look.logo_svg;
  document.contents_title = text(catalog, "report_contents");
  document.page_label = text(catalog, "report_page");
  return document;
}

bool submitted(const Form& form) {
  return form.status == FormStatus::submitted || form.status == FormStatus::approved;
}

void not_submitted_marker(std::vector<Block>& blocks, const Form& form,
                          const i18n::Catalog& catalog) {
  blocks.push_back(documents::note(catalog.format(
      "report_not_submitted",
      {{"status", text(catalog, "form_status_" + std::string(code(form.status)))}})));
}

// What a summary made from the form says of its status text: its first paragraphs, cut after
// the last whole sentence that fits (a summary, not the text again; the annex has it all).
constexpr std::size_t kGeneratedSummaryBytes = 600;

std::string status_text_opening(const Answer& answer) {
  std::vector<Block> text_blocks;
  documents::append_markdown(text_blocks, answer.text, 2);
  std::string joined;
  for (const auto& block : text_blocks) {
    if (block.kind != Block::Kind::paragraph) break;
    auto paragraph = documents::plain_text(block.spans);
    while (!paragraph.empty() && (paragraph.back() == ' ' || paragraph.back() == '\n')) {
      paragraph.pop_back();
    }
    if (paragraph.empty()) continue;
    if (paragraph.back() == ':') {
      // It introduces a list: the sentence that does is left open, so whole_sentences ends
      // before it, and the list itself is the annex's to show.
      paragraph.pop_back();
      joined += (joined.empty() ? "" : " ") + paragraph;
      break;
    }
    // A paragraph that stops without a full stop (a line the form's author left open) is
    // closed, so the next does not run on into it.
    if (paragraph.back() != '.' && paragraph.back() != '!' && paragraph.back() != '?') {
      paragraph += '.';
    }
    joined += (joined.empty() ? "" : " ") + paragraph;
    if (joined.size() > kGeneratedSummaryBytes) break;
  }
  return whole_sentences(joined, kGeneratedSummaryBytes);
}

// The summary the coordinators or the lead wrote, as written; else "8 punkter gennemført, 4
// planlagt eller løbende" and the opening whole sentences of the status text.
void initiative_summary(std::vector<Block>& blocks, const Template& form_template,
                        const FormRow& row, const i18n::Catalog& catalog) {
  blocks.push_back(documents::heading(2, row.initiative_name));
  if (!submitted(row.form)) not_submitted_marker(blocks, row.form, catalog);
  if (!row.form.summary.empty()) {
    documents::append_markdown(blocks, row.form.summary, 2);
    return;
  }
  if (!submitted(row.form)) return;
  int done = 0;
  int open = 0;
  const Answer* last_text = nullptr;
  for (const auto& section : form_template.sections) {
    const auto* answer = row.form.content.answer(section.key);
    if (answer == nullptr) continue;
    for (const auto& item : answer->items) {
      if (item.status == "done") ++done;
      if (item.open()) ++open;
    }
    if (section.kind == SectionKind::text && !answer->text.empty()) last_text = answer;
  }
  blocks.push_back(documents::paragraph(catalog.format(
      "report_summary", {{"done", std::to_string(done)}, {"open", std::to_string(open)}})));
  if (last_text != nullptr) {
    const auto opening = status_text_opening(*last_text);
    if (!opening.empty()) blocks.push_back(documents::paragraph(opening));
  }
}

// Each area's latest figure with its own target and status, when areas have figures.
void area_table(std::vector<Block>& blocks, const indicators::IndicatorRecord& record,
                const std::map<long long, std::string>& area_names, std::string_view today,
                const i18n::Catalog& catalog) {
  const auto standings = indicators::area_standings(record.indicator, record.targets, record.values,
                                                    area_names, today, catalog);
  if (standings.empty()) return;
  // Target and status only when some area has a target of its own.
  const bool targets = std::any_of(standings.begin(), standings.end(),
                                   [](const auto& standing) { return !standing.target.empty(); });
  Block table;
  table.kind = Block::Kind::table;
  table.table.header = {text(catalog, "report_column_area"), text(catalog, "report_column_latest")};
  table.table.widths = {0.5, 0.5};
  if (targets) {
    table.table.header.push_back(text(catalog, "report_column_target"));
    table.table.header.push_back(text(catalog, "report_column_status"));
    table.table.widths = {0.34, 0.26, 0.2, 0.2};
  }
  const auto example = text(catalog, "indicator_example_data");
  for (const auto& standing : standings) {
    auto latest = standing.latest;
    // "75,3 (2017)" → "75,3 (2017, eksempeldata)"
    if (standing.example && latest.ends_with(')')) {
      latest.insert(latest.size() - 1, ", " + example);
    }
    std::vector<std::string> row{standing.area, latest};
    if (targets) {
      row.push_back(standing.target);
      row.push_back(standing.status);
    }
    table.table.rows.push_back(std::move(row));
  }
  blocks.push_back(std::move(table));
}

void chart_block(std::vector<Block>& blocks, std::string svg, const std::string& alt) {
  Block chart;
  chart.kind = Block::Kind::image;
  chart.svg = std::move(svg);
  chart.width_share = 0.85;
  chart.alt = alt;
  blocks.push_back(std::move(chart));
}

bool has_target(const indicators::IndicatorRecord& record) {
  return std::any_of(record.targets.begin(), record.targets.end(),
                     [&](const auto& target) { return target.id == record.assessment.target_id; });
}

// Every indicator of the plan by name: its status explained where a target gives it one (an
// indicator without a target gets no "no data" status, only the plain fact), its time series,
// and, when areas have figures, the areas side by side and each against its own target.
void indicator_charts(std::vector<Block>& blocks,
                      const std::vector<indicators::IndicatorRecord>& records,
                      const std::map<long long, std::string>& area_names, std::string_view today,
                      const i18n::Catalog& catalog) {
  for (const auto& record : records) {
    const auto& indicator = record.indicator;
    blocks.push_back(documents::heading(3, indicator.name));
    if (has_target(record)) {
      blocks.push_back(documents::paragraph(
          indicators::status_explanation(indicator, record.assessment, record.targets, catalog)));
    } else {
      blocks.push_back(documents::paragraph(text(catalog, record.values.empty()
                                                              ? "report_indicator_no_values"
                                                              : "report_indicator_no_target")));
    }
    if (record.values.empty()) continue;
    auto series = indicators::time_series_of(indicator, record.targets, record.values,
                                             record.assessment.target_id, catalog);
    series.size = {640, 300};
    chart_block(blocks, indicators::charts::time_series(series), series.title);
    if (const auto bars =
            indicators::area_bar_chart(indicator, record.values, area_names, catalog)) {
      blocks.push_back(documents::paragraph(bars->title));  // the chart's year, in words
      chart_block(blocks, indicators::charts::bar_chart(*bars), bars->title);
    }
    area_table(blocks, record, area_names, today, catalog);
  }
}

// Said once, at the start, when the round's deadline or its forms' workflow is example data.
void example_marker(std::vector<Block>& blocks, db::Database& database, const Round& round,
                    const i18n::Catalog& catalog) {
  auto sql = database.session();
  const auto note = demo::example_note(catalog, "round_",
                                       demo::marks_of(sql, round.workspace_id, "round", round.id));
  if (note.empty()) return;
  Block block;
  block.kind = Block::Kind::note;
  block.spans = {{note, false, true, {}}};
  blocks.push_back(std::move(block));
}

ReportFile write(const Document& document, std::string_view format, const std::string& base) {
  if (format == "pdf") return {documents::to_pdf(document), "application/pdf", base + ".pdf"};
  if (format == "docx") {
    return {documents::to_docx(document),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            base + ".docx"};
  }
  if (format == "html") {
    return {documents::to_html(document), "text/html; charset=utf-8", base + ".html"};
  }
  throw validation::NotFound();
}

std::string file_base(std::string_view name) {
  std::string base;
  for (const char c : name) {
    // Letters beyond ASCII (å ä ö æ ø) stay: the download carries them in filename*.
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       (static_cast<unsigned char>(c) >= 0x80);
    if (plain) {
      base += c;
    } else if (!base.empty() && base.back() != '-') {
      base += '-';
    }
  }
  while (!base.empty() && base.back() == '-') base.pop_back();
  return base.empty() ? std::string("report") : base;
}

std::string forms_xlsx(const RoundRecord& record, const i18n::Catalog& catalog) {
  documents::XlsxSheet sheet;
  sheet.name = text(catalog, "report_sheet");
  sheet.header = {text(catalog, "report_column_initiative"), text(catalog, "report_column_section"),
                  text(catalog, "report_column_item"),       text(catalog, "report_column_status"),
                  text(catalog, "report_column_date"),       text(catalog, "report_column_link"),
                  text(catalog, "report_column_form_status")};
  const auto& form_template = record.round.form_template;
  for (const auto& row : record.forms) {
    for (const auto& answer : row.form.content.answers) {
      const auto* section = form_template.section(answer.section);
      const auto title = section != nullptr ? section->title : answer.title;
      for (const auto& item : answer.items) {
        sheet.rows.push_back(
            {{row.initiative_name, {}},
             {title, {}},
             {item.text, {}},
             {text(catalog, "item_status_" + item.status), {}},
             {item.when, {}},
             {item.link, {}},
             {text(catalog, "form_status_" + std::string(code(row.form.status))), {}}});
      }
    }
  }
  sheet.column_widths = {32, 20, 60, 14, 12, 40, 14};
  return documents::to_xlsx(sheet);
}

Document build_report(db::Database& database, const module::Hooks& hooks, const Actor& actor,
                      const RoundRecord& record, const ReportOptions& options) {
  const auto& round = record.round;
  const auto language = language_of(round);
  const auto& catalog = i18n::Catalog::get(language);
  auto document = frame(database, actor, round, record.plan.name, options.date);
  const auto plan_indicators =
      indicators::plan_indicators(database, actor, round.plan_id, round.period_end);
  auto& blocks = document.blocks;
  example_marker(blocks, database, round, catalog);
  for (const auto& chapter : record.chapters) {
    blocks.push_back(documents::heading(1, chapter.title));
    documents::append_markdown(blocks, chapter.body, 1);
    if (chapter.key == "indicator") {
      auto sql = database.session();
      indicator_charts(blocks, plan_indicators, indicators::area_names(sql, actor),
                       round.period_end, catalog);
    }
  }
  const ReportScope scope{actor, round.period_start, round.period_end, catalog, language};
  for (const auto& chapter : hooks.find<ReportChapters>().chapters) {
    for (auto& block : chapter(database, scope)) blocks.push_back(std::move(block));
  }
  blocks.push_back(documents::heading(1, text(catalog, "report_initiatives")));
  for (const auto& row : record.forms) {
    initiative_summary(blocks, round.form_template, row, catalog);
  }
  // The annex starts a page of its own: the report proper ends where the forms begin.
  Block page_break;
  page_break.kind = Block::Kind::page_break;
  blocks.push_back(std::move(page_break));
  blocks.push_back(documents::heading(1, text(catalog, "report_annex")));
  for (const auto& row : record.forms) {
    blocks.push_back(documents::heading(2, row.initiative_name));
    if (!submitted(row.form)) not_submitted_marker(blocks, row.form, catalog);
    form_sections(
        blocks, round, row.form,
        indicators::following_up(plan_indicators, row.form.initiative_id, row.focus_area_id),
        catalog, language, 3, options.unanswered);
  }
  return document;
}

}  // namespace

IndicatorLine indicator_line(const indicators::IndicatorRecord& record, const Round& round,
                             const i18n::Catalog& catalog, i18n::Language language) {
  const auto& indicator = record.indicator;
  IndicatorLine line;
  line.target = text(catalog, "form_indicator_no_target");
  for (const auto& target : record.targets) {
    if (target.id == record.assessment.target_id) {
      line.target = indicators::target_text(indicator, target, catalog);
    }
  }
  const auto* reported =
      indicators::latest_value_within(record.values, round.period_start, round.period_end);
  const auto figure = reported != nullptr ? indicators::effective_value(indicator, *reported)
                                          : std::optional<double>();
  line.reported =
      figure ? fmt::format("{} ({})", indicators::format_figure(indicator, *figure, language),
                           indicators::period_label(reported->period, language))
             : text(catalog, "form_indicator_no_value");
  if (figure && reported->example) line.reported += ", " + text(catalog, "indicator_example_data");
  line.has_target = has_target(record);
  line.status = indicators::status_label(record.assessment.status, catalog);
  line.status_code = indicators::status_name(record.assessment.status);
  return line;
}

Document compile_report(db::Database& database, const module::Hooks& hooks, const Actor& actor,
                        long long round_id, const ReportOptions& options) {
  return build_report(database, hooks, actor, readable_round(database, actor, round_id), options);
}

Document form_document(db::Database& database, const Actor& actor, long long form_id) {
  const auto record = readable_form(database, actor, form_id);
  const auto language = language_of(record.round);
  const auto& catalog = i18n::Catalog::get(language);
  auto document = frame(database, actor, record.round, record.row.initiative_name);
  document.contents_title.clear();
  auto& blocks = document.blocks;
  example_marker(blocks, database, record.round, catalog);
  blocks.push_back(documents::paragraph(catalog.format(
      "report_form_status",
      {{"status", text(catalog, "form_status_" + std::string(code(record.row.form.status)))}})));
  if (!submitted(record.row.form)) not_submitted_marker(blocks, record.row.form, catalog);
  form_sections(
      blocks, record.round, record.row.form,
      indicators::following_up(indicators::plan_indicators(database, actor, record.round.plan_id,
                                                           record.round.period_end),
                               record.row.form.initiative_id, record.row.focus_area_id),
      catalog, language, 2, true);
  return document;
}

ReportFile render_report(db::Database& database, const module::Hooks& hooks, const Actor& actor,
                         long long round_id, std::string_view format,
                         const ReportOptions& options) {
  if (std::find(std::begin(kReportFormats), std::end(kReportFormats), format) ==
      std::end(kReportFormats)) {
    throw validation::NotFound();
  }
  const auto record = readable_round(database, actor, round_id);
  if (format == "xlsx") {
    const auto& catalog = i18n::Catalog::get(language_of(record.round));
    return {forms_xlsx(record, catalog),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            file_base(record.round.name) + ".xlsx"};
  }
  return write(build_report(database, hooks, actor, record, options), format,
               file_base(record.round.name));
}

ReportFile render_form(db::Database& database, const Actor& actor, long long form_id,
                       std::string_view format) {
  if (format != "pdf" && format != "docx" && format != "html") throw validation::NotFound();
  const auto document = form_document(database, actor, form_id);
  return write(document, format, file_base(document.title));
}

}  // namespace samtryg::reporting
