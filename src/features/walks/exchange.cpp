#include "features/walks/exchange.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <map>

#include "core/documents/photo.hpp"
#include "core/exchange/records.hpp"
#include "core/util/crypto.hpp"
#include "core/validation/fields.hpp"
#include "features/walks/json.hpp"
#include "features/walks/store.hpp"

namespace samtryg::walks {

namespace {

using boost::json::array;
using exchange::Reading;
using exchange::Storing;
using exchange::Writing;

struct PhotoEntry {
  Photo photo;
  std::string image_base64;
  documents::PhotoOutcome processed;  // decoded and encoded again while the document is read
};

struct FindingEntry {
  Finding finding;
  std::vector<Action> actions;
  std::vector<PhotoEntry> photos;
};

struct WalkEntry {
  Walk walk;
  std::vector<Group> groups;
  std::vector<FindingEntry> findings;
};

array export_findings(Writing& out, long long walk_id) {
  std::map<long long, array> actions_of;
  for (const auto& action : store::actions(out.sql, walk_id)) {
    auto json = to_json(action);
    json.erase("id");  // nothing refers to an action
    json.erase("finding_id");
    json.erase("row_version");
    out.ids.relink(json, "owner_user_id", "user");
    actions_of[action.finding_id].push_back(std::move(json));
  }
  std::map<long long, array> photos_of;
  for (const auto& photo : store::photos(out.sql, walk_id)) {
    auto json = to_json(photo);
    json.erase("id");
    json.erase("finding_id");
    json["image_base64"] = store::photo_content(out.sql, photo.id, false);
    photos_of[photo.finding_id].push_back(std::move(json));
  }
  return exchange::numbered(store::findings(out.sql, walk_id), out.ids.of("walk_finding"),
                            [&](const Finding& finding) {
                              auto json = to_json(finding);
                              json.erase("row_version");
                              json["actions"] = std::move(actions_of[finding.id]);
                              json["photos"] = std::move(photos_of[finding.id]);
                              return json;
                            });
}

array export_walks(Writing& out) {
  return exchange::numbered(store::walks(out.sql, out.workspace_id), out.ids.of("walk"),
                            [&](const Walk& walk) {
                              auto json = to_json(walk);
                              json.erase("row_version");
                              out.ids.relink(json, "initiative_id", "initiative");
                              out.ids.relink(json, "indicator_id", "indicator");
                              array groups;
                              for (const auto& group : store::groups(out.sql, walk.id))
                                groups.push_back(to_json(group));
                              json["groups"] = std::move(groups);
                              json["findings"] = export_findings(out, walk.id);
                              return json;
                            });
}

std::vector<Action> read_actions(Reading& in, json::Reader& reader) {
  return exchange::read_records<Action>(
      in, reader, "actions",
      {.validate = validate_action,
       .references = {{"owner_user_id", "user",
                       [](const Action& action) { return action.owner_user_id; }}}},
      [](json::Reader& action_reader, Action& action, const std::string&) {
        read(action_reader, action);
      });
}

// A photo's JPEG travels as base64 and is decoded and encoded again on import, like an upload.
std::vector<PhotoEntry> read_photos(Reading& in, json::Reader& reader) {
  return exchange::read_records<PhotoEntry>(
      in, reader, "photos",
      {.validate =
           [](const PhotoEntry& entry) {
             validation::Errors errors;
             validation::choice(errors, "stage", entry.photo.stage, kPhotoStages);
             if (entry.processed.problem != documents::PhotoProblem::none) {
               errors.add("image_base64", "walk_photo_not_an_image");
             }
             return errors;
           }},
      [](json::Reader& photo_reader, PhotoEntry& entry, const std::string&) {
        read(photo_reader, entry.photo);
        photo_reader.text("image_base64", entry.image_base64);
        entry.processed =
            documents::process_photo(crypto::base64_decode(entry.image_base64).value_or(""));
      });
}

std::vector<FindingEntry> read_findings(Reading& in, json::Reader& reader) {
  return exchange::read_records<FindingEntry>(
      in, reader, "findings",
      {.kind = "walk_finding",
       .id = [](const FindingEntry& entry) { return entry.finding.id; },
       .validate = [](const FindingEntry& entry) { return validate_finding(entry.finding); },
       .unique = [](const FindingEntry& entry) -> std::optional<std::string> {
         return std::to_string(entry.finding.number);
       },
       .unique_member = "number",
       .unique_error = "walk_finding_number_twice"},
      [&in](json::Reader& finding_reader, FindingEntry& entry, const std::string&) {
        read(finding_reader, entry.finding);
        entry.actions = read_actions(in, finding_reader);
        entry.photos = read_photos(in, finding_reader);
      });
}

void store_photo(Storing& out, const PhotoEntry& entry, long long finding_id) {
  const auto& outcome = entry.processed;
  auto photo = entry.photo;
  photo.finding_id = finding_id;
  photo.width = outcome.photo.width;
  photo.height = outcome.photo.height;
  photo.sha256 = crypto::sha256_hex(outcome.photo.jpeg);
  if (photo.created_at.empty()) photo.created_at = out.now;
  store::insert_photo(out.sql, photo, crypto::base64_encode(outcome.photo.jpeg),
                      crypto::base64_encode(outcome.photo.thumbnail));
}

void store_walks(Storing& out, const std::vector<WalkEntry>& walks) {
  int finding_count = 0;
  for (const auto& entry : walks) {
    auto walk = entry.walk;
    walk.workspace_id = out.workspace_id;
    walk.initiative_id = out.ids.find("initiative", walk.initiative_id);
    walk.indicator_id = out.ids.find("indicator", walk.indicator_id);
    if (walk.created_at.empty()) walk.created_at = out.now;
    const auto walk_id = store::insert_walk(out.sql, walk);
    out.ids.add("walk", entry.walk.id, walk_id);
    store::replace_groups(out.sql, walk_id, entry.groups);
    for (const auto& found : entry.findings) {
      auto finding = found.finding;
      finding.walk_id = walk_id;
      if (finding.created_at.empty()) finding.created_at = out.now;
      const auto finding_id = store::insert_finding(out.sql, finding);
      out.ids.add("walk_finding", found.finding.id, finding_id);
      ++finding_count;
      for (const auto& photo : found.photos) store_photo(out, photo, finding_id);
      for (auto action : found.actions) {
        action.finding_id = finding_id;
        action.owner_user_id = out.ids.find("user", action.owner_user_id);
        if (action.created_at.empty()) action.created_at = out.now;
        store::insert_action(out.sql, action);
      }
    }
  }
  out.count("walks", static_cast<int>(walks.size()));
  out.count("walk_findings", finding_count);
}

// The workspace's base map, already WGS84 GeoJSON: read back as the upload's reader reads it.
struct BaseMapEntry {
  KeptBaseMap kept;
  std::string geojson;
};

void export_base_map(Writing& out) {
  const auto kept = store::base_map_info(out.sql, out.workspace_id);
  if (!kept) return;
  out.document["walk_base_map"] = boost::json::object{
      {"source_system", kept->source_system},
      {"uploaded_by", kept->uploaded_by},
      {"uploaded_at", kept->uploaded_at},
      {"geojson", boost::json::parse(*store::base_map_geojson(out.sql, out.workspace_id))}};
}

std::optional<BaseMapEntry> read_base_map_member(Reading& in) {
  const auto* value = in.document.nested("walk_base_map");
  const auto path = in.document.field("walk_base_map");
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_object()) {
    in.add(path, "json_expected_object");
    return std::nullopt;
  }
  BaseMapEntry entry;
  json::Reader reader(value->get_object(), in.errors, path);
  reader.text("source_system", entry.kept.source_system);
  reader.text("uploaded_by", entry.kept.uploaded_by);
  reader.text("uploaded_at", entry.kept.uploaded_at);
  const auto* geojson = reader.nested("geojson");
  reader.reject_unknown();
  if (!system_of_code(entry.kept.source_system)) {
    in.add(reader.field("source_system"), "choice_invalid");
  }
  const auto outcome =
      read_base_map(geojson == nullptr ? std::string() : boost::json::serialize(*geojson),
                    CoordinateSystem::wgs84);
  if (outcome.problem != BaseMapProblem::none) {
    in.add(reader.field("geojson"), "walk_base_map_" + std::string(problem_code(outcome.problem)));
    return std::nullopt;
  }
  // The document's geojson is already WGS84; what it was uploaded in is its source_system.
  auto file = keep(outcome);
  file.kept.source_system = entry.kept.source_system;
  file.kept.uploaded_by = entry.kept.uploaded_by;
  file.kept.uploaded_at = entry.kept.uploaded_at;
  return BaseMapEntry{std::move(file.kept), std::move(file.geojson)};
}

class WalksSection final : public exchange::Section {
 public:
  void write(Writing& out) const override {
    out.document["walks"] = export_walks(out);
    export_base_map(out);
  }

  void read(Reading& in) override {
    walks_ = exchange::read_records<WalkEntry>(
        in, in.document, "walks",
        {.kind = "walk",
         .id = [](const WalkEntry& entry) { return entry.walk.id; },
         .validate = [](const WalkEntry& entry) { return validate_walk(entry.walk); },
         .references = {{"initiative_id", "initiative",
                         [](const WalkEntry& entry) { return entry.walk.initiative_id; }},
                        {"indicator_id", "indicator",
                         [](const WalkEntry& entry) { return entry.walk.indicator_id; }}}},
        [&in](json::Reader& reader, WalkEntry& entry, const std::string&) {
          walks::read(reader, entry.walk);
          entry.groups = exchange::read_records<Group>(
              in, reader, "groups", {.validate = validate_group},
              [](json::Reader& group_reader, Group& group, const std::string&) {
                walks::read(group_reader, group);
              });
          entry.findings = read_findings(in, reader);
        });
    base_map_ = read_base_map_member(in);
  }

  void store(Storing& out) override {
    store_walks(out, walks_);
    if (base_map_) {
      auto kept = base_map_->kept;
      if (kept.uploaded_at.empty()) kept.uploaded_at = out.now;
      store::put_base_map(out.sql, out.workspace_id, kept, base_map_->geojson);
      out.count("walk_base_map", 1);
    }
  }

 private:
  std::vector<WalkEntry> walks_;
  std::optional<BaseMapEntry> base_map_;
};

}  // namespace

std::unique_ptr<exchange::Section> exchange_section() {
  return std::make_unique<WalksSection>();
}

}  // namespace samtryg::walks
