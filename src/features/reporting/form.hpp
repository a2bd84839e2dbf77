#pragma once
// The reporting form as HTML fields, in one place: every field's name, reading what a person
// posts back into answers and typed figures (FormInput), and the data the form page shows them
// with again after a refusal. The model's checks name their errors with these names, so each
// error lands next to its field (the workspace import turns them into JSON paths).
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/form.hpp"
#include "core/validation/validation.hpp"
#include "core/view/render.hpp"
#include "core/web/context.hpp"
#include "features/indicators/queries.hpp"
#include "features/reporting/model.hpp"
#include "features/reporting/store.hpp"

namespace samtryg::reporting::form {

// ---- field names ----------------------------------------------------------------------------

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

// ---- what a person posts --------------------------------------------------------------------

// A figure as typed into the measurement section; the save command reads and checks it.
struct TypedFigure {
  std::string period{};
  std::string value{};
  std::string numerator{};
  std::string denominator{};
  std::string note{};

  bool empty() const { return value.empty() && numerator.empty() && denominator.empty(); }
};

// The answers, and the figures typed for the indicators of the measurement section (by
// indicator id).
struct Input {
  Content content{};
  std::map<long long, TypedFigure> figures{};
};

// What reading a posted form needs besides the fields.
struct Known {
  const Template& form_template;
  // The stored answers: those to sections the template no longer has are kept as they were.
  const Content& stored;
  // The initiative's register activities of a kind, for an activity picked from the register.
  std::function<std::vector<strategy::Activity>(const std::string& kind)> activities;
  // The indicators the measurement section shows; none when the template has no such section.
  std::vector<long long> measured;
};

// Reads a posted form, or the unsaved copy of one: blank item rows and removed items dropped,
// an activity picked from the register appended, texts as typed (without the CR browsers add).
Input read(const http::Form& posted, const Known& known);

// ---- what the page shows --------------------------------------------------------------------

// What the form page shows around the answers.
struct Shown {
  const Round& round;
  const Content& content;
  const std::map<long long, TypedFigure>& figures;  // as typed, after a refusal
  const validation::Errors& errors;
  bool editable = false;  // blank rows and the register's activities to pick from
  std::function<std::vector<strategy::Activity>(const std::string& kind)> activities;
  // The indicators that follow the initiative up, read only when a section shows them.
  std::function<const std::vector<indicators::IndicatorRecord>&()> measured;
};

// {"sections": [...]} for the form and revision templates: every section of the template with
// its answer, then answers to sections the template no longer has.
view::Data sections_data(const web::Context& context, const Shown& shown);

// The message of the error on `field`, or "".
std::string field_error(const web::Context& context, const validation::Errors& errors,
                        const std::string& field);

}  // namespace samtryg::reporting::form
