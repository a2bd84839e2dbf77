#pragma once
// Every SQL statement of the promises feature. Functions take a borrowed session, so the caller
// decides the transaction; promises are looked up within a workspace, except by the public
// pages, which know only the promise.
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "features/promises/model.hpp"

namespace samtryg::promises::store {

// The promise with its problems, signatories, commitments and links.
long long insert_promise(soci::session& sql, const Promise& promise);
// Every field but the id and workspace, the lists replaced; false when the stored row_version
// differs.
bool update_promise(soci::session& sql, const Promise& promise);
std::optional<Promise> find_promise(soci::session& sql, long long workspace_id, long long id);
// For the public pages, which know no workspace: the promise wherever it is.
std::optional<Promise> find_any_promise(soci::session& sql, long long id);
// The workspace's promises, the latest period first, each with its lists.
std::vector<Promise> promises(soci::session& sql, long long workspace_id);
void delete_promise(soci::session& sql, long long workspace_id, long long id);

long long insert_follow_up(soci::session& sql, const FollowUp& follow_up);
// In the order they were recorded.
std::vector<FollowUp> follow_ups(soci::session& sql, long long promise_id);
// The latest follow-up of each of the workspace's promises, by promise id.
std::vector<FollowUp> latest_follow_ups(soci::session& sql, long long workspace_id);

struct WorkspaceName {
  std::string name;
  std::string language;
};
WorkspaceName workspace_name(soci::session& sql, long long workspace_id);

// Subscribers. The address is the only thing kept about a person, with the language they read
// the page in and when they consented.
struct Subscriber {
  long long id = 0;
  long long promise_id = 0;
  std::string email;
  std::string language;
  std::optional<std::string> confirm_hash;
  std::string requested_at;
  std::optional<std::string> consented_at;
  std::string unsubscribe_token;
};
std::optional<Subscriber> find_subscriber(soci::session& sql, long long promise_id,
                                          const std::string& email);
void insert_subscriber(soci::session& sql, const Subscriber& subscriber);
// A new confirmation link for a request not yet confirmed.
void renew_confirmation(soci::session& sql, long long subscriber_id, const std::string& hash,
                        const std::string& requested_at);
// The pending subscriber whose link hashes to `hash`, asked for at or after `since`.
std::optional<Subscriber> pending_by_confirmation(soci::session& sql, const std::string& hash,
                                                  const std::string& since);
void confirm(soci::session& sql, long long subscriber_id, const std::string& consented_at);
std::optional<Subscriber> find_by_unsubscribe(soci::session& sql, const std::string& token);
void delete_subscriber(soci::session& sql, long long subscriber_id);
long long confirmed_count(soci::session& sql, long long promise_id);
// Requests never confirmed and asked for before `before`: deleted, so an address nobody
// confirmed is not kept.
int delete_unconfirmed(soci::session& sql, const std::string& before);

// One notification per confirmed subscriber reading `language`, queued in the mail outbox with
// their own unsubscribe address (`unsubscribe_base` + token); returns how many.
long long queue_notifications(soci::session& sql, long long promise_id, const std::string& language,
                              const std::string& subject, const std::string& body,
                              const std::string& unsubscribe_base, const std::string& now);

// Subscription requests since `since` from `client`, and for the address hashed `address_hash`.
struct RequestCounts {
  long long from_client = 0;
  long long for_address = 0;
};
RequestCounts recent_requests(soci::session& sql, const std::string& client,
                              const std::string& address_hash, const std::string& since);
void record_request(soci::session& sql, const std::string& client, const std::string& address_hash,
                    const std::string& now);
void forget_requests(soci::session& sql, const std::string& before);

}  // namespace samtryg::promises::store
