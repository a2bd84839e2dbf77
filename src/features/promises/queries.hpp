#pragma once
// Reads of promises as an actor sees them, and as the public sees them: the one place that
// decides what a viewer and a resident may read. Pages, the API and other features read
// promises here.
#include <soci/soci.h>

#include <string>
#include <vector>

#include "core/auth/actor.hpp"
#include "core/db/database.hpp"
#include "features/promises/model.hpp"
#include "features/promises/store.hpp"
#include "features/surveys/queries.hpp"

namespace samtryg::promises {

using auth::Actor;

// Members and up see every promise of their workspace; viewers those the public sees.
bool visible(const Actor& actor, const Promise& promise, std::string_view today);

// A promise with its latest follow-up, for lists.
struct PromiseSummary {
  Promise promise;
  std::optional<FollowUp> latest;
};
std::vector<PromiseSummary> promise_summaries(soci::session& sql, const Actor& actor,
                                              std::string_view today);

// A name the reader may see, with where it leads.
struct Named {
  long long id = 0;
  std::string name;
};

// A problem residents raised, as a dialogue recorded it: where the story of a promise starts.
struct RaisedTheme {
  long long theme_id = 0;
  long long dialogue_id = 0;
  std::string dialogue;  // its title
  std::string held_on;
  std::string place;
  std::string label;
  std::optional<int> mentions;
  std::string summary;
};
// Every theme of the dialogues the actor sees, the latest dialogue first; `only` keeps the ids
// it lists (all when null).
std::vector<RaisedTheme> raised_themes(soci::session& sql, const Actor& actor,
                                       const std::vector<long long>* only = nullptr);

// An activity that delivers a promise, as the reader may see it.
struct LinkedActivity {
  long long id = 0;
  std::string title;
  std::string status;  // strategy's activity status code
};

// A promise with everything its staff page shows.
struct PromiseRecord {
  Promise promise;
  std::vector<FollowUp> follow_ups;
  std::vector<RaisedTheme> themes;  // those the actor sees
  std::vector<Named> initiatives;   // those the actor sees
  std::vector<LinkedActivity> activities;
  std::vector<Named> indicators;
  std::vector<surveys::QuestionTrend> evidence;  // the survey questions' shares per wave
  long long subscribers = 0;  // staff see the count, nothing else about a subscriber
};
// Throws validation::NotFound when the promise is not the actor's workspace's or not visible.
PromiseRecord promise_record(db::Database& database, const Actor& actor, long long id,
                             std::string_view today);
Promise readable_promise(soci::session& sql, const Actor& actor, long long id,
                         std::string_view today);

// A promise as residents read it: only once public, and only the initiatives and indicators a
// viewer of its workspace may see. Throws validation::NotFound otherwise.
struct PublicPromise {
  Promise promise;
  std::vector<FollowUp> follow_ups;
  std::vector<RaisedTheme> themes;
  std::vector<Named> initiatives;
  std::vector<LinkedActivity> activities;
  std::vector<Named> indicators;
  std::vector<surveys::QuestionTrend> evidence;
  store::WorkspaceName workspace;
};
PublicPromise public_promise(db::Database& database, long long id, std::string_view today);

}  // namespace samtryg::promises
