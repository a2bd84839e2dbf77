#pragma once
// What the reporting cycle's pages share; internal to the reporting feature. Each page file
// adds its own routes (add_*_routes); pages.cpp adds them all with the menu entry and plan link.
#include <map>
#include <string>
#include <string_view>

#include "core/view/render.hpp"
#include "core/web/app.hpp"
#include "core/web/fields.hpp"
#include "core/web/templates.hpp"
#include "features/reporting/form.hpp"
#include "features/reporting/queries.hpp"
#include "features/reporting/report.hpp"

namespace samtryg::reporting {

// The names every page file of the feature uses, declared once for all of them.
using http::Method;
using http::Response;
using web::Context;
using Kind = web::Field::Kind;

inline constexpr web::Templates kTemplates{"reporting"};

// The date of an ISO date or time as the reader's language writes it.
std::string date_text(const web::Context& context, std::string_view iso);
// "21. januar 2017 – 14. januar 2018": a round's period in the reader's language.
std::string period_of(const web::Context& context, const Round& round);
std::string status_text(const web::Context& context, FormStatus status);
std::string notice_text(const web::Context& context);
// What of the round is example data (its deadline, its forms' workflow), or "".
std::string round_example_note(const web::Context& context, const Round& round);
long long row_version_of(web::Context& context);
// A generated report or form to save.
http::Response download(ReportFile file);

// The form's sections for the form and revision pages, with the register's activities to pick
// from and the indicators of the measurement section read when a section needs them.
view::Data form_sections(web::Context& context, const FormRecord& record, const Content& content,
                         const std::map<long long, form::TypedFigure>& figures,
                         const validation::Errors& errors, bool editable);
// What reading a posted form of this record needs besides the fields.
form::Input read_posted(web::Context& context, const http::Form& posted, const FormRecord& record);

void add_round_routes(web::App& app);
void add_chapter_routes(web::App& app);
void add_form_routes(web::App& app);
void add_revision_routes(web::App& app);
void add_my_forms_routes(web::App& app);
void add_logo_routes(web::App& app);
void add_agenda_source(web::App& app);
void add_dated_source(web::App& app);

}  // namespace samtryg::reporting
