// The list of meetings (coming, then held) and a meeting's page: when and where, the body and
// its calendar, the agenda with each item's minutes, decisions and action items, and the open
// action items carried from the body's earlier meetings; deleting a meeting after a
// confirmation.
#include <algorithm>

#include "core/demo/marks.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/meetings/commands.hpp"
#include "features/meetings/page_support.hpp"

namespace samtryg::meetings {

namespace {

void set_if_any(view::Data& data, const std::string& key, const std::string& value) {
  if (!value.empty()) data.set(key, value);
}

view::Data meeting_summary(const Context& context, const Meeting& meeting) {
  view::Data item;
  item.set("id", std::to_string(meeting.id));
  item.set("title", meeting.title);
  item.set("when", when_text(context, meeting));
  set_if_any(item, "place", meeting.place);
  item.set("status", context.text("meeting_status_" + meeting.status));
  item.set("cancelled", view::flag(meeting.status == "cancelled"));
  return item;
}

Response list_meetings(Context& context) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  const auto examples = demo::marks_of(sql, actor.workspace_id, "meeting");
  // Today in the workspace's zone, as meetings' times are.
  const auto now = local_now();
  auto coming = view::list();
  auto held = view::list();
  const auto all = meetings(sql, actor);
  std::map<long long, std::string> bodies;
  for (const auto& option : body_options(context, sql)) {
    if (const auto id = parse_id(option.code)) bodies[*id] = option.label;
  }
  const auto summary = [&](const Meeting& meeting) {
    auto item = meeting_summary(context, meeting);
    item.set("example", view::flag(examples.contains(meeting.id)));
    if (meeting.group_id && bodies.contains(*meeting.group_id)) {
      item.set("body", bodies.at(*meeting.group_id));
    }
    return item;
  };
  for (const auto& meeting : all) {
    if (meeting.ends_at >= now) coming.push_back(summary(meeting));
  }
  for (auto at = all.rbegin(); at != all.rend(); ++at) {
    if (at->ends_at < now) held.push_back(summary(*at));
  }
  view::Data data;
  data.set("has_coming", view::flag(!coming.is_empty_list()));
  data.set("coming", coming);
  data.set("has_held", view::flag(!held.is_empty_list()));
  data.set("held", held);
  data.set("can_edit", view::flag(actor.edit_all));
  data.set("notice", view::text(notice_text(context)));
  return web::render_page(
      context, kTemplates("meetings"), std::move(data),
      {.title = context.text("meetings_title"), .status = 200, .nav = "meetings"});
}

std::string person(const MeetingRecord& record, long long id) {
  const auto found = record.people.find(id);
  return found == record.people.end() ? std::string("–") : found->second;
}

view::Data action_data(const Context& context, const MeetingRecord& record, const Action& action,
                       const std::string& today) {
  view::Data item;
  item.set("id", std::to_string(action.id));
  item.set("title", action.title);
  item.set("owner", person(record, action.owner_user_id));
  item.set("due", i18n::format_iso_date(action.due_on, context.language));
  item.set("done", view::flag(action.status == "done"));
  item.set("overdue", view::flag(is_overdue(action, today)));
  const auto actor = context.actor();
  item.set("can_mark",
           view::flag(actor.edit_all || (actor.user_id && *actor.user_id == action.owner_user_id)));
  return item;
}

view::Data item_data(const Context& context, const MeetingRecord& record, const Item& item,
                     std::size_t index, const std::string& today) {
  view::Data data;
  data.set("id", std::to_string(item.id));
  data.set("meeting_id", std::to_string(record.meeting.id));
  data.set("number", std::to_string(index + 1));
  data.set("title", item.title);
  set_if_any(data, "description", item.description);
  set_if_any(data, "minutes", item.minutes);
  auto figures = view::list();
  for (const auto& figure : item.figures) {
    view::Data entry;
    entry.set("id", std::to_string(figure.id));
    entry.set("alt", figure.alt);
    entry.set("caption", figure.caption);
    figures.push_back(entry);
  }
  data.set("figures", figures);
  auto decisions = view::list();
  for (const auto& decision : record.decisions) {
    if (decision.item_id != item.id) continue;
    view::Data entry;
    entry.set("id", std::to_string(decision.id));
    entry.set("number", std::to_string(decision.number));
    entry.set("text", decision.text);
    entry.set("published", view::flag(decision.published));
    decisions.push_back(entry);
  }
  data.set("decisions", decisions);
  data.set("has_decisions", view::flag(!decisions.is_empty_list()));
  auto actions = view::list();
  for (const auto& action : record.actions) {
    if (action.item_id == item.id) actions.push_back(action_data(context, record, action, today));
  }
  data.set("actions", actions);
  data.set("has_actions", view::flag(!actions.is_empty_list()));
  data.set("first", view::flag(index == 0));
  data.set("last", view::flag(index + 1 == record.items.size()));
  data.set("can_edit", view::flag(context.actor().edit_all));
  return data;
}

bool has_approved(const MeetingRecord& record, long long user_id) {
  return std::any_of(record.approvals.begin(), record.approvals.end(),
                     [&](const Approval& approval) { return approval.user_id == user_id; });
}

// Who approved the minutes when, who has not yet, and what the signed-in person may do about it.
void add_approval_data(view::Data& data, const Context& context, const MeetingRecord& record) {
  const auto actor = context.actor();
  const auto& meeting = record.meeting;
  auto lines = view::list();
  for (const auto& line : approval_lines(context, record)) lines.push_back(view::Data(line));
  data.set("approval_lines", lines);
  std::string pending;
  for (const auto id : record.invitees) {
    if (!has_approved(record, id)) pending += (pending.empty() ? "" : ", ") + person(record, id);
  }
  // Approved at a later meeting: nobody is missing any more.
  data.set("approval_pending", view::text(record.approving ? std::string() : pending));
  const bool begun = meeting.status != "cancelled" && meeting.starts_at <= local_now();
  const bool invited = !meeting.group_id ||
                       (actor.user_id && std::find(record.invitees.begin(), record.invitees.end(),
                                                   *actor.user_id) != record.invitees.end());
  const bool approved_already = actor.user_id && has_approved(record, *actor.user_id);
  data.set("can_approve", view::flag(begun && invited && !approved_already && actor.user_id));
  data.set("begun", view::flag(begun));
  data.set("approval_note", view::text(begun ? std::string()
                                             : context.text(meeting.status == "cancelled"
                                                                ? "meeting_approve_cancelled"
                                                                : "meeting_approval_after")));
  if (!actor.edit_all || !begun) return;
  // A later meeting of the same body can have approved the minutes.
  auto sql = context.services.database.session();
  auto options = view::list();
  view::Data none;
  none.set("value", "");
  none.set("label", context.text("meeting_approved_at_none"));
  none.set("selected", view::flag(!meeting.approved_at_meeting_id));
  options.push_back(none);
  bool any_later = false;
  for (const auto& later : meetings(sql, actor)) {
    if (later.group_id != meeting.group_id || later.starts_at <= meeting.starts_at ||
        later.status == "cancelled") {
      continue;
    }
    view::Data option;
    option.set("value", std::to_string(later.id));
    option.set("label", later.title + " (" +
                            i18n::format_iso_date(later.starts_at.substr(0, 10), context.language) +
                            ")");
    option.set("selected", view::flag(meeting.approved_at_meeting_id == later.id));
    options.push_back(option);
    any_later = true;
  }
  data.set("approving_options", options);
  data.set("has_later_meetings", view::flag(any_later));
}

// The invitations sent and where each message stands; whether one must go (again).
void add_invitation_data(view::Data& data, const Context& context, const MeetingRecord& record) {
  const auto& meeting = record.meeting;
  auto sent = view::list();
  for (const auto& entry : record.invitations) {
    view::Data item;
    const auto& invitation = entry.invitation;
    item.set("recipient",
             invitation.user_id ? person(record, *invitation.user_id) : invitation.recipient);
    item.set("email", invitation.recipient);
    item.set("kind", context.text(invitation.method == "CANCEL" ? "meeting_invite_kind_cancel"
                                                                : "meeting_invite_kind_request"));
    item.set("queued", i18n::format_iso_timestamp(invitation.queued_at, context.language));
    item.set("waiting", view::flag(entry.state.waiting));
    item.set("attempts", std::to_string(entry.state.attempts));
    item.set("failed", view::flag(entry.state.waiting && entry.state.attempts > 0));
    item.set("error", entry.state.last_error);
    sent.push_back(item);
  }
  data.set("invitations", sent);
  data.set("has_invitations", view::flag(!sent.is_empty_list()));
  data.set("has_invitees", view::flag(!record.invitees.empty()));
  data.set("has_body", view::flag(meeting.group_id.has_value()));
  const bool cancelled = meeting.status == "cancelled";
  data.set("invite_due", view::text(needs_invitation(meeting) && meeting.invited_sequence >= 0
                                        ? context.text(cancelled ? "meeting_invite_changed_cancel"
                                                                 : "meeting_invite_changed")
                                        : std::string()));
  data.set("invite_label",
           context.text(cancelled ? "meeting_invite_cancel_title" : "meeting_invite_title"));
}

Response show_meeting(Context& context) {
  const auto actor = context.actor();
  const auto record = meeting_record(context.services.database, actor, context.path_id());
  const auto& meeting = record.meeting;
  const auto today = local_now().substr(0, 10);
  view::Data data = meeting_summary(context, meeting);
  set_if_any(data, "body", record.body);
  if (meeting.group_id) data.set("group_id", std::to_string(*meeting.group_id));
  set_if_any(data, "video_url", meeting.video_url);
  data.set("page_id", std::to_string(meeting.id));
  {
    auto sql = context.services.database.session();
    data.set("example_note", view::text(demo::example_note(
                                 context.catalog(), "meeting_",
                                 demo::marks_of(sql, actor.workspace_id, "meeting", meeting.id))));
  }
  auto items = view::list();
  for (std::size_t index = 0; index < record.items.size(); ++index) {
    items.push_back(item_data(context, record, record.items[index], index, today));
  }
  data.set("items", items);
  data.set("has_items", view::flag(!record.items.empty()));
  auto loose = view::list();  // actions of the meeting under no item (theirs was removed)
  for (const auto& action : record.actions) {
    if (!action.item_id) loose.push_back(action_data(context, record, action, today));
  }
  data.set("loose_actions", loose);
  data.set("has_loose_actions", view::flag(!loose.is_empty_list()));
  auto carried = view::list();
  for (const auto& owned : record.carried) {
    auto entry = action_data(context, record, owned.action, today);
    entry.set("meeting", owned.meeting_title);
    entry.set("meeting_id", std::to_string(owned.action.meeting_id));
    carried.push_back(entry);
  }
  data.set("carried", carried);
  data.set("has_carried", view::flag(!carried.is_empty_list()));
  data.set("can_edit", view::flag(actor.edit_all));
  data.set("can_history", view::flag(actor.read_all));
  data.set("can_propose",
           view::flag(actor.read_all && meeting.group_id && meeting.status == "planned" &&
                      meeting.starts_at > local_now()));
  data.set("notice", view::text(notice_text(context)));
  add_approval_data(data, context, record);
  add_invitation_data(data, context, record);
  return web::render_page(context, kTemplates("meeting"), std::move(data),
                          {.title = meeting.title, .status = 200, .nav = "meetings"});
}

Response confirm_delete_meeting(Context& context) {
  const auto record = meeting_record(context.services.database, context.actor(), context.path_id());
  const auto path = meeting_path(record.meeting.id);
  return web::render_confirm(
      context,
      {.heading =
           context.catalog().format("meeting_delete_heading", {{"title", record.meeting.title}}),
       .text = context.catalog().format("meeting_delete_text",
                                        {{"items", std::to_string(record.items.size())},
                                         {"decisions", std::to_string(record.decisions.size())}}),
       .confirm = context.text("delete_confirm"),
       .action = path + "/delete",
       .cancel = path,
       .nav = "meetings"});
}

Response delete_meeting_submit(Context& context) {
  delete_meeting(context.services.database, context.actor(), context.path_id());
  return Response::redirect("/meetings?notice=notice_deleted");
}

}  // namespace

void add_meeting_page_routes(web::App& app) {
  const auto members = web::Access::needs(auth::Permission::read_workspace);
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/meetings", members, list_meetings});
  app.add({Method::get, "/meetings/{id}", members, show_meeting});
  app.add({Method::get, "/meetings/{id}/delete", all, confirm_delete_meeting});
  app.add({Method::post, "/meetings/{id}/delete", all, delete_meeting_submit});
}

}  // namespace samtryg::meetings
