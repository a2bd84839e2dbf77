#pragma once
// What the dialogues' pages share; internal to the dialogues feature. Each page file adds its
// own routes (add_*_routes); pages.cpp adds them all with the hooks it fills.
#include <optional>
#include <string>
#include <vector>

#include "core/view/render.hpp"
#include "core/web/app.hpp"
#include "core/web/fields.hpp"
#include "core/web/templates.hpp"
#include "features/dialogues/queries.hpp"

namespace samtryg::dialogues {

using http::Method;
using http::Response;
using web::Context;
using Kind = web::Field::Kind;

inline constexpr web::Templates kTemplates{"dialogues"};

std::string notice_text(const Context& context);
std::string dialogue_path(long long id);
// A typed count that may be left empty; `field` gets "dialogue_count_invalid" when it is not a
// whole number from 0.
std::optional<int> form_count(const std::string& text, std::string_view field,
                              validation::Errors& errors);
// What was typed for a theme's numbers, shown again as typed when refused.
struct TypedWeight {
  std::string mentions{};
  std::string rank{};
};
// The fields of a theme: its label, how many raised it, its rank, the staff's summary.
std::vector<web::Field> theme_fields(const Context& context, const Theme& theme,
                                     const TypedWeight& typed);
TypedWeight typed_weight(const Theme& theme);
// The dialogue's page; `errors` and `theme_form` redisplay a refused new theme.
Response render_dialogue(Context& context, const DialogueRecord& record,
                         const validation::Errors& errors,
                         const std::vector<web::Field>& theme_form, int status);

void add_dialogue_page_routes(web::App& app);
void add_dialogue_form_routes(web::App& app);
void add_theme_routes(web::App& app);

}  // namespace samtryg::dialogues
