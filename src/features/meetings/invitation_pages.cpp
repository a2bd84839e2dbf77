// Sending the meeting's invitation: one e-mail per invitee (the body's members with an account)
// with the agenda as PDF and the meeting as an iCalendar invitation (METHOD:REQUEST), so a
// calendar program puts it in the calendar; for a cancelled meeting the cancellation
// (METHOD:CANCEL) under the same UID. The page first shows who will receive what; the messages
// go through the mail queue, which retries when the SMTP server cannot take them, and the
// meeting's page shows each one's state.
#include <fmt/format.h>

#include "core/documents/pdf.hpp"
#include "core/i18n/clock.hpp"
#include "core/mail/mail.hpp"
#include "core/util/strings.hpp"
#include "core/web/page.hpp"
#include "features/meetings/commands.hpp"
#include "features/meetings/feed.hpp"
#include "features/meetings/page_support.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::meetings {

namespace {

std::vector<strategy::Person> invited_people(Context& context, const MeetingRecord& record) {
  auto sql = context.services.database.session();
  std::vector<strategy::Person> out;
  for (const auto& person : strategy::people(sql, context.actor())) {
    if (std::find(record.invitees.begin(), record.invitees.end(), person.id) !=
        record.invitees.end()) {
      out.push_back(person);
    }
  }
  return out;
}

bool cancelling(const MeetingRecord& record) {
  return record.meeting.status == "cancelled";
}

std::string base_url(const Context& context) {
  return context.services.config.effective_public_url();
}

std::string message_body(Context& context, const MeetingRecord& record) {
  const auto& meeting = record.meeting;
  const auto& catalog = context.catalog();
  std::string text =
      catalog.format(cancelling(record) ? "meeting_invite_text_cancel" : "meeting_invite_text",
                     {{"body", record.body.empty() ? meeting.title : record.body},
                      {"title", meeting.title},
                      {"when", when_text(context, meeting)},
                      {"place", meeting.place.empty() ? meeting.video_url : meeting.place}});
  if (!cancelling(record) && !record.items.empty()) {
    text.append("\n\n").append(context.text("meeting_document_agenda")).append(":\n");
    for (std::size_t index = 0; index < record.items.size(); ++index) {
      text += fmt::format("{}. {}\n", index + 1, record.items[index].title);
    }
  }
  text.append("\n").append(catalog.format("meeting_invite_text_link",
                                          {{"url", base_url(context) + meeting_path(meeting.id)}}));
  return text;
}

std::vector<InvitationMail> invitation_mails(Context& context, const MeetingRecord& record,
                                             const std::vector<strategy::Person>& people) {
  const auto& meeting = record.meeting;
  const auto& from = context.services.config.mail_from;
  InvitationContent calendar{meeting,           record.body, i18n::current_time_zone(),
                             base_url(context), {},          {}};
  const auto open = from.rfind('<');
  calendar.organizer = {std::string(trim(open == std::string::npos ? "" : from.substr(0, open))),
                        mail::address_of(from)};
  for (const auto& person : people) {
    if (!person.email.empty()) calendar.attendees.push_back({person.name, person.email});
  }
  const bool cancel = cancelling(record);
  std::vector<mail::Attachment> attachments{
      {cancel ? "cancel.ics" : "invitation.ics",
       fmt::format("text/calendar; charset=UTF-8; method={}", cancel ? "CANCEL" : "REQUEST"),
       invitation_text(calendar)}};
  if (!cancel) {
    std::string example;
    {
      auto sql = context.services.database.session();
      example = meeting_example_note(context, sql, meeting.id);
    }
    attachments.push_back({fmt::format("{}-{}.pdf", context.text("meeting_document_agenda_file"),
                                       meeting.starts_at.substr(0, 10)),
                           "application/pdf",
                           documents::to_pdf(agenda_document(context, record, example))});
  }
  const auto subject =
      context.catalog().format(cancel ? "meeting_invite_subject_cancel" : "meeting_invite_subject",
                               {{"title", meeting.title}, {"when", when_text(context, meeting)}});
  const auto body = message_body(context, record);
  std::vector<InvitationMail> mails;
  for (const auto& person : people) {
    if (person.email.empty()) continue;
    mails.push_back({person.id, {person.email, subject, body, {}, attachments}});
  }
  return mails;
}

Response confirm_page(Context& context) {
  const auto record = meeting_record(context.services.database, context.actor(), context.path_id());
  const auto people = invited_people(context, record);
  const bool cancel = cancelling(record);
  auto recipients = view::list();
  auto without = view::list();
  for (const auto& person : people) {
    view::Data entry;
    entry.set("name", person.name);
    entry.set("email", person.email);
    (person.email.empty() ? without : recipients).push_back(entry);
  }
  view::Data data;
  data.set("id", std::to_string(record.meeting.id));
  data.set("title", record.meeting.title);
  data.set("when", when_text(context, record.meeting));
  data.set("cancel", view::flag(cancel));
  data.set("recipients", recipients);
  data.set("has_recipients", view::flag(!recipients.is_empty_list()));
  data.set("without", without);
  data.set("has_without", view::flag(!without.is_empty_list()));
  data.set("sequence", std::to_string(record.meeting.sequence));
  data.set("again", view::flag(record.meeting.invited_sequence >= 0));
  data.set("mail_off", view::flag(context.services.config.smtp_url.empty()));
  return web::render_page(
      context, kTemplates("invite"), std::move(data),
      {.title = context.text(cancel ? "meeting_invite_cancel_title" : "meeting_invite_title"),
       .status = 200,
       .nav = "meetings"});
}

Response send_submit(Context& context) {
  const auto actor = context.actor();
  const auto record = meeting_record(context.services.database, actor, context.path_id());
  const auto sequence = parse_integer(context.form().value("sequence"));
  if (!sequence || *sequence != record.meeting.sequence) throw validation::Conflict();
  const auto mails = invitation_mails(context, record, invited_people(context, record));
  try {
    send_invitations(context.services.database, actor, record.meeting.id, record.meeting.sequence,
                     cancelling(record) ? "CANCEL" : "REQUEST", mails);
  } catch (const validation::Invalid&) {
    return web::error_page(context, 422, "meeting_invite_title", "meeting_invite_nobody");
  }
  return Response::redirect(meeting_path(record.meeting.id) +
                            (cancelling(record) ? "?notice=notice_meeting_cancel_sent"
                                                : "?notice=notice_meeting_invited") +
                            "#invitation");
}

}  // namespace

void add_invitation_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/meetings/{id}/invite", all, confirm_page});
  app.add({Method::post, "/meetings/{id}/invite", all, send_submit});
}

}  // namespace samtryg::meetings
