#pragma once
// The reporting form's field names, in one place. The model's checks name their errors with
// them, so each error lands next to its field; the workspace import turns them into JSON paths.
// Plain names with no I/O: the model includes this, not the web side of the form (form.hpp).
#include <string>
#include <string_view>

#include "features/reporting/model.hpp"

namespace samtryg::reporting::form {

// "s.results.text", "s.activities.items": a section's own fields.
std::string section_field(std::string_view section, std::string_view part);
// "s.activities.2.when": a part (text, status, when, link, activity, remove) of an item row.
std::string item_field(std::string_view section, std::size_t index, std::string_view part);
// "s.gym.q.certified" and "s.gym.c.certified": a question's answer and its comment.
std::string question_field(std::string_view section, std::string_view question);
std::string comment_field(std::string_view section, std::string_view question);
// "s.activities.pick": the register activity picked to add as an item.
std::string pick_field(std::string_view section);
// "iv.12.value": a part (period, value, numerator, denominator, note) of the figure typed for
// indicator 12 in the measurement section.
std::string figure_field(long long indicator_id, std::string_view part);
// The JSON path of an answer's field in a document whose content is at `path`:
// "s.activities.2.when" → "$.rounds[0].forms[1].content.answers[0].items[2].when".
std::string json_path(const Content& content, const std::string& path, const std::string& field);

}  // namespace samtryg::reporting::form
