#include "features/reporting/publication.hpp"

#include <fmt/format.h>

#include "core/audit/audit.hpp"
#include "core/demo/marks.hpp"
#include "core/util/time.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/reporting/page_support.hpp"
#include "features/reporting/store.hpp"
#include "features/site/sections.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::reporting {

namespace {

using http::Method;
using web::Context;

// How the public reads: an anonymous viewer of the workspace.
Actor public_reader(long long workspace_id) {
  return Actor::for_role(workspace_id, audit::Author{std::nullopt, "public"}, std::nullopt,
                         auth::Role::viewer);
}

void set_published(db::Database& database, const Actor& actor, long long round_id,
                   const std::string& day) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    const auto round = store::find_round(sql, actor.workspace_id, round_id);
    if (!round) throw validation::NotFound();
    if (!day.empty() &&
        !strategy::find_plan(sql, public_reader(actor.workspace_id), round->plan_id)) {
      validation::Errors errors;
      errors.add("round", "round_publish_plan");
      throw validation::Invalid(errors);
    }
    store::set_round_published(sql, round_id, day);
    audit::record_change(sql, actor, "update", "report_round", round_id,
                         boost::json::object{{"published_on", round->published_on}},
                         boost::json::object{{"published_on", day}});
  });
}

std::string round_path(long long id) {
  return fmt::format("/rounds/{}", id);
}

Response publish_submit(Context& context) {
  const auto id = context.path_id();
  try {
    publish_report(context.services.database, context.actor(), id, today_iso_utc());
  } catch (const validation::Invalid&) {
    return Response::redirect(round_path(id) + "?notice=notice_report_publish_plan#publication");
  }
  return Response::redirect(round_path(id) + "?notice=notice_report_published#publication");
}

Response confirm_withdraw(Context& context) {
  const auto record = readable_round(context.services.database, context.actor(), context.path_id());
  return web::render_confirm(context, {.heading = context.catalog().format(
                                           "round_withdraw_heading", {{"name", record.round.name}}),
                                       .text = context.text("round_withdraw_text"),
                                       .confirm = context.text("round_withdraw"),
                                       .action = round_path(record.round.id) + "/withdraw",
                                       .cancel = round_path(record.round.id) + "#publication",
                                       .nav = "plans"});
}

Response withdraw_submit(Context& context) {
  const auto id = context.path_id();
  withdraw_report(context.services.database, context.actor(), id);
  return Response::redirect(round_path(id) + "?notice=notice_report_withdrawn#publication");
}

// ---- the public site -------------------------------------------------------------------------

// The published reports the reader sees: their plan is public too.
std::vector<Round> public_rounds(soci::session& sql, const Actor& reader) {
  auto rounds = store::published_rounds(sql, reader.workspace_id);
  std::erase_if(rounds, [&](const Round& round) {
    return !strategy::find_plan(sql, reader, round.plan_id).has_value();
  });
  return rounds;
}

Round public_round(soci::session& sql, const Actor& reader, long long id) {
  for (auto& round : public_rounds(sql, reader)) {
    if (round.id == id) return std::move(round);
  }
  throw validation::NotFound();
}

std::string public_report_path(const site::PublicReader& reader, long long id) {
  return fmt::format("{}/reports/{}", reader.base, id);
}

std::string reports_section(Context& context, soci::session& sql,
                            const site::PublicReader& reader) {
  auto items = view::list();
  for (const auto& round : public_rounds(sql, reader.actor)) {
    view::Data item;
    item.set("name", round.name);
    item.set("href", public_report_path(reader, round.id));
    item.set("period", period_of(context, round));
    items.push_back(item);
  }
  if (items.is_empty_list()) return {};
  view::Data data;
  data.set("reports", items);
  data.set("content_lang", reader.content_lang);
  return view::render(kTemplates("site_reports"), data, context.catalog());
}

site::PublicItem report_page(Context& context, soci::session& sql, const site::PublicReader& reader,
                             long long id) {
  const auto round = public_round(sql, reader.actor, id);
  const auto plan = strategy::find_plan(sql, reader.actor, round.plan_id);
  view::Data data;
  data.set("name", round.name);
  data.set("plan", plan ? plan->name : std::string());
  data.set("period", period_of(context, round));
  data.set("published", date_text(context, round.published_on));
  data.set("pdf", fmt::format("{}/reports/files/{}/pdf", reader.base, id));
  data.set("html", fmt::format("{}/reports/files/{}/html", reader.base, id));
  data.set("home", reader.base);
  data.set("content_lang", reader.content_lang);
  data.set("example_note",
           view::text(demo::example_note(context.catalog(), "round_",
                                         demo::marks_of(sql, round.workspace_id, "round", id))));
  return {round.name, view::render(kTemplates("site_report"), data, context.catalog()),
          std::max(round.updated_at, round.published_on)};
}

std::vector<long long> report_ids(soci::session& sql, const site::PublicReader& reader) {
  std::vector<long long> ids;
  for (const auto& round : public_rounds(sql, reader.actor)) ids.push_back(round.id);
  return ids;
}

site::PublicFile report_file(Context& context, const site::PublicReader& reader, long long id,
                             const std::string& variant) {
  if (variant != "pdf" && variant != "html") throw validation::NotFound();
  const auto round = [&] {
    auto sql = context.services.database.session();
    return public_round(sql, reader.actor, id);
  }();
  auto file = render_report(context.services.database, context.services.hooks, reader.actor, id,
                            variant, {.unanswered = false, .date = round.published_on});
  site::PublicFile out{.content = std::move(file.bytes), .content_type = file.content_type};
  out.disposition = web::content_disposition(file.file_name);
  if (out.disposition.starts_with("attachment")) out.disposition.replace(0, 10, "inline");
  // The HTML report is a whole document with its own styles and images inside it.
  if (variant == "html")
    out.policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
  return out;
}

std::vector<site::PublicDocument> report_documents(Context& context, soci::session& sql,
                                                   const site::PublicReader& reader) {
  std::vector<site::PublicDocument> out;
  for (const auto& round : public_rounds(sql, reader.actor)) {
    out.push_back(
        {round.name, public_report_path(reader, round.id), {}, context.text("round_public_kind")});
  }
  return out;
}

}  // namespace

void publish_report(db::Database& database, const auth::Actor& actor, long long round_id,
                    const std::string& today) {
  set_published(database, actor, round_id, today);
}

void withdraw_report(db::Database& database, const auth::Actor& actor, long long round_id) {
  set_published(database, actor, round_id, {});
}

void add_publication_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::post, "/rounds/{id}/publish", all, publish_submit});
  app.add({Method::get, "/rounds/{id}/withdraw", all, confirm_withdraw});
  app.add({Method::post, "/rounds/{id}/withdraw", all, withdraw_submit});
  auto& hooks = app.services().hooks;
  hooks.get<site::PublicSections>().sections.push_back({40, reports_section});
  hooks.get<site::PublicKinds>().kinds.push_back({"reports", report_page, report_ids, report_file});
  hooks.get<site::PublicSearches>().sources.emplace_back(report_documents);
}

}  // namespace samtryg::reporting
