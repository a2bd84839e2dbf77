#pragma once
// What the indicators' pages share; internal to the indicators feature. Each page file adds
// its own routes (add_*_routes); pages.cpp adds them all with the hooks it fills.
#include <map>
#include <optional>
#include <string>

#include "core/view/render.hpp"
#include "core/web/app.hpp"
#include "core/web/fields.hpp"
#include "core/web/templates.hpp"
#include "features/indicators/queries.hpp"

namespace samtryg::indicators {

// The names every page file of the feature uses, declared once for all of them.
using http::Method;
using http::Response;
using web::Context;
using Kind = web::Field::Kind;

inline constexpr web::Templates kTemplates{"indicators"};

std::string notice_text(const web::Context& context);
// The CSS class of a status ("status-met").
std::string status_class(Status status);
// A figure as the form shows it again ("70.5"); "" for none.
std::string number_text(const std::optional<double>& value);
// A typed record id from a form; `field` gets "number_invalid" when it is not one.
std::optional<long long> form_id(const std::string& text, std::string_view field,
                                 validation::Errors& errors);
// "The whole plan" and the workspace's areas, for a <select>.
// The areas a value or target of `indicator` may be for: the places within the municipality
// (districts, housing areas, schools) and those it already has figures or targets for. Other
// municipalities, the country, police districts and the areas an import created (kind
// "other") are comparisons, so they are not offered for a local indicator's own figures.
std::vector<web::Option> area_options(const web::Context& context, soci::session& sql,
                                      const Indicator& indicator);

// A roll-up with its parts and the sentence that explains it.
// `records`: the indicators behind the roll-up, so that a status resting on example figures is
// said to.
view::Data rollup_data(const web::Context& context, const Rollup& rollup,
                       const std::vector<IndicatorRecord>& records);
// The figures behind a chart, one row per value, with the verdict against its target;
// `with_details` adds note, provenance and time (the indicator page).
view::Data data_table(const web::Context& context, const Indicator& indicator,
                      const std::vector<Value>& values,
                      const std::map<long long, std::string>& areas,
                      const std::vector<Target>& targets, bool with_details);

// What was typed into the value form, shown again as typed when it is refused.
struct TypedValue {
  std::string value{};
  std::string numerator{};
  std::string denominator{};
};
// The value form's fields for the indicator's unit (a ratio asks for both parts, yes/no for an
// answer).
std::vector<web::Field> value_fields(const web::Context& context, soci::session& sql,
                                     const Indicator& indicator, const Value& value,
                                     const TypedValue& typed);

void add_dashboard_routes(web::App& app);
void add_indicator_page_routes(web::App& app);
void add_indicator_form_routes(web::App& app);
void add_target_routes(web::App& app);
void add_value_routes(web::App& app);
void add_import_routes(web::App& app);
void add_agenda_source(web::App& app);

}  // namespace samtryg::indicators
