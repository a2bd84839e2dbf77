// Storage tests: run against SQLite and PostgreSQL alike.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "core/audit/audit.hpp"
#include "core/auth/store.hpp"
#include "core/db/database.hpp"
#include "core/db/migrations.hpp"
#include "core/db/sqlite_statement.hpp"
#include "core/util/crypto.hpp"
#include "core/util/time.hpp"
#include "support/databases.hpp"

namespace samtryg::db {

audit::Entry workspace_created(long long id) {
  audit::Entry entry;
  entry.workspace_id = id;
  entry.author.label = "test";
  entry.action = "create";
  entry.entity = "workspace";
  entry.entity_id = std::to_string(id);
  entry.after = {{"name", "Landskrona"}};
  return entry;
}

long long insert_coordinator_user(soci::session& sql) {
  auth::User user;
  user.name = "Tovholder";
  user.email = "tovholder@aalborg.dk";
  user.password_hash = "x";
  user.language = "da";
  return auth::insert_user(sql, user, now_iso_utc());
}

// Starts from an empty database: the tests migrate it themselves.
class Storage : public testing::DatabaseTest {
 protected:
  bool migrated() const override { return false; }
};

TEST_P(Storage, MigrationsApplyOnceAndRecordTheirVersion) {
  const auto first = migrate(*database_);
  EXPECT_EQ(first.from_version, 0);
  EXPECT_EQ(first.to_version, static_cast<int>(embedded_migrations().size()));
  EXPECT_FALSE(first.applied.empty());
  const auto second = migrate(*database_);
  EXPECT_TRUE(second.applied.empty());
  EXPECT_EQ(second.to_version, first.to_version);
}

TEST_P(Storage, ANewerSchemaIsRefusedWithAClearMessage) {
  migrate(*database_);
  {
    auto sql = database_->session();
    sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')";
  }
  try {
    migrate(*database_);
    FAIL() << "expected SchemaError";
  } catch (const SchemaError& error) {
    EXPECT_NE(std::string(error.what()).find("schema version 999"), std::string::npos)
        << error.what();
    EXPECT_NE(std::string(error.what()).find("upgrade samtryg"), std::string::npos);
  }
}

TEST_P(Storage, AFailingMigrationLeavesNothingBehind) {
  std::vector<Migration> migrations = embedded_migrations();
  migrations.push_back({static_cast<int>(migrations.size()) + 1, "broken",
                        "CREATE TABLE half_done (x INTEGER);\nTHIS IS NOT SQL;\n"});
  EXPECT_THROW(migrate(*database_, migrations), SchemaError);
  auto sql = database_->session();
  int tables = -1;
  if (database_->backend() == Backend::sqlite) {
    sql << "SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done'", soci::into(tables);
  } else {
    sql << "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'half_done' "
           "AND table_schema = current_schema()",
        soci::into(tables);
  }
  EXPECT_EQ(tables, 0);
  EXPECT_EQ(current_schema_version(*database_), static_cast<int>(migrations.size()) - 1);
}

TEST_P(Storage, UniqueEmailIsEnforcedAndRecognised) {
  migrate(*database_);
  auth::User user;
  user.name = "SSP-konsulent";
  user.email = "ssp@aalborg.dk";
  user.password_hash = "x";
  user.language = "da";
  auto sql = database_->session();
  const auto id = auth::insert_user(sql, user, now_iso_utc());
  EXPECT_GT(id, 0);
  try {
    auth::insert_user(sql, user, now_iso_utc());
    FAIL() << "duplicate accepted";
  } catch (const std::exception& error) {
    EXPECT_TRUE(is_unique_violation(error)) << error.what();
  }
  const auto found = auth::find_user_by_email(sql, "ssp@aalborg.dk");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->name, "SSP-konsulent");
}

TEST_P(Storage, AuditEntryRollsBackWithTheChange) {
  migrate(*database_);
  EXPECT_THROW(database_->in_transaction([](soci::session& sql) {
    const auto id = auth::insert_workspace(sql, "Landskrona", "sv", now_iso_utc());
    audit::record(sql, workspace_created(id));
    throw std::runtime_error("fail after the audit entry");
  }),
               std::runtime_error);
  auto sql = database_->session();
  int count = -1;
  sql << "SELECT COUNT(*) FROM audit_log", soci::into(count);
  EXPECT_EQ(count, 0);
  EXPECT_FALSE(auth::find_workspace_by_name(sql, "Landskrona"));

  long long workspace = 0;
  database_->in_transaction([&](soci::session& tx) {
    workspace = auth::insert_workspace(tx, "Landskrona", "sv", now_iso_utc());
    audit::record(tx, workspace_created(workspace));
  });
  const auto history = audit::history(sql, "workspace", std::to_string(workspace));
  ASSERT_EQ(history.size(), 1U);
  EXPECT_EQ(history[0].actor, "test");
  EXPECT_EQ(history[0].after_json, R"({"name":"Landskrona"})");
  EXPECT_TRUE(history[0].before_json.empty());
  EXPECT_EQ(history[0].workspace_id, workspace);
}

TEST_P(Storage, SessionsExpireAndOnlyTheirHashIsStored) {
  migrate(*database_);
  auto sql = database_->session();
  const auto user_id = insert_coordinator_user(sql);
  const auto workspace = auth::insert_workspace(sql, "Tryg Aalborg", "da", now_iso_utc());
  auth::set_membership(sql, workspace, user_id, auth::Role::coordinator, now_iso_utc());
  const auto now = Clock::now();
  auth::insert_session(sql, "token-1", user_id, workspace, "csrf-1", to_iso_utc(now),
                       to_iso_utc(now + std::chrono::hours(1)));
  auto found = auth::find_session(*database_, sql, "token-1", to_iso_utc(now));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user.email, "tovholder@aalborg.dk");
  ASSERT_TRUE(found->membership);
  EXPECT_EQ(found->membership->role, auth::Role::coordinator);
  EXPECT_EQ(found->membership->workspace.name, "Tryg Aalborg");
  int plain = -1;
  sql << "SELECT COUNT(*) FROM sessions WHERE token_hash = 'token-1'", soci::into(plain);
  EXPECT_EQ(plain, 0);
  EXPECT_FALSE(
      auth::find_session(*database_, sql, "token-1", to_iso_utc(now + std::chrono::hours(2))));
  EXPECT_FALSE(auth::find_session(*database_, sql, "token-2", to_iso_utc(now)));
}

// The lookup is prepared once per connection and kept; it must still see every change made
// since, on its own connection and on others (a kept SQLite statement left unreset would pin
// the snapshot of its first use).
TEST_P(Storage, AKeptSessionLookupSeesLaterChanges) {
  migrate(*database_);
  const auto now = Clock::now();
  auto sql = database_->session();
  const auto user_id = insert_coordinator_user(sql);
  auth::insert_session(sql, "token-1", user_id, std::nullopt, "csrf-1", to_iso_utc(now),
                       to_iso_utc(now + std::chrono::hours(1)));
  ASSERT_TRUE(auth::find_session(*database_, sql, "token-1", to_iso_utc(now)));
  EXPECT_FALSE(auth::find_session(*database_, sql, "token-1", to_iso_utc(now))->membership);
  {
    auto other = database_->session();
    const auto workspace = auth::insert_workspace(other, "Tryg Aalborg", "da", now_iso_utc());
    auth::set_membership(other, workspace, user_id, auth::Role::initiative_lead, now_iso_utc());
    other << "UPDATE sessions SET workspace_id = :w", soci::use(workspace);
    auth::update_language(other, user_id, "sv", now_iso_utc());
  }
  // Other queries on the lookup's connection see the change too.
  std::string language;
  sql << "SELECT language FROM users WHERE id = :id", soci::use(user_id), soci::into(language);
  EXPECT_EQ(language, "sv");
  const auto changed = auth::find_session(*database_, sql, "token-1", to_iso_utc(now));
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->user.language, "sv");
  ASSERT_TRUE(changed->membership);
  EXPECT_EQ(changed->membership->role, auth::Role::initiative_lead);
  {
    auto other = database_->session();
    auth::delete_session(other, crypto::sha256_hex("token-1"));
  }
  EXPECT_FALSE(auth::find_session(*database_, sql, "token-1", to_iso_utc(now)));
  // And the connection can still write: no read transaction is left open on it.
  auth::insert_session(sql, "token-2", user_id, std::nullopt, "csrf-2", to_iso_utc(now),
                       to_iso_utc(now + std::chrono::hours(1)));
  EXPECT_TRUE(auth::find_session(*database_, sql, "token-2", to_iso_utc(now)));
}

// The server's pool has one connection per worker: a handler waiting for a second connection
// while holding one would deadlock under load, so it is refused at once instead.
TEST_P(Storage, ASecondConnectionOnTheSameThreadIsRefusedWhenForbidden) {
  {
    auto first = database_->session();
    auto second = database_->session();  // allowed by default (tools, tests)
  }
  database_->forbid_nested_sessions();
  {
    auto first = database_->session();
    EXPECT_THROW(database_->session(), std::logic_error);
    std::thread other([&] { EXPECT_NO_THROW(database_->session()); });
    other.join();
  }
  EXPECT_NO_THROW(database_->session());
  EXPECT_TRUE(database_->ping());
}

TEST_P(Storage, LoginAttemptsAreCountedWithinTheWindowPerAddress) {
  migrate(*database_);
  auto sql = database_->session();
  const auto now = Clock::now();
  const auto since = to_iso_utc(now - std::chrono::minutes(15));
  auth::record_login_attempt(sql, "a@b.dk", "127.0.0.1", to_iso_utc(now - std::chrono::hours(1)));
  auth::record_login_attempt(sql, "a@b.dk", "127.0.0.1", to_iso_utc(now));
  auth::record_login_attempt(sql, "c@d.dk", "127.0.0.1", to_iso_utc(now));
  auth::record_login_attempt(sql, "a@b.dk", "192.0.2.1", to_iso_utc(now));
  auto counts = auth::count_login_attempts(sql, "a@b.dk", "127.0.0.1", since);
  EXPECT_EQ(counts.for_email_here, 1);
  EXPECT_EQ(counts.from_client, 2);
  auth::clear_login_attempts(sql, "a@b.dk", "127.0.0.1");
  counts = auth::count_login_attempts(sql, "a@b.dk", "127.0.0.1", "2000-01-01T00:00:00Z");
  EXPECT_EQ(counts.for_email_here, 0);
  EXPECT_EQ(auth::count_login_attempts(sql, "a@b.dk", "192.0.2.1", since).for_email_here, 1)
      << "another address's attempts stay";
}

// What a PostgreSQL restart does to the connections waiting in the pool: the server ends them.
// The next borrower gets a working connection, and statements kept for the old one are made
// again for the new one.
TEST_P(Storage, ConnectionsTheServerClosedAreOpenedAgain) {
  migrate(*database_);
  EXPECT_TRUE(database_->ping());  // keeps a prepared statement on the connection
  if (database_->backend() != Backend::postgresql) GTEST_SKIP() << "PostgreSQL only";
  long long pid = 0;
  {
    auto sql = database_->session();
    sql << "SELECT pg_backend_pid()", soci::into(pid);
  }
  {
    auto other = Database::open(database_->url(), 1);
    auto sql = other->session();
    int ended = 0;
    sql << "SELECT CASE WHEN pg_terminate_backend(:p) THEN 1 ELSE 0 END", soci::use(pid),
        soci::into(ended);
    ASSERT_EQ(ended, 1);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_TRUE(database_->ping());
  long long again = 0;
  auto sql = database_->session();
  sql << "SELECT pg_backend_pid()", soci::into(again);
  EXPECT_NE(again, pid);
}

TEST_P(Storage, ACheckpointEmptiesTheWriteAheadLog) {
  migrate(*database_);
  for (int i = 0; i < 50; ++i) {
    database_->in_transaction(
        [&](soci::session& sql) { auth::record_login_attempt(sql, "a@b.dk", "c", now_iso_utc()); });
  }
  database_->checkpoint();  // nothing to do on PostgreSQL; must not fail
  if (database_->backend() != Backend::sqlite) return;
  const auto wal = database_->url().sqlite_path + "-wal";
  EXPECT_EQ(std::filesystem::file_size(wal), 0U);
}

TEST(DatabaseErrors, AFullDiskIsRecognisedAndBoundValuesStayOutOfTheLog) {
  EXPECT_TRUE(
      is_storage_full(std::runtime_error("sqlite3_statement_backend::loadOne: database "
                                         "or disk is full while executing \"COMMIT\"")));
  EXPECT_TRUE(is_storage_full(std::runtime_error(
      "ERROR: could not extend file \"base/16384/2619\": No space left on device")));
  EXPECT_FALSE(is_storage_full(std::runtime_error("UNIQUE constraint failed: users.email")));
  EXPECT_TRUE(is_unavailable(Unavailable("the database cannot be reached")));
  EXPECT_TRUE(is_unavailable(std::runtime_error(
      "Cannot execute query. Fatal error. Connection failed. server closed the connection "
      "unexpectedly")));
  EXPECT_FALSE(is_unavailable(std::runtime_error("UNIQUE constraint failed: users.email")));
  EXPECT_EQ(
      loggable_error(std::runtime_error(
          "no data while executing \"SELECT 1 FROM t WHERE h = :hash\" with :hash=\"ab12\".")),
      "no data while executing \"SELECT 1 FROM t WHERE h = :hash\"");
}

TEST_P(Storage, ConcurrentWritersDoNotFail) {
  migrate(*database_);
  std::vector<std::thread> threads;
  threads.reserve(4);
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        try {
          database_->in_transaction([&](soci::session& sql) {
            auth::record_login_attempt(sql, "x" + std::to_string(t) + "@y.dk", "c", now_iso_utc());
          });
        } catch (...) {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  auto sql = database_->session();
  int count = 0;
  sql << "SELECT COUNT(*) FROM login_failures", soci::into(count);
  EXPECT_EQ(count, 100);
}

// A bulk transaction skips SQLite's row-by-row foreign-key checks only while it runs: the
// connection goes back to the pool checking them again, whether the work succeeded or not.
TEST_P(Storage, ABulkTransactionLeavesForeignKeysCheckedAfterwards) {
  migrate(*database_);
  const auto one = Database::open(parse_database_url(scratch_->url()), 1);
  long long workspace = 0;
  one->in_bulk_transaction([&](soci::session& sql) {
    workspace = auth::insert_workspace(sql, "Landskrona stad", "sv", now_iso_utc());
  });
  const auto orphan_membership = [&] {
    one->in_transaction([&](soci::session& sql) {
      sql << "INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES (:w, "
             "999999, 'viewer', '2026-12-04T00:00:00Z')",
          soci::use(workspace);
    });
  };
  EXPECT_ANY_THROW(orphan_membership()) << "after a bulk transaction that committed";
  EXPECT_THROW(one->in_bulk_transaction([](soci::session&) { throw std::runtime_error("x"); }),
               std::runtime_error);
  EXPECT_ANY_THROW(orphan_membership()) << "after a bulk transaction that failed";
  auto sql = one->session();
  int workspaces = 0;
  sql << "SELECT COUNT(*) FROM workspaces", soci::into(workspaces);
  EXPECT_EQ(workspaces, 1);
}

TEST_P(Storage, SqliteStatementsWriteManyRowsAndReportSqlitesOwnErrors) {
  migrate(*database_);
  auto sql = database_->session();
  if (database_->backend() != Backend::sqlite) {
    EXPECT_FALSE(is_sqlite(sql));
    EXPECT_THROW(SqliteStatement(sql, "SELECT 1"), std::logic_error);
    return;
  }
  EXPECT_TRUE(is_sqlite(sql));
  sql << "CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, size REAL)";
  SqliteStatement insert(sql, "INSERT INTO places (name, size) VALUES (?, ?), (?, ?)");
  const std::string malmo = "Malmö";
  insert.bind(1, std::string_view("Landskrona"));
  insert.bind(2, std::optional<double>(46.1));
  insert.bind(3, std::string_view(malmo));
  insert.bind(4, std::optional<double>());
  insert.run();
  insert.bind(1, std::string_view("Helsingborg"));
  insert.bind(3, std::string_view("Landskrona"));  // taken
  try {
    insert.run();
    FAIL() << "a duplicate name must be refused";
  } catch (const soci::soci_error& error) {
    EXPECT_TRUE(is_unique_violation(error)) << error.what();
  }
  // The statement was reset and serves the next row.
  insert.bind(3, std::string_view("Lund"));
  insert.run();
  std::string names;
  int unknown_sizes = 0;
  sql << "SELECT group_concat(name, ',') FROM (SELECT name FROM places ORDER BY id)",
      soci::into(names);
  sql << "SELECT COUNT(*) FROM places WHERE size IS NULL", soci::into(unknown_sizes);
  EXPECT_EQ(names, "Landskrona,Malmö,Helsingborg,Lund");
  EXPECT_EQ(unknown_sizes, 2);
  EXPECT_THROW(SqliteStatement(sql, "INSERT INTO nowhere VALUES (1)"), soci::soci_error);
}

SAMTRYG_ON_EVERY_BACKEND(Storage);

TEST(Database, UnreachablePostgresGivesAClearError) {
  try {
    Database::open(parse_database_url("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"), 1);
    FAIL() << "expected ConnectError";
  } catch (const ConnectError& error) {
    EXPECT_NE(std::string(error.what()).find("cannot open the PostgreSQL database"),
              std::string::npos)
        << error.what();
  }
}

}  // namespace samtryg::db
