// The change feed: it hears data_version bumps made on other connections (the NOTIFY of
// migration 0004), this process's own announcements at once, and a broken connection
// stops every cached copy until it listens again.
#include "db/change_feed.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <pqxx/connection>
#include <pqxx/nontransaction>
#include <pqxx/transaction>
#include <string>
#include <thread>

#include "support/test_cluster.hpp"

namespace smedash::db {
namespace {

using namespace std::chrono_literals;

// Polls `done` for up to 10 s (the listener runs on its own thread).
bool Eventually(const std::function<bool()>& done) {
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return done();
}

void BumpDataVersion(const std::string& database) {
  pqxx::connection connection(database);
  pqxx::work tx(connection);
  tx.exec0("UPDATE data_version SET version = version + 1");
  tx.commit();
}

class ChangeFeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(Eventually([this] { return feed_.Listening(); }));
  }
  std::uint64_t Stamp() const { return feed_.Stamp(ChangeTopic::kData); }

  const std::string database_ = testing::FreshDatabase();
  ChangeFeed feed_{database_};
};

TEST_F(ChangeFeedTest, GivesAStampOnceListening) { EXPECT_NE(Stamp(), 0U); }

TEST_F(ChangeFeedTest, StampStaysWhileNothingChanges) {
  const auto before = Stamp();
  std::this_thread::sleep_for(300ms);  // longer than the listener's wait
  EXPECT_EQ(Stamp(), before);
}

TEST_F(ChangeFeedTest, ABumpOnAnotherConnectionMovesTheStamp) {
  const auto before = Stamp();
  BumpDataVersion(database_);
  EXPECT_TRUE(Eventually([&] { return Stamp() != before && Stamp() != 0; }));
}

TEST_F(ChangeFeedTest, ARolledBackBumpIsNotHeard) {
  const auto before = Stamp();
  {
    pqxx::connection connection(database_);
    pqxx::work tx(connection);
    tx.exec0("UPDATE data_version SET version = version + 1");
  }  // aborted
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(Stamp(), before);
}

TEST_F(ChangeFeedTest, AnAnnouncementMovesTheStampAtOnce) {
  const auto before = Stamp();
  feed_.Announce(ChangeTopic::kData);
  EXPECT_NE(Stamp(), before);
}

TEST_F(ChangeFeedTest, ALostConnectionDropsEveryCopyAndListensAgain) {
  const auto before = Stamp();
  {
    pqxx::connection admin(database_);
    pqxx::nontransaction tx(admin);
    tx.exec(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE pid <> pg_backend_pid() AND datname = current_database()");
  }
  // Not listening for a moment (the reconnect waits a second), then a new stamp.
  EXPECT_TRUE(Eventually([&] { return Stamp() == 0; }));
  EXPECT_TRUE(Eventually([&] { return Stamp() != 0; }));
  EXPECT_NE(Stamp(), before);
  const auto after = Stamp();
  BumpDataVersion(database_);
  EXPECT_TRUE(Eventually([&] { return Stamp() != after && Stamp() != 0; }));
}

TEST(ChangeFeedUnreachableTest, NeverGivesAStampWithoutADatabase) {
  ChangeFeed feed("host=/nonexistent-socket-dir dbname=none connect_timeout=1");
  std::this_thread::sleep_for(300ms);
  EXPECT_FALSE(feed.Listening());
  EXPECT_EQ(feed.Stamp(ChangeTopic::kData), 0U);
}

}  // namespace
}  // namespace smedash::db
