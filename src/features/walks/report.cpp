#include "features/walks/report.hpp"

#include <fmt/format.h>

#include "core/demo/marks.hpp"
#include "core/documents/photo.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/crypto.hpp"
#include "core/util/time.hpp"
#include "features/walks/map_svg.hpp"
#include "features/walks/naming.hpp"

namespace samtryg::walks {

namespace {

using documents::Block;

std::string text(const i18n::Catalog& catalog, const std::string& key) {
  return std::string(catalog.text(key));
}

void summary(std::vector<Block>& blocks, const WalkRecord& record, const i18n::Catalog& catalog) {
  const auto& walk = record.walk;
  blocks.push_back(documents::heading(1, text(catalog, "walk_report_summary")));
  blocks.push_back(documents::paragraph(
      walk.counts
          ? catalog.format("walk_counted_of_target",
                           {{"counted", std::to_string(walk.counts->counted())}, {"target", "20"}})
          : text(catalog, "walk_not_counted")));
  const auto counted = tally(record.actions, today_iso_utc());
  blocks.push_back(documents::paragraph(
      catalog.format("walk_report_findings", {{"count", std::to_string(record.findings.size())}}) +
      " " +
      catalog.format("walk_actions_summary", {{"total", std::to_string(counted.total)},
                                              {"fixed", std::to_string(counted.fixed)},
                                              {"closed", std::to_string(counted.closed_unfixed)},
                                              {"open", std::to_string(counted.open)}})));
  if (!walk.counts) return;
  documents::Table table;
  table.header = {text(catalog, "walk_count_category"), text(catalog, "walk_count_number")};
  const int values[] = {walk.counts->residents,       walk.counts->workers,
                        walk.counts->municipality,    walk.counts->police,
                        walk.counts->property_owners, walk.counts->others};
  std::size_t index = 0;
  for (const auto category : kParticipantCategories) {
    table.rows.push_back(
        {text(catalog, "walk_count_" + std::string(category)), std::to_string(values[index++])});
  }
  table.rows.push_back({text(catalog, "walk_count_total"), std::to_string(walk.counts->total())});
  Block block;
  block.kind = Block::Kind::table;
  block.table = std::move(table);
  blocks.push_back(std::move(block));
}

// A kept photo inside an SVG, the one image form every output writer takes.
Block photo_block(const Photo& photo, const std::string& jpeg_base64, std::string alt) {
  const auto [width, height] = documents::thumbnail_box(photo.width, photo.height);
  Block block;
  block.kind = Block::Kind::image;
  block.svg = fmt::format(
      R"(<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" )"
      R"(width="{0}" height="{1}" viewBox="0 0 {0} {1}"><image width="{0}" height="{1}" )"
      R"(xlink:href="data:image/jpeg;base64,{2}"/></svg>)",
      width, height, jpeg_base64);
  block.width_share = 0.45;
  block.alt = std::move(alt);
  return block;
}

struct ReportInputs {
  const WalkRecord& record;
  const std::map<long long, std::string>& thumbnails;
  const i18n::Catalog& catalog;
};

void finding_blocks(std::vector<Block>& blocks, const ReportInputs& in, const Finding& finding) {
  const auto& catalog = in.catalog;
  auto title =
      std::to_string(finding.number) + ". " + text(catalog, "walk_category_" + finding.category);
  if (!finding.place.empty()) title += " – " + finding.place;
  blocks.push_back(documents::heading(2, title));
  blocks.push_back(documents::paragraph(finding.description));
  std::string facts = text(catalog, "walk_finding_severity") + ": " +
                      text(catalog, "walk_severity_" + finding.severity);
  if (!finding.follow_up.empty()) {
    facts += ". " + text(catalog, "walk_follow_up") + ": " +
             text(catalog, "walk_follow_up_" + finding.follow_up);
    if (!finding.follow_up_note.empty()) facts += " – " + finding.follow_up_note;
  }
  blocks.push_back(documents::paragraph(facts));
  Block actions;
  actions.kind = Block::Kind::bullets;
  for (const auto& action : in.record.actions) {
    if (action.finding_id != finding.id) continue;
    auto line = text(catalog, "walk_action_status_" + action.status) + ": " + action.description;
    if (!action.responsible_party.empty()) line += " (" + action.responsible_party + ")";
    if (!action.status_note.empty()) line += " – " + action.status_note;
    actions.items.push_back({{line, false, false, {}}});
  }
  if (!actions.items.empty()) blocks.push_back(std::move(actions));
  int number = 0;
  for (const auto& photo : in.record.photos) {
    if (photo.finding_id != finding.id) continue;
    const auto found = in.thumbnails.find(photo.id);
    if (found == in.thumbnails.end()) continue;
    blocks.push_back(
        photo_block(photo, found->second,
                    catalog.format("walk_photo_alt", {{"photo", std::to_string(++number)},
                                                      {"number", std::to_string(finding.number)}}) +
                        " (" + text(catalog, "walk_photo_stage_" + photo.stage) + ")"));
  }
}

}  // namespace

documents::Document walk_report(db::Database& database, const Actor& actor, long long walk_id,
                                const i18n::Catalog& catalog) {
  WalkRecord record;
  std::map<long long, std::string> thumbnails;
  std::string example;
  std::optional<BaseMap> base;
  {
    auto sql = database.session();
    record = walk_record(sql, actor, walk_id);
    base = base_map_of(sql, actor);
    for (const auto& photo : record.photos) {
      thumbnails[photo.id] = store::photo_content(sql, photo.id, true);
    }
    example = demo::example_note(catalog, "walk_",
                                 demo::marks_of(sql, actor.workspace_id, "walk", walk_id));
  }
  const auto& walk = record.walk;
  documents::Document document;
  document.title = text(catalog, "walk_report_title");
  document.subtitle = walk_title(catalog, walk.area, walk.season, walk.year);
  document.parties = walk.organisers;
  const auto language = catalog.language();
  if (!walk.walk_date.empty()) {
    document.title_facts.push_back(text(catalog, "walk_date") + ": " +
                                   i18n::format_iso_date(walk.walk_date, language));
  }
  if (!walk.follow_up_date.empty()) {
    document.title_facts.push_back(text(catalog, "walk_follow_up_date") + ": " +
                                   i18n::format_iso_date(walk.follow_up_date, language));
  }
  document.running_header = document.subtitle;
  document.language = std::string(i18n::code(language));
  document.contents_title = text(catalog, "walk_report_contents");
  document.page_label = text(catalog, "walk_report_page");
  auto& blocks = document.blocks;
  if (!example.empty()) blocks.push_back(documents::note(example));
  summary(blocks, record, catalog);
  if (const auto map = findings_map_svg(record.findings, base ? &*base : nullptr, &record.walk)) {
    blocks.push_back(documents::heading(1, text(catalog, "walk_report_map")));
    Block image;
    image.kind = Block::Kind::image;
    image.svg = *map;
    image.alt = text(catalog, "walk_report_map_alt");
    blocks.push_back(std::move(image));
    std::string legend;
    if (!walk.route_line.empty()) legend = text(catalog, "walk_report_map_route");
    if (!walk.area_outline.empty()) {
      if (!legend.empty()) legend += ' ';
      legend += text(catalog, "walk_report_map_area");
    }
    if (!legend.empty()) blocks.push_back(documents::paragraph(legend));
  }
  blocks.push_back(documents::heading(1, text(catalog, "walk_findings")));
  if (record.findings.empty())
    blocks.push_back(documents::paragraph(text(catalog, "walk_no_findings")));
  const ReportInputs inputs{record, thumbnails, catalog};
  for (const auto& finding : record.findings) finding_blocks(blocks, inputs, finding);
  return document;
}

}  // namespace samtryg::walks
