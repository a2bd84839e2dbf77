#pragma once
// The reporting form as HTML fields: reading what a person posts back into answers and typed
// figures (Input), and the data the form page shows them with again after a refusal. The
// fields' names are form_fields.hpp.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/http/form.hpp"
#include "core/i18n/language.hpp"
#include "core/validation/validation.hpp"
#include "core/view/render.hpp"
#include "core/web/context.hpp"
#include "features/indicators/queries.hpp"
#include "features/reporting/form_fields.hpp"
#include "features/reporting/model.hpp"
#include "features/reporting/records.hpp"

namespace samtryg::reporting::form {

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

// An item's time as people write it: "24. november 2017", "september 2017"; "" for none.
std::string when_text(std::string_view when, i18n::Language language);

// The message of the error on `field`, or "".
std::string field_error(const web::Context& context, const validation::Errors& errors,
                        const std::string& field);

}  // namespace samtryg::reporting::form
