// The connection pool: reuse, replacement of broken connections, blocking, failures.
#include "db/pool.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <pqxx/connection>
#include <pqxx/except>
#include <pqxx/nontransaction>
#include <string>

#include "core/errors.hpp"
#include "support/test_cluster.hpp"

namespace smedash::db {
namespace {

using namespace std::chrono_literals;

int BackendPid(Lease& lease) {
  pqxx::nontransaction tx(*lease);
  return tx.exec1("SELECT pg_backend_pid()")[0].as<int>();
}

// Ends the backend `pid` from another connection, waiting up to `wait_ms` for it to go
// (0: not at all); true when PostgreSQL signalled it.
bool TerminateBackend(const std::string& database, int pid, int wait_ms = 0) {
  pqxx::connection admin(database);
  pqxx::nontransaction tx(admin);
  return tx.exec_params1("SELECT pg_terminate_backend($1, $2)", pid, wait_ms)[0].as<bool>();
}

TEST(PoolTest, ReusesAReleasedConnection) {
  Pool pool(testing::FreshDatabase(), 2);
  int first_pid = 0;
  {
    Lease lease = pool.Acquire();
    first_pid = BackendPid(lease);
  }
  Lease lease = pool.Acquire();
  EXPECT_EQ(BackendPid(lease), first_pid);
  EXPECT_EQ(pool.OpenConnections(), 1U);
}

TEST(PoolTest, OpensUpToItsSize) {
  Pool pool(testing::FreshDatabase(), 2);
  Lease a = pool.Acquire();
  Lease b = pool.Acquire();
  EXPECT_NE(BackendPid(a), BackendPid(b));
  EXPECT_EQ(pool.OpenConnections(), 2U);
}

TEST(PoolTest, ReplacesAConnectionWhoseBackendWasKilled) {
  const std::string database = testing::FreshDatabase();
  Pool pool(database, 1);
  int old_pid = 0;
  {
    Lease lease = pool.Acquire();
    old_pid = BackendPid(lease);
    ASSERT_TRUE(TerminateBackend(database, old_pid));
    EXPECT_THROW(BackendPid(lease), pqxx::broken_connection);
  }
  EXPECT_EQ(pool.OpenConnections(), 0U) << "the broken connection must be dropped";
  Lease lease = pool.Acquire();
  const int new_pid = BackendPid(lease);
  EXPECT_NE(new_pid, old_pid);
  EXPECT_EQ(pool.OpenConnections(), 1U);
}

// After a PostgreSQL restart every idle connection is dead, but looks open until used:
// handing one out would fail the first request of each slot after the outage.
TEST(PoolTest, HandsOutNoIdleConnectionWhoseBackendEnded) {
  const std::string database = testing::FreshDatabase();
  Pool pool(database, 1);
  int old_pid = 0;
  {
    Lease lease = pool.Acquire();
    old_pid = BackendPid(lease);
  }
  ASSERT_TRUE(TerminateBackend(database, old_pid, 5000));

  Lease lease = pool.Acquire();
  int new_pid = 0;
  EXPECT_NO_THROW(new_pid = BackendPid(lease)) << "the first query after the outage must work";
  EXPECT_NE(new_pid, old_pid);
  EXPECT_EQ(pool.OpenConnections(), 1U);
}

TEST(PoolTest, AcquireWaitsForARelease) {
  Pool pool(testing::FreshDatabase(), 1);
  auto held = std::make_unique<Lease>(pool.Acquire());
  const int pid = BackendPid(*held);
  auto waiting = std::async(std::launch::async, [&pool] {
    Lease lease = pool.Acquire();
    return BackendPid(lease);
  });
  EXPECT_EQ(waiting.wait_for(200ms), std::future_status::timeout)
      << "Acquire returned although the only connection was leased";
  held.reset();
  EXPECT_EQ(waiting.get(), pid);
}

TEST(PoolTest, UnreachableServerThrowsUnavailable) {
  Pool pool("host=/nonexistent/smedash-socket port=5432 dbname=smedash user=nobody", 1);
  try {
    pool.Acquire();
    ADD_FAILURE() << "expected core::Unavailable";
  } catch (const core::Unavailable& error) {
    EXPECT_NE(std::string(error.what()).find("cannot connect to PostgreSQL"), std::string::npos)
        << error.what();
  }
  EXPECT_EQ(pool.OpenConnections(), 0U) << "a failed connect must give its slot back";
  EXPECT_FALSE(pool.Healthy(500ms));
}

TEST(PoolTest, HealthyOnALiveDatabase) {
  Pool pool(testing::FreshDatabase(), 1);
  EXPECT_TRUE(pool.Healthy());
}

TEST(PoolTest, HealthyIsFalseInsteadOfWaitingWhenAllConnectionsAreLeased) {
  Pool pool(testing::FreshDatabase(), 1);
  Lease lease = pool.Acquire();
  EXPECT_FALSE(pool.Healthy(100ms));
}

}  // namespace
}  // namespace smedash::db
