#include "features/reporting/form.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "core/documents/document.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/links.hpp"
#include "core/util/strings.hpp"
#include "core/web/fields.hpp"
#include "features/indicators/presentation.hpp"
#include "features/reporting/report.hpp"
#include "features/strategy/model.hpp"

namespace samtryg::reporting::form {

// ---- what a person posts --------------------------------------------------------------------

namespace {

std::string trimmed(const http::Form& posted, const std::string& name) {
  return std::string(trim(posted.value(name)));
}

std::string item_status_of(const strategy::Activity& activity) {
  for (const auto status : kItemStatuses) {
    if (activity.status == status) return activity.status;
  }
  return "planned";
}

// An item made from a register activity the person picked.
Item item_of(const strategy::Activity& activity) {
  Item item;
  item.text = activity.title;
  item.status = item_status_of(activity);
  item.when = activity.status == "done" ? activity.done_when : activity.planned_when;
  if (item.when == "ongoing") item.when.clear();
  const auto links = split(activity.links, '\n');
  if (!links.empty()) item.link = std::string(trim(links.front()));
  item.activity_id = activity.id;
  return item;
}

void read_items(const http::Form& posted, const Section& section, const Known& known,
                Answer& answer) {
  for (std::size_t index = 0;; ++index) {
    const auto field = [&](std::string_view part) { return item_field(section.key, index, part); };
    if (!posted.get(field("text"))) break;
    Item item;
    item.text = trimmed(posted, field("text"));
    item.status = posted.value(field("status"), "planned");
    item.when = strategy::flexible_date_code(posted.value(field("when")));
    item.link = trimmed(posted, field("link"));
    item.activity_id = parse_id(posted.value(field("activity")));
    const bool blank = item.text.empty() && item.when.empty() && item.link.empty();
    if (blank || !posted.value(field("remove")).empty()) continue;
    answer.items.push_back(std::move(item));
  }
  const auto picked = parse_id(posted.value(pick_field(section.key)));
  if (!picked || !known.activities) return;
  for (const auto& activity : known.activities(section.activity_kind)) {
    if (activity.id == *picked) answer.items.push_back(item_of(activity));
  }
}

void read_questions(const http::Form& posted, const Section& section, Answer& answer) {
  for (const auto& question : section.questions) {
    const auto value = posted.value(question_field(section.key, question.key));
    if (!value.empty()) answer.answers[question.key] = value;
    const auto comment = trimmed(posted, comment_field(section.key, question.key));
    if (!comment.empty()) answer.comments[question.key] = comment;
  }
}

Answer read_answer(const http::Form& posted, const Section& section, const Known& known) {
  Answer answer;
  answer.section = section.key;
  answer.title = section.title;
  switch (section.kind) {
    case SectionKind::items:
      read_items(posted, section, known, answer);
      break;
    case SectionKind::text:
      answer.text = posted.value(section_field(section.key, "text"));
      // Browsers send CRLF; the limit counts what the person typed.
      std::erase(answer.text, '\r');
      break;
    case SectionKind::questions:
      read_questions(posted, section, answer);
      break;
  }
  return answer;
}

}  // namespace

Input read(const http::Form& posted, const Known& known) {
  Input input;
  for (const auto& section : known.form_template.sections) {
    auto answer = read_answer(posted, section, known);
    const bool empty = answer.items.empty() && answer.text.empty() && answer.answers.empty() &&
                       answer.comments.empty();
    if (!empty) input.content.answers.push_back(std::move(answer));
  }
  // Answers to sections an older template had are kept as they were.
  for (const auto& answer : known.stored.answers) {
    if (known.form_template.section(answer.section) == nullptr) {
      input.content.answers.push_back(answer);
    }
  }
  for (const auto indicator_id : known.measured) {
    const auto field = [&](std::string_view part) { return figure_field(indicator_id, part); };
    if (!posted.get(field("period"))) continue;
    input.figures[indicator_id] = {
        trimmed(posted, field("period")), trimmed(posted, field("value")),
        trimmed(posted, field("numerator")), trimmed(posted, field("denominator")),
        trimmed(posted, field("note"))};
  }
  return input;
}

// ---- what the page shows --------------------------------------------------------------------

std::string field_error(const web::Context& context, const validation::Errors& errors,
                        const std::string& field) {
  const auto* error = errors.for_field(field);
  return error == nullptr ? std::string() : web::error_message(*error, context.catalog());
}

namespace {

view::Data item_data(const web::Context& context, const Section& section, std::size_t index,
                     const Item& item, const validation::Errors& errors) {
  view::Data data;
  data.set("prefix", section_field(section.key, std::to_string(index)));
  data.set("number", std::to_string(index + 1));
  data.set("text", item.text);
  data.set("when", item.when == "ongoing" ? std::string(context.text("when_ongoing")) : item.when);
  data.set("link", item.link);
  data.set("shown_link", view::text(item.link));
  data.set("link_href", view::text(safe_link(item.link)));
  data.set("activity", item.activity_id ? std::to_string(*item.activity_id) : std::string());
  data.set("statuses",
           web::option_list(web::coded_options(kItemStatuses, "item_status_", context.catalog()),
                            item.status));
  for (const auto* part : {"text", "status", "when", "link"}) {
    data.set(std::string("error_") + part,
             view::text(field_error(context, errors, item_field(section.key, index, part))));
  }
  data.set("status_label", context.text("item_status_" + item.status));
  data.set("when_label", when_text(item.when, context.language));
  return data;
}

view::Data figure_data(const web::Context& context, const Shown& shown,
                       const indicators::IndicatorRecord& linked) {
  const auto& indicator = linked.indicator;
  view::Data data;
  data.set("id", std::to_string(indicator.id));
  data.set("name", indicator.name);
  const auto line = indicator_line(linked, shown.round, context.catalog(), context.language);
  data.set("target", line.target);
  data.set("status", line.status);
  data.set("status_code", line.status_code);
  data.set("reported", line.reported);
  data.set("prefix", figure_field(indicator.id, ""));
  const auto found = shown.figures.find(indicator.id);
  auto typed = found == shown.figures.end() ? TypedFigure{} : found->second;
  if (found == shown.figures.end()) {
    typed.period =
        indicators::suggested_period(indicator, shown.round.period_start, shown.round.period_end);
  }
  data.set("period", typed.period);
  data.set("value", typed.value);
  data.set("numerator", typed.numerator);
  data.set("denominator", typed.denominator);
  data.set("note", typed.note);
  data.set("is_ratio", view::flag(indicator.unit == "ratio"));
  data.set("is_yes_no", view::flag(indicator.unit == "yes_no"));
  data.set("is_figure", view::flag(indicator.unit != "ratio" && indicator.unit != "yes_no"));
  data.set("is_event", view::flag(indicator.frequency == "event"));
  data.set("yes", view::flag(typed.value == "1"));
  data.set("no", view::flag(typed.value == "0"));
  data.set("period_hint", context.catalog().format(
                              "indicator_period_hint",
                              {{"frequency", context.text("frequency_" + indicator.frequency)}}));
  for (const auto* part : {"period", "value", "numerator", "denominator", "note"}) {
    data.set(std::string("error_") + part,
             view::text(field_error(context, shown.errors, figure_field(indicator.id, part))));
  }
  return data;
}

// An item section: its answer's items, then blank rows and the activities to pick from.
void add_items(view::Data& data, const web::Context& context, const Shown& shown,
               const Section& section, const Answer* answer) {
  auto items = view::list();
  std::size_t index = 0;
  if (answer != nullptr) {
    for (const auto& item : answer->items) {
      items.push_back(item_data(context, section, index++, item, shown.errors));
    }
  }
  data.set("has_items", view::flag(index > 0));
  if (shown.editable && section.kind == SectionKind::items) {
    constexpr int kBlankItemRows = 3;
    for (int blank = 0; blank < kBlankItemRows; ++blank) {
      items.push_back(item_data(context, section, index++, Item{}, shown.errors));
    }
    auto picks = view::list();
    if (!section.activity_kind.empty() && shown.activities) {
      for (const auto& activity : shown.activities(section.activity_kind)) {
        view::Data option;
        option.set("id", std::to_string(activity.id));
        option.set("title", activity.title);
        picks.push_back(option);
      }
    }
    data.set("has_picks", view::flag(!picks.is_empty_list()));
    data.set("picks", picks);
  }
  data.set("items", items);
}

void add_text(view::Data& data, const web::Context& context, const Shown& shown,
              const Section& section, const Answer* answer) {
  const auto text = answer != nullptr ? answer->text : std::string();
  const auto length = validation::utf8_length(text);
  const auto max = std::to_string(section.limit);
  data.set("text", text);
  data.set("text_html", documents::markdown_html(text));
  data.set("has_text", view::flag(!text.empty()));
  data.set("limit", max);
  data.set("limit_hint", context.catalog().format("form_limit_hint", {{"max", max}}));
  const auto left = static_cast<long long>(section.limit) - static_cast<long long>(length);
  data.set("chars_left", context.catalog().format("form_chars_left",
                                                  {{"left", std::to_string(left)}, {"max", max}}));
  data.set("error_text",
           view::text(field_error(context, shown.errors, section_field(section.key, "text"))));
}

view::Data question_items(const web::Context& context, const Section& section,
                          const Answer* answer) {
  const auto stored = [&](std::map<std::string, std::string> Answer::*member,
                          const std::string& key) {
    if (answer == nullptr) return std::string();
    const auto& map = answer->*member;
    const auto found = map.find(key);
    return found == map.end() ? std::string() : found->second;
  };
  auto questions = view::list();
  for (const auto& question : section.questions) {
    const auto value = stored(&Answer::answers, question.key);
    view::Data item;
    item.set("name", question_field(section.key, question.key));
    item.set("comment_name", comment_field(section.key, question.key));
    item.set("text", question.text);
    item.set("yes", view::flag(value == "yes"));
    item.set("no", view::flag(value == "no"));
    item.set("none", view::flag(value.empty()));
    item.set("answer",
             context.text(value.empty() ? std::string("form_answer_none") : "answer_" + value));
    item.set("comment", stored(&Answer::comments, question.key));
    questions.push_back(item);
  }
  return questions;
}

}  // namespace

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

namespace {

view::Data section_data(const web::Context& context, const Shown& shown, const Section& section,
                        const Answer* answer) {
  view::Data data;
  data.set("key", section.key);
  data.set("title", section.title);
  data.set("guidance", view::text(section.guidance));
  data.set("is_items", view::flag(section.kind == SectionKind::items ||
                                  (answer != nullptr && !answer->items.empty())));
  data.set("is_text", view::flag(section.kind == SectionKind::text ||
                                 (answer != nullptr && !answer->text.empty())));
  data.set("is_questions", view::flag(section.kind == SectionKind::questions));
  add_items(data, context, shown, section, answer);
  add_text(data, context, shown, section, answer);
  data.set("questions", question_items(context, section, answer));
  auto figures = view::list();
  if (section.indicators && shown.measured) {
    for (const auto& linked : shown.measured()) {
      figures.push_back(figure_data(context, shown, linked));
    }
  }
  data.set("is_indicators", view::flag(section.indicators));
  data.set("has_indicators", view::flag(!figures.is_empty_list()));
  data.set("indicators", figures);
  return data;
}

}  // namespace

view::Data sections_data(const web::Context& context, const Shown& shown) {
  const auto& form_template = shown.round.form_template;
  auto sections = view::list();
  for (const auto& section : form_template.sections) {
    sections.push_back(section_data(context, shown, section, shown.content.answer(section.key)));
  }
  // Answers to sections the template no longer has stay readable.
  for (const auto& answer : shown.content.answers) {
    if (form_template.section(answer.section) != nullptr) continue;
    Section old;
    old.key = answer.section;
    old.title = answer.title.empty() ? answer.section : answer.title;
    old.kind = answer.items.empty() ? SectionKind::text : SectionKind::items;
    sections.push_back(section_data(context, shown, old, &answer));
  }
  view::Data data;
  data.set("sections", sections);
  return data;
}

}  // namespace samtryg::reporting::form
