#include "features/promises/queries.hpp"

#include <algorithm>
#include <map>

#include "core/validation/validation.hpp"
#include "features/dialogues/queries.hpp"
#include "features/indicators/queries.hpp"
#include "features/strategy/queries.hpp"

namespace samtryg::promises {

namespace {

std::vector<Named> initiative_names(soci::session& sql, const Actor& actor,
                                    const std::vector<long long>& ids) {
  std::vector<Named> out;
  for (const auto id : ids) {
    if (const auto initiative = strategy::find_initiative(sql, actor, id)) {
      out.push_back({id, initiative->name});
    }
  }
  return out;
}

std::vector<Named> indicator_names(soci::session& sql, const Actor& actor,
                                   const std::vector<long long>& ids) {
  std::vector<Named> out;
  for (const auto id : ids) {
    try {
      const auto indicator = indicators::indicator_in_workspace(sql, actor, id);
      if (indicators::visible(sql, actor, indicator)) out.push_back({id, indicator.name});
    } catch (const validation::NotFound&) {
      // Linked once, gone or moved since: nothing to show.
    }
  }
  return out;
}

std::vector<LinkedActivity> activity_links(soci::session& sql, const Actor& actor,
                                           const std::vector<long long>& ids) {
  std::vector<LinkedActivity> out;
  for (const auto id : ids) {
    try {
      const auto activity = strategy::readable_activity(sql, actor, id);
      out.push_back({id, activity.title, activity.status});
    } catch (const validation::NotFound&) {
      // Not for this reader (an unpublished plan), or gone since.
    }
  }
  return out;
}

}  // namespace

std::vector<RaisedTheme> raised_themes(soci::session& sql, const Actor& actor,
                                       const std::vector<long long>* only) {
  std::vector<RaisedTheme> out;
  for (const auto& dialogue : dialogues::dialogues(sql, actor)) {
    for (const auto& theme : dialogues::dialogue_record(sql, actor, dialogue.id).themes) {
      if (only != nullptr && std::find(only->begin(), only->end(), theme.id) == only->end()) {
        continue;
      }
      out.push_back({theme.id, dialogue.id, dialogue.title, dialogue.held_on, dialogue.place,
                     theme.label, theme.mentions, theme.summary});
    }
  }
  return out;
}

bool visible(const Actor& actor, const Promise& promise, std::string_view today) {
  return actor.read_all || is_public(promise, today);
}

std::vector<PromiseSummary> promise_summaries(soci::session& sql, const Actor& actor,
                                              std::string_view today) {
  std::map<long long, FollowUp> latest;
  for (auto& follow_up : store::latest_follow_ups(sql, actor.workspace_id)) {
    latest.emplace(follow_up.promise_id, std::move(follow_up));
  }
  std::vector<PromiseSummary> out;
  for (auto& promise : store::promises(sql, actor.workspace_id)) {
    if (!visible(actor, promise, today)) continue;
    const auto found = latest.find(promise.id);
    out.push_back({std::move(promise),
                   found == latest.end() ? std::nullopt : std::optional<FollowUp>(found->second)});
  }
  return out;
}

Promise readable_promise(soci::session& sql, const Actor& actor, long long id,
                         std::string_view today) {
  auto promise = store::find_promise(sql, actor.workspace_id, id);
  if (!promise || !visible(actor, *promise, today)) throw validation::NotFound();
  return std::move(*promise);
}

PromiseRecord promise_record(db::Database& database, const Actor& actor, long long id,
                             std::string_view today) {
  auto sql = database.session();
  PromiseRecord record;
  record.promise = readable_promise(sql, actor, id, today);
  record.follow_ups = store::follow_ups(sql, id);
  record.themes = raised_themes(sql, actor, &record.promise.theme_ids);
  record.initiatives = initiative_names(sql, actor, record.promise.initiative_ids);
  record.indicators = indicator_names(sql, actor, record.promise.indicator_ids);
  record.activities = activity_links(sql, actor, record.promise.activity_ids);
  record.evidence = surveys::question_trends(sql, actor, record.promise.question_ids);
  if (actor.read_all) record.subscribers = store::confirmed_count(sql, id);
  return record;
}

PublicPromise public_promise(db::Database& database, long long id, std::string_view today) {
  auto sql = database.session();
  auto promise = store::find_any_promise(sql, id);
  if (!promise || !is_public(*promise, today)) throw validation::NotFound();
  // Residents read what a viewer of the workspace reads, and no more.
  const auto reader =
      Actor::for_role(promise->workspace_id, audit::Author{}, std::nullopt, auth::Role::viewer);
  PublicPromise out;
  out.follow_ups = store::follow_ups(sql, id);
  out.themes = raised_themes(sql, reader, &promise->theme_ids);
  out.initiatives = initiative_names(sql, reader, promise->initiative_ids);
  out.indicators = indicator_names(sql, reader, promise->indicator_ids);
  out.activities = activity_links(sql, reader, promise->activity_ids);
  // Survey results are published statistics: residents read them as a viewer does.
  out.evidence = surveys::question_trends(sql, reader, promise->question_ids);
  out.workspace = store::workspace_name(sql, promise->workspace_id);
  out.promise = std::move(*promise);
  return out;
}

}  // namespace samtryg::promises
