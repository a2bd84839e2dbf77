#include "features/dialogues/json.hpp"

namespace samtryg::dialogues {

namespace {

template <class T>
boost::json::value optional(const std::optional<T>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

}  // namespace

boost::json::object to_json(const Participants& participants) {
  return {{"residents", participants.residents},
          {"young_people", participants.young_people},
          {"business_owners", participants.business_owners},
          {"police", participants.police},
          {"municipality", participants.municipality},
          {"others", participants.others}};
}

boost::json::object to_json(const Dialogue& dialogue) {
  return {{"id", dialogue.id},
          {"title", dialogue.title},
          {"place", dialogue.place},
          {"held_on", dialogue.held_on},
          {"format", dialogue.format},
          {"partners", dialogue.partners},
          {"participants", to_json(dialogue.participants)},
          {"summary", dialogue.summary},
          {"walk_id", optional(dialogue.walk_id)},
          {"published", dialogue.published},
          {"created_at", dialogue.created_at},
          {"updated_at", dialogue.updated_at},
          {"row_version", dialogue.row_version}};
}

boost::json::object to_json(const Theme& theme) {
  return {{"id", theme.id},
          {"label", theme.label},
          {"mentions", optional(theme.mentions)},
          {"rank", optional(theme.rank)},
          {"summary", theme.summary},
          {"created_at", theme.created_at},
          {"updated_at", theme.updated_at},
          {"row_version", theme.row_version}};
}

void read(json::Reader& reader, Participants& participants) {
  reader.integer("residents", participants.residents);
  reader.integer("young_people", participants.young_people);
  reader.integer("business_owners", participants.business_owners);
  reader.integer("police", participants.police);
  reader.integer("municipality", participants.municipality);
  reader.integer("others", participants.others);
}

void read(json::Reader& reader, Dialogue& dialogue) {
  reader.integer("id", dialogue.id);
  reader.text("title", dialogue.title);
  reader.text("place", dialogue.place);
  reader.text("held_on", dialogue.held_on);
  reader.text("format", dialogue.format);
  reader.text("partners", dialogue.partners);
  if (const auto* participants = reader.nested("participants")) {
    if (!participants->is_object()) {
      reader.errors().add(reader.field("participants"), "json_expected_object");
    } else {
      json::Reader nested(participants->get_object(), reader.errors(),
                          reader.field("participants"));
      read(nested, dialogue.participants);
      nested.reject_unknown();
    }
  }
  reader.text("summary", dialogue.summary);
  reader.optional_integer("walk_id", dialogue.walk_id);
  reader.boolean("published", dialogue.published);
  reader.text("created_at", dialogue.created_at);
  reader.text("updated_at", dialogue.updated_at);
  reader.integer("row_version", dialogue.row_version);
}

void read(json::Reader& reader, Theme& theme) {
  reader.integer("id", theme.id);
  reader.text("label", theme.label);
  reader.optional_integer("mentions", theme.mentions);
  reader.optional_integer("rank", theme.rank);
  reader.text("summary", theme.summary);
  reader.text("created_at", theme.created_at);
  reader.text("updated_at", theme.updated_at);
  reader.integer("row_version", theme.row_version);
}

}  // namespace samtryg::dialogues
