// The form to plan a meeting (or a series: every month, quarter, tertial or half-year) and to
// change it: the body that meets, its title, day and times, place or video link, and, once
// planned, whether it was held or cancelled.
#include <algorithm>

#include "core/util/strings.hpp"
#include "core/web/form_page.hpp"
#include "features/meetings/commands.hpp"
#include "features/meetings/page_support.hpp"

namespace samtryg::meetings {

namespace {

// The form as typed: the day and the two times apart, the series as text.
struct MeetingForm {
  Meeting meeting;
  std::string day;
  std::string starts;
  std::string ends;
  std::string repeat_months;
  std::string repeat_count;
};

MeetingForm form_of(const Meeting& meeting) {
  MeetingForm f;
  f.meeting = meeting;
  if (meeting.starts_at.size() >= 16) {
    f.day = meeting.starts_at.substr(0, 10);
    f.starts = meeting.starts_at.substr(11, 5);
  }
  if (meeting.ends_at.size() >= 16) f.ends = meeting.ends_at.substr(11, 5);
  return f;
}

std::vector<web::Field> meeting_fields(const Context& context, soci::session& sql,
                                       const MeetingForm& f, bool is_new) {
  const auto& m = f.meeting;
  std::vector<web::Field> fields{
      {.name = "group_id",
       .label = context.text("meeting_body"),
       .value = m.group_id ? std::to_string(*m.group_id) : std::string(),
       .kind = Kind::select,
       .hint = context.text("meeting_body_hint"),
       .options = body_options(context, sql)},
      {.name = "title",
       .label = context.text("meeting_title"),
       .value = m.title,
       .required = true,
       .hint = context.text("meeting_title_hint")},
      {.name = "day",
       .label = context.text("meeting_day"),
       .value = f.day,
       .kind = Kind::date,
       .required = true,
       .hint = context.text("date_hint")},
      {.name = "starts",
       .label = context.text("meeting_starts"),
       .value = f.starts,
       .required = true,
       .hint = context.text("meeting_time_hint")},
      {.name = "ends", .label = context.text("meeting_ends"), .value = f.ends, .required = true},
      {.name = "place", .label = context.text("meeting_place"), .value = m.place},
      {.name = "video_url",
       .label = context.text("meeting_video_url"),
       .value = m.video_url,
       .kind = Kind::url,
       .hint = context.text("meeting_video_url_hint")},
  };
  if (is_new) {
    fields.push_back({.name = "repeat_months",
                      .label = context.text("meeting_repeat"),
                      .value = f.repeat_months,
                      .kind = Kind::select,
                      .hint = context.text("meeting_repeat_hint"),
                      .options = {{"", context.text("meeting_repeat_none")},
                                  {"1", context.text("meeting_repeat_monthly")},
                                  {"3", context.text("meeting_repeat_quarterly")},
                                  {"4", context.text("meeting_repeat_tertial")},
                                  {"6", context.text("meeting_repeat_half_year")}}});
    fields.push_back({.name = "repeat_count",
                      .label = context.text("meeting_repeat_count"),
                      .value = f.repeat_count,
                      .kind = Kind::number});
  } else {
    fields.push_back(
        {.name = "status",
         .label = context.text("meeting_status"),
         .value = m.status,
         .kind = Kind::select,
         .options = web::coded_options(kStatuses, "meeting_status_", context.catalog())});
  }
  return fields;
}

MeetingForm meeting_from_form(Context& context, Meeting meeting, validation::Errors& errors) {
  const auto& form = context.form();
  MeetingForm f;
  meeting.group_id = web::optional_number(form.value("group_id"), "group_id", errors);
  meeting.title = std::string(trim(form.value("title")));
  f.day = std::string(trim(form.value("day")));
  f.starts = std::string(trim(form.value("starts")));
  f.ends = std::string(trim(form.value("ends")));
  // "16.00" as Danes write it reads as 16:00.
  for (auto* time : {&f.starts, &f.ends}) std::replace(time->begin(), time->end(), '.', ':');
  meeting.starts_at = f.day + "T" + f.starts;
  meeting.ends_at = f.day + "T" + f.ends;
  meeting.place = std::string(trim(form.value("place")));
  meeting.video_url = std::string(trim(form.value("video_url")));
  if (form.get("status")) meeting.status = form.value("status");
  f.repeat_months = form.value("repeat_months");
  f.repeat_count = form.value("repeat_count");
  if (const auto version = parse_integer(form.value("row_version"))) {
    meeting.row_version = *version;
  }
  f.meeting = std::move(meeting);
  return f;
}

// The rules name the joined times; the form has the day and two times.
validation::Errors form_errors(const validation::Errors& found) {
  validation::Errors out;
  for (const auto& item : found.items()) {
    auto field = item.field;
    if (field == "starts_at") field = "starts";
    if (field == "ends_at") field = "ends";
    out.add(field, item.message_key, item.values);
  }
  return out;
}

Response meeting_form(Context& context, const MeetingForm& f, bool is_new,
                      const validation::Errors& errors, bool conflict, int status) {
  auto sql = context.services.database.session();
  web::FormPage form;
  form.heading =
      is_new ? context.text("meeting_new") : context.text("meeting_edit") + ": " + f.meeting.title;
  form.intro = is_new ? context.text("meeting_new_intro") : std::string();
  form.action = is_new ? "/meetings" : meeting_path(f.meeting.id) + "/edit";
  form.submit = context.text(is_new ? "form_create" : "form_save");
  form.cancel = is_new ? "/meetings" : meeting_path(f.meeting.id);
  form.fields = meeting_fields(context, sql, f, is_new);
  if (!is_new) {
    form.hidden = web::hidden_values({{"row_version", std::to_string(f.meeting.row_version)}});
  }
  form.errors = form_errors(errors);
  form.conflict = conflict;
  form.status = status;
  form.nav = "meetings";
  return web::render_form(context, form);
}

Response new_meeting(Context& context) {
  MeetingForm f;
  f.meeting.group_id = parse_integer(context.query("group"));
  return meeting_form(context, f, true, {}, false, 200);
}

Response create_meeting_submit(Context& context) {
  const auto actor = context.actor();
  validation::Errors errors;
  const auto f = meeting_from_form(context, Meeting{}, errors);
  const auto months = parse_integer(f.repeat_months).value_or(0);
  const auto count = f.repeat_count.empty() ? 1 : parse_integer(f.repeat_count).value_or(0);
  if (f.day.empty()) errors.add("day", "field_required");
  return web::submit(
      [&] {
        auto all = errors;
        all.add_all(form_errors(validate_meeting(f.meeting)));
        validation::throw_if_any(all);
        const auto id = create_meeting(context.services.database, actor, f.meeting,
                                       static_cast<int>(months), static_cast<int>(count));
        return Response::redirect(meeting_path(id) + "?notice=notice_created");
      },
      [&](const validation::Errors& found, bool conflict) {
        return meeting_form(context, f, true, found, conflict, 422);
      });
}

Meeting stored_meeting(Context& context) {
  auto sql = context.services.database.session();
  return readable_meeting(sql, context.actor(), context.path_id());
}

Response edit_meeting(Context& context) {
  return meeting_form(context, form_of(stored_meeting(context)), false, {}, false, 200);
}

Response update_meeting_submit(Context& context) {
  const auto actor = context.actor();
  validation::Errors errors;
  const auto f = meeting_from_form(context, stored_meeting(context), errors);
  return web::submit(
      [&] {
        auto all = errors;
        all.add_all(form_errors(validate_meeting(f.meeting)));
        validation::throw_if_any(all);
        update_meeting(context.services.database, actor, f.meeting);
        return Response::redirect(meeting_path(f.meeting.id) + "?notice=notice_saved");
      },
      [&](const validation::Errors& found, bool conflict) {
        auto shown = f;
        if (conflict) shown.meeting.row_version = stored_meeting(context).row_version;
        return meeting_form(context, shown, false, found, conflict, conflict ? 409 : 422);
      });
}

}  // namespace

void add_meeting_form_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/meetings/new", all, new_meeting});
  app.add({Method::post, "/meetings", all, create_meeting_submit});
  app.add({Method::get, "/meetings/{id}/edit", all, edit_meeting});
  app.add({Method::post, "/meetings/{id}/edit", all, update_meeting_submit});
}

}  // namespace samtryg::meetings
