#pragma once
// What the walks' pages share; internal to the walks feature. Each page file adds its own
// routes (add_*_routes); pages.cpp adds them all with the hooks it fills.
#include <string>

#include "core/view/render.hpp"
#include "core/web/app.hpp"
#include "core/web/fields.hpp"
#include "core/web/templates.hpp"
#include "features/walks/queries.hpp"

namespace samtryg::walks {

using http::Method;
using http::Response;
using web::Context;
using Kind = web::Field::Kind;

inline constexpr web::Templates kTemplates{"walks"};
// The Landskrona target: at least 20 counted participants per walk.
inline constexpr int kParticipantTarget = 20;

std::string notice_text(const Context& context);
// "Centrum, våren 2016": the area and when.
std::string walk_title(const Context& context, const Walk& walk);
std::string walk_path(long long id);
// A typed whole number from a form; `field` gets "number_invalid" when it is not one.
int form_count(const std::string& text, std::string_view field, validation::Errors& errors);
// The workspace's people, for an action's owner <select>, "(none)" first.
std::vector<web::Option> owner_options(const Context& context, soci::session& sql);

// What was typed for a finding's position, shown again as typed when it is refused.
struct TypedPosition {
  std::string latitude{};
  std::string longitude{};
};
// The fields of a finding: the place in words or its coordinates, what it is, how serious,
// whether the public may see it.
std::vector<web::Field> finding_fields(const Context& context, const Finding& finding,
                                       const TypedPosition& typed);
// 304 with the ETag when the browser already holds `etag` (If-None-Match); nothing otherwise.
std::optional<Response> not_modified(const Context& context, const std::string& etag);
// Where a walk map's layers come from: the tile setting and its attribution, the workspace's
// base map when it has one (drawn where no tiles are), and the scripts' version.
void add_map_sources(view::Data& data, const Context& context, soci::session& sql);
// The walk's page; `errors` and `finding_form` redisplay a refused finding or count.
Response render_walk(Context& context, const WalkRecord& record, const validation::Errors& errors,
                     const std::vector<web::Field>& finding_form, int status);

void add_walk_form_routes(web::App& app);
void add_walk_page_routes(web::App& app);
void add_finding_routes(web::App& app);
void add_action_routes(web::App& app);
void add_photo_routes(web::App& app);
void add_report_routes(web::App& app);
void add_base_map_routes(web::App& app);
void add_dated_source(web::App& app);

}  // namespace samtryg::walks
