#include "features/walks/page_support.hpp"

#include "core/auth/store.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/web/form_page.hpp"
#include "features/walks/naming.hpp"

namespace samtryg::walks {

std::string notice_text(const Context& context) {
  return web::notice_text(
      context,
      {"notice_saved", "notice_created", "notice_walk_moved", "notice_finding_added",
       "notice_action_added", "notice_photo_added", "notice_deleted", "notice_base_map_uploaded"});
}

std::string walk_title(const Context& context, const Walk& walk) {
  return walks::walk_title(context.catalog(), walk.area, walk.season, walk.year);
}

std::string walk_path(long long id) {
  return "/walks/" + std::to_string(id);
}

int form_count(const std::string& text, std::string_view field, validation::Errors& errors) {
  const auto trimmed = trim(text);
  if (trimmed.empty()) return 0;
  const auto value = parse_integer(trimmed);
  if (!value || *value < 0 || *value > kMaxCount) {
    errors.add(std::string(field), "walk_count_invalid", {{"max", std::to_string(kMaxCount)}});
    return 0;
  }
  return static_cast<int>(*value);
}

std::vector<web::Option> owner_options(const Context& context, soci::session& sql) {
  std::vector<web::Option> options{{"", context.text("choice_none")}};
  auto members = auth::members_of(sql, context.actor().workspace_id);
  i18n::sort_by_name(
      members, context.language,
      [](const auth::Member& member) -> const std::string& { return member.user.name; });
  for (const auto& member : members) {
    if (member.role == auth::Role::viewer) continue;
    options.push_back({std::to_string(member.user.id), member.user.name});
  }
  return options;
}

std::optional<Response> not_modified(const Context& context, const std::string& etag) {
  if (context.request.header("If-None-Match") != etag) return std::nullopt;
  auto response = Response::text("", 304);
  response.header("ETag", etag);
  return response;
}

void add_map_sources(view::Data& data, const Context& context, soci::session& sql) {
  const auto& settings = context.services.config;
  data.set("map_tile_url", settings.map_tile_url);
  data.set("map_attribution", settings.map_attribution);
  data.set("map_attribution_url", settings.map_attribution_url);
  if (const auto base = store::base_map_info(sql, context.actor().workspace_id)) {
    data.set("map_base", "/walks/base-map.geojson?v=" + base->sha256.substr(0, 12));
  }
  data.set("asset_version", context.services.assets.version());
}

}  // namespace samtryg::walks
