// What the public site shows of the walks (Landskrona's agreement, seed 004: "the results
// published"): a section on its home page listing the published walks, and each walk's own page
// with the findings marked public, what was done about them, and the photos marked public
// before and after. Read as the site's anonymous reader, through public_record only.
#include <fmt/format.h>

#include "core/demo/marks.hpp"
#include "core/documents/photo.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/crypto.hpp"
#include "core/util/time.hpp"
#include "features/site/sections.hpp"
#include "features/walks/map_svg.hpp"
#include "features/walks/page_support.hpp"
#include "features/walks/public_site.hpp"

namespace samtryg::walks {

namespace {

std::string public_walk_path(const site::PublicReader& reader, long long id) {
  return fmt::format("{}/walks/{}", reader.base, id);
}

std::string public_photo_path(const site::PublicReader& reader, long long id) {
  return fmt::format("{}/walks/files/{}", reader.base, id);
}

std::string fixed_text(const Context& context, const ActionTally& counted) {
  return context.catalog().format("walk_public_fixed", {{"fixed", std::to_string(counted.fixed)},
                                                        {"total", std::to_string(counted.total)}});
}

std::string walks_section(Context& context, soci::session& sql, const site::PublicReader& reader) {
  const auto today = today_iso_utc();
  auto items = view::list();
  for (const auto& walk : published_walks(sql, reader.actor)) {
    const auto record = public_record(sql, reader.actor, walk.id);
    view::Data item;
    item.set("title", walk_title(context, walk));
    item.set("href", public_walk_path(reader, walk.id));
    if (!walk.walk_date.empty()) {
      item.set("date", i18n::format_iso_date(walk.walk_date, context.language));
    }
    item.set("findings",
             context.catalog().format("walk_public_findings_count",
                                      {{"count", std::to_string(record.findings.size())}}));
    item.set("fixed", fixed_text(context, tally(record.actions, today)));
    item.set("example_note", view::text(demo::example_note(
                                 context.catalog(), "walk_",
                                 demo::marks_of(sql, walk.workspace_id, "walk", walk.id))));
    items.push_back(item);
  }
  if (items.is_empty_list()) return {};
  view::Data data;
  data.set("walks", items);
  data.set("content_lang", reader.content_lang);
  return view::render(kTemplates("site_walks"), data, context.catalog());
}

view::Data public_findings(const Context& context, const WalkRecord& record,
                           const site::PublicReader& reader,
                           const std::map<long long, demo::Fields>& examples) {
  auto items = view::list();
  for (const auto& finding : record.findings) {
    view::Data item;
    item.set("number", std::to_string(finding.number));
    item.set("place", view::text(finding.place));
    item.set("category", context.text("walk_category_" + finding.category));
    item.set("description", finding.description);
    if (!finding.follow_up.empty()) {
      item.set("follow_up", context.text("walk_follow_up_" + finding.follow_up));
      item.set("follow_up_note", view::text(finding.follow_up_note));
    }
    if (const auto found = examples.find(finding.id); found != examples.end()) {
      item.set("example_note",
               view::text(demo::example_note(context.catalog(), "walk_finding_", found->second)));
    }
    auto actions = view::list();
    for (const auto& action : record.actions) {
      if (action.finding_id != finding.id) continue;
      view::Data entry;
      entry.set("description", action.description);
      entry.set("party", view::text(action.responsible_party));
      entry.set("status", context.text("walk_action_status_" + action.status));
      entry.set("status_note", view::text(action.status_note));
      actions.push_back(entry);
    }
    item.set("actions", actions);
    item.set("has_actions", view::flag(!actions.is_empty_list()));
    auto photos = view::list();
    int photo_number = 0;
    for (const auto& photo : record.photos) {
      if (photo.finding_id != finding.id) continue;
      view::Data entry;
      entry.set("href", public_photo_path(reader, photo.id));
      entry.set("thumbnail", public_photo_path(reader, photo.id) + "/thumbnail");
      entry.set("alt", context.catalog().format("walk_photo_alt",
                                                {{"photo", std::to_string(++photo_number)},
                                                 {"number", std::to_string(finding.number)}}));
      entry.set("stage", context.text("walk_photo_stage_" + photo.stage));
      const auto box = documents::thumbnail_box(photo.width, photo.height);
      entry.set("width", std::to_string(box.width));
      entry.set("height", std::to_string(box.height));
      photos.push_back(entry);
    }
    item.set("photos", photos);
    item.set("has_photos", view::flag(!photos.is_empty_list()));
    items.push_back(item);
  }
  return items;
}

site::PublicItem walk_page(Context& context, soci::session& sql, const site::PublicReader& reader,
                           long long id) {
  const auto record = public_record(sql, reader.actor, id);
  const auto& walk = record.walk;
  const auto today = today_iso_utc();
  view::Data data;
  data.set("title", walk_title(context, walk));
  data.set("content_lang", reader.content_lang);
  data.set("home", reader.base);
  if (!walk.walk_date.empty()) {
    data.set("date", i18n::format_iso_date(walk.walk_date, context.language));
  }
  if (!walk.follow_up_date.empty()) {
    data.set("follow_up_date", i18n::format_iso_date(walk.follow_up_date, context.language));
  }
  data.set("route", view::text(walk.route));
  data.set("organisers", view::text(walk.organisers));
  if (walk.counts) {
    data.set("participants",
             context.catalog().format("walk_public_participants",
                                      {{"total", std::to_string(walk.counts->total())},
                                       {"counted", std::to_string(walk.counts->counted())}}));
  }
  data.set("fixed", fixed_text(context, tally(record.actions, today)));
  data.set("example_note",
           view::text(demo::example_note(context.catalog(), "walk_",
                                         demo::marks_of(sql, walk.workspace_id, "walk", walk.id))));
  const auto base = base_map_of(sql, reader.actor);
  if (const auto map = findings_map_svg(record.findings, base ? &*base : nullptr, &walk)) {
    data.set("map", "data:image/svg+xml;base64," + crypto::base64_encode(*map));
  }
  const auto findings = public_findings(context, record, reader,
                                        demo::marks_of(sql, walk.workspace_id, "walk_finding"));
  data.set("findings", findings);
  data.set("has_findings", view::flag(!findings.is_empty_list()));
  auto updated = walk.updated_at;
  for (const auto& finding : record.findings) updated = std::max(updated, finding.updated_at);
  for (const auto& action : record.actions) updated = std::max(updated, action.updated_at);
  return {walk_title(context, walk), view::render(kTemplates("site_walk"), data, context.catalog()),
          updated};
}

std::vector<long long> walk_ids(soci::session& sql, const site::PublicReader& reader) {
  std::vector<long long> ids;
  for (const auto& walk : published_walks(sql, reader.actor)) ids.push_back(walk.id);
  return ids;
}

site::PublicFile walk_photo(Context& context, const site::PublicReader& reader, long long id,
                            const std::string& variant) {
  if (!variant.empty() && variant != "thumbnail") throw validation::NotFound();
  auto sql = context.services.database.session();
  const auto photo = public_photo(sql, reader.actor, id);
  const auto bytes =
      crypto::base64_decode(store::photo_content(sql, photo.id, variant == "thumbnail"));
  if (!bytes) throw std::runtime_error("a stored photo is not base64");
  return {.content = *bytes, .content_type = "image/jpeg"};
}

// What the site's search finds of the walks: the published ones, by their public findings.
std::vector<site::PublicDocument> walk_documents(Context& context, soci::session& sql,
                                                 const site::PublicReader& reader) {
  std::vector<site::PublicDocument> out;
  for (const auto& walk : published_walks(sql, reader.actor)) {
    const auto record = public_record(sql, reader.actor, walk.id);
    std::string text = walk.route;
    for (const auto& finding : record.findings) {
      text += "\n" + finding.place + "\n" + finding.description + "\n" + finding.follow_up_note;
    }
    for (const auto& action : record.actions) text += "\n" + action.description;
    out.push_back({walk_title(context, walk), public_walk_path(reader, walk.id), text,
                   context.text("walk_public_kind")});
  }
  return out;
}

}  // namespace

void add_public_site(web::App& app) {
  auto& hooks = app.services().hooks;
  hooks.get<site::PublicSections>().sections.push_back({30, walks_section});
  hooks.get<site::PublicKinds>().kinds.push_back({"walks", walk_page, walk_ids, walk_photo});
  hooks.get<site::PublicSearches>().sources.emplace_back(walk_documents);
}

}  // namespace samtryg::walks
