#include "features/promises/subscriptions.hpp"

#include "core/i18n/catalog.hpp"
#include "core/mail/outbox.hpp"
#include "core/util/crypto.hpp"
#include "core/util/time.hpp"
#include "core/validation/validation.hpp"
#include "features/promises/commands.hpp"
#include "features/promises/store.hpp"

namespace samtryg::promises {

namespace {

std::string ago(std::chrono::seconds span) {
  return to_iso_utc(Clock::now() - span);
}

std::string confirmation_since() {
  return ago(kConfirmationLifetime);
}

void queue_confirmation(soci::session& sql, const Promise& promise, const std::string& address,
                        i18n::Language language, const std::string& token,
                        const std::string& public_url, const std::string& now) {
  const auto base = public_base(public_url);
  const auto& catalog = i18n::Catalog::get(language);
  const auto workspace = store::workspace_name(sql, promise.workspace_id);
  const i18n::Catalog::Values values{{"workspace", workspace.name},
                                     {"title", promise.title},
                                     {"url", base + confirm_path() + "?token=" + token},
                                     {"hours", std::to_string(kConfirmationLifetime.count())}};
  mail::enqueue(sql,
                mail::Outgoing{.recipient = address,
                               .subject = catalog.format("promise_confirm_subject", values),
                               .body = catalog.format("promise_confirm_body", values)},
                now);
}

}  // namespace

std::string confirm_path() {
  return "/public/subscriptions/confirm";
}

SubscribeOutcome subscribe(db::Database& database, const SubscribeRequest& request,
                           const std::string& public_url) {
  const auto address = normalised_address(request.address);
  if (!is_email_address(address)) return SubscribeOutcome::invalid_address;
  auto outcome = SubscribeOutcome::accepted;
  database.in_transaction([&](soci::session& sql) {
    const auto promise = store::find_any_promise(sql, request.promise_id);
    if (!promise || !is_public(*promise, today_iso_utc())) throw validation::NotFound();
    const auto address_hash = crypto::sha256_hex(address);
    const auto counts =
        store::recent_requests(sql, request.client, address_hash, ago(std::chrono::hours(1)));
    if (counts.from_client >= kRequestsPerClient || counts.for_address >= kRequestsPerAddress) {
      outcome = SubscribeOutcome::slowed_down;
      return;
    }
    const auto now = now_iso_utc();
    store::record_request(sql, request.client, address_hash, now);
    const auto existing = store::find_subscriber(sql, promise->id, address);
    if (existing && existing->consented_at) return;  // already follows it: nothing to send
    const auto token = crypto::random_token();
    if (existing) {
      store::renew_confirmation(sql, existing->id, crypto::sha256_hex(token), now);
    } else {
      store::insert_subscriber(
          sql, store::Subscriber{.id = 0,
                                 .promise_id = promise->id,
                                 .email = address,
                                 .language = std::string(i18n::code(request.language)),
                                 .confirm_hash = crypto::sha256_hex(token),
                                 .requested_at = now,
                                 .consented_at = std::nullopt,
                                 .unsubscribe_token = crypto::random_token()});
    }
    queue_confirmation(sql, *promise, address, request.language, token, public_url, now);
  });
  return outcome;
}

std::optional<long long> promise_of_confirmation(db::Database& database, const std::string& token) {
  if (token.empty()) return std::nullopt;
  auto sql = database.session();
  const auto pending =
      store::pending_by_confirmation(sql, crypto::sha256_hex(token), confirmation_since());
  if (!pending) return std::nullopt;
  return pending->promise_id;
}

std::optional<long long> confirm_subscription(db::Database& database, const std::string& token) {
  if (token.empty()) return std::nullopt;
  std::optional<long long> promise_id;
  database.in_transaction([&](soci::session& sql) {
    const auto pending =
        store::pending_by_confirmation(sql, crypto::sha256_hex(token), confirmation_since());
    if (!pending) return;
    store::confirm(sql, pending->id, now_iso_utc());
    promise_id = pending->promise_id;
  });
  return promise_id;
}

std::optional<long long> promise_of_unsubscribe(db::Database& database, const std::string& token) {
  if (token.empty()) return std::nullopt;
  auto sql = database.session();
  const auto subscriber = store::find_by_unsubscribe(sql, token);
  if (!subscriber) return std::nullopt;
  return subscriber->promise_id;
}

std::optional<long long> unsubscribe(db::Database& database, const std::string& token) {
  if (token.empty()) return std::nullopt;
  std::optional<long long> promise_id;
  database.in_transaction([&](soci::session& sql) {
    const auto subscriber = store::find_by_unsubscribe(sql, token);
    if (!subscriber) return;
    store::delete_subscriber(sql, subscriber->id);
    promise_id = subscriber->promise_id;
  });
  return promise_id;
}

void forget_stale(db::Database& database) {
  database.in_transaction([&](soci::session& sql) {
    store::delete_unconfirmed(sql, confirmation_since());
    store::forget_requests(sql, ago(std::chrono::hours(1)));
  });
}

}  // namespace samtryg::promises
