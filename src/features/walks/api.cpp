#include "features/walks/api.hpp"

#include "core/web/api.hpp"
#include "features/walks/commands.hpp"
#include "features/walks/json.hpp"

namespace samtryg::walks {

namespace {

using boost::json::array;
using boost::json::object;
using http::Method;
using http::Response;
using web::Access;
using web::Context;

// A walk with its groups, and its findings each with their actions.
object walk_document(const WalkRecord& record) {
  auto json = to_json(record.walk);
  array groups;
  for (const auto& group : record.groups) groups.push_back(to_json(group));
  json["groups"] = std::move(groups);
  array findings;
  for (const auto& finding : record.findings) {
    auto item = to_json(finding);
    array actions;
    for (const auto& action : record.actions) {
      if (action.finding_id == finding.id) actions.push_back(to_json(action));
    }
    item["actions"] = std::move(actions);
    findings.push_back(std::move(item));
  }
  json["findings"] = std::move(findings);
  return json;
}

Response walk_answer(Context& context, long long id, int status = 200) {
  auto response = web::json_response(
      walk_document(walk_record(context.services.database, context.actor(), id)), status);
  if (status == 201) response.header("Location", "/api/v1/walks/" + std::to_string(id));
  return response;
}

// The body's walk groups, read with the walk (`groups` is a member of the walk's JSON).
std::vector<Group> groups_of(const Context& context) {
  const auto body = web::json_body(context);
  std::vector<Group> groups;
  validation::Errors errors;
  json::Reader reader(body, errors);
  reader.objects("groups", [&](const std::string& path, const object& item) {
    json::Reader group_reader(item, errors, path);
    Group group;
    read(group_reader, group);
    group_reader.reject_unknown();
    groups.push_back(std::move(group));
  });
  validation::throw_if_any(errors);
  return groups;
}

Response list_walks(Context& context) {
  auto sql = context.services.database.session();
  return web::paged_response(context, walks(sql, context.actor()),
                             [](const Walk& walk) { return to_json(walk); });
}

Response get_walk(Context& context) {
  return walk_answer(context, context.path_id());
}

Response create_walk_api(Context& context) {
  Walk walk;
  web::read_json_body(context, walk, false, {"groups", "findings"});
  walk.created_at.clear();
  walk.updated_at.clear();
  const auto id = create_walk(context.services.database, context.actor(), walk, groups_of(context));
  return walk_answer(context, id, 201);
}

Response update_walk_api(Context& context) {
  const auto actor = context.actor();
  auto record = walk_record(context.services.database, context.actor(), context.path_id());
  auto walk = record.walk;
  web::read_json_body(context, walk, true, {"groups", "findings"});
  walk.id = record.walk.id;
  const auto body = web::json_body(context);
  const auto groups = body.contains("groups") ? groups_of(context) : record.groups;
  update_walk(context.services.database, actor, walk, groups);
  return walk_answer(context, walk.id);
}

// {"residents": 17, …, "row_version": 2}
Response counts_api(Context& context) {
  struct CountsBody {
    Counts counts;
    long long row_version = 0;
  } body;
  const auto object_body = web::json_body(context);
  validation::Errors errors;
  json::Reader reader(object_body, errors);
  read(reader, body.counts);
  if (!reader.integer("row_version", body.row_version)) {
    errors.add("row_version", "field_required");
  }
  reader.reject_unknown();
  validation::throw_if_any(errors);
  const auto id = context.path_id();
  save_counts(context.services.database, context.actor(), id, body.row_version, body.counts);
  return walk_answer(context, id);
}

// {"to": "walked", "row_version": 3}
Response status_api(Context& context) {
  const auto object_body = web::json_body(context);
  validation::Errors errors;
  json::Reader reader(object_body, errors);
  std::string to;
  long long version = 0;
  if (!reader.text("to", to)) errors.add("to", "field_required");
  if (!reader.integer("row_version", version)) errors.add("row_version", "field_required");
  reader.reject_unknown();
  validation::throw_if_any(errors);
  const auto id = context.path_id();
  move_walk(context.services.database, context.actor(), id, version, to);
  return walk_answer(context, id);
}

Response finding_answer(Context& context, long long walk_id, long long finding_id, int status) {
  for (const auto& finding :
       walk_record(context.services.database, context.actor(), walk_id).findings) {
    if (finding.id != finding_id) continue;
    auto response = web::json_response(to_json(finding), status);
    if (status == 201) {
      response.header("Location", "/api/v1/walks/" + std::to_string(walk_id) + "/findings/" +
                                      std::to_string(finding_id));
    }
    return response;
  }
  throw validation::NotFound();
}

Response add_finding_api(Context& context) {
  const auto walk_id =
      walk_record(context.services.database, context.actor(), context.path_id()).walk.id;
  Finding finding;
  web::read_json_body(context, finding, false, {"actions"});
  const auto id = add_finding(context.services.database, context.actor(), walk_id, finding);
  return finding_answer(context, walk_id, id, 201);
}

Response update_finding_api(Context& context) {
  const auto record = walk_record(context.services.database, context.actor(), context.path_id());
  const auto finding_id = context.path_id("finding");
  for (auto finding : record.findings) {
    if (finding.id != finding_id) continue;
    web::read_json_body(context, finding, true, {"actions"});
    finding.id = finding_id;
    update_finding(context.services.database, context.actor(), record.walk.id, finding);
    return finding_answer(context, record.walk.id, finding_id, 200);
  }
  throw validation::NotFound();
}

Response add_action_api(Context& context) {
  const auto walk_id =
      walk_record(context.services.database, context.actor(), context.path_id()).walk.id;
  Action action;
  web::read_json_body(context, action, false);
  action.finding_id = context.path_id("finding");
  const auto id = add_action(context.services.database, context.actor(), walk_id, action);
  auto sql = context.services.database.session();
  auto response =
      web::json_response(to_json(readable_action(sql, context.actor(), id).action), 201);
  response.header("Location", "/api/v1/walk-actions/" + std::to_string(id));
  return response;
}

Response update_action_api(Context& context) {
  const auto actor = context.actor();
  auto action = [&] {
    auto sql = context.services.database.session();
    return readable_action(sql, actor, context.path_id()).action;
  }();
  const auto id = action.id;
  web::read_json_body(context, action, true);
  action.id = id;
  update_action(context.services.database, actor, action);
  auto sql = context.services.database.session();
  return web::json_response(to_json(readable_action(sql, actor, id).action));
}

}  // namespace

void add_api_routes(web::App& app) {
  using auth::Permission;
  const auto read = Access::needs(Permission::read_published);
  const auto own = Access::needs(Permission::edit_own);
  const auto all = Access::needs(Permission::edit_all);
  app.add({Method::get, "/api/v1/walks", read, list_walks});
  app.add({Method::post, "/api/v1/walks", all, create_walk_api});
  app.add({Method::get, "/api/v1/walks/{id}", read, get_walk});
  app.add({Method::put, "/api/v1/walks/{id}", all, update_walk_api});
  app.add({Method::put, "/api/v1/walks/{id}/counts", all, counts_api});
  app.add({Method::post, "/api/v1/walks/{id}/status", all, status_api});
  app.add({Method::post, "/api/v1/walks/{id}/findings", own, add_finding_api});
  app.add({Method::put, "/api/v1/walks/{id}/findings/{finding}", own, update_finding_api});
  app.add({Method::post, "/api/v1/walks/{id}/findings/{finding}/actions", all, add_action_api});
  app.add({Method::put, "/api/v1/walk-actions/{id}", own, update_action_api});
}

}  // namespace samtryg::walks
