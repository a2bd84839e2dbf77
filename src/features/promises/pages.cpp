#include "features/promises/pages.hpp"

#include <map>

#include "core/i18n/locale_format.hpp"
#include "core/util/time.hpp"
#include "features/history/subjects.hpp"
#include "features/meetings/agenda_sources.hpp"
#include "features/promises/api.hpp"
#include "features/promises/commands.hpp"
#include "features/promises/page_support.hpp"
#include "features/promises/report.hpp"
#include "features/site/sections.hpp"
#include "features/strategy/hooks.hpp"

namespace samtryg::promises {

namespace {

history::Subject promise_subject(Context& context, long long id) {
  auto sql = context.services.database.session();
  const auto promise = readable_promise(sql, context.actor(), id, today_iso_utc());
  return history::Subject{promise.title, promise_path(id)};
}

// A promise whose last word is said (kept, partly kept, not kept) needs no more follow-up.
bool settled(const std::string& status) {
  return status == "kept" || status == "partly_kept" || status == "not_kept";
}

// On a body's agenda: the promises under way that have had no follow-up since its previous
// meeting (residents rarely hear what became of a promise: the follow-up is the step to keep).
std::vector<meetings::AgendaSuggestion> follow_up_suggestion(Context& context, soci::session& sql,
                                                             const meetings::AgendaPeriod& period) {
  const auto actor = context.actor();
  if (!actor.read_all) return {};
  std::map<long long, FollowUp> latest;
  for (auto& follow_up : store::latest_follow_ups(sql, actor.workspace_id)) {
    latest[follow_up.promise_id] = std::move(follow_up);
  }
  std::vector<std::string> lines;
  for (const auto& promise : store::promises(sql, actor.workspace_id)) {
    if (promise.period_start > period.until) continue;  // not begun by the meeting
    const auto found = latest.find(promise.id);
    if (found == latest.end()) {
      lines.push_back(context.catalog().format(
          "agenda_promise_never",
          {{"promise", promise.title},
           {"end", i18n::format_iso_date(promise.period_end, context.language)}}));
      continue;
    }
    const auto& last = found->second;
    if (settled(last.status) || last.recorded_on > period.since) continue;
    lines.push_back(context.catalog().format(
        "agenda_promise_line",
        {{"promise", promise.title},
         {"end", i18n::format_iso_date(promise.period_end, context.language)},
         {"date", i18n::format_iso_date(last.recorded_on, context.language)},
         {"status", context.text("promise_status_" + last.status)}}));
  }
  if (lines.empty()) return {};
  return {{context.text("agenda_promises_title"), meetings::agenda_lines(lines)}};
}

// On the public site's home page: the promises the public sees, each with where it stands (its
// latest follow-up) and a link to its own page, where residents subscribe.
std::string public_promises_section(web::Context& context, soci::session& sql,
                                    const site::PublicReader& reader) {
  const auto summaries = promise_summaries(sql, reader.actor, today_iso_utc());
  if (summaries.empty()) return {};
  auto items = view::list();
  for (const auto& summary : summaries) {
    view::Data item;
    item.set("title", summary.promise.title);
    item.set("href", public_path(summary.promise.id));
    item.set("status",
             view::text(summary.latest ? context.text("promise_status_" + summary.latest->status)
                                       : std::string()));
    items.push_back(item);
  }
  view::Data data;
  data.set("promises", items);
  data.set("content_lang", reader.content_lang);
  return view::render(kTemplates("site_promises"), data, context.catalog());
}

// What the site's search finds of the promises: those the public sees, by their words.
std::vector<site::PublicDocument> public_promise_documents(web::Context& context,
                                                           soci::session& sql,
                                                           const site::PublicReader& reader) {
  std::vector<site::PublicDocument> out;
  for (const auto& summary : promise_summaries(sql, reader.actor, today_iso_utc())) {
    out.push_back({summary.promise.title, public_path(summary.promise.id), summary.promise.body,
                   context.text("promise_public_kind")});
  }
  return out;
}

}  // namespace

void add_routes(web::App& app) {
  add_promise_page_routes(app);
  add_promise_form_routes(app);
  add_public_routes(app);
  add_api_routes(app);
  app.services().navigation.add({"promises", "/promises", "nav_promises",
                                 web::Access::needs(auth::Permission::read_published), 37});
  auto& hooks = app.services().hooks;
  hooks.get<history::Subjects>().add("promise", promise_subject);
  hooks.get<reporting::ReportChapters>().chapters.emplace_back(report_chapter);
  hooks.get<meetings::AgendaSources>().sources.push_back({50, follow_up_suggestion});
  hooks.get<site::PublicSections>().sections.push_back({20, public_promises_section});
  hooks.get<site::PublicSearches>().sources.emplace_back(public_promise_documents);
  hooks.get<strategy::ApiDescriptions>().resources.emplace_back(
      "src/features/promises/data/openapi.json");
}

}  // namespace samtryg::promises
