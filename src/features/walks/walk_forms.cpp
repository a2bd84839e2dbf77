// The form to plan a walk and to change its plan: the area, when, where to meet, the route,
// who organises it, how residents were recruited, the invitation, and the walking groups.
#include <algorithm>
#include <tuple>

#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "core/web/form_page.hpp"
#include "features/indicators/queries.hpp"
#include "features/strategy/queries.hpp"
#include "features/walks/commands.hpp"
#include "features/walks/page_support.hpp"

namespace samtryg::walks {

namespace {

// Group slots the form offers: those the walk has and two empty ones.
constexpr std::size_t kSpareGroups = 2;

struct WalkForm {
  Walk walk;
  std::vector<Group> groups;
  std::string year;
  std::string initiative_id;
  std::string indicator_id;
  // As typed, so a line that is not a position is shown again to be corrected.
  std::string route_line;
  std::string area_outline;
};

std::vector<web::Option> initiative_options(const Context& context, soci::session& sql) {
  std::vector<web::Option> options{{"", context.text("choice_none")}};
  for (const auto& row : strategy::initiatives(sql, context.actor(), {.limit = 1000})) {
    options.push_back({std::to_string(row.initiative.id), row.initiative.name});
  }
  return options;
}

// Only indicators counted per event: each walk is held up to the target on its own.
std::vector<web::Option> indicator_options(const Context& context) {
  std::vector<web::Option> options{{"", context.text("choice_none")}};
  for (const auto& record : indicators::plan_indicators(context.services.database, context.actor(),
                                                        0, today_iso_utc())) {
    if (record.indicator.frequency != "event") continue;
    options.push_back({std::to_string(record.indicator.id), record.indicator.name});
  }
  return options;
}

std::vector<web::Field> walk_fields(const Context& context, soci::session& sql, const WalkForm& f,
                                    const std::vector<web::Option>& indicator_choices) {
  const auto& w = f.walk;
  const auto field = [&](std::string name, const char* label, const std::string& value,
                         Kind kind = Kind::text, const char* hint = nullptr) {
    return web::Field{.name = std::move(name),
                      .label = context.text(label),
                      .value = value,
                      .kind = kind,
                      .hint = hint != nullptr ? context.text(hint) : std::string()};
  };
  auto area = field("area", "walk_area", w.area, Kind::text, "walk_area_hint");
  area.required = true;
  auto year = field("year", "walk_year", f.year, Kind::number);
  year.required = true;
  auto season = field("season", "walk_season", w.season, Kind::select);
  season.options = web::coded_options(kSeasons, "walk_season_", context.catalog());
  auto initiative = field("initiative_id", "walk_initiative", f.initiative_id, Kind::select);
  initiative.options = initiative_options(context, sql);
  auto indicator =
      field("indicator_id", "walk_indicator", f.indicator_id, Kind::select, "walk_indicator_hint");
  indicator.options = indicator_choices;
  std::vector<web::Field> fields{
      area,
      year,
      season,
      field("walk_date", "walk_date", w.walk_date, Kind::date, "date_hint"),
      field("start_time", "walk_start_time", w.start_time, Kind::text, "walk_start_time_hint"),
      field("meeting_point", "walk_meeting_point", w.meeting_point),
      field("route", "walk_route", w.route, Kind::textarea),
      field("route_line", "walk_route_line", f.route_line, Kind::textarea, "walk_positions_hint"),
      field("area_outline", "walk_area_outline", f.area_outline, Kind::textarea,
            "walk_positions_hint"),
      field("organisers", "walk_organisers", w.organisers, Kind::textarea, "walk_organisers_hint"),
  };
  for (const auto channel : kRecruitmentChannels) {
    const auto code = std::string(channel);
    const bool used =
        std::find(w.recruitment.begin(), w.recruitment.end(), code) != w.recruitment.end();
    fields.push_back(field("recruitment_" + code, ("walk_recruitment_" + code).c_str(),
                           used ? "1" : "", Kind::checkbox));
  }
  fields.push_back(field("invitation", "walk_invitation", w.invitation, Kind::markdown));
  const auto slots = f.groups.size() + kSpareGroups;
  for (std::size_t index = 0; index < slots; ++index) {
    const auto* group = index < f.groups.size() ? &f.groups[index] : nullptr;
    const auto number = std::to_string(index + 1);
    auto name =
        field("group_" + number + "_name", "walk_group_name", group != nullptr ? group->name : "",
              Kind::text, index == 0 ? "walk_groups_hint" : nullptr);
    name.label = context.catalog().format("walk_group_name", {{"number", number}});
    auto guide = field("group_" + number + "_guide", "walk_group_guide",
                       group != nullptr ? group->guide : "");
    guide.label = context.catalog().format("walk_group_guide", {{"number", number}});
    auto route = field("group_" + number + "_route", "walk_group_route",
                       group != nullptr ? group->route : "");
    route.label = context.catalog().format("walk_group_route", {{"number", number}});
    fields.push_back(name);
    fields.push_back(guide);
    fields.push_back(route);
  }
  fields.push_back(field("follow_up_date", "walk_follow_up_date", w.follow_up_date, Kind::date,
                         "walk_follow_up_date_hint"));
  fields.push_back(initiative);
  fields.push_back(indicator);
  return fields;
}

WalkForm walk_from_form(Context& context, Walk walk, validation::Errors& errors) {
  const auto& form = context.form();
  WalkForm f;
  walk.area = std::string(trim(form.value("area")));
  f.year = form.value("year");
  if (const auto year = parse_integer(trim(f.year)); year && *year > 0 && *year < 10000) {
    walk.year = static_cast<int>(*year);
  } else {
    errors.add("year", "walk_year_invalid");
  }
  walk.season = form.value("season");
  walk.walk_date = std::string(trim(form.value("walk_date")));
  walk.start_time = std::string(trim(form.value("start_time")));
  walk.meeting_point = form.value("meeting_point");
  walk.route = form.value("route");
  f.route_line = form.value("route_line");
  f.area_outline = form.value("area_outline");
  for (const auto& [name, typed, target] :
       {std::tuple{"route_line", &f.route_line, &walk.route_line},
        std::tuple{"area_outline", &f.area_outline, &walk.area_outline}}) {
    const auto parsed = parse_positions(*typed);
    if (parsed.bad_line > 0) {
      errors.add(name, "walk_position_line_invalid", {{"line", std::to_string(parsed.bad_line)}});
    }
    *target = parsed.positions;
  }
  walk.organisers = form.value("organisers");
  walk.recruitment.clear();
  for (const auto channel : kRecruitmentChannels) {
    if (form.value("recruitment_" + std::string(channel)) == "1") {
      walk.recruitment.emplace_back(channel);
    }
  }
  walk.invitation = form.value("invitation");
  walk.follow_up_date = std::string(trim(form.value("follow_up_date")));
  f.initiative_id = form.value("initiative_id");
  f.indicator_id = form.value("indicator_id");
  walk.initiative_id = web::optional_number(f.initiative_id, "initiative_id", errors);
  walk.indicator_id = web::optional_number(f.indicator_id, "indicator_id", errors);
  if (const auto version = parse_integer(form.value("row_version"))) {
    walk.row_version = *version;
  }
  for (std::size_t index = 1; index < 100; ++index) {
    const auto prefix = "group_" + std::to_string(index) + "_";
    if (!form.get(prefix + "name")) break;
    Group group{.name = std::string(trim(form.value(prefix + "name"))),
                .guide = std::string(trim(form.value(prefix + "guide"))),
                .route = form.value(prefix + "route")};
    if (group.name.empty() && group.guide.empty() && group.route.empty()) continue;
    f.groups.push_back(std::move(group));
  }
  f.walk = std::move(walk);
  return f;
}

WalkForm form_of(const WalkRecord& record) {
  WalkForm f;
  f.walk = record.walk;
  f.groups = record.groups;
  f.year = std::to_string(record.walk.year);
  f.route_line = positions_text(record.walk.route_line);
  f.area_outline = positions_text(record.walk.area_outline);
  if (record.walk.initiative_id) f.initiative_id = std::to_string(*record.walk.initiative_id);
  if (record.walk.indicator_id) f.indicator_id = std::to_string(*record.walk.indicator_id);
  return f;
}

// Group errors come back as "groups[0].name"; the form's fields are group_1_name.
validation::Errors form_errors(const validation::Errors& found) {
  validation::Errors out;
  for (const auto& item : found.items()) {
    auto field = item.field;
    if (field.starts_with("groups[")) {
      const auto close = field.find(']');
      const auto index = parse_integer(field.substr(7, close - 7)).value_or(0);
      field = "group_" + std::to_string(index + 1) + "_" + field.substr(close + 2);
    }
    out.add(field, item.message_key, item.values);
  }
  return out;
}

// The map to click the route and the area on (web/static/js/walk-draw.js). Hidden until the
// script shows it: without it the positions are typed.
std::string drawing_map(const Context& context, soci::session& sql) {
  view::Data data;
  add_map_sources(data, context, sql);
  return view::render(kTemplates("walk_draw"), data, context.catalog());
}

Response walk_form(Context& context, const WalkForm& f, bool is_new,
                   const validation::Errors& errors, bool conflict, int status,
                   const WalkForm* theirs = nullptr) {
  const auto indicator_choices = indicator_options(context);  // reads on its own connection
  auto sql = context.services.database.session();
  web::FormPage form;
  form.heading = is_new ? context.text("walk_new")
                        : context.text("walk_edit") + ": " + walk_title(context, f.walk);
  form.intro = is_new ? context.text("walk_new_intro") : std::string();
  form.action = is_new ? "/walks" : walk_path(f.walk.id) + "/edit";
  form.submit = context.text(is_new ? "form_create" : "form_save");
  form.cancel = is_new ? "/walks" : walk_path(f.walk.id);
  form.fields = walk_fields(context, sql, f, indicator_choices);
  if (!is_new) {
    form.hidden = web::hidden_values({{"row_version", std::to_string(f.walk.row_version)}});
  }
  form.errors = form_errors(errors);
  form.conflict = conflict;
  if (theirs != nullptr) form.theirs = walk_fields(context, sql, *theirs, indicator_choices);
  form.status = status;
  form.nav = "walks";
  form.after_form_html = drawing_map(context, sql);
  return web::render_form(context, form);
}

Response new_walk(Context& context) {
  WalkForm f;
  const auto today = today_iso_utc();
  f.year = today.substr(0, 4);
  return walk_form(context, f, true, {}, false, 200);
}

Response create_walk_submit(Context& context) {
  const auto actor = context.actor();
  validation::Errors errors;
  auto f = walk_from_form(context, Walk{}, errors);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        const auto id = create_walk(context.services.database, actor, f.walk, f.groups);
        return Response::redirect(walk_path(id) + "?notice=notice_created");
      },
      [&](validation::Errors found, bool conflict) {
        found.add_all(errors);
        return walk_form(context, f, true, found, conflict, 422);
      });
}

Response edit_walk(Context& context) {
  return walk_form(
      context, form_of(walk_record(context.services.database, context.actor(), context.path_id())),
      false, {}, false, 200);
}

Response update_walk_submit(Context& context) {
  const auto actor = context.actor();
  const auto record = walk_record(context.services.database, context.actor(), context.path_id());
  validation::Errors errors;
  auto f = walk_from_form(context, record.walk, errors);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        update_walk(context.services.database, actor, f.walk, f.groups);
        return Response::redirect(walk_path(f.walk.id) + "?notice=notice_saved");
      },
      [&](validation::Errors found, bool conflict) {
        if (conflict) {
          const auto fresh =
              form_of(walk_record(context.services.database, context.actor(), f.walk.id));
          auto typed = f;
          typed.walk.row_version = fresh.walk.row_version;
          return walk_form(context, typed, false, {}, true, 409, &fresh);
        }
        found.add_all(errors);
        return walk_form(context, f, false, found, false, 422);
      });
}

}  // namespace

void add_walk_form_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/walks/new", all, new_walk});
  app.add({Method::post, "/walks", all, create_walk_submit});
  app.add({Method::get, "/walks/{id}/edit", all, edit_walk});
  app.add({Method::post, "/walks/{id}/edit", all, update_walk_submit});
}

}  // namespace samtryg::walks
