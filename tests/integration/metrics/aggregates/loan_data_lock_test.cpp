// The refreshes after an admin's edit wait for a running load (ingest's LockLoanData):
// interleaved, the load would store figures made with the map or hierarchy it read before
// the edit, and the edit's refresh would not see the load's rows.
#include <gtest/gtest.h>

#include <pqxx/pqxx>

#include "aggregates_fixture.hpp"
#include "ingest/load/load_lock.hpp"
#include "metrics/aggregates.hpp"

namespace smedash::metrics::testing {
namespace {

using LoanDataLockTest = AggregatesTest;

// Runs `refresh` on a second connection that gives up waiting for a lock after 200 ms;
// true when it finished.
template <typename Refresh>
bool FinishesBesideALoad(const std::string& connection_string, Refresh refresh) {
  pqxx::connection other(connection_string);
  pqxx::work tx(other);
  tx.exec0("SET LOCAL lock_timeout = '200ms'");
  try {
    refresh(tx);
  } catch (const pqxx::sql_error& error) {
    EXPECT_EQ(error.sqlstate(), "55P03") << error.what();  // lock_not_available
    return false;
  }
  tx.commit();
  return true;
}

TEST_F(LoanDataLockTest, RefreshesWaitForARunningLoad) {
  auto hierarchy = [](pqxx::transaction_base& tx) { RefreshAfterHierarchyChange(tx, {"5"}); };
  auto segments = [](pqxx::transaction_base& tx) { RefreshAfterSegmentMapChange(tx, {"42210"}); };
  {
    pqxx::work load(connection_);
    ingest::LockLoanData(load);
    EXPECT_FALSE(FinishesBesideALoad(connection_string_, hierarchy));
    EXPECT_FALSE(FinishesBesideALoad(connection_string_, segments));
  }  // the load ends
  EXPECT_TRUE(FinishesBesideALoad(connection_string_, hierarchy));
  EXPECT_TRUE(FinishesBesideALoad(connection_string_, segments));
}

}  // namespace
}  // namespace smedash::metrics::testing
