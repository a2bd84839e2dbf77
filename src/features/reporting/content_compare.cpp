// Comparing a form's answers: which sections are empty, and what two versions differ in,
// section by section. Plain functions on the content, no I/O.
#include <algorithm>
#include <set>

#include "core/util/strings.hpp"
#include "features/reporting/model.hpp"

namespace samtryg::reporting {

std::vector<std::string> empty_sections(const Template& form_template, const Content& content) {
  std::vector<std::string> empty;
  for (const auto& section : form_template.sections) {
    // A section of indicator figures is answered by the values, which are not content.
    if (section.indicators) continue;
    const auto* answer = content.answer(section.key);
    const bool answered =
        answer != nullptr &&
        (!answer->items.empty() || !trim(answer->text).empty() ||
         std::any_of(answer->answers.begin(), answer->answers.end(),
                     [](const auto& pair) { return !pair.second.empty(); }) ||
         std::any_of(answer->comments.begin(), answer->comments.end(),
                     [](const auto& pair) { return !trim(pair.second).empty(); }));
    if (!answered) empty.push_back(section.title);
  }
  return empty;
}

namespace {

std::string words_of(const Answer& answer) {
  std::string words;
  const auto line = [&](const std::string& text) {
    if (text.empty()) return;
    if (!words.empty()) words += "\n";
    words += text;
  };
  for (const auto& item : answer.items)
    line(item.link.empty() ? item.text : item.text + " " + item.link);
  line(answer.text);
  for (const auto& [question, comment] : answer.comments) line(comment);
  return words;
}

}  // namespace

std::vector<SectionChange> compare(const Template& form_template, const Content& before,
                                   const Content& after_content) {
  std::vector<SectionChange> changes;
  std::set<std::string> seen;
  const auto add = [&](const std::string& key, const std::string& title) {
    if (!seen.insert(key).second) return;
    const auto* old_answer = before.answer(key);
    const auto* new_answer = after_content.answer(key);
    const Answer empty;
    const auto& left = old_answer != nullptr ? *old_answer : empty;
    const auto& right = new_answer != nullptr ? *new_answer : empty;
    const bool changed = left.items != right.items || left.text != right.text ||
                         left.answers != right.answers || left.comments != right.comments;
    changes.push_back({key, title, changed, words_of(left), words_of(right)});
  };
  for (const auto& section : form_template.sections) add(section.key, section.title);
  for (const auto& answer : before.answers) add(answer.section, answer.title);
  for (const auto& answer : after_content.answers) add(answer.section, answer.title);
  return changes;
}

}  // namespace samtryg::reporting
