// FigureStore with a change feed: the data_version is read once per change, not once per
// request, and a change (heard from PostgreSQL or announced by this process) is seen.
#include <gtest/gtest.h>

#include <chrono>
#include <pqxx/transaction>
#include <thread>

#include "db/change_feed.hpp"
#include "figures_fixture.hpp"

namespace smedash::metrics::testing {
namespace {

using namespace std::chrono_literals;

class VersionFeedTest : public FiguresTest {
 protected:
  void SetUp() override {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (!feed_.Listening() && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(5ms);
    }
    ASSERT_TRUE(feed_.Listening());
  }

  // Moves data_version without the NOTIFY, as if the notification had not arrived yet.
  void BumpSilently() {
    pqxx::work tx(connection_);
    tx.exec0("ALTER TABLE data_version DISABLE TRIGGER data_version_changed");
    tx.exec0("UPDATE data_version SET version = version + 1");
    tx.exec0("ALTER TABLE data_version ENABLE TRIGGER data_version_changed");
    tx.commit();
  }

  std::int64_t DatabaseVersion() { return std::stoll(Value("SELECT version FROM data_version")); }

  db::ChangeFeed feed_{connection_string_};
  FigureStore cached_{pool_, &feed_};
};

TEST_F(VersionFeedTest, KeepsTheVersionUntilTheFeedMoves) {
  const auto before = cached_.CurrentVersion();
  BumpSilently();
  EXPECT_EQ(DatabaseVersion(), before + 1);
  EXPECT_EQ(cached_.CurrentVersion(), before);     // from memory: no query saw the bump
  EXPECT_EQ(store_.CurrentVersion(), before + 1);  // without a feed: asked every time
  feed_.Announce(db::ChangeTopic::kData);
  EXPECT_EQ(cached_.CurrentVersion(), before + 1);
}

TEST_F(VersionFeedTest, SeesABumpFromAnotherConnectionOnceNotified) {
  const auto before = cached_.CurrentVersion();
  BumpVersion();
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (cached_.CurrentVersion() == before && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(5ms);
  }
  EXPECT_EQ(cached_.CurrentVersion(), before + 1);
}

TEST_F(VersionFeedTest, ANewSnapshotFollowsAnImportWithoutAnyAnnouncement) {
  const auto before = cached_.Current();
  ImportWorkedExample();
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (cached_.Current()->Version() == before->Version() &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(5ms);
  }
  const auto after = cached_.Current();
  EXPECT_EQ(after->Version(), DatabaseVersion());
  EXPECT_EQ(
      after->Value(Metric::kOs, after->FindGroup("SME").value(), Scope::Total(), kE)->ToString(),
      Juta(17400));
}

}  // namespace
}  // namespace smedash::metrics::testing
