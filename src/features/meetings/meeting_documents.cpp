// The meeting's two documents, as Danish bodies write them: the agenda (dagsorden) sent with
// the invitation, with each item's text and the crime picture's charts as they stood when the
// item was set; and the minutes as a beslutningsreferat, each decision under its agenda item,
// with the action items and who approved the minutes when. Both are built once as a
// core/documents Document and written as PDF and DOCX.
#include <sstream>

#include "core/i18n/locale_format.hpp"
#include "features/meetings/page_support.hpp"

namespace samtryg::meetings {

namespace {

using documents::Block;

std::string person_name(const MeetingRecord& record, long long id) {
  const auto found = record.people.find(id);
  return found == record.people.end() ? std::string("–") : found->second;
}

// Text typed in a field: one paragraph per line, blank lines dropped.
void append_text(std::vector<Block>& blocks, const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) {
      blocks.push_back(documents::paragraph(line));
    }
  }
}

documents::Document frame(const Context& context, const MeetingRecord& record,
                          const std::string& kind_title, const std::string& example_note) {
  const auto& meeting = record.meeting;
  documents::Document document;
  document.title = kind_title;
  document.subtitle = meeting.title;
  document.parties = record.body;
  document.title_facts.push_back(context.text("meeting_when_label") + ": " +
                                 when_text(context, meeting));
  if (!meeting.place.empty()) {
    document.title_facts.push_back(context.text("meeting_place") + ": " + meeting.place);
  }
  if (!meeting.video_url.empty()) {
    document.title_facts.push_back(context.text("meeting_video_url") + ": " + meeting.video_url);
  }
  if (meeting.status == "cancelled") {
    document.title_facts.push_back(context.text("meeting_status") + ": " +
                                   context.text("meeting_status_cancelled"));
  }
  document.running_header =
      kind_title + " – " + meeting.title + ", " +
      i18n::format_iso_date(meeting.starts_at.substr(0, 10), context.language);
  document.language = std::string(i18n::code(context.language));
  // A few pages: the title heads the first, and no contents.
  document.title_page = false;
  document.page_label = context.text("meeting_document_page");
  if (!example_note.empty()) document.blocks.push_back(documents::note(example_note));
  return document;
}

std::string action_line(const Context& context, const MeetingRecord& record, const Action& action) {
  auto line = context.catalog().format(
      "meeting_document_action", {{"title", action.title},
                                  {"owner", person_name(record, action.owner_user_id)},
                                  {"due", i18n::format_iso_date(action.due_on, context.language)}});
  if (action.status == "done") line += " (" + context.text("meeting_action_done") + ")";
  return line;
}

void figure_blocks(std::vector<Block>& blocks, const Item& item) {
  for (const auto& figure : item.figures) {
    Block image;
    image.kind = Block::Kind::image;
    image.svg = figure.svg;
    image.alt = figure.alt;
    image.width_share = 0.8;
    blocks.push_back(std::move(image));
    // Under the chart, as on the page.
    if (!figure.caption.empty()) {
      Block caption;
      caption.spans = {{figure.caption, false, true, {}}};
      blocks.push_back(std::move(caption));
    }
  }
}

std::string item_heading(std::size_t index, const Item& item) {
  return std::to_string(index + 1) + ". " + item.title;
}

}  // namespace

documents::Document agenda_document(const Context& context, const MeetingRecord& record,
                                    const std::string& example_note) {
  auto document = frame(context, record, context.text("meeting_document_agenda"), example_note);
  auto& blocks = document.blocks;
  if (!record.invitees.empty()) {
    std::string names;
    for (const auto id : record.invitees) {
      names += (names.empty() ? "" : ", ") + person_name(record, id);
    }
    blocks.push_back(
        documents::paragraph(context.text("meeting_document_invitees") + ": " + names));
  }
  if (record.items.empty())
    blocks.push_back(documents::paragraph(context.text("meeting_no_items")));
  for (std::size_t index = 0; index < record.items.size(); ++index) {
    const auto& item = record.items[index];
    blocks.push_back(documents::heading(1, item_heading(index, item)));
    append_text(blocks, item.description);
    figure_blocks(blocks, item);
  }
  if (!record.carried.empty()) {
    blocks.push_back(documents::heading(1, context.text("meeting_carried")));
    Block list;
    list.kind = Block::Kind::bullets;
    for (const auto& owned : record.carried) {
      list.items.push_back(
          {{action_line(context, record, owned.action) + " – " + owned.meeting_title,
            false,
            false,
            {}}});
    }
    blocks.push_back(std::move(list));
  }
  return document;
}

documents::Document minutes_document(const Context& context, const MeetingRecord& record,
                                     const std::string& example_note) {
  auto document = frame(context, record, context.text("meeting_document_minutes"), example_note);
  auto& blocks = document.blocks;
  for (const auto& line : approval_lines(context, record)) {
    blocks.push_back(documents::paragraph(line));
  }
  for (std::size_t index = 0; index < record.items.size(); ++index) {
    const auto& item = record.items[index];
    blocks.push_back(documents::heading(1, item_heading(index, item)));
    append_text(blocks, item.minutes);
    for (const auto& decision : record.decisions) {
      if (decision.item_id != item.id) continue;
      Block block;
      block.spans = {
          {context.text("meeting_decision_short") + " " + std::to_string(decision.number) + ": ",
           true,
           false,
           {}},
          {decision.text, false, false, {}}};
      blocks.push_back(std::move(block));
    }
    Block actions;
    actions.kind = Block::Kind::bullets;
    for (const auto& action : record.actions) {
      if (action.item_id == item.id) {
        actions.items.push_back({{action_line(context, record, action), false, false, {}}});
      }
    }
    if (!actions.items.empty()) {
      blocks.push_back(documents::heading(2, context.text("meeting_actions")));
      blocks.push_back(std::move(actions));
    }
  }
  Block loose;
  loose.kind = Block::Kind::bullets;
  for (const auto& action : record.actions) {
    if (!action.item_id) {
      loose.items.push_back({{action_line(context, record, action), false, false, {}}});
    }
  }
  if (!loose.items.empty()) {
    blocks.push_back(documents::heading(1, context.text("meeting_actions")));
    blocks.push_back(std::move(loose));
  }
  return document;
}

std::vector<std::string> approval_lines(const Context& context, const MeetingRecord& record) {
  std::vector<std::string> lines;
  if (record.approving) {
    lines.push_back(context.catalog().format(
        "meeting_approved_at_meeting",
        {{"meeting", record.approving->title},
         {"day",
          i18n::format_iso_date(record.approving->starts_at.substr(0, 10), context.language)}}));
  }
  for (const auto& approval : record.approvals) {
    lines.push_back(context.catalog().format(
        "meeting_approved_by_line",
        {{"person", person_name(record, approval.user_id)},
         {"time", i18n::format_iso_timestamp(approval.approved_at, context.language)}}));
  }
  if (lines.empty()) lines.push_back(context.text("meeting_minutes_not_approved"));
  return lines;
}

}  // namespace samtryg::meetings
