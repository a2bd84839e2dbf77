#pragma once
// What the meetings' pages share; internal to the meetings feature. Each page file adds its own
// routes (add_*_routes); pages.cpp adds them all with the hooks it fills.
#include <string>
#include <vector>

#include "core/documents/document.hpp"
#include "core/view/render.hpp"
#include "core/web/app.hpp"
#include "core/web/fields.hpp"
#include "core/web/templates.hpp"
#include "features/meetings/agenda_sources.hpp"
#include "features/meetings/dated_sources.hpp"
#include "features/meetings/queries.hpp"

namespace samtryg::meetings {

using http::Method;
using http::Response;
using web::Context;
using Kind = web::Field::Kind;

inline constexpr web::Templates kTemplates{"meetings"};

std::string notice_text(const Context& context);
// Now on the workspace's clock (i18n::current_time_zone), as meetings write times:
// "2014-01-22T16:05".
std::string local_now();
std::string meeting_path(long long id);
// "22. januar 2014, 16.00–18.00" in the reader's language.
std::string when_text(const Context& context, const Meeting& meeting);
// The groups a meeting can be of, "none" first.
std::vector<web::Option> body_options(const Context& context, soci::session& sql);
// The workspace's people, for action owners.
std::vector<web::Option> people_options(const Context& context, soci::session& sql);

// What an agenda looks back over, and what the features propose for it (agenda_sources.hpp).
AgendaPeriod agenda_period(soci::session& sql, const Meeting& meeting);
std::vector<AgendaSuggestion> agenda_suggestions(Context& context, soci::session& sql,
                                                 const AgendaPeriod& period);

// The agenda (dagsorden) and the minutes (beslutningsreferat) as documents (PDF, DOCX), and the
// lines saying who approved the minutes when (or that nobody has yet).
documents::Document agenda_document(const Context& context, const MeetingRecord& record,
                                    const std::string& example_note);
documents::Document minutes_document(const Context& context, const MeetingRecord& record,
                                     const std::string& example_note);
std::vector<std::string> approval_lines(const Context& context, const MeetingRecord& record);
// The meeting's "example data" note, or "".
std::string meeting_example_note(const Context& context, soci::session& sql, long long meeting_id);

// The other features' dated entries (DatedSources) touching first_day..last_day, and the whole
// year as the year wheel shows it: meetings (cancelled ones aside), action items and those
// entries, by first day. days_text: "22. januar 2014", or "1. januar 2014 – 31. december 2014".
std::vector<DatedEntry> dated_entries(const Context& context, soci::session& sql,
                                      const Actor& actor, const i18n::Catalog& catalog,
                                      std::string_view first_day, std::string_view last_day);
std::vector<DatedEntry> year_entries(const Context& context, soci::session& sql, const Actor& actor,
                                     int year);
std::string days_text(const Context& context, const DatedEntry& entry);

void add_meeting_page_routes(web::App& app);
void add_year_routes(web::App& app);
void add_minutes_routes(web::App& app);
void add_invitation_routes(web::App& app);
void add_meeting_form_routes(web::App& app);
void add_agenda_routes(web::App& app);
void add_decision_routes(web::App& app);
void add_calendar_routes(web::App& app);
void add_suggestion_routes(web::App& app);
void add_theme_routes(web::App& app);
// The themes proposed for the agenda's meeting (theme_pages.cpp), for AgendaSources.
std::vector<AgendaSuggestion> theme_suggestions(Context& context, soci::session& sql,
                                                const AgendaPeriod& period);

}  // namespace samtryg::meetings
