#pragma once
// E-mail subscriptions to a public promise: the one piece of citizen data samtryg keeps, given
// with consent and used for nothing else. Double opt-in (a confirmation link, valid for two
// days), one-click unsubscribe that deletes the address, and the same answer to every request
// whether or not the address is already subscribed, so the form reveals nobody's subscription.
#include <chrono>
#include <optional>
#include <string>

#include "core/db/database.hpp"
#include "core/i18n/language.hpp"

namespace samtryg::promises {

inline constexpr std::chrono::hours kConfirmationLifetime{48};
// Requests per hour beyond which a burst is slowed down.
inline constexpr long long kRequestsPerClient = 20;
inline constexpr long long kRequestsPerAddress = 3;

struct SubscribeRequest {
  long long promise_id = 0;
  std::string address;
  i18n::Language language = i18n::Language::da;
  std::string client;  // the requester's IP address
};

enum class SubscribeOutcome {
  accepted,         // a confirmation link is on its way, or the address already follows it
  invalid_address,  // not an e-mail address
  slowed_down,      // too many requests from this client or for this address just now
};

// Throws validation::NotFound when the promise is not public.
SubscribeOutcome subscribe(db::Database& database, const SubscribeRequest& request,
                           const std::string& public_url);
// The promise followed from now on, or nothing when the link is unknown, used or expired.
std::optional<long long> confirm_subscription(db::Database& database, const std::string& token);
// The promise no longer followed (the address is deleted), or nothing for an unknown link.
std::optional<long long> unsubscribe(db::Database& database, const std::string& token);
// The promise a confirmation or unsubscribe link belongs to, without using it.
std::optional<long long> promise_of_confirmation(db::Database& database, const std::string& token);
std::optional<long long> promise_of_unsubscribe(db::Database& database, const std::string& token);

// Deletes requests never confirmed in time and the request log past its hour.
void forget_stale(db::Database& database);

std::string confirm_path();

}  // namespace samtryg::promises
