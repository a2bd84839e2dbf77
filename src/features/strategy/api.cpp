#include "features/strategy/api.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/util/crypto.hpp"
#include "core/util/resources.hpp"
#include "core/util/strings.hpp"
#include "core/web/api.hpp"
#include "features/strategy/commands.hpp"
#include "features/strategy/hooks.hpp"
#include "features/strategy/json.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::strategy {

namespace {

using boost::json::array;
using boost::json::object;
using http::Method;
using http::Response;
using web::Access;
using web::Context;

constexpr std::string_view kOpenApi = "src/features/strategy/data/openapi.json";

// A query filter that must be a number when given; a wrong one is the caller's mistake.
long long number_query(const Context& context, std::string_view name) {
  const auto text = context.query(name);
  if (text.empty()) return 0;
  const auto value = parse_integer(text);
  if (!value || *value < 0) {
    validation::Errors errors;
    errors.add(std::string(name), "number_invalid");
    throw validation::Invalid(errors);
  }
  return *value;
}

std::string code_query(const Context& context, std::string_view name,
                       std::span<const std::string_view> codes) {
  auto text = context.query(name);
  if (!text.empty() && !is_one_of(text, codes)) {
    validation::Errors errors;
    errors.add(std::string(name), "choice_invalid");
    throw validation::Invalid(errors);
  }
  return text;
}

// What GET returns beside a record itself may be sent back unchanged; it is not written.
template <class Record>
void read_body(const Context& context, Record& record, bool require_version) {
  web::read_json_body(context, record, require_version,
                      {"focus_areas", "status_history", "members"});
}

Response created(const boost::json::object& record, const std::string& location) {
  auto response = web::json_response(record, 201);
  response.header("Location", location);
  return response;
}

// ---- plans ----

Response list_plans(Context& context) {
  const auto actor = context.actor();
  const auto page = web::page_of(context);
  const auto kind = code_query(context, "kind", kPlanKinds);
  auto sql = context.services.database.session();
  array items;
  long long total = 0;
  for (const auto& plan : plans(sql, actor)) {
    if (!kind.empty() && plan.kind != kind) continue;
    if (total >= page.offset() && total < page.offset() + page.per_page) {
      items.push_back(to_json(plan));
    }
    ++total;
  }
  return web::json_response(web::paged(std::move(items), page, total));
}

object plan_with_areas(Context& context, const Plan& plan) {
  auto json = to_json(plan);
  auto sql = context.services.database.session();
  array areas;
  for (const auto& area : focus_areas(sql, context.actor(), plan.id)) {
    areas.push_back(to_json(area));
  }
  json["focus_areas"] = std::move(areas);
  return json;
}

Response get_plan(Context& context) {
  const auto plan = readable_plan(context.services.database, context.actor(), context.path_id());
  return web::json_response(plan_with_areas(context, plan));
}

Response create_plan_api(Context& context) {
  Plan plan;
  read_body(context, plan, false);
  plan.created_at.clear();
  plan.updated_at.clear();
  plan.version = 1;
  const auto actor = context.actor();
  const auto id = create_plan(context.services.database, actor, plan);
  const auto stored = readable_plan(context.services.database, actor, id);
  return created(plan_with_areas(context, stored), "/api/v1/plans/" + std::to_string(id));
}

Response update_plan_api(Context& context) {
  const auto actor = context.actor();
  auto plan = readable_plan(context.services.database, actor, context.path_id());
  const auto id = plan.id;
  read_body(context, plan, true);
  plan.id = id;
  update_plan(context.services.database, actor, plan);
  return web::json_response(
      plan_with_areas(context, readable_plan(context.services.database, actor, id)));
}

Response new_version_api(Context& context) {
  const auto actor = context.actor();
  const auto id = new_plan_version(context.services.database, actor, context.path_id());
  return created(plan_with_areas(context, readable_plan(context.services.database, actor, id)),
                 "/api/v1/plans/" + std::to_string(id));
}

Response create_focus_area_api(Context& context) {
  const auto actor = context.actor();
  const auto plan = readable_plan(context.services.database, actor, context.path_id());
  FocusArea area;
  read_body(context, area, false);
  area.plan_id = plan.id;
  area.id = create_focus_area(context.services.database, actor, area);
  return created(to_json(area), "/api/v1/plans/" + std::to_string(plan.id));
}

// ---- initiatives ----

object initiative_with_history(Context& context, const Initiative& initiative) {
  auto json = to_json(initiative);
  auto sql = context.services.database.session();
  array history;
  for (const auto& change : status_changes(sql, context.actor(), initiative.id)) {
    history.push_back(to_json(change));
  }
  json["status_history"] = std::move(history);
  return json;
}

Response list_initiatives(Context& context) {
  const auto actor = context.actor();
  const auto page = web::page_of(context);
  InitiativeFilter filter;
  filter.plan_id = number_query(context, "plan_id");
  filter.status = code_query(context, "status", kInitiativeStatuses);
  filter.lead_user_id = number_query(context, "lead_user_id");
  filter.parent_id = number_query(context, "parent_id");
  const auto in_plan = context.query("in_plan");
  if (in_plan == "true" || in_plan == "false") filter.in_plan = in_plan == "true" ? 1 : 0;
  filter.by_id = true;
  auto sql = context.services.database.session();
  const auto total = count_initiatives(sql, actor, filter);
  filter.limit = page.per_page;
  filter.offset = page.offset();
  array items;
  for (const auto& row : initiatives(sql, actor, filter)) items.push_back(to_json(row.initiative));
  return web::json_response(web::paged(std::move(items), page, total));
}

Response get_initiative(Context& context) {
  const auto initiative =
      readable_initiative(context.services.database, context.actor(), context.path_id());
  return web::json_response(initiative_with_history(context, initiative));
}

Response create_initiative_api(Context& context) {
  Initiative initiative;
  read_body(context, initiative, false);
  initiative.created_at.clear();
  initiative.updated_at.clear();
  const auto actor = context.actor();
  const auto id = create_initiative(context.services.database, actor, initiative);
  return created(
      initiative_with_history(context, readable_initiative(context.services.database, actor, id)),
      "/api/v1/initiatives/" + std::to_string(id));
}

Response update_initiative_api(Context& context) {
  const auto actor = context.actor();
  auto initiative = readable_initiative(context.services.database, actor, context.path_id());
  const auto id = initiative.id;
  read_body(context, initiative, true);
  initiative.id = id;
  update_initiative(context.services.database, actor, initiative);
  return web::json_response(
      initiative_with_history(context, readable_initiative(context.services.database, actor, id)));
}

Response change_status_api(Context& context) {
  const auto actor = context.actor();
  const auto id = readable_initiative(context.services.database, actor, context.path_id()).id;
  const auto body = web::json_body(context);
  validation::Errors errors;
  json::Reader reader(body, errors);
  std::string status;
  std::string changed_on;
  std::string reason;
  long long row_version = 0;
  if (!reader.has("row_version")) errors.add("row_version", "field_required");
  reader.text("status", status);
  reader.text("changed_on", changed_on);
  reader.text("reason", reason);
  reader.integer("row_version", row_version);
  reader.reject_unknown();
  validation::throw_if_any(errors);
  change_initiative_status(context.services.database, actor, id, row_version, status, changed_on,
                           reason);
  return web::json_response(
      initiative_with_history(context, readable_initiative(context.services.database, actor, id)));
}

// ---- activities ----

Response list_activities(Context& context) {
  const auto actor = context.actor();
  const auto page = web::page_of(context);
  ActivityFilter filter;
  filter.initiative_id = number_query(context, "initiative_id");
  filter.kind = code_query(context, "kind", kActivityKinds);
  filter.status = code_query(context, "status", kActivityStatuses);
  auto sql = context.services.database.session();
  const auto total = count_activities(sql, actor, filter);
  filter.limit = page.per_page;
  filter.offset = page.offset();
  array items;
  for (const auto& activity : activities(sql, actor, filter)) items.push_back(to_json(activity));
  return web::json_response(web::paged(std::move(items), page, total));
}

Response get_activity(Context& context) {
  return web::json_response(
      to_json(readable_activity(context.services.database, context.actor(), context.path_id())));
}

Response create_activity_api(Context& context) {
  Activity activity;
  read_body(context, activity, false);
  activity.created_at.clear();
  activity.updated_at.clear();
  const auto actor = context.actor();
  const auto id = create_activity(context.services.database, actor, activity);
  return created(to_json(readable_activity(context.services.database, actor, id)),
                 "/api/v1/activities/" + std::to_string(id));
}

Response update_activity_api(Context& context) {
  const auto actor = context.actor();
  auto activity = readable_activity(context.services.database, actor, context.path_id());
  const auto id = activity.id;
  read_body(context, activity, true);
  activity.id = id;
  update_activity(context.services.database, actor, activity);
  return web::json_response(to_json(readable_activity(context.services.database, actor, id)));
}

// ---- groups and parties ----

Response list_groups(Context& context) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  array items;
  for (const auto& group : groups(sql, actor)) {
    auto json = to_json(group);
    array members;
    for (const auto& member : group_members(sql, actor, group.id)) {
      members.push_back(to_json(member));
    }
    json["members"] = std::move(members);
    items.push_back(std::move(json));
  }
  const auto total = static_cast<long long>(items.size());
  return web::json_response(web::paged(std::move(items), web::Page{1, 200}, total));
}

Response create_group_api(Context& context) {
  Group group;
  read_body(context, group, false);
  const auto id = create_group(context.services.database, context.actor(), group);
  group.id = id;
  return created(to_json(group), "/api/v1/groups");
}

Response add_member_api(Context& context) {
  GroupMember member;
  read_body(context, member, false);
  member.group_id = context.path_id();
  add_group_member(context.services.database, context.actor(), member);
  return created(to_json(member), "/api/v1/groups");
}

Response list_parties(Context& context) {
  auto sql = context.services.database.session();
  array items;
  for (const auto& party : parties(sql, context.actor())) {
    items.push_back(to_json(party));
  }
  const auto total = static_cast<long long>(items.size());
  return web::json_response(web::paged(std::move(items), web::Page{1, 200}, total));
}

Response create_party_api(Context& context) {
  Party party;
  read_body(context, party, false);
  party.id = create_party(context.services.database, context.actor(), party);
  return created(to_json(party), "/api/v1/parties");
}

Response list_channels(Context& context) {
  auto sql = context.services.database.session();
  array items;
  for (const auto& channel : channels(sql, context.actor())) items.push_back(to_json(channel));
  const auto total = static_cast<long long>(items.size());
  return web::json_response(web::paged(std::move(items), web::Page{1, 200}, total));
}

Response create_channel_api(Context& context) {
  Channel channel;
  read_body(context, channel, false);
  channel.id = create_channel(context.services.database, context.actor(), channel);
  return created(to_json(channel), "/api/v1/channels");
}

// ---- documents ----

object document_json(const Document& document) {
  auto json = to_json(document);
  json["download"] = "/api/v1/documents/" + std::to_string(document.id) + "/content";
  return json;
}

Response list_documents(Context& context) {
  const auto actor = context.actor();
  const auto plan = number_query(context, "plan_id");
  const auto initiative = number_query(context, "initiative_id");
  if ((plan == 0) == (initiative == 0)) {
    validation::Errors errors;
    errors.add("plan_id", "document_owner_missing");
    throw validation::Invalid(errors);
  }
  // Listing needs the same right as reading what the documents are attached to.
  auto sql = context.services.database.session();
  array items;
  for (const auto& document :
       documents(sql, actor, plan == 0 ? std::nullopt : std::optional(plan),
                 initiative == 0 ? std::nullopt : std::optional(initiative))) {
    items.push_back(document_json(document));
  }
  const auto total = static_cast<long long>(items.size());
  return web::json_response(web::paged(std::move(items), web::Page{1, 200}, total));
}

Response get_document(Context& context) {
  return web::json_response(document_json(
      readable_document(context.services.database, context.actor(), context.path_id())));
}

Response create_document_api(Context& context) {
  const auto body = web::json_body(context);
  validation::Errors errors;
  json::Reader reader(body, errors);
  Document document;
  std::string content;
  reader.optional_integer("plan_id", document.plan_id);
  reader.optional_integer("initiative_id", document.initiative_id);
  reader.text("filename", document.filename);
  reader.text("content_base64", content);
  reader.reject_unknown();
  if (const auto decoded = crypto::base64_decode(content)) {
    document.content = *decoded;
  } else {
    errors.add("content_base64", "exchange_base64_invalid");
  }
  validation::throw_if_any(errors);
  const auto actor = context.actor();
  const auto id = add_document(context.services.database, actor, document);
  return created(document_json(readable_document(context.services.database, actor, id)),
                 "/api/v1/documents/" + std::to_string(id));
}

// ---- search and the API description ----

Response search_api(Context& context) {
  const auto actor = context.actor();
  const auto page = web::page_of(context, 20);
  auto sql = context.services.database.session();
  array items;
  for (const auto& hit : search(sql, context.services.database.backend(), actor, context.query("q"),
                                page.per_page, page.offset())) {
    items.push_back(object{{"entity", hit.entity},
                           {"id", hit.entity_id},
                           {"title", hit.title},
                           {"excerpt", hit.excerpt}});
  }
  return web::json_response(
      object{{"items", std::move(items)}, {"page", page.page}, {"per_page", page.per_page}});
}

boost::json::object embedded_json(std::string_view path) {
  const auto text = resources::find(path);
  if (!text) throw std::logic_error("an OpenAPI document is not embedded: " + std::string(path));
  return boost::json::parse(*text).as_object();
}

// The register's document with every other feature's paths and schemas added.
Response openapi(Context& context) {
  auto document = embedded_json(kOpenApi);
  auto& paths = document["paths"].as_object();
  auto& schemas = document["components"].as_object()["schemas"].as_object();
  for (const auto& resource : context.services.hooks.find<ApiDescriptions>().resources) {
    auto part = embedded_json(resource);
    for (const auto& path : part["paths"].as_object()) paths[path.key()] = path.value();
    for (const auto& schema : part["components"].as_object()["schemas"].as_object()) {
      schemas[schema.key()] = schema.value();
    }
  }
  auto response = Response::json(boost::json::serialize(document));
  response.header("Cache-Control", "public, max-age=300");
  return response;
}

}  // namespace

void add_api_routes(web::App& app) {
  using auth::Permission;
  const auto read = Access::needs(Permission::read_published);
  const auto own = Access::needs(Permission::edit_own);
  const auto all = Access::needs(Permission::edit_all);
  app.add({Method::get, "/api/v1/openapi.json", Access::anyone(), openapi});
  app.add({Method::get, "/api/v1/plans", read, list_plans});
  app.add({Method::post, "/api/v1/plans", all, create_plan_api});
  app.add({Method::get, "/api/v1/plans/{id}", read, get_plan});
  app.add({Method::put, "/api/v1/plans/{id}", all, update_plan_api});
  app.add({Method::post, "/api/v1/plans/{id}/versions", all, new_version_api});
  app.add({Method::post, "/api/v1/plans/{id}/focus-areas", all, create_focus_area_api});
  app.add({Method::get, "/api/v1/initiatives", read, list_initiatives});
  app.add({Method::post, "/api/v1/initiatives", own, create_initiative_api});
  app.add({Method::get, "/api/v1/initiatives/{id}", read, get_initiative});
  app.add({Method::put, "/api/v1/initiatives/{id}", own, update_initiative_api});
  app.add({Method::post, "/api/v1/initiatives/{id}/status", own, change_status_api});
  app.add({Method::get, "/api/v1/activities", read, list_activities});
  app.add({Method::post, "/api/v1/activities", own, create_activity_api});
  app.add({Method::get, "/api/v1/activities/{id}", read, get_activity});
  app.add({Method::put, "/api/v1/activities/{id}", own, update_activity_api});
  app.add({Method::get, "/api/v1/groups", Access::needs(Permission::read_workspace), list_groups});
  app.add({Method::post, "/api/v1/groups", all, create_group_api});
  app.add({Method::post, "/api/v1/groups/{id}/members", all, add_member_api});
  app.add({Method::get, "/api/v1/parties", read, list_parties});
  app.add({Method::post, "/api/v1/parties", all, create_party_api});
  app.add({Method::get, "/api/v1/channels", read, list_channels});
  app.add({Method::post, "/api/v1/channels", all, create_channel_api});
  app.add({Method::get, "/api/v1/documents", read, list_documents});
  app.add({Method::post, "/api/v1/documents", own, create_document_api});
  app.add({Method::get, "/api/v1/documents/{id}", read, get_document});
  app.add({Method::get, "/api/v1/search", read, search_api});
}

}  // namespace samtryg::strategy
