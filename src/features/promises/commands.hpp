#pragma once
// Use cases of promises, shared by the pages, the JSON API, import and the demo: check rights →
// validate everything → one transaction (store + audit). Failures: validation::Invalid (field
// errors), NotFound, Forbidden, Conflict. Coordinators and admins write promises and their
// follow-ups.
#include <string>

#include "core/db/database.hpp"
#include "features/promises/queries.hpp"

namespace samtryg::promises {

long long create_promise(db::Database& database, const Actor& actor, Promise promise);
void update_promise(db::Database& database, const Actor& actor, Promise promise);
void delete_promise(db::Database& database, const Actor& actor, long long id);

// What a follow-up set in motion.
struct Recorded {
  long long id = 0;
  long long notified = 0;  // notifications queued, one per confirmed subscriber
};
// Records the status of a follow-up period with its public account. When the promise is public,
// every confirmed subscriber gets one e-mail about it, queued in the same transaction and sent
// by the background queue; `public_url` is the server's address for the links in it.
Recorded add_follow_up(db::Database& database, const Actor& actor, long long promise_id,
                       FollowUp follow_up, const std::string& public_url);

// The server's public address without a trailing slash, for the absolute links of e-mails and
// feeds.
std::string public_base(std::string public_url);

// The public page of a promise and where one click unsubscribes.
std::string public_path(long long promise_id);
std::string unsubscribe_path();

}  // namespace samtryg::promises
