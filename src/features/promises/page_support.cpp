#include "features/promises/page_support.hpp"

#include <algorithm>
#include <cmath>

#include "core/demo/marks.hpp"
#include "core/documents/document.hpp"
#include "core/i18n/locale_format.hpp"
#include "core/web/form_page.hpp"
#include "features/indicators/presentation.hpp"

namespace samtryg::promises {

namespace {

std::string amount_text(const Context& context, double amount) {
  const bool whole = std::floor(amount) == amount;
  return i18n::format_number(amount, whole ? 0 : 1, context.language);
}

view::Data commitments_data(const Context& context, const Promise& promise) {
  auto items = view::list();
  for (const auto& commitment : promise.commitments) {
    view::Data item;
    item.set("label", commitment.label);
    item.set("promised", amount_text(context, commitment.promised));
    item.set("achieved", commitment.achieved ? amount_text(context, *commitment.achieved)
                                             : context.text("promise_not_reported"));
    item.set("met", view::flag(commitment.achieved && *commitment.achieved >= commitment.promised));
    items.push_back(item);
  }
  return items;
}

view::Data named_data(const std::vector<Named>& named, const char* path, bool links) {
  auto items = view::list();
  for (const auto& entry : named) {
    view::Data item;
    item.set("name", entry.name);
    if (links) item.set("href", std::string(path) + std::to_string(entry.id));
    items.push_back(item);
  }
  return items;
}

view::Data follow_ups_data(const Context& context, const std::vector<FollowUp>& follow_ups) {
  auto ordered = follow_ups;
  std::sort(ordered.begin(), ordered.end(), [](const FollowUp& a, const FollowUp& b) {
    return a.recorded_on != b.recorded_on ? a.recorded_on > b.recorded_on : a.id > b.id;
  });
  auto items = view::list();
  for (const auto& follow_up : ordered) {
    view::Data item;
    item.set("id", std::to_string(follow_up.id));
    item.set("period", follow_up.period);
    item.set("status", context.text("promise_status_" + follow_up.status));
    item.set("status_code", follow_up.status);
    item.set("recorded_on", i18n::format_iso_date(follow_up.recorded_on, context.language));
    item.set("recorded_iso", follow_up.recorded_on);
    if (!follow_up.account.empty()) item.set("account", follow_up.account);
    items.push_back(item);
  }
  return items;
}

view::Data themes_data(const Context& context, const std::vector<RaisedTheme>& themes, bool links) {
  auto items = view::list();
  for (const auto& theme : themes) {
    view::Data item;
    item.set("label", theme.label);
    item.set("dialogue", context.catalog().format(
                             "promise_raised_at",
                             {{"dialogue", theme.dialogue},
                              {"date", i18n::format_iso_date(theme.held_on, context.language)}}));
    if (links) item.set("href", "/dialogues/" + std::to_string(theme.dialogue_id));
    if (theme.mentions) {
      item.set("mentions", context.catalog().format("promise_theme_mentions",
                                                    {{"count", std::to_string(*theme.mentions)}}));
    }
    if (!theme.summary.empty()) item.set("summary", theme.summary);
    items.push_back(item);
  }
  return items;
}

view::Data evidence_data(const Context& context, const std::vector<surveys::QuestionTrend>& trends,
                         bool links) {
  auto items = view::list();
  for (const auto& trend : trends) {
    view::Data item;
    item.set("question", trend.question.text);
    item.set("survey", trend.question.survey_name);
    if (links) {
      item.set("href", "/surveys/" + std::to_string(trend.question.survey_id) + "#question-" +
                           std::to_string(trend.question.id));
    }
    auto waves = view::list();
    for (const auto& wave : trend.waves) {
      if (!wave.share) continue;
      view::Data entry;
      entry.set("period", indicators::period_label(wave.period, context.language));
      entry.set("share", i18n::format_percent(*wave.share, 0, context.language));
      entry.set("area", view::text(wave.area));
      waves.push_back(entry);
    }
    item.set("waves", waves);
    item.set("has_waves", view::flag(!waves.is_empty_list()));
    if (!trend.share_label.empty()) item.set("share_label", trend.share_label);
    if (!trend.example_fields.empty()) {
      item.set("example",
               demo::example_note(context.catalog(), "survey_result_", trend.example_fields));
    }
    items.push_back(item);
  }
  return items;
}

view::Data activities_data(const Context& context, const std::vector<LinkedActivity>& activities,
                           bool links) {
  auto items = view::list();
  for (const auto& activity : activities) {
    view::Data item;
    item.set("name", activity.title);
    item.set("status", context.text("activity_status_" + activity.status));
    if (links) item.set("href", "/activities/" + std::to_string(activity.id));
    items.push_back(item);
  }
  return items;
}

}  // namespace

std::string notice_text(const Context& context) {
  return web::notice_text(context,
                          {"notice_saved", "notice_created", "notice_deleted",
                           "notice_promise_follow_up_added", "notice_promise_subscribe_check_mail",
                           "notice_promise_subscribed", "notice_promise_unsubscribed"});
}

std::string promise_path(long long id) {
  return "/promises/" + std::to_string(id);
}

std::string period_text(const Context& context, const Promise& promise) {
  return i18n::format_iso_date(promise.period_start, context.language) + " – " +
         i18n::format_iso_date(promise.period_end, context.language);
}

view::Data promise_data(const Context& context, const Promise& promise, const StoryParts& parts,
                        bool links) {
  const auto& follow_ups = parts.follow_ups;
  view::Data data;
  data.set("themes", themes_data(context, parts.themes, links));
  data.set("has_themes", view::flag(!parts.themes.empty()));
  data.set("id", std::to_string(promise.id));
  data.set("title", promise.title);
  data.set("period", period_text(context, promise));
  if (!promise.body.empty()) {
    data.set("body_html", view::text(documents::markdown_html(promise.body)));
  }
  auto problems = view::list();
  for (const auto& problem : promise.problems) problems.push_back(view::text(problem));
  data.set("problems", problems);
  data.set("has_problems", view::flag(!promise.problems.empty()));
  auto signatories = view::list();
  for (const auto& signatory : promise.signatories) {
    view::Data item;
    item.set("name", signatory.name);
    item.set("role", context.text("promise_role_" + signatory.role));
    signatories.push_back(item);
  }
  data.set("signatories", signatories);
  data.set("has_signatories", view::flag(!promise.signatories.empty()));
  data.set("commitments", commitments_data(context, promise));
  data.set("has_commitments", view::flag(!promise.commitments.empty()));
  data.set("initiatives", named_data(parts.initiatives, "/initiatives/", links));
  data.set("has_initiatives", view::flag(!parts.initiatives.empty()));
  data.set("activities", activities_data(context, parts.activities, links));
  data.set("has_activities", view::flag(!parts.activities.empty()));
  data.set("evidence", evidence_data(context, parts.evidence, links));
  data.set("has_evidence", view::flag(!parts.evidence.empty()));
  data.set("indicators", named_data(parts.indicators, "/indicators/", links));
  data.set("has_indicators", view::flag(!parts.indicators.empty()));
  data.set("follow_ups", follow_ups_data(context, follow_ups));
  data.set("has_follow_ups", view::flag(!follow_ups.empty()));
  if (const auto* last = latest(follow_ups)) {
    data.set("latest_status", context.text("promise_status_" + last->status));
    data.set("latest_status_code", last->status);
  }
  return data;
}

}  // namespace samtryg::promises
