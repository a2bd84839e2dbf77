#pragma once
// Renders embedded mustache templates. {{x}} is HTML-escaped (quotes included); only
// {{{x}}} for HTML that samtryg itself produced. The language's catalog sits under the page's
// data, so templates write {{t_some_key}} without the catalog being copied per request.
// {{> name}} includes web/templates/partials/name.mustache.
#include <kainjow/mustache.hpp>

#include <string>
#include <string_view>

#include "core/i18n/catalog.hpp"

namespace samtryg::view {

using Data = kainjow::mustache::data;
using List = kainjow::mustache::data;  // built with Data(Data::type::list)

// `template_path` is the template's path in the source tree, e.g.
// "src/features/accounts/templates/login.mustache". Throws std::logic_error when the template
// is missing or does not parse (a build mistake, caught by the tests).
std::string render(std::string_view template_path, const Data& page, const i18n::Catalog& catalog);

std::string escape_html(std::string_view text);

inline Data list() {
  return Data(Data::type::list);
}
// Text for a template section such as {{#summary}}…{{/summary}}: empty text is false, so the
// section is skipped (an empty string would count as true) and no outer value shows through.
inline Data text(const std::string& value) {
  return value.empty() ? Data(Data::type::bool_false) : Data(value);
}

inline Data flag(bool value) {
  return value ? Data(Data::type::bool_true) : Data(Data::type::bool_false);
}

}  // namespace samtryg::view
