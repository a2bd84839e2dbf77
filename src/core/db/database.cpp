#include "core/db/database.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <mutex>

#include <fmt/format.h>
#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include "core/util/strings.hpp"

namespace samtryg::db {

namespace {

constexpr std::string_view kUrlHelp =
    "use sqlite:PATH (for example sqlite:./samtryg.db) or "
    "postgresql://USER:PASSWORD@HOST:PORT/DATABASE";

std::string mask_password(const boost::urls::url_view& url) {
  boost::urls::url copy(url);
  if (copy.has_password()) copy.set_password("***");
  return std::string(copy.buffer());
}

// libpq keyword values go in single quotes with \\ and \' escaped.
std::string conninfo_value(std::string_view value) {
  std::string quoted = "'";
  for (const char c : value) {
    if (c == '\\' || c == '\'') quoted += '\\';
    quoted += c;
  }
  return quoted + "'";
}

std::string to_conninfo(const boost::urls::url_view& url) {
  std::string info;
  auto add = [&info](std::string_view key, std::string_view value) {
    if (value.empty()) return;
    if (!info.empty()) info += ' ';
    info += std::string(key) + "=" + conninfo_value(value);
  };
  add("host", url.host());
  add("port", url.port());
  add("user", url.user());
  add("password", url.password());
  auto path = url.path();
  if (!path.empty() && path.front() == '/') path.erase(0, 1);
  add("dbname", path);
  for (const auto& param : url.params()) add(param.key, param.value);
  return info;
}

// Process-wide SQLite settings, before its first use: each connection is used by one thread
// at a time (the pool hands it out), so SQLite's own per-connection locks and its global
// memory statistics lock are pure overhead; under load they were the most contended locks.
void configure_sqlite_library() {
  static std::once_flag once;
  std::call_once(once, [] {
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
}

// SQLite's own automatic checkpoint (PASSIVE, at 1000 pages) copies only what no reader still
// needs, so under steady concurrent use it never finishes and the log never starts again: it
// grew to 240 MB in ten seconds of four writers, and refilled a disk that had just been freed.
// Past kLongLogPages the committing connection runs a TRUNCATE checkpoint instead, which waits
// (within busy_timeout) for the readers of the moment and starts the log from nothing.
constexpr int kPassiveCheckpointPages = 1000;
constexpr int kLongLogPages = 2048;  // 8 MB of 4 KB pages

int checkpoint_after_commit(void* /*unused*/, sqlite_api::sqlite3* db, const char* name,
                            int pages) {
  if (pages >= kLongLogPages) {
    sqlite_api::sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
  } else if (pages >= kPassiveCheckpointPages) {
    sqlite_api::sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  }
  return SQLITE_OK;
}

void configure_sqlite(soci::session& sql) {
  // WAL lets readers run beside one writer; foreign keys are off by default in SQLite.
  sql << "PRAGMA journal_mode=WAL";
  sql << "PRAGMA foreign_keys=ON";
  sql << "PRAGMA busy_timeout=10000";
  sql << "PRAGMA synchronous=NORMAL";
  // After a checkpoint the log is cut back to this size instead of keeping its largest.
  sql << "PRAGMA journal_size_limit=67108864";
  auto* backend = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
  sqlite_api::sqlite3_wal_hook(backend->conn_, checkpoint_after_commit, nullptr);
  // The default 2 MB page cache makes a large import re-read index pages through the kernel
  // over and over; 32 MB per connection keeps them in memory (measured: docs/performance.md).
  // Memory-mapped reads skip the copy from the kernel's page cache for everything else.
  sql << "PRAGMA cache_size=-32768";
  sql << "PRAGMA mmap_size=268435456";
}

}  // namespace

DatabaseUrl parse_database_url(std::string_view text) {
  const auto trimmed = trim(text);
  if (trimmed.empty()) throw UrlError(fmt::format("the database URL is empty; {}", kUrlHelp));
  DatabaseUrl result;
  if (trimmed.starts_with("sqlite:")) {
    auto path = trimmed.substr(7);
    if (path.starts_with("//")) path.remove_prefix(2);
    if (path.empty()) {
      throw UrlError(fmt::format("the database URL '{}' has no file path; {}", trimmed, kUrlHelp));
    }
    result.backend = Backend::sqlite;
    result.sqlite_path = std::string(path);
    result.display = std::string(trimmed);
    return result;
  }
  if (trimmed.starts_with("postgresql://") || trimmed.starts_with("postgres://")) {
    auto parsed = boost::urls::parse_uri(trimmed);
    if (!parsed) {
      throw UrlError(fmt::format("the database URL is not a valid URL ({}); {}",
                                 parsed.error().message(), kUrlHelp));
    }
    if (parsed->encoded_host().empty() && !parsed->has_query()) {
      throw UrlError(fmt::format("the PostgreSQL URL names no host; {}", kUrlHelp));
    }
    if (parsed->has_port() && parsed->port_number() == 0) {
      throw UrlError(
          fmt::format("the PostgreSQL URL has an invalid port '{}'; {}", parsed->port(), kUrlHelp));
    }
    result.backend = Backend::postgresql;
    result.postgres_uri = std::string(trimmed);
    result.postgres_conninfo = to_conninfo(*parsed);
    result.display = mask_password(*parsed);
    return result;
  }
  const auto scheme_end = trimmed.find(':');
  throw UrlError(fmt::format(
      "unsupported database '{}'; {}",
      scheme_end == std::string_view::npos ? trimmed : trimmed.substr(0, scheme_end), kUrlHelp));
}

Database::Database(DatabaseUrl url, std::size_t pool_size)
    : url_(std::move(url)),
      pool_size_(pool_size == 0 ? 1 : pool_size),
      pool_(std::make_unique<soci::connection_pool>(pool_size_)) {}

Database::~Database() {
  // The kept statements belong to the pool's connections: finalise them first.
  const std::lock_guard lock(per_connection_mutex_);
  per_connection_.clear();
}

void create_private_file(const std::string& path) {
  if (path.empty() || path == ":memory:" || path.starts_with("file:")) return;
  // O_EXCL: an existing file keeps the permissions its owner gave it.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) ::close(fd);
}

std::unique_ptr<Database> Database::open(const DatabaseUrl& url, std::size_t pool_size) {
  // The database holds password hashes: created readable by its owner only (SQLite gives its
  // WAL and shared-memory files the same permissions).
  if (url.backend == Backend::sqlite) create_private_file(url.sqlite_path);
  std::unique_ptr<Database> database(new Database(url, pool_size));
  for (std::size_t i = 0; i < database->pool_size_; ++i) {
    auto& sql = database->pool_->at(i);
    try {
      if (url.backend == Backend::sqlite) {
        configure_sqlite_library();
        sql.open(soci::connection_parameters(*soci::factory_sqlite3(),
                                             fmt::format("db=\"{}\" timeout=10", url.sqlite_path)));
        configure_sqlite(sql);
      } else {
        sql.open(soci::connection_parameters(*soci::factory_postgresql(), url.postgres_conninfo));
      }
    } catch (const std::exception& error) {
      throw ConnectError(fmt::format("cannot open the {} database {}: {}",
                                     url.backend == Backend::sqlite ? "SQLite" : "PostgreSQL",
                                     url.display, trim(error.what())));
    }
  }
  return database;
}

void prepare_and_run(soci::statement& statement, const std::string& query) {
  statement.alloc();
  statement.prepare(query);
  statement.define_and_bind();
  statement.execute(false);
}

void begin_transaction(soci::session& sql, Backend backend) {
  sql << (backend == Backend::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

namespace {
// Connections of nesting-forbidding databases the current thread holds.
thread_local int held_connections = 0;
}  // namespace

Database::PooledSession::PooledSession(Database& owner)
    : soci::session(*owner.pool_), counted_(owner.forbid_nested_) {
  if (owner.url_.backend == Backend::postgresql) owner.revive_if_closed(*this);
  if (counted_) ++held_connections;
}

void Database::revive_if_closed(soci::session& sql) {
  auto* backend = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
  // None: an earlier attempt to open it again failed (the server was still starting).
  if (backend != nullptr) {
    // An idle connection has nothing to read: when it has, the server has sent its last
    // words (a restart, a fail-over, an administrator ending it) and closed it. One poll, no
    // round trip.
    const int socket = PQsocket(backend->conn_);
    pollfd waiting{socket, POLLIN, 0};
    const bool has_news = socket < 0 || ::poll(&waiting, 1, 0) != 0;
    if (!has_news && PQstatus(backend->conn_) == CONNECTION_OK) return;
    // The kept statements belong to the closed connection.
    const std::lock_guard lock(per_connection_mutex_);
    std::erase_if(per_connection_, [&](const auto& entry) { return entry.first.first == backend; });
  }
  try {
    sql.reconnect();
  } catch (const std::exception& error) {
    throw Unavailable(fmt::format("the database cannot be reached: {}", trim(error.what())));
  }
}

Database::PooledSession::~PooledSession() {
  if (counted_) --held_connections;
}

Database::PooledSession Database::session() {
  if (forbid_nested_ && held_connections > 0) {
    throw std::logic_error(
        "a second database connection was requested while this thread holds one; pass the "
        "borrowed session down instead (waiting here deadlocks the pool under load)");
  }
  return PooledSession(*this);
}

namespace {

void run_transaction(soci::session& sql, Backend backend,
                     const std::function<void(soci::session&)>& work) {
  begin_transaction(sql, backend);
  try {
    work(sql);
    sql << "COMMIT";
  } catch (...) {
    try {
      sql << "ROLLBACK";
    } catch (...) {  // NOLINT(bugprone-empty-catch): the original error is the one to report
    }
    throw;
  }
}

}  // namespace

void Database::in_transaction(const std::function<void(soci::session&)>& work) {
  auto sql = session();
  run_transaction(sql, url_.backend, work);
}

void Database::in_bulk_transaction(const std::function<void(soci::session&)>& work) {
  auto sql = session();
  if (url_.backend != Backend::sqlite) return run_transaction(sql, url_.backend, work);
  // The switch works only outside a transaction, so it wraps the whole of it; it is turned
  // back on whatever happens, before the connection goes back to the pool.
  sql << "PRAGMA foreign_keys=OFF";
  struct Restore {
    explicit Restore(soci::session& session) : sql(session) {}
    soci::session& sql;
    Restore(const Restore&) = delete;
    Restore& operator=(const Restore&) = delete;
    ~Restore() {
      try {
        sql << "PRAGMA foreign_keys=ON";
      } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor must not throw
      }
    }
  } restore(sql);
  run_transaction(sql, url_.backend, work);
}

namespace {

struct PingQuery {
  explicit PingQuery(soci::session& sql)
      : statement((sql.prepare << "SELECT 1", soci::into(one))) {}
  int one = 0;
  soci::statement statement;
};

}  // namespace

bool Database::ping() {
  try {
    auto sql = session();
    auto& query = per_connection<PingQuery>(sql);
    query.one = 0;
    return fetch_one(sql, query) && query.one == 1;
  } catch (const std::exception&) {
    return false;
  }
}

void Database::checkpoint() {
  if (url_.backend != Backend::sqlite) return;
  auto sql = session();
  sql << "PRAGMA wal_checkpoint(TRUNCATE)";
}

bool Database::fetch_and_reset(soci::statement& statement) const {
  const bool found = statement.execute(true);
  if (url_.backend == Backend::sqlite) {
    // SOCI's own reset is not exported; its next execute() resets again, which is harmless.
    auto* sqlite = static_cast<soci::sqlite3_statement_backend*>(statement.get_backend());
    sqlite_api::sqlite3_reset(sqlite->stmt_);
  }
  return found;
}

bool is_unavailable(const std::exception& error) {
  if (dynamic_cast<const Unavailable*>(&error) != nullptr) return true;
  // A request whose connection the server closed while it ran (libpq's and SOCI's words).
  const std::string_view what = error.what();
  return what.find("server closed the connection unexpectedly") != std::string_view::npos ||
         what.find("Cannot establish connection to the database") != std::string_view::npos ||
         what.find("terminating connection due to administrator command") != std::string_view::npos;
}

bool is_storage_full(const std::exception& error) {
  const std::string_view what = error.what();
  return what.find("database or disk is full") != std::string_view::npos ||
         what.find("No space left on device") != std::string_view::npos ||
         what.find("could not extend file") != std::string_view::npos;
}

std::string loggable_error(const std::exception& error) {
  std::string_view what = error.what();
  const auto bound = what.find("\" with :");
  if (bound != std::string_view::npos) what = what.substr(0, bound + 1);
  return std::string(what);
}

bool is_unique_violation(const std::exception& error) {
  const std::string_view what = error.what();
  return what.find("UNIQUE constraint failed") != std::string_view::npos ||
         what.find("duplicate key value violates unique constraint") != std::string_view::npos;
}

}  // namespace samtryg::db
