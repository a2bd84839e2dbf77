#pragma once
// Form fields described in C++ and drawn by one shared partial (web/templates/partials/
// fields.mustache), so every form labels, hints, marks errors (aria-invalid +
// aria-describedby) and keeps the typed value the same way.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/i18n/catalog.hpp"
#include "core/validation/validation.hpp"
#include "core/view/render.hpp"

namespace samtryg::web {

struct Option {
  std::string code;
  std::string label;
};

struct Field {
  // markdown: a text box whose text is shown as Markdown; it gets a toolbar and a preview
  // where JavaScript runs, and is a plain text box where it does not.
  enum class Kind { text, textarea, markdown, date, number, select, checkbox, url, file };
  std::string name{};
  std::string label{};
  std::string value{};
  Kind kind = Kind::text;
  bool required = false;
  std::string hint{};
  std::vector<Option> options{};  // select: the choices; value is the selected code
  int rows = 4;
  // After a refused save: what the other person saved, in words, shown under the typed value
  // when the two differ ("" otherwise).
  std::string theirs{};
};

// What each field held when the form was opened, as short fingerprints ("name=3f2a…;…"): a
// form carries it in a hidden input, so that after a refused save the server can tell which
// fields this person changed and which the other person changed, without keeping any state.
std::string seen_values(const std::vector<Field>& fields);

// After a refused save: `mine` holds the typed fields, `theirs` the saved record's, `seen` what
// the form held when it was opened. A field only the other person changed takes their value;
// a field only this person changed keeps the typed one; a field both changed to different
// values keeps the typed one and shows theirs beside it (Field::theirs), as people read it.
// Without `seen` every difference is shown.
void merge_theirs(std::vector<Field>& mine, const std::vector<Field>& theirs, std::string_view seen,
                  const i18n::Catalog& catalog);

// The message of one field error in the catalog's language; a value written "t:key" is
// itself translated ("t:status_active" → "Aktiv").
std::string error_message(const validation::FieldError& error, const i18n::Catalog& catalog);

view::Data fields_data(const std::vector<Field>& fields, const validation::Errors& errors,
                       const i18n::Catalog& catalog);

// A form's optional number: empty stays empty; anything else must be a whole number, or
// `field` gets "number_invalid" in `errors`.
std::optional<long long> optional_number(const std::string& text, std::string_view field,
                                         validation::Errors& errors);

// [{code, label, selected}] for a <select> of its own (a filter), `selected` marked.
view::Data option_list(const std::vector<Option>& options, std::string_view selected);

// Options for codes whose labels are catalog entries `prefix + code`.
std::vector<Option> coded_options(std::span<const std::string_view> codes, std::string_view prefix,
                                  const i18n::Catalog& catalog, bool with_empty = false);

}  // namespace samtryg::web
