// Proposed themes (seed 001: "Forslag om temaemne til kredsrådsmødet"): the list of what members
// proposed for the bodies' meetings, where each stands (proposed, on an agenda, declined with
// the coordinator's reply), the form to propose one, and the coordinator's decline and the
// proposer's withdrawal, each confirmed first. Taking one onto an agenda happens among the
// agenda's proposals (the theme source below).
#include <cctype>
#include <map>

#include "core/demo/marks.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/meetings/commands.hpp"
#include "features/meetings/page_support.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::meetings {

namespace {

constexpr std::string_view kThemesPath = "/meetings/themes";

std::string theme_path(long long id) {
  return std::string(kThemesPath) + "/" + std::to_string(id);
}

// What the list and the agenda's proposal say about a theme: its body, the meeting it is for,
// who proposed it when.
struct ThemeNames {
  std::map<long long, std::string> bodies;
  std::map<long long, Meeting> meetings;
  std::map<long long, std::string> people;
};

ThemeNames theme_names(soci::session& sql, const Actor& actor) {
  ThemeNames names;
  for (const auto& group : strategy::groups(sql, actor)) names.bodies[group.id] = group.name;
  for (auto& meeting : meetings(sql, actor)) names.meetings[meeting.id] = std::move(meeting);
  for (const auto& person : strategy::people(sql, actor)) names.people[person.id] = person.name;
  return names;
}

template <class Map>
std::string name_in(const Map& map, const std::optional<long long>& id) {
  if (!id) return {};
  const auto found = map.find(*id);
  return found == map.end() ? std::string() : std::string(found->second);
}

std::string meeting_label(const Context& context, const Meeting& meeting) {
  return meeting.title + ", " +
         i18n::format_iso_date(meeting.starts_at.substr(0, 10), context.language);
}

// "For: Lokalrådet, 3. kvartal 2014 (17. september 2014)" or "for the body's next meeting".
std::string target_text(const Context& context, const ThemeNames& names, const Theme& theme) {
  if (theme.meeting_id) {
    const auto meeting = names.meetings.find(*theme.meeting_id);
    if (meeting != names.meetings.end()) return meeting_label(context, meeting->second);
  }
  return context.text("meeting_theme_next_meeting");
}

std::string proposed_text(const Context& context, const ThemeNames& names, const Theme& theme) {
  const auto day = i18n::format_iso_date(theme.created_at.substr(0, 10), context.language);
  const auto who = name_in(names.people, theme.proposed_by);
  if (who.empty()) return context.catalog().format("meeting_theme_proposed_on", {{"day", day}});
  return context.catalog().format("meeting_theme_proposed_by", {{"name", who}, {"day", day}});
}

view::Data theme_data(Context& context, const ThemeNames& names, const Theme& theme,
                      const std::map<long long, demo::Fields>& marks) {
  const auto actor = context.actor();
  view::Data entry;
  entry.set("id", std::to_string(theme.id));
  entry.set("title", theme.title);
  entry.set("reason", theme.reason);
  entry.set("body", name_in(names.bodies, theme.group_id));
  entry.set("target", target_text(context, names, theme));
  entry.set("proposed", proposed_text(context, names, theme));
  entry.set("reply", theme.reply);
  if (!theme.declined_at.empty()) {
    entry.set("declined_on",
              i18n::format_iso_date(theme.declined_at.substr(0, 10), context.language));
  }
  if (theme.item_meeting_id) {
    entry.set("meeting_id", std::to_string(*theme.item_meeting_id));
    entry.set("item_id", std::to_string(theme.item_id.value_or(0)));
    const auto meeting = names.meetings.find(*theme.item_meeting_id);
    if (meeting != names.meetings.end()) {
      entry.set("meeting", meeting_label(context, meeting->second));
    }
  }
  const bool open = theme_status(theme) == "proposed";
  entry.set("can_decline", view::flag(open && actor.edit_all));
  // The proposer withdraws; the coordinator answers instead (declining with a reply).
  entry.set("can_withdraw",
            view::flag(open && actor.user_id && theme.proposed_by == actor.user_id));
  if (const auto marked = marks.find(theme.id); marked != marks.end()) {
    entry.set("example", demo::example_note(context.catalog(), "meeting_theme_", marked->second));
  }
  return entry;
}

Response themes_page(Context& context) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  const auto names = theme_names(sql, actor);
  auto proposed = view::list();
  auto taken = view::list();
  auto declined = view::list();
  const auto marks = demo::marks_of(sql, actor.workspace_id, "meeting_theme");
  for (const auto& theme : themes(sql, actor)) {
    const auto status = theme_status(theme);
    auto& list = status == "proposed" ? proposed : status == "on_agenda" ? taken : declined;
    list.push_back(theme_data(context, names, theme, marks));
  }
  view::Data data;
  data.set("notice", view::text(notice_text(context)));
  data.set("proposed", proposed);
  data.set("has_proposed", view::flag(!proposed.is_empty_list()));
  data.set("taken", taken);
  data.set("has_taken", view::flag(!taken.is_empty_list()));
  data.set("declined", declined);
  data.set("has_declined", view::flag(!declined.is_empty_list()));
  data.set("has_bodies", view::flag(!names.bodies.empty()));
  return web::render_page(
      context, kTemplates("themes"), std::move(data),
      {.title = context.text("meeting_themes_title"), .status = 200, .nav = "meetings"});
}

// The meetings a theme can be proposed for: every body's planned ones still to come, under
// "the body's next meeting".
// "Lokalrådet: Ordinært møde, 17. september 2014", so the body is told apart.
std::vector<web::Option> meeting_options(const Context& context, soci::session& sql) {
  std::vector<web::Option> options{{"", context.text("meeting_theme_next_meeting")}};
  const auto now = local_now();
  std::map<long long, std::string> bodies;
  for (const auto& group : strategy::groups(sql, context.actor())) bodies[group.id] = group.name;
  for (const auto& meeting : meetings(sql, context.actor())) {
    if (!meeting.group_id || meeting.status != "planned" || meeting.starts_at <= now) continue;
    const auto body = name_in(bodies, meeting.group_id);
    options.push_back({std::to_string(meeting.id), (body.empty() ? std::string() : body + ": ") +
                                                       meeting_label(context, meeting)});
  }
  return options;
}

Response theme_form(Context& context, const Theme& theme, const validation::Errors& errors,
                    int status) {
  auto sql = context.services.database.session();
  auto bodies = body_options(context, sql);
  bodies.front().label = context.text("meeting_theme_choose_body");
  web::FormPage form;
  form.heading = context.text("meeting_theme_new");
  form.intro = context.text("meeting_theme_new_intro");
  form.action = std::string(kThemesPath);
  form.submit = context.text("meeting_theme_submit");
  form.cancel = std::string(kThemesPath);
  form.fields = {
      {.name = "group_id",
       .label = context.text("meeting_body"),
       .value = theme.group_id ? std::to_string(*theme.group_id) : std::string(),
       .kind = Kind::select,
       .required = true,
       .options = bodies},
      {.name = "meeting_id",
       .label = context.text("meeting_theme_for"),
       .value = theme.meeting_id ? std::to_string(*theme.meeting_id) : std::string(),
       .kind = Kind::select,
       .hint = context.text("meeting_theme_for_hint"),
       .options = meeting_options(context, sql)},
      {.name = "title",
       .label = context.text("meeting_theme_title"),
       .value = theme.title,
       .required = true,
       .hint = context.text("meeting_theme_title_hint")},
      {.name = "reason",
       .label = context.text("meeting_theme_reason"),
       .value = theme.reason,
       .kind = Kind::textarea,
       .hint = context.text("meeting_theme_reason_hint")},
  };
  form.errors = errors;
  form.status = status;
  form.nav = "meetings";
  return web::render_form(context, form);
}

Response new_theme(Context& context) {
  Theme theme;
  if (const auto meeting_id = parse_integer(context.query("meeting"))) {
    auto sql = context.services.database.session();
    if (const auto meeting = store::find_meeting(sql, context.actor().workspace_id, *meeting_id)) {
      theme.meeting_id = meeting->id;
      theme.group_id = meeting->group_id;
    }
  } else {
    theme.group_id = parse_integer(context.query("group"));
  }
  return theme_form(context, theme, {}, 200);
}

Response create_theme_submit(Context& context) {
  const auto& form = context.form();
  validation::Errors errors;
  Theme theme;
  theme.group_id = web::optional_number(form.value("group_id"), "group_id", errors);
  theme.meeting_id = web::optional_number(form.value("meeting_id"), "meeting_id", errors);
  theme.title = std::string(trim(form.value("title")));
  theme.reason = std::string(trim(form.value("reason")));
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        propose_theme(context.services.database, context.actor(), theme, local_now());
        return Response::redirect(std::string(kThemesPath) +
                                  "?notice=notice_meeting_theme_proposed");
      },
      [&](const validation::Errors& found, bool) {
        return theme_form(context, theme, found, 422);
      });
}

Theme stored_theme(Context& context) {
  auto sql = context.services.database.session();
  for (auto& theme : themes(sql, context.actor())) {
    if (theme.id == context.path_id()) return std::move(theme);
  }
  throw validation::NotFound();
}

Response decline_form(Context& context, const Theme& theme, const std::string& reply,
                      const validation::Errors& errors, bool conflict, int status) {
  web::FormPage form;
  form.heading = context.text("meeting_theme_decline") + ": " + theme.title;
  {
    auto sql = context.services.database.session();
    const auto names = theme_names(sql, context.actor());
    form.intro = proposed_text(context, names, theme);
    form.intro[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(form.intro[0])));
    form.intro += ". ";
    if (!theme.reason.empty()) form.intro += "“" + theme.reason + "” ";
    form.intro += context.text("meeting_theme_decline_intro");
  }
  form.action = theme_path(theme.id) + "/decline";
  form.submit = context.text("meeting_theme_decline");
  form.cancel = std::string(kThemesPath);
  form.fields = {{.name = "reply",
                  .label = context.text("meeting_theme_reply"),
                  .value = reply,
                  .kind = Kind::textarea,
                  .required = true,
                  .hint = context.text("meeting_theme_reply_hint")}};
  form.hidden = web::hidden_values({{"row_version", std::to_string(theme.row_version)}});
  form.errors = errors;
  form.conflict = conflict;
  form.status = status;
  form.nav = "meetings";
  return web::render_form(context, form);
}

// A theme already on an agenda or answered has nothing to decline or withdraw.
Theme waiting_theme(Context& context) {
  auto theme = stored_theme(context);
  if (theme_status(theme) != "proposed") throw validation::Conflict();
  return theme;
}

Response show_decline(Context& context) {
  return decline_form(context, waiting_theme(context), {}, {}, false, 200);
}

Response decline_submit(Context& context) {
  const auto theme = stored_theme(context);
  const auto reply = std::string(trim(context.form().value("reply")));
  const auto version = parse_integer(context.form().value("row_version")).value_or(0);
  return web::submit(
      [&] {
        decline_theme(context.services.database, context.actor(), theme.id, reply, version);
        return Response::redirect(std::string(kThemesPath) +
                                  "?notice=notice_meeting_theme_declined");
      },
      [&](const validation::Errors& found, bool conflict) {
        return decline_form(context, conflict ? stored_theme(context) : theme, reply, found,
                            conflict, conflict ? 409 : 422);
      });
}

Response confirm_withdraw(Context& context) {
  const auto theme = waiting_theme(context);
  const auto actor = context.actor();
  if (!actor.edit_all && (!actor.user_id || theme.proposed_by != actor.user_id)) {
    throw validation::Forbidden();
  }
  return web::render_confirm(
      context, {.heading = context.text("meeting_theme_withdraw") + ": " + theme.title,
                .text = context.text("meeting_theme_withdraw_text"),
                .confirm = context.text("meeting_theme_withdraw"),
                .action = theme_path(theme.id) + "/withdraw",
                .cancel = std::string(kThemesPath),
                .nav = "meetings"});
}

Response withdraw_submit(Context& context) {
  withdraw_theme(context.services.database, context.actor(), stored_theme(context).id);
  return Response::redirect(std::string(kThemesPath) + "?notice=notice_meeting_theme_withdrawn");
}

}  // namespace

// On a body's agenda: the themes proposed for this meeting or the body's next, one proposal
// each, so the item that takes one up names it.
std::vector<AgendaSuggestion> theme_suggestions(Context& context, soci::session& sql,
                                                const AgendaPeriod& period) {
  if (!period.group_id) return {};
  const auto actor = context.actor();
  std::optional<ThemeNames> names;
  std::vector<AgendaSuggestion> out;
  for (const auto& theme : themes(sql, actor)) {
    if (!is_open_for(theme, period.meeting_id, period.group_id, period.until)) continue;
    if (!names) names = theme_names(sql, actor);
    std::vector<std::string> lines{context.catalog().format(
        "meeting_suggestion_theme", {{"proposed", proposed_text(context, *names, theme)}})};
    if (!theme.reason.empty()) lines.push_back(theme.reason);
    out.push_back({.title = theme.title,
                   .description = agenda_lines(lines),
                   .figures = {},
                   .theme_id = theme.id});
  }
  return out;
}

void add_theme_routes(web::App& app) {
  const auto members = web::Access::needs(auth::Permission::read_workspace);
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/meetings/themes", members, themes_page});
  app.add({Method::get, "/meetings/themes/new", members, new_theme});
  app.add({Method::post, "/meetings/themes", members, create_theme_submit});
  app.add({Method::get, "/meetings/themes/{id}/decline", all, show_decline});
  app.add({Method::post, "/meetings/themes/{id}/decline", all, decline_submit});
  app.add({Method::get, "/meetings/themes/{id}/withdraw", members, confirm_withdraw});
  app.add({Method::post, "/meetings/themes/{id}/withdraw", members, withdraw_submit});
}

}  // namespace samtryg::meetings
