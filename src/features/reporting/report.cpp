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
#include "features/indicators/charts.hpp"
#include "features/indicators/presentation.hpp"
#include "features/indicators/queries.hpp"
#include "features/strategy/model.hpp"

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

std::string when_text(std::string_view when, i18n::Language language) {
  const auto date = strategy::parse_flexible_date(when);
  if (!date) return std::string(when);
  switch (date->kind) {
    case strategy::FlexibleDate::Kind::day:
      return i18n::format_iso_date(when, language);
    case strategy::FlexibleDate::Kind::month:
      return i18n::format_month(date->year, date->month, language);
    default:
      return {};
  }
}

std::string text(const i18n::Catalog& catalog, std::string_view key) {
  return std::string(catalog.text(key));
}

Document frame(db::Database& database, const Actor& actor, const Round& round,
               const std::string& title) {
  const auto language = language_of(round);
  const auto& catalog = i18n::Catalog::get(language);
  const auto look = workspace_look(database, actor);
  Document document;
  document.title = title;
  document.subtitle = fmt::format("{} · {}", round.name, period_text(round, language));
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

// The indicators that follow up the form's initiative, with the figure for the round's period
// and the status, as the measurement section shows them.
Block indicator_table(const std::vector<indicators::IndicatorRecord>& linked, const Round& round,
                      const i18n::Catalog& catalog, i18n::Language language) {
  Block table;
  table.kind = Block::Kind::table;
  table.table.header = {
      text(catalog, "report_column_indicator"), text(catalog, "report_column_figure"),
      text(catalog, "report_column_target"), text(catalog, "report_column_status")};
  table.table.widths = {4.5, 2, 2, 1.5};
  for (const auto& record : linked) {
    auto line = indicator_line(record, round, catalog, language);
    table.table.rows.push_back({record.indicator.name, std::move(line.reported),
                                std::move(line.target), std::move(line.status)});
  }
  return table;
}

// The answers of one form, section by section (sections of an older template version that
// are no longer in the template come last, under their stored titles). `linked`: the plan's
// indicators that follow up the form's initiative, shown in sections that list indicators.
// One section of a form in the report: its title and guidance, the indicators it lists, then
// the answer's items, question answers and text.
struct SectionShape {
  std::string title;
  std::string guidance;
  SectionKind kind = SectionKind::text;
  const std::vector<Question>* questions = nullptr;
  bool with_indicators = false;
};

class SectionWriter {
 public:
  SectionWriter(std::vector<Block>& blocks, const Round& round,
                const std::vector<indicators::IndicatorRecord>& linked,
                const i18n::Catalog& catalog, i18n::Language language, int level)
      : blocks_(blocks),
        round_(round),
        linked_(linked),
        catalog_(catalog),
        language_(language),
        level_(level) {}

  void write(const SectionShape& shape, const Answer* answer) {
    blocks_.push_back(documents::heading(level_, shape.title));
    if (!shape.guidance.empty()) {
      auto guide = documents::paragraph(shape.guidance);
      guide.spans.front().italic = true;
      blocks_.push_back(std::move(guide));
    }
    if (shape.with_indicators && !linked_.empty()) {
      blocks_.push_back(indicator_table(linked_, round_, catalog_, language_));
    }
    if (answer == nullptr) {
      blocks_.push_back(documents::paragraph(text(catalog_, "report_no_answer")));
      return;
    }
    if (shape.kind == SectionKind::items || !answer->items.empty()) items(*answer);
    if (shape.kind == SectionKind::questions || !answer->answers.empty()) {
      question_answers(shape.questions, *answer);
    }
    if (!answer->text.empty()) documents::append_markdown(blocks_, answer->text, level_);
  }

 private:
  void items(const Answer& answer) {
    if (answer.items.empty()) {
      blocks_.push_back(documents::paragraph(text(catalog_, "report_no_items")));
      return;
    }
    Block table;
    table.kind = Block::Kind::table;
    table.table.header = {text(catalog_, "report_column_item"),
                          text(catalog_, "report_column_status"),
                          text(catalog_, "report_column_when")};
    table.table.widths = {6, 2, 2};
    for (const auto& item : answer.items) {
      auto description = item.text;
      if (!item.link.empty()) description += "\n" + item.link;
      table.table.rows.push_back({description, text(catalog_, "item_status_" + item.status),
                                  when_text(item.when, language_)});
    }
    blocks_.push_back(std::move(table));
  }

  void question_answers(const std::vector<Question>* questions, const Answer& answer) {
    if (questions == nullptr) return;
    Block table;
    table.kind = Block::Kind::table;
    table.table.header = {text(catalog_, "report_column_question"),
                          text(catalog_, "report_column_answer"),
                          text(catalog_, "report_column_comment")};
    table.table.widths = {5, 1.5, 3.5};
    for (const auto& question : *questions) {
      const auto found = answer.answers.find(question.key);
      const auto comment = answer.comments.find(question.key);
      const std::string value = found == answer.answers.end() || found->second.empty()
                                    ? text(catalog_, "report_unanswered")
                                    : text(catalog_, "answer_" + found->second);
      table.table.rows.push_back(
          {question.text, value, comment == answer.comments.end() ? "" : comment->second});
    }
    if (!table.table.rows.empty()) blocks_.push_back(std::move(table));
  }

  std::vector<Block>& blocks_;
  const Round& round_;
  const std::vector<indicators::IndicatorRecord>& linked_;
  const i18n::Catalog& catalog_;
  i18n::Language language_;
  int level_;
};

void form_sections(std::vector<Block>& blocks, const Round& round, const Form& form,
                   const std::vector<indicators::IndicatorRecord>& linked,
                   const i18n::Catalog& catalog, i18n::Language language, int level) {
  const auto& form_template = round.form_template;
  SectionWriter writer(blocks, round, linked, catalog, language, level);
  for (const auto& section : form_template.sections) {
    writer.write(
        {section.title, section.guidance, section.kind, &section.questions, section.indicators},
        form.content.answer(section.key));
  }
  for (const auto& answer : form.content.answers) {
    if (form_template.section(answer.section) != nullptr) continue;
    writer.write({answer.title.empty() ? answer.section : answer.title,
                  {},
                  answer.items.empty() ? SectionKind::text : SectionKind::items,
                  nullptr,
                  false},
                 &answer);
  }
}

// "8 gennemført, 4 planlagt eller løbende" and the first paragraph of the status text.
void initiative_summary(std::vector<Block>& blocks, const Template& form_template,
                        const FormRow& row, const i18n::Catalog& catalog) {
  blocks.push_back(documents::heading(2, row.initiative_name));
  if (!submitted(row.form)) {
    not_submitted_marker(blocks, row.form, catalog);
    return;
  }
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
    std::vector<Block> text_blocks;
    documents::append_markdown(text_blocks, last_text->text, 2);
    for (auto& block : text_blocks) {
      if (block.kind == Block::Kind::paragraph) {
        blocks.push_back(std::move(block));
        break;
      }
    }
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

// Per indicator with figures: its status explained, its time series, and, when areas have
// figures, the areas side by side and each area against its own target.
void indicator_charts(std::vector<Block>& blocks,
                      const std::vector<indicators::IndicatorRecord>& records,
                      const std::map<long long, std::string>& area_names, std::string_view today,
                      const i18n::Catalog& catalog) {
  for (const auto& record : records) {
    if (record.values.empty()) continue;
    const auto& indicator = record.indicator;
    blocks.push_back(documents::heading(3, indicator.name));
    blocks.push_back(documents::paragraph(
        indicators::status_explanation(indicator, record.assessment, record.targets, catalog)));
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

Document build_report(db::Database& database, const Actor& actor, const RoundRecord& record) {
  const auto& round = record.round;
  const auto language = language_of(round);
  const auto& catalog = i18n::Catalog::get(language);
  auto document = frame(database, actor, round, record.plan.name);
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
  blocks.push_back(documents::heading(1, text(catalog, "report_initiatives")));
  for (const auto& row : record.forms) {
    initiative_summary(blocks, round.form_template, row, catalog);
  }
  blocks.push_back(documents::heading(1, text(catalog, "report_annex")));
  for (const auto& row : record.forms) {
    blocks.push_back(documents::heading(2, row.initiative_name));
    if (!submitted(row.form)) not_submitted_marker(blocks, row.form, catalog);
    form_sections(
        blocks, round, row.form,
        indicators::following_up(plan_indicators, row.form.initiative_id, row.focus_area_id),
        catalog, language, 3);
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
  line.status = indicators::status_label(record.assessment.status, catalog);
  line.status_code = indicators::status_name(record.assessment.status);
  return line;
}

Document compile_report(db::Database& database, const Actor& actor, long long round_id) {
  return build_report(database, actor, readable_round(database, actor, round_id));
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
      catalog, language, 2);
  return document;
}

ReportFile render_report(db::Database& database, const Actor& actor, long long round_id,
                         std::string_view format) {
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
  return write(build_report(database, actor, record), format, file_base(record.round.name));
}

ReportFile render_form(db::Database& database, const Actor& actor, long long form_id,
                       std::string_view format) {
  if (format != "pdf" && format != "docx" && format != "html") throw validation::NotFound();
  const auto document = form_document(database, actor, form_id);
  return write(document, format, file_base(document.title));
}

}  // namespace samtryg::reporting
