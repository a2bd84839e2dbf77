// Findings: recording one on the walk's page (in words or by coordinates; a phone adds its
// position), changing it, and checking it on the follow-up walk.
#include "core/util/strings.hpp"
#include "core/web/form_page.hpp"
#include "features/walks/commands.hpp"
#include "features/walks/page_support.hpp"

namespace samtryg::walks {

namespace {

std::optional<double> typed_coordinate(const std::string& text, std::string_view field,
                                       validation::Errors& errors) {
  auto cleaned = std::string(trim(text));
  if (cleaned.empty()) return std::nullopt;
  replace_all(cleaned, ",", ".");  // 55,8708 as Danish and Swedish keyboards write it
  const auto value = parse_finite_double(cleaned);
  if (!value) errors.add(std::string(field), "walk_coordinate_invalid", {{"max", "180"}});
  return value;
}

Finding finding_from_form(Context& context, Finding finding, TypedPosition& typed,
                          validation::Errors& errors) {
  const auto& form = context.form();
  finding.place = std::string(trim(form.value("place")));
  typed.latitude = form.value("latitude");
  typed.longitude = form.value("longitude");
  finding.latitude = typed_coordinate(typed.latitude, "latitude", errors);
  finding.longitude = typed_coordinate(typed.longitude, "longitude", errors);
  finding.category = form.value("category");
  finding.severity = form.value("severity");
  finding.description = form.value("description");
  finding.is_public = form.value("public") == "1";
  finding.client_key = std::string(trim(form.value("client_key")));
  if (const auto version = parse_integer(form.value("row_version"))) {
    finding.row_version = *version;
  }
  return finding;
}

std::string coordinate_text(const std::optional<double>& value) {
  if (!value) return {};
  auto text = std::to_string(*value);
  while (!text.empty() && text.back() == '0') text.pop_back();
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text;
}

WalkRecord record_of(Context& context) {
  return walk_record(context.services.database, context.actor(), context.path_id());
}

Response add_finding_submit(Context& context) {
  const auto actor = context.actor();
  const auto record = record_of(context);
  validation::Errors errors;
  TypedPosition typed;
  const auto finding = finding_from_form(context, Finding{}, typed, errors);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        const auto id = add_finding(context.services.database, actor, record.walk.id, finding);
        return Response::redirect(walk_path(record.walk.id) +
                                  "?notice=notice_finding_added#finding-" + std::to_string(id));
      },
      [&](validation::Errors found, bool) {
        found.add_all(errors);
        return render_walk(context, record, found, finding_fields(context, finding, typed), 422);
      });
}

Response finding_form(Context& context, const WalkRecord& record, const Finding& finding,
                      const TypedPosition& typed, validation::Errors errors, bool conflict,
                      int status) {
  web::FormPage form;
  form.heading =
      context.catalog().format("walk_finding_edit", {{"number", std::to_string(finding.number)}}) +
      " – " + walk_title(context, record.walk);
  form.action = walk_path(record.walk.id) + "/findings/" + std::to_string(finding.id) + "/edit";
  form.submit = context.text("form_save");
  form.cancel = walk_path(record.walk.id) + "#finding-" + std::to_string(finding.id);
  form.fields = finding_fields(context, finding, typed);
  form.hidden = web::hidden_values({{"row_version", std::to_string(finding.row_version)}});
  form.errors = std::move(errors);
  form.conflict = conflict;
  form.status = status;
  form.nav = "walks";
  return web::render_form(context, form);
}

Response edit_finding(Context& context) {
  const auto record = record_of(context);
  const auto& finding = finding_in(record, context.path_id("finding"));
  return finding_form(context, record, finding,
                      {coordinate_text(finding.latitude), coordinate_text(finding.longitude)}, {},
                      false, 200);
}

Response update_finding_submit(Context& context) {
  const auto actor = context.actor();
  const auto record = record_of(context);
  const auto& stored = finding_in(record, context.path_id("finding"));
  validation::Errors errors;
  TypedPosition typed;
  const auto finding = finding_from_form(context, stored, typed, errors);
  return web::submit(
      [&] {
        validation::throw_if_any(errors);
        update_finding(context.services.database, actor, record.walk.id, finding);
        return Response::redirect(walk_path(record.walk.id) + "?notice=notice_saved#finding-" +
                                  std::to_string(finding.id));
      },
      [&](validation::Errors found, bool conflict) {
        found.add_all(errors);
        auto shown = finding;
        if (conflict) shown.row_version = finding_in(record_of(context), finding.id).row_version;
        return finding_form(context, record, shown, typed, std::move(found), conflict,
                            conflict ? 409 : 422);
      });
}

Response check_form(Context& context, const WalkRecord& record, const Finding& finding,
                    const std::string& result, const std::string& note, validation::Errors errors,
                    int status) {
  web::FormPage form;
  form.heading =
      context.catalog().format("walk_finding_check", {{"number", std::to_string(finding.number)}}) +
      " – " + walk_title(context, record.walk);
  form.intro = finding.description;
  form.action = walk_path(record.walk.id) + "/findings/" + std::to_string(finding.id) + "/check";
  form.submit = context.text("form_save");
  form.cancel = walk_path(record.walk.id) + "#finding-" + std::to_string(finding.id);
  web::Field verdict{.name = "follow_up",
                     .label = context.text("walk_follow_up"),
                     .value = result,
                     .kind = Kind::select,
                     .required = true};
  verdict.options = web::coded_options(kFollowUps, "walk_follow_up_", context.catalog());
  form.fields = {verdict,
                 {.name = "follow_up_note",
                  .label = context.text("walk_follow_up_note"),
                  .value = note,
                  .kind = Kind::textarea,
                  .hint = context.text("walk_follow_up_note_hint")}};
  form.hidden = web::hidden_values({{"row_version", std::to_string(finding.row_version)}});
  form.errors = std::move(errors);
  form.status = status;
  form.nav = "walks";
  return web::render_form(context, form);
}

Response check_finding_page(Context& context) {
  const auto record = record_of(context);
  const auto& finding = finding_in(record, context.path_id("finding"));
  return check_form(context, record, finding,
                    finding.follow_up.empty() ? "fixed" : finding.follow_up, finding.follow_up_note,
                    {}, 200);
}

Response check_finding_submit(Context& context) {
  const auto actor = context.actor();
  const auto record = record_of(context);
  const auto& finding = finding_in(record, context.path_id("finding"));
  const auto& form = context.form();
  const auto result = form.value("follow_up");
  const auto note = form.value("follow_up_note");
  const auto version = parse_integer(form.value("row_version")).value_or(0);
  return web::submit(
      [&] {
        check_finding(context.services.database, actor, record.walk.id, finding.id, version, result,
                      note);
        return Response::redirect(walk_path(record.walk.id) + "?notice=notice_saved#finding-" +
                                  std::to_string(finding.id));
      },
      [&](validation::Errors found, bool conflict) {
        if (conflict) found.add("follow_up", "walk_saved_meanwhile");
        const auto fresh = record_of(context);
        return check_form(context, fresh, finding_in(fresh, finding.id), result, note,
                          std::move(found), conflict ? 409 : 422);
      });
}

}  // namespace

std::vector<web::Field> finding_fields(const Context& context, const Finding& finding,
                                       const TypedPosition& typed) {
  const auto& catalog = context.catalog();
  web::Field category{.name = "category",
                      .label = context.text("walk_finding_category"),
                      .value = finding.category,
                      .kind = Kind::select,
                      .required = true};
  category.options = web::coded_options(kFindingCategories, "walk_category_", catalog);
  web::Field severity{.name = "severity",
                      .label = context.text("walk_finding_severity"),
                      .value = finding.severity,
                      .kind = Kind::select,
                      .required = true};
  severity.options = web::coded_options(kSeverities, "walk_severity_", catalog);
  return {
      {.name = "place",
       .label = context.text("walk_finding_place"),
       .value = finding.place,
       .hint = context.text("walk_finding_place_hint")},
      {.name = "latitude",
       .label = context.text("walk_finding_latitude"),
       .value = typed.latitude,
       .hint = context.text("walk_finding_latitude_hint")},
      {.name = "longitude",
       .label = context.text("walk_finding_longitude"),
       .value = typed.longitude},
      category,
      {.name = "description",
       .label = context.text("walk_finding_description"),
       .value = finding.description,
       .kind = Kind::textarea,
       .required = true,
       .rows = 3},
      severity,
      {.name = "public",
       .label = context.text("walk_finding_public"),
       .value = finding.is_public ? "1" : "",
       .kind = Kind::checkbox,
       .hint = context.text("walk_finding_public_hint")},
  };
}

void add_finding_routes(web::App& app) {
  const auto own = web::Access::needs(auth::Permission::edit_own);
  app.add({Method::post, "/walks/{id}/findings", own, add_finding_submit});
  app.add({Method::get, "/walks/{id}/findings/{finding}/edit", own, edit_finding});
  app.add({Method::post, "/walks/{id}/findings/{finding}/edit", own, update_finding_submit});
  app.add({Method::get, "/walks/{id}/findings/{finding}/check", own, check_finding_page});
  app.add({Method::post, "/walks/{id}/findings/{finding}/check", own, check_finding_submit});
}

}  // namespace samtryg::walks
