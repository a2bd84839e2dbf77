#include "features/promises/commands.hpp"

#include <algorithm>

#include "core/audit/audit.hpp"
#include "core/demo/marks.hpp"
#include "core/i18n/catalog.hpp"
#include "core/i18n/language.hpp"
#include "core/mail/outbox.hpp"
#include "core/util/time.hpp"
#include "features/indicators/queries.hpp"
#include "features/promises/json.hpp"
#include "features/promises/store.hpp"
#include "features/strategy/queries.hpp"
#include "features/surveys/queries.hpp"

namespace samtryg::promises {

namespace {

using validation::Errors;

// The survey questions must be the workspace's, and the activities those of the promise's own
// initiatives (an activity delivers the promise through its initiative).
void check_evidence(soci::session& sql, const Actor& actor, const Promise& promise,
                    Errors& errors) {
  if (!promise.question_ids.empty()) {
    const auto known = surveys::question_choices(sql, actor);
    for (std::size_t index = 0; index < promise.question_ids.size(); ++index) {
      const auto id = promise.question_ids[index];
      if (std::none_of(known.begin(), known.end(),
                       [id](const surveys::QuestionChoice& choice) { return choice.id == id; })) {
        errors.add("question_ids[" + std::to_string(index) + "]", "link_not_in_workspace");
      }
    }
  }
  for (std::size_t index = 0; index < promise.activity_ids.size(); ++index) {
    const auto field = "activity_ids[" + std::to_string(index) + "]";
    try {
      const auto activity = strategy::readable_activity(sql, actor, promise.activity_ids[index]);
      if (std::find(promise.initiative_ids.begin(), promise.initiative_ids.end(),
                    activity.initiative_id) == promise.initiative_ids.end()) {
        errors.add(field, "promise_activity_not_of_initiatives");
      }
    } catch (const validation::NotFound&) {
      errors.add(field, "link_not_in_workspace");
    }
  }
}

// The initiatives and indicators a promise names must be its workspace's.
void check_links(soci::session& sql, const Actor& actor, const Promise& promise, Errors& errors) {
  if (!promise.theme_ids.empty()) {
    const auto known = raised_themes(sql, actor, &promise.theme_ids);
    for (std::size_t index = 0; index < promise.theme_ids.size(); ++index) {
      const auto id = promise.theme_ids[index];
      if (std::none_of(known.begin(), known.end(),
                       [id](const RaisedTheme& theme) { return theme.theme_id == id; })) {
        errors.add("theme_ids[" + std::to_string(index) + "]", "link_not_in_workspace");
      }
    }
  }
  for (std::size_t index = 0; index < promise.initiative_ids.size(); ++index) {
    if (!strategy::find_initiative(sql, actor, promise.initiative_ids[index])) {
      errors.add("initiative_ids[" + std::to_string(index) + "]", "link_not_in_workspace");
    }
  }
  check_evidence(sql, actor, promise, errors);
  for (std::size_t index = 0; index < promise.indicator_ids.size(); ++index) {
    try {
      indicators::indicator_in_workspace(sql, actor, promise.indicator_ids[index]);
    } catch (const validation::NotFound&) {
      errors.add("indicator_ids[" + std::to_string(index) + "]", "link_not_in_workspace");
    }
  }
}

void check(soci::session& sql, const Actor& actor, const Promise& promise) {
  auto errors = validate_promise(promise);
  check_links(sql, actor, promise, errors);
  validation::throw_if_any(errors);
}

Promise promise_in_workspace(soci::session& sql, const Actor& actor, long long id) {
  auto promise = store::find_promise(sql, actor.workspace_id, id);
  if (!promise) throw validation::NotFound();
  return std::move(*promise);
}

// One e-mail per confirmed subscriber, in the language each read the page in.
long long queue_notifications(soci::session& sql, const Promise& promise, const FollowUp& follow_up,
                              const std::string& public_url) {
  const auto workspace = store::workspace_name(sql, promise.workspace_id);
  const auto base = public_base(public_url);
  const auto now = now_iso_utc();
  long long queued = 0;
  for (const auto language : i18n::kLanguages) {
    const auto& catalog = i18n::Catalog::get(language);
    const i18n::Catalog::Values values{
        {"workspace", workspace.name},
        {"title", promise.title},
        {"period", follow_up.period},
        {"status", std::string(catalog.text("promise_status_" + follow_up.status))},
        {"account", follow_up.account},
        {"url", base + public_path(promise.id)},
        // Filled in per subscriber by the queue.
        {"unsubscribe_url", std::string(mail::kUnsubscribeSlot)}};
    queued += store::queue_notifications(sql, promise.id, std::string(i18n::code(language)),
                                         catalog.format("promise_notify_subject", values),
                                         catalog.format("promise_notify_body", values),
                                         base + unsubscribe_path() + "?token=", now);
  }
  return queued;
}

}  // namespace

std::string public_base(std::string public_url) {
  while (!public_url.empty() && public_url.back() == '/') public_url.pop_back();
  return public_url;
}

std::string public_path(long long promise_id) {
  return "/public/promises/" + std::to_string(promise_id);
}

std::string unsubscribe_path() {
  return "/public/subscriptions/unsubscribe";
}

long long create_promise(db::Database& database, const Actor& actor, Promise promise) {
  auth::require_edit_all(actor);
  promise.workspace_id = actor.workspace_id;
  long long id = 0;
  database.in_transaction([&](soci::session& sql) {
    check(sql, actor, promise);
    id = store::insert_promise(sql, promise);
    promise.id = id;
    audit::record_change(sql, actor, "create", "promise", id, nullptr, to_json(promise));
  });
  return id;
}

void update_promise(db::Database& database, const Actor& actor, Promise promise) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    const auto before = promise_in_workspace(sql, actor, promise.id);
    promise.workspace_id = actor.workspace_id;
    promise.created_at = before.created_at;
    check(sql, actor, promise);
    if (!store::update_promise(sql, promise)) throw validation::Conflict();
    // What a person saves is theirs: the demo's example marks go.
    demo::clear_marks(sql, actor.workspace_id, "promise", promise.id);
    audit::record_change(sql, actor, "update", "promise", promise.id, to_json(before),
                         to_json(promise));
  });
}

void delete_promise(db::Database& database, const Actor& actor, long long id) {
  auth::require_edit_all(actor);
  database.in_transaction([&](soci::session& sql) {
    const auto before = promise_in_workspace(sql, actor, id);
    store::delete_promise(sql, actor.workspace_id, id);
    demo::clear_marks(sql, actor.workspace_id, "promise", id);
    audit::record_change(sql, actor, "delete", "promise", id, to_json(before), nullptr);
  });
}

Recorded add_follow_up(db::Database& database, const Actor& actor, long long promise_id,
                       FollowUp follow_up, const std::string& public_url) {
  auth::require_edit_all(actor);
  validation::throw_if_any(validate_follow_up(follow_up));
  Recorded recorded;
  database.in_transaction([&](soci::session& sql) {
    const auto promise = promise_in_workspace(sql, actor, promise_id);
    follow_up.promise_id = promise_id;
    recorded.id = store::insert_follow_up(sql, follow_up);
    follow_up.id = recorded.id;
    audit::record_change(sql, actor, "create", "promise_follow_up", recorded.id, nullptr,
                         to_json(follow_up));
    if (is_public(promise, today_iso_utc())) {
      recorded.notified = queue_notifications(sql, promise, follow_up, public_url);
    }
  });
  return recorded;
}

}  // namespace samtryg::promises
