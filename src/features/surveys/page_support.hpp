#pragma once
// What the surveys' pages share; internal to the surveys feature. Each page file adds its own
// routes (add_*_routes); pages.cpp adds them all with the hooks it fills.
#include <optional>
#include <string>
#include <vector>

#include "core/view/render.hpp"
#include "core/web/app.hpp"
#include "core/web/fields.hpp"
#include "core/web/templates.hpp"
#include "features/surveys/queries.hpp"

namespace samtryg::surveys {

using http::Method;
using http::Response;
using web::Context;
using Kind = web::Field::Kind;

inline constexpr web::Templates kTemplates{"surveys"};

std::string notice_text(const Context& context);
std::string survey_path(long long id);
// The survey the path's {id} names, read on a connection of its own.
Survey stored_survey(const Context& context);
// "2016", "2017/18", "2. halvår 2017" in the reader's language.
std::string period_text(const Context& context, const std::string& period);
std::string percent_text(const Context& context, std::optional<double> percent);
// A typed whole number that may be left empty; `field` gets "survey_count_invalid" otherwise.
std::optional<int> form_count(const std::string& text, std::string_view field,
                              validation::Errors& errors);
// The areas a result can be for: "the whole population" first, then the workspace's areas.
std::vector<web::Option> area_options(const Context& context, soci::session& sql);
std::string area_name(const Context& context, soci::session& sql,
                      const std::optional<long long>& area_id);

void add_survey_page_routes(web::App& app);
void add_survey_form_routes(web::App& app);
void add_question_routes(web::App& app);
void add_result_routes(web::App& app);
void add_import_routes(web::App& app);

}  // namespace samtryg::surveys
