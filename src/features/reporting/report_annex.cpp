#include "features/reporting/report_annex.hpp"

#include "core/i18n/locale_format.hpp"
#include "features/reporting/report.hpp"
#include "features/strategy/model.hpp"

namespace samtryg::reporting {

namespace {

using documents::Block;

std::string text(const i18n::Catalog& catalog, std::string_view key) {
  return std::string(catalog.text(key));
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
    // A status only where a target gives one: "no data" says nothing of an indicator without.
    table.table.rows.push_back({record.indicator.name, std::move(line.reported),
                                std::move(line.target),
                                line.has_target ? std::move(line.status) : std::string()});
  }
  return table;
}

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
                const i18n::Catalog& catalog, i18n::Language language, int level, bool unanswered)
      : blocks_(blocks),
        round_(round),
        linked_(linked),
        catalog_(catalog),
        language_(language),
        level_(level),
        unanswered_(unanswered) {}

  void write(const SectionShape& shape, const Answer* answer) {
    const auto start = blocks_.size();
    blocks_.push_back(documents::heading(level_, shape.title));
    if (unanswered_ && !shape.guidance.empty()) {
      auto guide = documents::paragraph(shape.guidance);
      guide.spans.front().italic = true;
      blocks_.push_back(std::move(guide));
    }
    const auto before_answer = blocks_.size();
    if (shape.with_indicators && !linked_.empty()) {
      blocks_.push_back(indicator_table(linked_, round_, catalog_, language_));
    }
    if (answer == nullptr) {
      if (unanswered_) blocks_.push_back(documents::paragraph(text(catalog_, "report_no_answer")));
    } else {
      if (shape.kind == SectionKind::items || !answer->items.empty()) items(*answer);
      if (shape.kind == SectionKind::questions || !answer->answers.empty()) {
        question_answers(shape.questions, *answer);
      }
      if (!answer->text.empty()) documents::append_markdown(blocks_, answer->text, level_);
    }
    // A section with nothing to show leaves no heading behind in the council's report.
    if (blocks_.size() == before_answer && !unanswered_) {
      blocks_.resize(start);
    }
  }

 private:
  void items(const Answer& answer) {
    if (answer.items.empty()) {
      if (unanswered_) blocks_.push_back(documents::paragraph(text(catalog_, "report_no_items")));
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
                                  form::when_text(item.when, language_)});
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
      const bool answered = found != answer.answers.end() && !found->second.empty();
      const auto note = comment == answer.comments.end() ? std::string() : comment->second;
      if (!answered && note.empty() && !unanswered_) continue;
      const std::string value = answered ? text(catalog_, "answer_" + found->second)
                                         : text(catalog_, "report_unanswered");
      table.table.rows.push_back({question.text, value, note});
    }
    if (!table.table.rows.empty()) blocks_.push_back(std::move(table));
  }

  std::vector<Block>& blocks_;
  const Round& round_;
  const std::vector<indicators::IndicatorRecord>& linked_;
  const i18n::Catalog& catalog_;
  i18n::Language language_;
  int level_;
  bool unanswered_;
};

}  // namespace

void form_sections(std::vector<Block>& blocks, const Round& round, const Form& form,
                   const std::vector<indicators::IndicatorRecord>& linked,
                   const i18n::Catalog& catalog, i18n::Language language, int level,
                   bool unanswered) {
  const auto& form_template = round.form_template;
  SectionWriter writer(blocks, round, linked, catalog, language, level, unanswered);
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

}  // namespace samtryg::reporting
