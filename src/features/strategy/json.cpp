#include "features/strategy/json.hpp"

namespace samtryg::strategy {

namespace {

boost::json::value optional(const std::optional<long long>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

boost::json::value optional(const std::optional<int>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

}  // namespace

boost::json::object to_json(const Party& party) {
  return {{"id", party.id}, {"name", party.name}, {"kind", party.kind}};
}

boost::json::object to_json(const Channel& channel) {
  return {{"id", channel.id}, {"name", channel.name}};
}

boost::json::object to_json(const Plan& plan) {
  return {{"id", plan.id},
          {"kind", plan.kind},
          {"name", plan.name},
          {"version", plan.version},
          {"previous_version_id", optional(plan.previous_version_id)},
          {"parent_plan_id", optional(plan.parent_plan_id)},
          {"period_start", plan.period_start},
          {"period_end", plan.period_end},
          {"adopted_on", plan.adopted_on},
          {"summary", plan.summary},
          {"published", plan.published},
          {"created_at", plan.created_at},
          {"updated_at", plan.updated_at},
          {"row_version", plan.row_version}};
}

boost::json::object to_json(const FocusArea& area) {
  return {{"id", area.id},
          {"plan_id", area.plan_id},
          {"name", area.name},
          {"description", area.description},
          {"parent_focus_area_id", optional(area.parent_focus_area_id)}};
}

boost::json::object to_json(const Initiative& v) {
  return {{"id", v.id},
          {"plan_id", v.plan_id},
          {"parent_initiative_id", optional(v.parent_initiative_id)},
          {"focus_area_id", optional(v.focus_area_id)},
          {"name", v.name},
          {"purpose", v.purpose},
          {"goals", v.goals},
          {"background", v.background},
          {"already_done", v.already_done},
          {"focus", v.focus},
          {"lead_user_id", optional(v.lead_user_id)},
          {"lead_title", v.lead_title},
          {"anchoring", v.anchoring},
          {"working_group", v.working_group},
          {"themes", v.themes},
          {"start_date", v.start_date},
          {"in_plan", v.in_plan},
          {"added_year", optional(v.added_year)},
          {"status", v.status},
          {"published", v.published},
          {"position", v.position},
          {"created_at", v.created_at},
          {"updated_at", v.updated_at},
          {"row_version", v.row_version}};
}

boost::json::object to_json(const StatusChange& change) {
  return {{"status", change.status},
          {"changed_on", change.changed_on},
          {"reason", change.reason},
          {"actor", change.actor},
          {"at", change.at}};
}

boost::json::object to_json(const Activity& v) {
  return {{"id", v.id},
          {"initiative_id", v.initiative_id},
          {"title", v.title},
          {"description", v.description},
          {"kind", v.kind},
          {"status", v.status},
          {"planned_when", v.planned_when},
          {"done_when", v.done_when},
          {"responsible", v.responsible},
          {"links", v.links},
          {"channel", v.channel},
          {"likes", optional(v.likes)},
          {"reactions", optional(v.reactions)},
          {"shares", optional(v.shares)},
          {"reach", optional(v.reach)},
          {"views", optional(v.views)},
          {"position", v.position},
          {"created_at", v.created_at},
          {"updated_at", v.updated_at},
          {"row_version", v.row_version}};
}

boost::json::object to_json(const Group& group) {
  return {{"id", group.id},
          {"initiative_id", optional(group.initiative_id)},
          {"kind", group.kind},
          {"name", group.name},
          {"cadence", group.cadence},
          {"description", group.description},
          {"row_version", group.row_version}};
}

boost::json::object to_json(const GroupMember& member) {
  return {{"user_id", optional(member.user_id)},
          {"title", member.title},
          {"party_id", optional(member.party_id)},
          {"role", member.role}};
}

boost::json::object to_json(const Document& document) {
  return {{"id", document.id},
          {"plan_id", optional(document.plan_id)},
          {"initiative_id", optional(document.initiative_id)},
          {"filename", document.filename},
          {"content_type", document.content_type},
          {"size_bytes", document.size_bytes},
          {"sha256", document.sha256},
          {"uploaded_by", document.uploaded_by},
          {"uploaded_at", document.uploaded_at}};
}

void read(json::Reader& reader, Party& party) {
  reader.integer("id", party.id);
  reader.text("name", party.name);
  reader.text("kind", party.kind);
}

void read(json::Reader& reader, Channel& channel) {
  reader.integer("id", channel.id);
  reader.text("name", channel.name);
}

void read(json::Reader& reader, Plan& plan) {
  reader.integer("id", plan.id);
  reader.text("kind", plan.kind);
  reader.text("name", plan.name);
  reader.integer("version", plan.version);
  reader.optional_integer("previous_version_id", plan.previous_version_id);
  reader.optional_integer("parent_plan_id", plan.parent_plan_id);
  reader.text("period_start", plan.period_start);
  reader.text("period_end", plan.period_end);
  reader.text("adopted_on", plan.adopted_on);
  reader.text("summary", plan.summary);
  reader.boolean("published", plan.published);
  reader.text("created_at", plan.created_at);
  reader.text("updated_at", plan.updated_at);
  reader.integer("row_version", plan.row_version);
}

void read(json::Reader& reader, FocusArea& area) {
  reader.integer("id", area.id);
  reader.integer("plan_id", area.plan_id);
  reader.text("name", area.name);
  reader.text("description", area.description);
  reader.optional_integer("parent_focus_area_id", area.parent_focus_area_id);
}

void read(json::Reader& reader, Initiative& v) {
  reader.integer("id", v.id);
  reader.integer("plan_id", v.plan_id);
  reader.optional_integer("parent_initiative_id", v.parent_initiative_id);
  reader.optional_integer("focus_area_id", v.focus_area_id);
  reader.text("name", v.name);
  reader.text("purpose", v.purpose);
  reader.text("goals", v.goals);
  reader.text("background", v.background);
  reader.text("already_done", v.already_done);
  reader.text("focus", v.focus);
  reader.optional_integer("lead_user_id", v.lead_user_id);
  reader.text("lead_title", v.lead_title);
  reader.text("anchoring", v.anchoring);
  reader.text("working_group", v.working_group);
  reader.text("themes", v.themes);
  reader.text("start_date", v.start_date);
  reader.boolean("in_plan", v.in_plan);
  reader.optional_integer("added_year", v.added_year);
  reader.text("status", v.status);
  reader.boolean("published", v.published);
  reader.integer("position", v.position);
  reader.text("created_at", v.created_at);
  reader.text("updated_at", v.updated_at);
  reader.integer("row_version", v.row_version);
}

void read(json::Reader& reader, StatusChange& change) {
  reader.text("status", change.status);
  reader.text("changed_on", change.changed_on);
  reader.text("reason", change.reason);
  reader.text("actor", change.actor);
  reader.text("at", change.at);
}

void read(json::Reader& reader, Activity& v) {
  reader.integer("id", v.id);
  reader.integer("initiative_id", v.initiative_id);
  reader.text("title", v.title);
  reader.text("description", v.description);
  reader.text("kind", v.kind);
  reader.text("status", v.status);
  reader.text("planned_when", v.planned_when);
  reader.text("done_when", v.done_when);
  reader.text("responsible", v.responsible);
  reader.text("links", v.links);
  reader.text("channel", v.channel);
  reader.optional_integer("likes", v.likes);
  reader.optional_integer("reactions", v.reactions);
  reader.optional_integer("shares", v.shares);
  reader.optional_integer("reach", v.reach);
  reader.optional_integer("views", v.views);
  reader.integer("position", v.position);
  reader.text("created_at", v.created_at);
  reader.text("updated_at", v.updated_at);
  reader.integer("row_version", v.row_version);
}

void read(json::Reader& reader, Group& group) {
  reader.integer("id", group.id);
  reader.optional_integer("initiative_id", group.initiative_id);
  reader.text("kind", group.kind);
  reader.text("name", group.name);
  reader.text("cadence", group.cadence);
  reader.text("description", group.description);
  reader.integer("row_version", group.row_version);
}

void read(json::Reader& reader, GroupMember& member) {
  reader.optional_integer("user_id", member.user_id);
  reader.text("title", member.title);
  reader.optional_integer("party_id", member.party_id);
  reader.text("role", member.role);
}

}  // namespace samtryg::strategy
