#pragma once
// What the register's pages share; internal to the strategy feature. Each page file adds its
// own routes (add_*_routes), and pages.cpp adds them all with the menu entries and hooks.
#include <optional>
#include <string>
#include <string_view>

#include "core/i18n/language.hpp"
#include "core/view/render.hpp"
#include "core/web/app.hpp"
#include "core/web/fields.hpp"
#include "core/web/templates.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::strategy {

// The names every page file of the feature uses, declared once for all of them.
using http::Method;
using http::Response;
using web::Context;
using Kind = web::Field::Kind;

inline constexpr web::Templates kTemplates{"strategy"};

// The notices the register's pages show after a redirect (?notice=…).
std::string notice_text(const web::Context& context);
// A flexible date ("2017-11-24", "2018-01", "ongoing") as the reader's language writes it.
std::string flexible_text(const web::Context& context, std::string_view text);
// "21. januar 2017 – 14. januar 2018"
std::string period_text(const Plan& plan, i18n::Language language);
// The label of an initiative's field: the catalog entry "initiative_" + field.
std::string field_label(const web::Context& context, std::string_view field);

// The documents of a plan or an initiative for its page, read through the handler's `sql`.
view::Data document_list(web::Context& context, soci::session& sql, const Actor& actor,
                         std::optional<long long> plan_id, std::optional<long long> initiative_id,
                         bool can_edit);

void add_plan_routes(web::App& app);
void add_plan_overview_routes(web::App& app);
void add_compare_routes(web::App& app);
void add_initiative_form_routes(web::App& app);
void add_initiative_page_routes(web::App& app);
void add_following_routes(web::App& app);
void add_activity_routes(web::App& app);
void add_document_routes(web::App& app);
void add_group_routes(web::App& app);
void add_search_routes(web::App& app);
void add_start_section(web::App& app);
void add_agenda_source(web::App& app);

}  // namespace samtryg::strategy
