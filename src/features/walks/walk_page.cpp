// The list of walks and a walk's page: its plan, the participants counted against the target,
// its state, the findings with their actions and follow-up, and the forms to record them.
#include <fmt/format.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

#include "core/demo/marks.hpp"
#include "core/documents/document.hpp"
#include "core/documents/photo.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/util/time.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/indicators/queries.hpp"
#include "features/strategy/queries.hpp"
#include "features/walks/commands.hpp"
#include "features/walks/page_support.hpp"

namespace samtryg::walks {

namespace {

// Sets `key` only for text that is there: the templates' {{#key}} sections treat an empty
// string as present.
void set_if_any(view::Data& data, const std::string& key, const std::string& value) {
  if (!value.empty()) data.set(key, value);
}

view::Data tally_data(const Context& context, const ActionTally& counted) {
  view::Data data;
  data.set("total", std::to_string(counted.total));
  data.set("fixed", std::to_string(counted.fixed));
  data.set("closed_unfixed", std::to_string(counted.closed_unfixed));
  data.set("open", std::to_string(counted.open));
  data.set("overdue", std::to_string(counted.overdue));
  data.set("has_overdue", view::flag(counted.overdue > 0));
  data.set("summary", context.catalog().format("walk_actions_summary",
                                               {{"total", std::to_string(counted.total)},
                                                {"fixed", std::to_string(counted.fixed)},
                                                {"closed", std::to_string(counted.closed_unfixed)},
                                                {"open", std::to_string(counted.open)}}));
  return data;
}

std::string counted_text(const Context& context, const Walk& walk) {
  if (!walk.counts) return context.text("walk_not_counted");
  return context.catalog().format("walk_counted_of_target",
                                  {{"counted", std::to_string(walk.counts->counted())},
                                   {"target", std::to_string(kParticipantTarget)}});
}

Response list_walks(Context& context) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  const auto today = today_iso_utc();
  auto items = view::list();
  for (const auto& summary : walk_summaries(sql, actor)) {
    const auto& walk = summary.walk;
    view::Data item;
    item.set("id", std::to_string(walk.id));
    item.set("title", walk_title(context, walk));
    item.set("date", walk.walk_date.empty()
                         ? context.text("walk_date_open")
                         : i18n::format_iso_date(walk.walk_date, context.language));
    item.set("status", context.text("walk_status_" + walk.status));
    item.set("status_code", walk.status);
    item.set("counted", counted_text(context, walk));
    item.set("met", view::flag(walk.counts && walk.counts->counted() >= kParticipantTarget));
    item.set("findings", std::to_string(summary.findings));
    item.set("actions", tally_data(context, tally(summary.actions, today)));
    items.push_back(item);
  }
  view::Data data;
  data.set("walks", items);
  data.set("has_walks", view::flag(!items.is_empty_list()));
  data.set("can_plan", view::flag(actor.edit_all));
  data.set("notice", view::text(notice_text(context)));
  return web::render_page(context, kTemplates("walks"), std::move(data),
                          {.title = context.text("walks_title"), .status = 200, .nav = "walks"});
}

void add_plan(view::Data& data, const Context& context, soci::session& sql,
              const WalkRecord& record) {
  const auto& walk = record.walk;
  const auto actor = context.actor();
  data.set("date", walk.walk_date.empty()
                       ? context.text("walk_date_open")
                       : i18n::format_iso_date(walk.walk_date, context.language));
  set_if_any(data, "start_time", walk.start_time);
  set_if_any(data, "meeting_point", walk.meeting_point);
  set_if_any(data, "route", walk.route);
  set_if_any(data, "organisers", walk.organisers);
  if (!walk.follow_up_date.empty()) {
    data.set("follow_up_date", i18n::format_iso_date(walk.follow_up_date, context.language));
  }
  auto channels = view::list();
  for (const auto& channel : walk.recruitment) {
    channels.push_back(view::text(context.text("walk_recruitment_" + channel)));
  }
  data.set("recruitment", channels);
  data.set("has_recruitment", view::flag(!walk.recruitment.empty()));
  if (!walk.invitation.empty()) {
    data.set("invitation_html", view::text(documents::markdown_html(walk.invitation)));
  }
  auto groups = view::list();
  for (const auto& group : record.groups) {
    view::Data item;
    item.set("name", group.name);
    set_if_any(item, "guide", group.guide);
    set_if_any(item, "route", group.route);
    groups.push_back(item);
  }
  data.set("groups", groups);
  data.set("has_groups", view::flag(!record.groups.empty()));
  if (walk.initiative_id) {
    if (const auto initiative = strategy::find_initiative(sql, actor, *walk.initiative_id);
        initiative && strategy::visible(sql, actor, *initiative)) {
      data.set("initiative_id", std::to_string(initiative->id));
      data.set("initiative_name", initiative->name);
    }
  }
  if (walk.indicator_id) {
    try {
      const auto indicator = indicators::indicator_in_workspace(sql, actor, *walk.indicator_id);
      if (indicators::visible(sql, actor, indicator)) {
        data.set("indicator_id", std::to_string(indicator.id));
        data.set("indicator_name", indicator.name);
      }
    } catch (const validation::NotFound&) {
    }
  }
}

void add_counts(view::Data& data, const Context& context, const Walk& walk) {
  auto rows = view::list();
  const Counts counts = walk.counts.value_or(Counts{});
  const int values[] = {counts.residents, counts.workers,         counts.municipality,
                        counts.police,    counts.property_owners, counts.others};
  std::size_t index = 0;
  for (const auto category : kParticipantCategories) {
    view::Data row;
    const auto code = std::string(category);
    row.set("code", code);
    row.set("label", context.text("walk_count_" + code));
    row.set("value", walk.counts ? std::to_string(values[index]) : std::string());
    row.set("official",
            view::flag(code == "municipality" || code == "police" || code == "property_owners"));
    rows.push_back(row);
    ++index;
  }
  data.set("counts", rows);
  data.set("counted", view::flag(walk.counts.has_value()));
  data.set("counted_text", counted_text(context, walk));
  data.set("total", std::to_string(counts.total()));
  data.set("target_met", view::flag(walk.counts && counts.counted() >= kParticipantTarget));
}

void add_moves(view::Data& data, const Context& context, const Walk& walk) {
  auto moves = view::list();
  for (const auto status : kStatuses) {
    if (!may_move(walk.status, status)) continue;
    view::Data move;
    move.set("to", std::string(status));
    move.set("label", context.text("walk_move_to_" + std::string(status)));
    move.set("forward", view::flag(is_forward(walk.status, status)));
    moves.push_back(move);
  }
  data.set("moves", moves);
}

struct FindingRights {
  bool record = false;
  bool act = false;
};

// `examples`: the findings the demo made up, by id, with their made-up fields.
// The actions of one finding, each with who may move it along.
view::Data action_entries(const Context& context, const WalkRecord& record, long long finding_id,
                          const std::map<long long, std::string>& people) {
  const auto today = today_iso_utc();
  const auto actor = context.actor();
  auto actions = view::list();
  for (const auto& action : record.actions) {
    if (action.finding_id != finding_id) continue;
    view::Data entry;
    entry.set("id", std::to_string(action.id));
    entry.set("description", action.description);
    set_if_any(entry, "party", action.responsible_party);
    const auto owner = action.owner_user_id ? people.find(*action.owner_user_id) : people.end();
    if (owner != people.end()) entry.set("owner", owner->second);
    if (!action.due_date.empty()) {
      entry.set("due", i18n::format_iso_date(action.due_date, context.language));
    }
    entry.set("status", context.text("walk_action_status_" + action.status));
    entry.set("status_code", action.status);
    set_if_any(entry, "status_note", action.status_note);
    entry.set("overdue", view::flag(is_overdue(action, today)));
    entry.set("can_update", view::flag(may_update(actor, action)));
    actions.push_back(entry);
  }
  return actions;
}

// The photos of one finding as thumbnails, each numbered for its alternative text.
view::Data photo_entries(const Context& context, const WalkRecord& record, const Finding& finding) {
  auto photos = view::list();
  int photo_number = 0;
  for (const auto& photo : record.photos) {
    if (photo.finding_id != finding.id) continue;
    view::Data entry;
    entry.set("id", std::to_string(photo.id));
    entry.set("alt", context.catalog().format("walk_photo_alt",
                                              {{"photo", std::to_string(++photo_number)},
                                               {"number", std::to_string(finding.number)}}));
    entry.set("stage", context.text("walk_photo_stage_" + photo.stage));
    entry.set("public", view::flag(photo.is_public));
    // The thumbnail's box, so the page does not jump while it loads.
    const auto box = documents::thumbnail_box(photo.width, photo.height);
    entry.set("thumb_width", std::to_string(box.width));
    entry.set("thumb_height", std::to_string(box.height));
    photos.push_back(entry);
  }
  return photos;
}

view::Data finding_items(const Context& context, const WalkRecord& record,
                         const std::map<long long, std::string>& people,
                         const std::map<long long, demo::Fields>& examples,
                         const FindingRights& rights) {
  auto items = view::list();
  for (const auto& finding : record.findings) {
    view::Data item;
    item.set("id", std::to_string(finding.id));
    item.set("walk_id", std::to_string(record.walk.id));
    item.set("number", std::to_string(finding.number));
    set_if_any(item, "place", finding.place);
    if (finding.latitude && finding.longitude) {
      item.set("position", i18n::format_number(*finding.latitude, 5, context.language) + ", " +
                               i18n::format_number(*finding.longitude, 5, context.language));
    }
    item.set("category", context.text("walk_category_" + finding.category));
    item.set("severity", context.text("walk_severity_" + finding.severity));
    item.set("severity_code", finding.severity);
    item.set("description", finding.description);
    item.set("public", view::flag(finding.is_public));
    if (const auto found = examples.find(finding.id); found != examples.end()) {
      item.set("example_note",
               view::text(demo::example_note(context.catalog(), "walk_finding_", found->second)));
    }
    if (!finding.follow_up.empty()) {
      item.set("follow_up", context.text("walk_follow_up_" + finding.follow_up));
      item.set("follow_up_code", finding.follow_up);
      set_if_any(item, "follow_up_note", finding.follow_up_note);
    }
    const auto actions = action_entries(context, record, finding.id, people);
    item.set("has_actions", view::flag(!actions.is_empty_list()));
    item.set("actions", actions);
    const auto photos = photo_entries(context, record, finding);
    item.set("has_photos", view::flag(!photos.is_empty_list()));
    item.set("photos", photos);
    item.set("can_record", view::flag(rights.record));
    item.set("can_act", view::flag(rights.act));
    item.set("can_check", view::flag(rights.record && record.walk.status != "planned"));
    items.push_back(item);
  }
  return items;
}

std::vector<web::Field> count_fields(const Context& context, const Walk& walk) {
  std::vector<web::Field> fields;
  const Counts counts = walk.counts.value_or(Counts{});
  const int values[] = {counts.residents, counts.workers,         counts.municipality,
                        counts.police,    counts.property_owners, counts.others};
  std::size_t index = 0;
  for (const auto category : kParticipantCategories) {
    const auto code = std::string(category);
    fields.push_back({.name = code,
                      .label = context.text("walk_count_" + code),
                      .value = walk.counts ? std::to_string(values[index]) : std::string(),
                      .kind = Kind::number});
    ++index;
  }
  return fields;
}

}  // namespace

namespace {

// The map (web/static/js/walk-map.js) is drawn from this; the findings list carries the same
// for those who cannot use a map. Escaped as attributes by the template.
void add_map(view::Data& data, const Context& context, soci::session& sql, const WalkRecord& record,
             bool can_record) {
  boost::json::array markers;
  for (const auto& finding : record.findings) {
    if (!finding.latitude || !finding.longitude) continue;
    markers.push_back(
        boost::json::object{{"id", finding.id},
                            {"number", finding.number},
                            {"lat", *finding.latitude},
                            {"lng", *finding.longitude},
                            {"category", context.text("walk_category_" + finding.category)},
                            {"place", finding.place}});
  }
  // [[latitude, longitude], …] to six decimals, as the form shows them.
  const auto pairs = [](const std::vector<Position>& positions) {
    std::string out;
    for (const auto& position : positions) {
      out += fmt::format("{}[{:.6f},{:.6f}]", out.empty() ? "" : ",", position.latitude,
                         position.longitude);
    }
    return "[" + out + "]";
  };
  const auto& walk = record.walk;
  data.set("has_outline", view::flag(!walk.route_line.empty() || !walk.area_outline.empty()));
  data.set("has_route", view::flag(!walk.route_line.empty()));
  data.set("has_area", view::flag(!walk.area_outline.empty()));
  data.set("map_route", pairs(walk.route_line));
  data.set("map_area", pairs(walk.area_outline));
  data.set("show_map", view::flag(can_record || !markers.empty() || !walk.route_line.empty() ||
                                  !walk.area_outline.empty()));
  data.set("map_findings", boost::json::serialize(markers));
  add_map_sources(data, context, sql);
}

}  // namespace

Response render_walk(Context& context, const WalkRecord& record, const validation::Errors& errors,
                     const std::vector<web::Field>& finding_form, int status) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  const auto& walk = record.walk;
  const bool can_record = may_record(actor) && walk.status != "published";
  std::map<long long, std::string> people;
  for (const auto& option : owner_options(context, sql)) {
    if (const auto id = parse_id(option.code)) people[*id] = option.label;
  }
  view::Data data;
  data.set("id", std::to_string(walk.id));
  data.set("title", walk_title(context, walk));
  data.set("status", context.text("walk_status_" + walk.status));
  data.set("status_code", walk.status);
  data.set("notice", view::text(notice_text(context)));
  data.set("can_plan", view::flag(actor.edit_all));
  data.set("can_history", view::flag(actor.read_all));
  data.set("can_record", view::flag(can_record));
  // The key under which this person's offline findings wait in the browser.
  data.set("person_id", std::to_string(actor.user_id.value_or(0)));
  add_plan(data, context, sql, record);
  add_counts(data, context, walk);
  add_moves(data, context, walk);
  data.set("example_note", view::text(demo::example_note(
                               context.catalog(), "walk_",
                               demo::marks_of(sql, actor.workspace_id, "walk", walk.id))));
  data.set("findings", finding_items(context, record, people,
                                     demo::marks_of(sql, actor.workspace_id, "walk_finding"),
                                     {.record = can_record, .act = actor.edit_all}));
  data.set("has_findings", view::flag(!record.findings.empty()));
  data.set("actions", tally_data(context, tally(record.actions, today_iso_utc())));
  if (actor.edit_all) {
    view::Data form;
    form.set("fields", web::fields_data(count_fields(context, walk), errors, context.catalog()));
    data.set("count_form", form);
    data.set("row_version", std::to_string(walk.row_version));
  }
  if (can_record) {
    view::Data form;
    form.set("fields", web::fields_data(finding_form, errors, context.catalog()));
    data.set("finding_form", form);
  }
  if (!errors.empty()) data.set("has_errors", view::flag(true));
  add_map(data, context, sql, record, can_record);
  return web::render_page(context, kTemplates("walk"), std::move(data),
                          {.title = walk_title(context, walk), .status = status, .nav = "walks"});
}

namespace {

Response show_walk(Context& context) {
  const auto record = walk_record(context.services.database, context.actor(), context.path_id());
  return render_walk(context, record, {}, finding_fields(context, Finding{}, {}), 200);
}

Response counts_submit(Context& context) {
  const auto actor = context.actor();
  const auto id = context.path_id();
  const auto& form = context.form();
  validation::Errors errors;
  Counts counts;
  counts.residents = form_count(form.value("residents"), "residents", errors);
  counts.workers = form_count(form.value("workers"), "workers", errors);
  counts.municipality = form_count(form.value("municipality"), "municipality", errors);
  counts.police = form_count(form.value("police"), "police", errors);
  counts.property_owners = form_count(form.value("property_owners"), "property_owners", errors);
  counts.others = form_count(form.value("others"), "others", errors);
  const auto version = parse_integer(form.value("row_version")).value_or(0);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        save_counts(context.services.database, actor, id, version, counts);
        return Response::redirect(walk_path(id) + "?notice=notice_saved#participants");
      },
      [&](validation::Errors found, bool conflict) {
        auto record = walk_record(context.services.database, context.actor(), id);
        if (conflict) found.add("residents", "walk_saved_meanwhile");
        found.add_all(errors);
        record.walk.counts = counts;
        return render_walk(context, record, found, finding_fields(context, Finding{}, {}),
                           conflict ? 409 : 422);
      });
}

Response status_submit(Context& context) {
  const auto actor = context.actor();
  const auto id = context.path_id();
  const auto& form = context.form();
  const auto version = parse_integer(form.value("row_version")).value_or(0);
  const auto to = form.value("to");
  return web::submit(
      [&] {
        move_walk(context.services.database, actor, id, version, to);
        return Response::redirect(walk_path(id) + "?notice=notice_walk_moved");
      },
      [&](validation::Errors found, bool conflict) {
        const auto record = walk_record(context.services.database, context.actor(), id);
        if (conflict) found.add("status", "walk_saved_meanwhile");
        return render_walk(context, record, found, finding_fields(context, Finding{}, {}),
                           conflict ? 409 : 422);
      });
}

}  // namespace

void add_walk_page_routes(web::App& app) {
  const auto read = web::Access::needs(auth::Permission::read_published);
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/walks", read, list_walks});
  app.add({Method::get, "/walks/{id}", read, show_walk});
  app.add({Method::post, "/walks/{id}/counts", all, counts_submit});
  app.add({Method::post, "/walks/{id}/status", all, status_submit});
}

}  // namespace samtryg::walks
