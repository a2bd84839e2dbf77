#include "features/promises/feed.hpp"

#include <algorithm>

#include "core/i18n/locale_format.hpp"
#include "features/promises/commands.hpp"

namespace samtryg::promises {

documents::Feed promise_feed(const PublicPromise& record, const i18n::Catalog& catalog,
                             i18n::Language language, const std::string& public_url) {
  const auto base = public_base(public_url);
  const auto& promise = record.promise;
  const auto page = base + public_path(promise.id);
  const auto created_day = promise.created_at.substr(0, 10);
  const auto tag = "promise/" + std::to_string(promise.id);
  documents::Feed feed;
  feed.id = documents::tag_uri(base, created_day, tag);
  feed.title = promise.title;
  feed.self = page + "/feed.atom";
  feed.alternate = page;
  feed.author = record.workspace.name;
  feed.language = std::string(i18n::code(language));
  // The day it became public stands for when it was published; the record's own time when it
  // was public from the start.
  const auto published = promise.publish_on.empty() || promise.publish_on < created_day
                             ? promise.created_at
                             : promise.publish_on + "T00:00:00Z";
  const auto promise_updated = std::max(published, promise.updated_at);
  feed.updated = promise_updated;
  auto follow_ups = record.follow_ups;
  std::sort(follow_ups.begin(), follow_ups.end(), [](const FollowUp& a, const FollowUp& b) {
    return a.created_at != b.created_at ? a.created_at > b.created_at : a.id > b.id;
  });
  for (const auto& follow_up : follow_ups) {
    const auto status = std::string(catalog.text("promise_status_" + follow_up.status));
    feed.entries.push_back(
        {.id = documents::tag_uri(base, created_day,
                                  tag + "/follow-up/" + std::to_string(follow_up.id)),
         .title = follow_up.period + ": " + status,
         .updated = follow_up.created_at,
         .link = page + "#follow-up-" + std::to_string(follow_up.id),
         .content = follow_up.account.empty() ? status : follow_up.account});
    feed.updated = std::max(feed.updated, follow_up.created_at);
  }
  feed.entries.push_back(
      {.id = documents::tag_uri(base, created_day, tag),
       .title = promise.title,
       .updated = promise_updated,
       .link = page,
       .content = catalog.format(
           "promise_feed_promise_entry",
           {{"period", i18n::format_iso_date(promise.period_start, language) + " – " +
                           i18n::format_iso_date(promise.period_end, language)},
            {"body", promise.body}})});
  return feed;
}

}  // namespace samtryg::promises
