// The year wheel (årshjul) of the partnership: /year-wheel?year=2014 draws the year's meetings,
// reporting periods and deadlines, safety walks and action items as a wheel (year_wheel.hpp)
// with the same entries listed month by month beside it, and /year-wheel/pdf?year=2014 prints
// both. The other features' dates come through DatedSources.
#include <fmt/format.h>

#include <algorithm>
#include <sstream>

#include "core/i18n/locale_format.hpp"
#include "core/util/strings.hpp"
#include "core/web/page.hpp"
#include "features/meetings/page_support.hpp"
#include "features/meetings/year_wheel.hpp"

namespace samtryg::meetings {

std::vector<DatedEntry> dated_entries(const Context& context, soci::session& sql,
                                      const Actor& actor, const i18n::Catalog& catalog,
                                      std::string_view first_day, std::string_view last_day) {
  std::vector<DatedEntry> out;
  for (const auto& source : context.services.hooks.find<DatedSources>().sources) {
    auto found = source.entries(sql, actor, catalog, first_day, last_day);
    out.insert(out.end(), std::make_move_iterator(found.begin()),
               std::make_move_iterator(found.end()));
  }
  return out;
}

std::vector<DatedEntry> year_entries(const Context& context, soci::session& sql, const Actor& actor,
                                     int year) {
  const auto first_day = fmt::format("{:04}-01-01", year);
  const auto last_day = fmt::format("{:04}-12-31", year);
  std::vector<DatedEntry> out;
  for (const auto& meeting : meetings(sql, actor)) {
    const auto day = meeting.starts_at.substr(0, 10);
    if (meeting.status == "cancelled" || day < first_day || day > last_day) continue;
    out.push_back({"meeting-" + std::to_string(meeting.id), "meeting", meeting.title, day, day,
                   meeting_path(meeting.id), meeting.updated_at});
  }
  if (actor.read_all) {
    for (const auto& owned :
         store::actions_due_between(sql, actor.workspace_id, first_day, last_day)) {
      out.push_back({"action-" + std::to_string(owned.action.id), "action",
                     context.text("meeting_calendar_action_prefix") + owned.action.title,
                     owned.action.due_on, owned.action.due_on,
                     meeting_path(owned.action.meeting_id), owned.action.updated_at});
    }
  }
  auto dated = dated_entries(context, sql, actor, context.catalog(), first_day, last_day);
  out.insert(out.end(), std::make_move_iterator(dated.begin()),
             std::make_move_iterator(dated.end()));
  std::stable_sort(out.begin(), out.end(), [](const DatedEntry& a, const DatedEntry& b) {
    return a.first_day < b.first_day;
  });
  return out;
}

std::string days_text(const Context& context, const DatedEntry& entry) {
  auto text = i18n::format_iso_date(entry.first_day, context.language);
  if (!entry.last_day.empty() && entry.last_day != entry.first_day) {
    text += " – " + i18n::format_iso_date(entry.last_day, context.language);
  }
  return text;
}

namespace {

WheelTexts wheel_texts(const Context& context, int year) {
  WheelTexts texts;
  texts.title = context.catalog().format("year_wheel_title", {{"year", std::to_string(year)}});
  texts.description = context.text("year_wheel_desc");
  std::istringstream months(context.text("year_wheel_months"));
  std::string month;
  while (std::getline(months, month, ',')) texts.months.push_back(month);
  for (const auto kind : kDatedKinds) {
    texts.kinds[std::string(kind)] = context.text("dated_kind_" + std::string(kind));
  }
  texts.label = [&context](const DatedEntry& entry) {
    return days_text(context, entry) + ": " + entry.title;
  };
  return texts;
}

constexpr int kFirstYear = 2000;
constexpr int kLastYear = 2100;

// The year asked for; else this year, unless the workspace has no meetings from it on (one kept
// for its history, as the demo's 2014): then the latest year it met.
int chosen_year(const Context& context, soci::session& sql, const Actor& actor) {
  const auto asked = parse_integer(context.query("year"));
  if (asked && *asked >= kFirstYear && *asked <= kLastYear) return static_cast<int>(*asked);
  const auto current = local_now().substr(0, 4);
  std::string latest;
  for (const auto& meeting : meetings(sql, actor)) {
    const auto year = meeting.starts_at.substr(0, 4);
    if (year >= current) return std::stoi(current);
    latest = std::max(latest, year);
  }
  return std::stoi(latest.empty() ? current : latest);
}

// The entries by month: {month index, entries that begin in it}.
std::vector<std::pair<int, std::vector<const DatedEntry*>>> by_month(
    const std::vector<DatedEntry>& entries, int year) {
  std::vector<std::pair<int, std::vector<const DatedEntry*>>> months;
  for (const auto& entry : entries) {
    // An entry begun in an earlier year is listed in January.
    const int month = entry.first_day.substr(0, 4) < std::to_string(year)
                          ? 1
                          : std::stoi(entry.first_day.substr(5, 2));
    if (months.empty() || months.back().first != month) months.push_back({month, {}});
    months.back().second.push_back(&entry);
  }
  return months;
}

// The year the request asks for (chosen_year) and its entries.
std::pair<int, std::vector<DatedEntry>> asked_year(const Context& context) {
  const auto actor = context.actor();
  auto sql = context.services.database.session();
  const int year = chosen_year(context, sql, actor);
  return {year, year_entries(context, sql, actor, year)};
}

Response year_wheel_page(Context& context) {
  const auto [year, entries] = asked_year(context);
  const auto texts = wheel_texts(context, year);
  auto months = view::list();
  for (const auto& [month, listed] : by_month(entries, year)) {
    view::Data group;
    group.set("month", i18n::format_month(year, month, context.language));
    auto items = view::list();
    for (const auto* entry : listed) {
      view::Data item;
      item.set("days", days_text(context, *entry));
      item.set("kind", texts.kinds.at(entry->kind));
      item.set("kind_code", entry->kind);
      item.set("title", entry->title);
      item.set("path", entry->path);
      items.push_back(item);
    }
    group.set("entries", items);
    months.push_back(group);
  }
  view::Data data;
  data.set("year", std::to_string(year));
  data.set("previous", std::to_string(year - 1));
  data.set("next", std::to_string(year + 1));
  data.set("heading", texts.title);
  data.set("svg", year_wheel_svg(year, entries, texts));
  data.set("months", months);
  data.set("has_entries", view::flag(!entries.empty()));
  return web::render_page(context, kTemplates("year_wheel"), std::move(data),
                          {.title = texts.title, .status = 200, .nav = "meetings"});
}

Response year_wheel_pdf(Context& context) {
  const auto [year, entries] = asked_year(context);
  const auto texts = wheel_texts(context, year);
  documents::Document document;
  document.title = texts.title;
  document.subtitle = context.workspace().name;
  document.running_header = texts.title;
  document.language = std::string(i18n::code(context.language));
  document.title_page = false;
  document.page_label = context.text("meeting_document_page");
  documents::Block wheel;
  wheel.kind = documents::Block::Kind::image;
  wheel.svg = year_wheel_svg(year, entries, texts);
  wheel.alt = texts.description;
  document.blocks.push_back(std::move(wheel));
  for (const auto& [month, listed] : by_month(entries, year)) {
    document.blocks.push_back(
        documents::heading(2, i18n::format_month(year, month, context.language)));
    documents::Block table;
    table.kind = documents::Block::Kind::table;
    table.table.header = {context.text("year_wheel_when"), context.text("year_wheel_kind"),
                          context.text("year_wheel_what")};
    table.table.widths = {0.3, 0.2, 0.5};
    for (const auto* entry : listed) {
      table.table.rows.push_back(
          {days_text(context, *entry), texts.kinds.at(entry->kind), entry->title});
    }
    document.blocks.push_back(std::move(table));
  }
  if (entries.empty()) {
    document.blocks.push_back(documents::paragraph(
        context.catalog().format("year_wheel_empty", {{"year", std::to_string(year)}})));
  }
  return web::document_download(document, "pdf",
                                fmt::format("{}-{}", context.text("year_wheel_file"), year));
}

}  // namespace

void add_year_routes(web::App& app) {
  const auto members = web::Access::needs(auth::Permission::read_workspace);
  app.add({Method::get, "/year-wheel", members, year_wheel_page});
  app.add({Method::get, "/year-wheel/pdf", members, year_wheel_pdf});
}

}  // namespace samtryg::meetings
