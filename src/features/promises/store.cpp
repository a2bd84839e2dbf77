#include "features/promises/store.hpp"

#include "core/db/database.hpp"
#include "core/db/nullable.hpp"
#include "core/mail/outbox.hpp"
#include "core/util/time.hpp"

namespace samtryg::promises::store {

using db::Nullable;
using db::prepare_and_run;
using soci::into;
using soci::use;

namespace {

constexpr const char* kPromiseColumns =
    "SELECT id, workspace_id, title, body, period_start, period_end, published, publish_on, "
    "created_at, updated_at, row_version FROM promises ";

struct PromiseRow {
  Promise promise;
  int published = 0;

  void bind_into(soci::statement& st) {
    st.exchange(into(promise.id));
    st.exchange(into(promise.workspace_id));
    st.exchange(into(promise.title));
    st.exchange(into(promise.body));
    st.exchange(into(promise.period_start));
    st.exchange(into(promise.period_end));
    st.exchange(into(published));
    st.exchange(into(promise.publish_on));
    st.exchange(into(promise.created_at));
    st.exchange(into(promise.updated_at));
    st.exchange(into(promise.row_version));
  }
  Promise get() const {
    Promise out = promise;
    out.published = published != 0;
    return out;
  }
};

std::vector<std::string> problems_of(soci::session& sql, long long promise_id) {
  std::vector<std::string> out;
  std::string text;
  soci::statement st = (sql.prepare << "SELECT text FROM promise_problems WHERE promise_id = :p "
                                       "ORDER BY position",
                        into(text), use(promise_id));
  st.execute();
  while (st.fetch()) out.push_back(text);
  return out;
}

std::vector<Signatory> signatories_of(soci::session& sql, long long promise_id) {
  std::vector<Signatory> out;
  Signatory signatory;
  soci::statement st =
      (sql.prepare << "SELECT role, name FROM promise_signatories WHERE promise_id = :p "
                      "ORDER BY position",
       into(signatory.role), into(signatory.name), use(promise_id));
  st.execute();
  while (st.fetch()) out.push_back(signatory);
  return out;
}

std::vector<Commitment> commitments_of(soci::session& sql, long long promise_id) {
  std::vector<Commitment> out;
  Commitment commitment;
  Nullable<double> achieved;
  soci::statement st = (sql.prepare << "SELECT label, promised, achieved FROM promise_commitments "
                                       "WHERE promise_id = :p ORDER BY position",
                        into(commitment.label), into(commitment.promised),
                        into(achieved.value, achieved.indicator), use(promise_id));
  st.execute();
  while (st.fetch()) {
    commitment.achieved = achieved.get();
    out.push_back(commitment);
  }
  return out;
}

std::vector<long long> linked(soci::session& sql, const char* query, long long promise_id) {
  std::vector<long long> out;
  long long id = 0;
  soci::statement st = (sql.prepare << query, into(id), use(promise_id));
  st.execute();
  while (st.fetch()) out.push_back(id);
  return out;
}

void load_lists(soci::session& sql, Promise& promise) {
  promise.problems = problems_of(sql, promise.id);
  promise.signatories = signatories_of(sql, promise.id);
  promise.commitments = commitments_of(sql, promise.id);
  promise.theme_ids = linked(sql,
                             "SELECT theme_id FROM promise_themes WHERE promise_id = :p "
                             "ORDER BY theme_id",
                             promise.id);
  promise.question_ids = linked(sql,
                                "SELECT question_id FROM promise_survey_questions "
                                "WHERE promise_id = :p ORDER BY question_id",
                                promise.id);
  promise.activity_ids = linked(sql,
                                "SELECT activity_id FROM promise_activities "
                                "WHERE promise_id = :p ORDER BY activity_id",
                                promise.id);
  promise.initiative_ids = linked(sql,
                                  "SELECT initiative_id FROM promise_initiatives "
                                  "WHERE promise_id = :p ORDER BY initiative_id",
                                  promise.id);
  promise.indicator_ids = linked(sql,
                                 "SELECT indicator_id FROM promise_indicators "
                                 "WHERE promise_id = :p ORDER BY indicator_id",
                                 promise.id);
}

void replace_lists(soci::session& sql, const Promise& promise) {
  const auto id = promise.id;
  for (const char* table : {"promise_problems", "promise_signatories", "promise_commitments",
                            "promise_themes", "promise_initiatives", "promise_indicators",
                            "promise_survey_questions", "promise_activities"}) {
    sql << "DELETE FROM " << table << " WHERE promise_id = :p", use(id);
  }
  int position = 0;
  for (const auto& text : promise.problems) {
    ++position;
    sql << "INSERT INTO promise_problems (promise_id, position, text) VALUES (:p, :n, :t)", use(id),
        use(position), use(text);
  }
  position = 0;
  for (const auto& signatory : promise.signatories) {
    ++position;
    sql << "INSERT INTO promise_signatories (promise_id, position, role, name) "
           "VALUES (:p, :n, :r, :name)",
        use(id), use(position), use(signatory.role), use(signatory.name);
  }
  position = 0;
  for (const auto& commitment : promise.commitments) {
    ++position;
    Nullable<double> achieved(commitment.achieved);
    sql << "INSERT INTO promise_commitments (promise_id, position, label, promised, achieved) "
           "VALUES (:p, :n, :l, :pr, :a)",
        use(id), use(position), use(commitment.label), use(commitment.promised),
        use(achieved.value, achieved.indicator);
  }
  for (auto theme : promise.theme_ids) {
    sql << "INSERT INTO promise_themes (promise_id, theme_id) VALUES (:p, :t)", use(id), use(theme);
  }
  for (auto question : promise.question_ids) {
    sql << "INSERT INTO promise_survey_questions (promise_id, question_id) VALUES (:p, :q)",
        use(id), use(question);
  }
  for (auto activity : promise.activity_ids) {
    sql << "INSERT INTO promise_activities (promise_id, activity_id) VALUES (:p, :a)", use(id),
        use(activity);
  }
  for (auto initiative : promise.initiative_ids) {
    sql << "INSERT INTO promise_initiatives (promise_id, initiative_id) VALUES (:p, :i)", use(id),
        use(initiative);
  }
  for (auto indicator : promise.indicator_ids) {
    sql << "INSERT INTO promise_indicators (promise_id, indicator_id) VALUES (:p, :i)", use(id),
        use(indicator);
  }
}

std::optional<Promise> find_where(soci::session& sql, const std::string& where, long long id,
                                  const long long* workspace_id) {
  PromiseRow row;
  soci::statement st(sql);
  row.bind_into(st);
  st.exchange(use(id));
  if (workspace_id != nullptr) st.exchange(use(*workspace_id));
  prepare_and_run(st, std::string(kPromiseColumns) + where);
  if (!st.fetch()) return std::nullopt;
  auto promise = row.get();
  load_lists(sql, promise);
  return promise;
}

constexpr const char* kFollowUpColumns =
    "SELECT id, promise_id, period, status, account, recorded_on, created_at "
    "FROM promise_follow_ups ";

void bind_follow_up(soci::statement& st, FollowUp& row) {
  st.exchange(into(row.id));
  st.exchange(into(row.promise_id));
  st.exchange(into(row.period));
  st.exchange(into(row.status));
  st.exchange(into(row.account));
  st.exchange(into(row.recorded_on));
  st.exchange(into(row.created_at));
}

constexpr const char* kSubscriberColumns =
    "SELECT id, promise_id, email, language, confirm_hash, requested_at, consented_at, "
    "unsubscribe_token FROM promise_subscribers ";

struct SubscriberRow {
  Subscriber subscriber;
  Nullable<std::string> confirm_hash;
  Nullable<std::string> consented_at;

  void bind(soci::statement& st) {
    st.exchange(into(subscriber.id));
    st.exchange(into(subscriber.promise_id));
    st.exchange(into(subscriber.email));
    st.exchange(into(subscriber.language));
    st.exchange(into(confirm_hash.value, confirm_hash.indicator));
    st.exchange(into(subscriber.requested_at));
    st.exchange(into(consented_at.value, consented_at.indicator));
    st.exchange(into(subscriber.unsubscribe_token));
  }
  Subscriber get() const {
    Subscriber out = subscriber;
    out.confirm_hash = confirm_hash.get();
    out.consented_at = consented_at.get();
    return out;
  }
};

template <class... Values>
std::optional<Subscriber> find_subscriber_where(soci::session& sql, const std::string& where,
                                                const Values&... values) {
  SubscriberRow row;
  soci::statement st(sql);
  row.bind(st);
  (st.exchange(use(values)), ...);
  prepare_and_run(st, std::string(kSubscriberColumns) + where);
  if (!st.fetch()) return std::nullopt;
  return row.get();
}

}  // namespace

long long insert_promise(soci::session& sql, const Promise& promise) {
  PromiseRow row{promise, promise.published ? 1 : 0};
  const std::string created = promise.created_at.empty() ? now_iso_utc() : promise.created_at;
  const std::string updated = promise.updated_at.empty() ? created : promise.updated_at;
  long long id = 0;
  sql << "INSERT INTO promises (workspace_id, title, body, period_start, period_end, published, "
         "publish_on, created_at, updated_at) VALUES (:w, :t, :b, :s, :e, :p, :po, :c, :u) "
         "RETURNING id",
      use(row.promise.workspace_id), use(row.promise.title), use(row.promise.body),
      use(row.promise.period_start), use(row.promise.period_end), use(row.published),
      use(row.promise.publish_on), use(created), use(updated), into(id);
  auto stored = promise;
  stored.id = id;
  replace_lists(sql, stored);
  return id;
}

bool update_promise(soci::session& sql, const Promise& promise) {
  const int published = promise.published ? 1 : 0;
  const std::string now = now_iso_utc();
  soci::statement st =
      (sql.prepare << "UPDATE promises SET title = :t, body = :b, period_start = :s, "
                      "period_end = :e, published = :p, publish_on = :po, updated_at = :u, "
                      "row_version = row_version + 1 "
                      "WHERE id = :id AND workspace_id = :w AND row_version = :rv",
       use(promise.title), use(promise.body), use(promise.period_start), use(promise.period_end),
       use(published), use(promise.publish_on), use(now), use(promise.id),
       use(promise.workspace_id), use(promise.row_version));
  st.execute(true);
  if (st.get_affected_rows() != 1) return false;
  replace_lists(sql, promise);
  return true;
}

std::optional<Promise> find_promise(soci::session& sql, long long workspace_id, long long id) {
  return find_where(sql, "WHERE id = :id AND workspace_id = :w", id, &workspace_id);
}

std::optional<Promise> find_any_promise(soci::session& sql, long long id) {
  return find_where(sql, "WHERE id = :id", id, nullptr);
}

std::vector<Promise> promises(soci::session& sql, long long workspace_id) {
  std::vector<Promise> out;
  PromiseRow row;
  soci::statement st(sql);
  row.bind_into(st);
  st.exchange(use(workspace_id));
  prepare_and_run(st, std::string(kPromiseColumns) +
                          "WHERE workspace_id = :w ORDER BY period_start DESC, id DESC");
  while (st.fetch()) out.push_back(row.get());
  for (auto& promise : out) load_lists(sql, promise);
  return out;
}

void delete_promise(soci::session& sql, long long workspace_id, long long id) {
  sql << "DELETE FROM promises WHERE id = :id AND workspace_id = :w", use(id), use(workspace_id);
}

long long insert_follow_up(soci::session& sql, const FollowUp& follow_up) {
  const std::string created = follow_up.created_at.empty() ? now_iso_utc() : follow_up.created_at;
  long long id = 0;
  sql << "INSERT INTO promise_follow_ups (promise_id, period, status, account, recorded_on, "
         "created_at) VALUES (:p, :period, :s, :a, :r, :c) RETURNING id",
      use(follow_up.promise_id), use(follow_up.period), use(follow_up.status),
      use(follow_up.account), use(follow_up.recorded_on), use(created), into(id);
  return id;
}

std::vector<FollowUp> follow_ups(soci::session& sql, long long promise_id) {
  std::vector<FollowUp> out;
  FollowUp row;
  soci::statement st(sql);
  bind_follow_up(st, row);
  st.exchange(use(promise_id));
  prepare_and_run(st,
                  std::string(kFollowUpColumns) + "WHERE promise_id = :p ORDER BY recorded_on, id");
  while (st.fetch()) out.push_back(row);
  return out;
}

std::vector<FollowUp> latest_follow_ups(soci::session& sql, long long workspace_id) {
  std::vector<FollowUp> out;
  FollowUp row;
  soci::statement st(sql);
  bind_follow_up(st, row);
  st.exchange(use(workspace_id));
  // The last recorded of each promise; of two on one day, the later entry.
  prepare_and_run(
      st,
      std::string(kFollowUpColumns) +
          "WHERE id IN (SELECT f.id FROM promise_follow_ups f JOIN promises p "
          "ON p.id = f.promise_id WHERE p.workspace_id = :w AND NOT EXISTS ("
          "SELECT 1 FROM promise_follow_ups g WHERE g.promise_id = f.promise_id AND "
          "(g.recorded_on > f.recorded_on OR (g.recorded_on = f.recorded_on AND g.id > f.id))))");
  while (st.fetch()) out.push_back(row);
  return out;
}

WorkspaceName workspace_name(soci::session& sql, long long workspace_id) {
  WorkspaceName out;
  sql << "SELECT name, language FROM workspaces WHERE id = :w", use(workspace_id), into(out.name),
      into(out.language);
  return out;
}

std::optional<Subscriber> find_subscriber(soci::session& sql, long long promise_id,
                                          const std::string& email) {
  return find_subscriber_where(sql, "WHERE promise_id = :p AND email = :e", promise_id, email);
}

void insert_subscriber(soci::session& sql, const Subscriber& subscriber) {
  Nullable<std::string> hash(subscriber.confirm_hash);
  sql << "INSERT INTO promise_subscribers (promise_id, email, language, confirm_hash, "
         "requested_at, unsubscribe_token) VALUES (:p, :e, :l, :h, :r, :u)",
      use(subscriber.promise_id), use(subscriber.email), use(subscriber.language),
      use(hash.value, hash.indicator), use(subscriber.requested_at),
      use(subscriber.unsubscribe_token);
}

void renew_confirmation(soci::session& sql, long long subscriber_id, const std::string& hash,
                        const std::string& requested_at) {
  sql << "UPDATE promise_subscribers SET confirm_hash = :h, requested_at = :r "
         "WHERE id = :id AND consented_at IS NULL",
      use(hash), use(requested_at), use(subscriber_id);
}

std::optional<Subscriber> pending_by_confirmation(soci::session& sql, const std::string& hash,
                                                  const std::string& since) {
  return find_subscriber_where(
      sql, "WHERE confirm_hash = :h AND consented_at IS NULL AND requested_at >= :s", hash, since);
}

void confirm(soci::session& sql, long long subscriber_id, const std::string& consented_at) {
  sql << "UPDATE promise_subscribers SET consented_at = :c, confirm_hash = NULL WHERE id = :id",
      use(consented_at), use(subscriber_id);
}

std::optional<Subscriber> find_by_unsubscribe(soci::session& sql, const std::string& token) {
  return find_subscriber_where(sql, "WHERE unsubscribe_token = :t", token);
}

void delete_subscriber(soci::session& sql, long long subscriber_id) {
  sql << "DELETE FROM promise_subscribers WHERE id = :id", use(subscriber_id);
}

long long confirmed_count(soci::session& sql, long long promise_id) {
  long long count = 0;
  sql << "SELECT COUNT(*) FROM promise_subscribers WHERE promise_id = :p AND "
         "consented_at IS NOT NULL",
      use(promise_id), into(count);
  return count;
}

int delete_unconfirmed(soci::session& sql, const std::string& before) {
  soci::statement st = (sql.prepare << "DELETE FROM promise_subscribers WHERE consented_at IS NULL "
                                       "AND requested_at < :b",
                        use(before));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

long long queue_notifications(soci::session& sql, long long promise_id, const std::string& language,
                              const std::string& subject, const std::string& body,
                              const std::string& unsubscribe_base, const std::string& now) {
  long long subscribers = 0;
  sql << "SELECT COUNT(*) FROM promise_subscribers WHERE promise_id = :p AND language = :l AND "
         "consented_at IS NOT NULL",
      use(promise_id), use(language), into(subscribers);
  if (subscribers == 0) return 0;
  const auto message_id = mail::keep_message(sql, subject, body, now);
  // One statement for every subscriber, the text kept once: queuing 10,000 takes a few
  // milliseconds, not a request's worth of round trips. PostgreSQL types a parameter in a SELECT
  // list only when told.
  soci::statement st =
      (sql.prepare << "INSERT INTO mail_outbox (message_id, recipient, unsubscribe_url, "
                      "next_attempt_at, created_at) "
                      "SELECT CAST(:m AS BIGINT), email, CAST(:base AS TEXT) || unsubscribe_token, "
                      "CAST(:n AS TEXT), CAST(:c AS TEXT) "
                      "FROM promise_subscribers WHERE promise_id = :p AND language = :l AND "
                      "consented_at IS NOT NULL ORDER BY id",
       use(message_id), use(unsubscribe_base), use(now), use(now), use(promise_id), use(language));
  st.execute(true);
  return st.get_affected_rows();
}

RequestCounts recent_requests(soci::session& sql, const std::string& client,
                              const std::string& address_hash, const std::string& since) {
  RequestCounts counts;
  sql << "SELECT COUNT(*) FROM promise_subscribe_requests WHERE client = :c AND "
         "requested_at >= :s",
      use(client), use(since), into(counts.from_client);
  sql << "SELECT COUNT(*) FROM promise_subscribe_requests WHERE address_hash = :a AND "
         "requested_at >= :s",
      use(address_hash), use(since), into(counts.for_address);
  return counts;
}

void record_request(soci::session& sql, const std::string& client, const std::string& address_hash,
                    const std::string& now) {
  sql << "INSERT INTO promise_subscribe_requests (client, address_hash, requested_at) "
         "VALUES (:c, :a, :n)",
      use(client), use(address_hash), use(now);
}

void forget_requests(soci::session& sql, const std::string& before) {
  sql << "DELETE FROM promise_subscribe_requests WHERE requested_at < :b", use(before);
}

}  // namespace samtryg::promises::store
