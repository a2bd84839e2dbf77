// An agenda built from live status: what the features report (AgendaSources) since the body's
// previous meeting, each proposal ticked or not by the coordinator; the ticked ones join the end
// of the agenda as items, to be edited, moved and completed like any other.
#include <algorithm>
#include <iterator>

#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/web/form_page.hpp"
#include "core/web/page.hpp"
#include "features/meetings/agenda_sources.hpp"
#include "features/meetings/commands.hpp"
#include "features/meetings/page_support.hpp"

namespace samtryg::meetings {

AgendaPeriod agenda_period(soci::session& sql, const Meeting& meeting) {
  AgendaPeriod period;
  period.meeting_id = meeting.id;
  period.group_id = meeting.group_id;
  period.until = meeting.starts_at.substr(0, 10);
  if (meeting.group_id) {
    period.since = store::previous_meeting_start(sql, meeting.workspace_id, *meeting.group_id,
                                                 meeting.starts_at)
                       .substr(0, 10);
  }
  return period;
}

std::vector<AgendaSuggestion> agenda_suggestions(Context& context, soci::session& sql,
                                                 const AgendaPeriod& period) {
  auto sources = context.services.hooks.find<AgendaSources>().sources;
  std::stable_sort(sources.begin(), sources.end(),
                   [](const AgendaSource& a, const AgendaSource& b) { return a.order < b.order; });
  std::vector<AgendaSuggestion> out;
  for (const auto& source : sources) {
    auto found = source.suggest(context, sql, period);
    out.insert(out.end(), std::make_move_iterator(found.begin()),
               std::make_move_iterator(found.end()));
  }
  return out;
}

namespace {

std::string period_text(const Context& context, const AgendaPeriod& period) {
  const auto until = i18n::format_iso_date(period.until, context.language);
  if (period.since.empty()) {
    return context.catalog().format("meeting_suggestions_first", {{"until", until}});
  }
  return context.catalog().format(
      "meeting_suggestions_period",
      {{"since", i18n::format_iso_date(period.since, context.language)}, {"until", until}});
}

Response suggestions_page(Context& context, const std::vector<AgendaSuggestion>& found,
                          const Meeting& meeting, const AgendaPeriod& period,
                          const std::vector<std::string>& picked, const std::string& error,
                          int status) {
  auto items = view::list();
  for (std::size_t index = 0; index < found.size(); ++index) {
    const auto key = std::to_string(index);
    view::Data item;
    item.set("index", key);
    item.set("title", found[index].title);
    item.set("description", found[index].description);
    if (found[index].theme_id) item.set("theme_id", std::to_string(*found[index].theme_id));
    auto figures = view::list();
    for (const auto& figure : found[index].figures) {
      view::Data entry;
      // Drawn by samtryg's own chart code a moment ago, never typed by anyone: shown inline.
      entry.set("svg", figure.svg);
      entry.set("caption", figure.caption);
      figures.push_back(entry);
    }
    item.set("figures", figures);
    item.set("checked", view::flag(std::find(picked.begin(), picked.end(), key) != picked.end()));
    items.push_back(item);
  }
  view::Data data;
  data.set("id", std::to_string(meeting.id));
  data.set("title", meeting.title);
  data.set("period", period_text(context, period));
  data.set("suggestions", items);
  data.set("has_suggestions", view::flag(!found.empty()));
  data.set("csrf", context.csrf_token());
  data.set("has_errors", view::flag(!error.empty()));
  data.set("error", error);
  return web::render_page(
      context, kTemplates("suggestions"), std::move(data),
      {.title = context.text("meeting_suggestions_title"), .status = status, .nav = "meetings"});
}

Response show_suggestions(Context& context) {
  const auto record = meeting_record(context.services.database, context.actor(), context.path_id());
  auto sql = context.services.database.session();
  const auto period = agenda_period(sql, record.meeting);
  return suggestions_page(context, agenda_suggestions(context, sql, period), record.meeting, period,
                          {}, {}, 200);
}

// The ticked proposals as they were shown: the page carries each one's text (and proposed theme),
// so what is added is what the coordinator read, even when the status has moved on since. Charts
// are drawn again, and go with the item when the proposal in that place still has the same title.
std::vector<Item> picked_items(Context& context, const std::vector<std::string>& picked,
                               const std::vector<AgendaSuggestion>& current) {
  std::vector<Item> items;
  items.reserve(picked.size());
  for (const auto& index : picked) {
    const auto number = parse_integer(index);
    if (!number) continue;
    Item item;
    item.title = std::string(trim(context.form().value("title_" + index)));
    item.description = context.form().value("description_" + index);
    const auto at = static_cast<std::size_t>(*number);
    if (*number >= 0 && at < current.size() && current[at].title == item.title) {
      item.figures = current[at].figures;
    }
    // A proposed theme is taken up as the page named it: one taken meanwhile is refused.
    item.theme_id = parse_integer(context.form().value("theme_" + index));
    items.push_back(std::move(item));
  }
  return items;
}

Response add_suggestions_submit(Context& context) {
  const auto actor = context.actor();
  const auto record = meeting_record(context.services.database, actor, context.path_id());
  const auto picked = context.form().all("pick");
  AgendaPeriod period;
  std::vector<AgendaSuggestion> current;
  {
    auto sql = context.services.database.session();
    period = agenda_period(sql, record.meeting);
    current = agenda_suggestions(context, sql, period);
  }
  const auto items = picked_items(context, picked, current);
  // Shown again, the ticks follow the proposals by their titles: the list may have changed since.
  const auto redisplay = [&](const std::string& error) {
    std::vector<std::string> still;
    for (const auto& item : items) {
      for (std::size_t at = 0; at < current.size(); ++at) {
        const auto& shown = current[at];
        if (shown.title == item.title && (!item.theme_id || shown.theme_id == item.theme_id)) {
          still.push_back(std::to_string(at));
        }
      }
    }
    return suggestions_page(context, current, record.meeting, period, still, error, 422);
  };
  if (items.empty()) return redisplay(context.text("meeting_suggestions_none_picked"));
  try {
    add_items(context.services.database, actor, record.meeting.id, items);
  } catch (const validation::Invalid& invalid) {
    // A theme taken up or answered meanwhile, or a text too long for an item.
    const auto& found = invalid.errors.items();
    const bool theme = std::any_of(found.begin(), found.end(), [](const auto& error) {
      return error.field.ends_with(".theme_id");
    });
    return redisplay(
        context.text(theme ? "meeting_suggestions_theme_taken" : "meeting_suggestions_invalid"));
  }
  return Response::redirect(meeting_path(record.meeting.id) +
                            "?notice=notice_meeting_suggestions_added#agenda");
}

}  // namespace

void add_suggestion_routes(web::App& app) {
  const auto all = web::Access::needs(auth::Permission::edit_all);
  app.add({Method::get, "/meetings/{id}/suggestions", all, show_suggestions});
  app.add({Method::post, "/meetings/{id}/suggestions", all, add_suggestions_submit});
}

}  // namespace samtryg::meetings
