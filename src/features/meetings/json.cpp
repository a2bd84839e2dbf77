#include "features/meetings/json.hpp"

namespace samtryg::meetings {

namespace {

template <class T>
boost::json::value optional(const std::optional<T>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

}  // namespace

boost::json::object to_json(const Meeting& meeting) {
  return {{"id", meeting.id},
          {"group_id", optional(meeting.group_id)},
          {"series_id", optional(meeting.series_id)},
          {"title", meeting.title},
          {"starts_at", meeting.starts_at},
          {"ends_at", meeting.ends_at},
          {"place", meeting.place},
          {"video_url", meeting.video_url},
          {"status", meeting.status},
          {"sequence", meeting.sequence},
          {"series_months", meeting.series_months},
          {"series_count", meeting.series_count},
          {"series_start", meeting.series_start},
          {"occurrence_at", meeting.occurrence_at},
          {"approved_at_meeting_id", optional(meeting.approved_at_meeting_id)},
          {"invited_sequence", meeting.invited_sequence},
          {"invited_at", meeting.invited_at},
          {"created_at", meeting.created_at},
          {"updated_at", meeting.updated_at},
          {"row_version", meeting.row_version}};
}

boost::json::object to_json(const Item& item) {
  return {{"id", item.id},
          {"title", item.title},
          {"description", item.description},
          {"minutes", item.minutes},
          {"theme_id", optional(item.theme_id)},
          {"created_at", item.created_at},
          {"updated_at", item.updated_at},
          {"row_version", item.row_version}};
}

boost::json::object to_json(const Decision& decision) {
  return {{"id", decision.id},
          {"item_id", decision.item_id},
          {"number", decision.number},
          {"text", decision.text},
          {"published", decision.published},
          {"created_at", decision.created_at}};
}

boost::json::object to_json(const Action& action) {
  return {{"id", action.id},
          {"item_id", optional(action.item_id)},
          {"title", action.title},
          {"owner_user_id", action.owner_user_id},
          {"due_on", action.due_on},
          {"status", action.status},
          {"done_on", action.done_on},
          {"created_at", action.created_at},
          {"updated_at", action.updated_at}};
}

boost::json::object to_json(const Theme& theme) {
  return {{"id", theme.id},
          {"group_id", optional(theme.group_id)},
          {"meeting_id", optional(theme.meeting_id)},
          {"title", theme.title},
          {"reason", theme.reason},
          {"proposed_by", optional(theme.proposed_by)},
          {"status", theme_status(theme)},
          {"reply", theme.reply},
          {"declined_at", theme.declined_at},
          {"item_id", optional(theme.item_id)},
          {"item_meeting_id", optional(theme.item_meeting_id)},
          {"created_at", theme.created_at},
          {"updated_at", theme.updated_at},
          {"row_version", theme.row_version}};
}

void read(json::Reader& reader, Meeting& meeting) {
  reader.integer("id", meeting.id);
  reader.optional_integer("group_id", meeting.group_id);
  reader.optional_integer("series_id", meeting.series_id);
  reader.text("title", meeting.title);
  reader.text("starts_at", meeting.starts_at);
  reader.text("ends_at", meeting.ends_at);
  reader.text("place", meeting.place);
  reader.text("video_url", meeting.video_url);
  reader.text("status", meeting.status);
  reader.integer("sequence", meeting.sequence);
  reader.integer("series_months", meeting.series_months);
  reader.integer("series_count", meeting.series_count);
  reader.text("series_start", meeting.series_start);
  reader.text("occurrence_at", meeting.occurrence_at);
  reader.optional_integer("approved_at_meeting_id", meeting.approved_at_meeting_id);
  reader.integer("invited_sequence", meeting.invited_sequence);
  reader.text("invited_at", meeting.invited_at);
  reader.text("created_at", meeting.created_at);
  reader.text("updated_at", meeting.updated_at);
  reader.integer("row_version", meeting.row_version);
}

void read(json::Reader& reader, Item& item) {
  reader.integer("id", item.id);
  reader.text("title", item.title);
  reader.text("description", item.description);
  reader.text("minutes", item.minutes);
  reader.optional_integer("theme_id", item.theme_id);
  reader.text("created_at", item.created_at);
  reader.text("updated_at", item.updated_at);
  reader.integer("row_version", item.row_version);
}

void read(json::Reader& reader, Decision& decision) {
  reader.integer("id", decision.id);
  reader.integer("item_id", decision.item_id);
  reader.integer("number", decision.number);
  reader.text("text", decision.text);
  reader.boolean("published", decision.published);
  reader.text("created_at", decision.created_at);
}

void read(json::Reader& reader, Action& action) {
  reader.integer("id", action.id);
  reader.optional_integer("item_id", action.item_id);
  reader.text("title", action.title);
  reader.integer("owner_user_id", action.owner_user_id);
  reader.text("due_on", action.due_on);
  reader.text("status", action.status);
  reader.text("done_on", action.done_on);
  reader.text("created_at", action.created_at);
  reader.text("updated_at", action.updated_at);
}

void read(json::Reader& reader, Theme& theme) {
  reader.integer("id", theme.id);
  reader.optional_integer("group_id", theme.group_id);
  reader.optional_integer("meeting_id", theme.meeting_id);
  reader.text("title", theme.title);
  reader.text("reason", theme.reason);
  reader.optional_integer("proposed_by", theme.proposed_by);
  reader.text("reply", theme.reply);
  reader.text("declined_at", theme.declined_at);
  reader.text("created_at", theme.created_at);
  reader.text("updated_at", theme.updated_at);
  reader.integer("row_version", theme.row_version);
}

}  // namespace samtryg::meetings
