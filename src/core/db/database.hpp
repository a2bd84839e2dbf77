#pragma once
// The one way the application reaches its database. SQLite (embedded default) and PostgreSQL
// (scale-out) share one code path through SOCI; the few dialect differences live here.
#include <soci/soci.h>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <typeindex>
#include <utility>

namespace samtryg::db {

enum class Backend { sqlite, postgresql };

// A malformed or unsupported database URL. The message says what a valid one looks like.
struct UrlError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The database could not be opened or reached; the message names which one and why.
struct ConnectError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The database schema is newer than this binary, or otherwise not usable.
struct SchemaError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct DatabaseUrl {
  Backend backend = Backend::sqlite;
  std::string sqlite_path;        // sqlite:PATH
  std::string postgres_uri;       // postgresql://user:pass@host:port/db?options, as given
  std::string postgres_conninfo;  // the same as libpq keyword=value pairs (SOCI needs this form)
  std::string display;            // the URL with any password masked, for messages and logs
};

// The database server cannot be reached just now (it is restarting, or gone): the request
// fails with 503 and the next one tries again.
struct Unavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Creates `path` as an empty file only its owner may read and write, unless it exists.
void create_private_file(const std::string& path);

// "sqlite:PATH", "sqlite://PATH", or "postgresql://…" / "postgres://…".
DatabaseUrl parse_database_url(std::string_view url);

class Database {
 public:
  // Opens `pool_size` connections. Throws ConnectError when the database cannot be reached.
  static std::unique_ptr<Database> open(const DatabaseUrl& url, std::size_t pool_size);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const { return url_.backend; }
  const DatabaseUrl& url() const { return url_; }

  // A connection borrowed from the pool, given back when this is destroyed. A PostgreSQL
  // connection the server has closed while it sat in the pool (a restart, a fail-over) is
  // opened again first, so after a restart only the requests that were running fail.
  class PooledSession : public soci::session {
   public:
    explicit PooledSession(Database& owner);
    ~PooledSession();
    PooledSession(const PooledSession&) = delete;
    PooledSession& operator=(const PooledSession&) = delete;

   private:
    bool counted_;
  };

  // Borrows a connection for the lifetime of the returned session (waits if all are busy).
  PooledSession session();

  // From now on a thread that holds a connection and asks for a second one gets a
  // std::logic_error instead of waiting. The server turns this on: there the pool has one
  // connection per worker, so a handler that waits for a second connection while holding one
  // deadlocks as soon as every worker does the same under load.
  void forbid_nested_sessions() { forbid_nested_ = true; }

  // Runs `work` in one transaction: committed when it returns, rolled back when it throws.
  // SQLite transactions start IMMEDIATE so two writers wait for each other instead of failing.
  void in_transaction(const std::function<void(soci::session&)>& work);

  // in_transaction for a bulk write whose every reference `work` itself checks inside the
  // transaction. On SQLite, foreign keys are not checked row by row for its duration: for a
  // million-row import those lookups are a fifth of the time, and SQLite holds the write lock
  // from BEGIN IMMEDIATE on, so nothing `work` checked can change before the commit. Cascades
  // do not run either: `work` must not delete. PostgreSQL checks everything as always.
  void in_bulk_transaction(const std::function<void(soci::session&)>& work);

  // Cheap round trip used by /healthz.
  bool ping();

  // SQLite: moves the write-ahead log into the database and truncates it. Under steady
  // concurrent writes SQLite's own checkpoints never find a moment to restart the log, which
  // then grows without end; the server runs this every minute. Nothing on PostgreSQL.
  void checkpoint();

  // The `T` of the connection `sql` has borrowed, made with `T(sql)` on its first use and kept
  // as long as the connection: for statements prepared once instead of on every request (SOCI
  // parses each query anew, and for the queries every request runs, parsing costs more than
  // running them). Use it only while holding `sql`: a connection serves one thread at a time.
  template <typename T>
  T& per_connection(soci::session& sql) {
    const Key key{sql.get_backend(), std::type_index(typeid(T))};
    const std::lock_guard lock(per_connection_mutex_);
    auto& slot = per_connection_[key];
    if (!slot) slot = std::make_shared<T>(sql);
    return *static_cast<T*>(slot.get());
  }

  // Runs `query.statement`, kept with per_connection<T>(sql), for at most one row into its
  // bindings; true when there was one. On SQLite the statement is reset at once, so no read
  // transaction stays open on the connection between uses (it would pin an old snapshot of
  // the database). When it fails, the kept `T` is dropped so the next use prepares it again.
  template <typename T>
  bool fetch_one(soci::session& sql, T& query) {
    try {
      return fetch_and_reset(query.statement);
    } catch (...) {
      const std::lock_guard lock(per_connection_mutex_);
      per_connection_.erase(Key{sql.get_backend(), std::type_index(typeid(T))});
      throw;
    }
  }

 private:
  bool fetch_and_reset(soci::statement& statement) const;
  explicit Database(DatabaseUrl url, std::size_t pool_size);
  // PostgreSQL: opens `sql` again when the server has closed it; throws when it cannot.
  void revive_if_closed(soci::session& sql);
  using Key = std::pair<const void*, std::type_index>;
  DatabaseUrl url_;
  std::size_t pool_size_;
  std::unique_ptr<soci::connection_pool> pool_;
  bool forbid_nested_ = false;
  // Declared after the pool so its statements are finalised before the connections close.
  std::mutex per_connection_mutex_;
  std::map<Key, std::shared_ptr<void>> per_connection_;
};

// Starts and ends a transaction on a borrowed session, in the backend's own dialect.
void begin_transaction(soci::session& sql, Backend backend);

// Prepares `query` on a statement whose into()/use() bindings were added with exchange() (so
// a row struct can bind its own columns), then executes it without fetching.
void prepare_and_run(soci::statement& statement, const std::string& query);

// True when the error is a violated UNIQUE constraint (both backends' wording).
bool is_unique_violation(const std::exception& error);
// Whether the error says the database server cannot be reached or closed the connection.
bool is_unavailable(const std::exception& error);
// Whether the database failed for want of disk space (SQLite's SQLITE_FULL, PostgreSQL's
// "No space left on device"): the answer is then 503 with a message saying so.
bool is_storage_full(const std::exception& error);
// The error's message without the values bound to the failed statement (SOCI appends them:
// they may be token hashes or personal data), for the log.
std::string loggable_error(const std::exception& error);

}  // namespace samtryg::db
