#include "features/walks/json.hpp"

namespace samtryg::walks {

namespace {

template <class T>
boost::json::value optional(const std::optional<T>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

boost::json::array positions_json(const std::vector<Position>& positions) {
  boost::json::array out;
  for (const auto& position : positions) {
    out.push_back(
        boost::json::object{{"latitude", position.latitude}, {"longitude", position.longitude}});
  }
  return out;
}

// [{latitude, longitude}, …]; present replaces, absent leaves `out` as it is.
void read_positions(json::Reader& reader, std::string_view key, std::vector<Position>& out) {
  if (!reader.has(key)) return;
  out.clear();
  reader.objects(key, [&](const std::string& path, const boost::json::object& item) {
    Position position;
    json::Reader nested(item, reader.errors(), path);
    // Both are needed: a missing one is reported as a number expected there.
    for (const auto& [name, target] :
         {std::pair{"latitude", &position.latitude}, std::pair{"longitude", &position.longitude}}) {
      if (!nested.has(name)) reader.errors().add(nested.field(name), "json_expected_number");
      nested.number(name, *target);
    }
    nested.reject_unknown();
    out.push_back(position);
  });
}

}  // namespace

boost::json::object to_json(const Counts& counts) {
  return {{"residents", counts.residents},
          {"workers", counts.workers},
          {"municipality", counts.municipality},
          {"police", counts.police},
          {"property_owners", counts.property_owners},
          {"others", counts.others}};
}

boost::json::object to_json(const Walk& walk) {
  boost::json::array recruitment;
  for (const auto& channel : walk.recruitment) recruitment.emplace_back(channel);
  return {{"id", walk.id},
          {"initiative_id", optional(walk.initiative_id)},
          {"indicator_id", optional(walk.indicator_id)},
          {"area", walk.area},
          {"year", walk.year},
          {"season", walk.season},
          {"walk_date", walk.walk_date},
          {"start_time", walk.start_time},
          {"meeting_point", walk.meeting_point},
          {"route", walk.route},
          {"route_line", positions_json(walk.route_line)},
          {"area_outline", positions_json(walk.area_outline)},
          {"organisers", walk.organisers},
          {"recruitment", std::move(recruitment)},
          {"invitation", walk.invitation},
          {"status", walk.status},
          {"follow_up_date", walk.follow_up_date},
          {"counts",
           walk.counts ? boost::json::value(to_json(*walk.counts)) : boost::json::value(nullptr)},
          {"created_at", walk.created_at},
          {"updated_at", walk.updated_at},
          {"row_version", walk.row_version}};
}

boost::json::object to_json(const Group& group) {
  return {{"name", group.name}, {"guide", group.guide}, {"route", group.route}};
}

boost::json::object to_json(const Finding& finding) {
  return {{"id", finding.id},
          {"number", finding.number},
          {"place", finding.place},
          {"latitude", optional(finding.latitude)},
          {"longitude", optional(finding.longitude)},
          {"category", finding.category},
          {"description", finding.description},
          {"severity", finding.severity},
          {"public", finding.is_public},
          {"follow_up", finding.follow_up},
          {"follow_up_note", finding.follow_up_note},
          {"created_at", finding.created_at},
          {"updated_at", finding.updated_at},
          {"row_version", finding.row_version}};
}

boost::json::object to_json(const Action& action) {
  return {{"id", action.id},
          {"finding_id", action.finding_id},
          {"description", action.description},
          {"responsible_party", action.responsible_party},
          {"owner_user_id", optional(action.owner_user_id)},
          {"due_date", action.due_date},
          {"status", action.status},
          {"status_note", action.status_note},
          {"created_at", action.created_at},
          {"updated_at", action.updated_at},
          {"row_version", action.row_version}};
}

boost::json::object to_json(const Photo& photo) {
  return {{"id", photo.id},         {"finding_id", photo.finding_id},
          {"stage", photo.stage},   {"public", photo.is_public},
          {"width", photo.width},   {"height", photo.height},
          {"sha256", photo.sha256}, {"created_at", photo.created_at}};
}

void read(json::Reader& reader, Photo& photo) {
  reader.integer("id", photo.id);
  reader.text("stage", photo.stage);
  reader.boolean("public", photo.is_public);
  reader.integer("width", photo.width);
  reader.integer("height", photo.height);
  reader.text("sha256", photo.sha256);
  reader.text("created_at", photo.created_at);
}

void read(json::Reader& reader, Counts& counts) {
  reader.integer("residents", counts.residents);
  reader.integer("workers", counts.workers);
  reader.integer("municipality", counts.municipality);
  reader.integer("police", counts.police);
  reader.integer("property_owners", counts.property_owners);
  reader.integer("others", counts.others);
}

void read(json::Reader& reader, Walk& walk) {
  reader.integer("id", walk.id);
  reader.optional_integer("initiative_id", walk.initiative_id);
  reader.optional_integer("indicator_id", walk.indicator_id);
  reader.text("area", walk.area);
  reader.integer("year", walk.year);
  reader.text("season", walk.season);
  reader.text("walk_date", walk.walk_date);
  reader.text("start_time", walk.start_time);
  reader.text("meeting_point", walk.meeting_point);
  reader.text("route", walk.route);
  read_positions(reader, "route_line", walk.route_line);
  read_positions(reader, "area_outline", walk.area_outline);
  reader.text("organisers", walk.organisers);
  if (const auto* list = reader.nested("recruitment")) {
    walk.recruitment.clear();
    if (!list->is_array()) {
      reader.errors().add(reader.field("recruitment"), "json_expected_array");
    } else {
      for (const auto& item : list->get_array()) {
        if (item.is_string()) {
          walk.recruitment.emplace_back(item.get_string());
        } else {
          reader.errors().add(reader.field("recruitment"), "json_expected_text");
        }
      }
    }
  }
  reader.text("invitation", walk.invitation);
  reader.text("status", walk.status);
  reader.text("follow_up_date", walk.follow_up_date);
  if (const auto* counts = reader.nested("counts")) {
    if (counts->is_null()) {
      walk.counts.reset();
    } else if (!counts->is_object()) {
      reader.errors().add(reader.field("counts"), "json_expected_object");
    } else {
      Counts read_counts;
      json::Reader nested(counts->get_object(), reader.errors(), reader.field("counts"));
      read(nested, read_counts);
      nested.reject_unknown();
      walk.counts = read_counts;
    }
  }
  reader.text("created_at", walk.created_at);
  reader.text("updated_at", walk.updated_at);
  reader.integer("row_version", walk.row_version);
}

void read(json::Reader& reader, Group& group) {
  reader.text("name", group.name);
  reader.text("guide", group.guide);
  reader.text("route", group.route);
}

void read(json::Reader& reader, Finding& finding) {
  reader.integer("id", finding.id);
  reader.integer("number", finding.number);
  reader.text("place", finding.place);
  reader.optional_number("latitude", finding.latitude);
  reader.optional_number("longitude", finding.longitude);
  reader.text("category", finding.category);
  reader.text("description", finding.description);
  reader.text("severity", finding.severity);
  reader.boolean("public", finding.is_public);
  reader.text("follow_up", finding.follow_up);
  reader.text("follow_up_note", finding.follow_up_note);
  reader.text("client_key", finding.client_key);
  reader.text("created_at", finding.created_at);
  reader.text("updated_at", finding.updated_at);
  reader.integer("row_version", finding.row_version);
}

void read(json::Reader& reader, Action& action) {
  reader.integer("id", action.id);
  reader.integer("finding_id", action.finding_id);
  reader.text("description", action.description);
  reader.text("responsible_party", action.responsible_party);
  reader.optional_integer("owner_user_id", action.owner_user_id);
  reader.text("due_date", action.due_date);
  reader.text("status", action.status);
  reader.text("status_note", action.status_note);
  reader.text("created_at", action.created_at);
  reader.text("updated_at", action.updated_at);
  reader.integer("row_version", action.row_version);
}

}  // namespace samtryg::walks
