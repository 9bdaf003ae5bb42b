// Warming up: a snapshot reads all its positions a batch a query, newest first; FigureStore
// does it in the background for each new snapshot, ends it when the data moves on or the
// store goes, and its figures are those that reading on use gives.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "figures_fixture.hpp"
#include "metrics/figure_snapshot.hpp"

namespace smedash::metrics::testing {
namespace {

// More than one warm-up batch (FigureSnapshot::kWarmUpBatch).
constexpr int kPositions = 40;

class WarmUpTest : public FiguresTest {
 protected:
  void SetUp() override {
    ImportDailyPositions(kPositions);
    FigureStore lazy(pool_);  // read position by position, on use
    expected_ = AllFigures(*lazy.Current());
  }

  static std::shared_ptr<const FigureSnapshot> Internal(std::shared_ptr<const Snapshot> snapshot) {
    return std::dynamic_pointer_cast<const FigureSnapshot>(snapshot);
  }

  // Whether every position of `snapshot` is read within 30 s: the store's warm-up runs on
  // a thread of its own.
  static bool AllRead(const FigureSnapshot& snapshot) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (snapshot.ReadCount() < snapshot.Positions().size()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
  }

  std::string expected_;
};

TEST_F(WarmUpTest, SnapshotWarmUpReadsEveryPositionAsReadingOnUseDoes) {
  const auto snapshot = FigureSnapshot::Build(pool_);
  ASSERT_GT(snapshot->Positions().size(), FigureSnapshot::kWarmUpBatch);
  const std::size_t sme = snapshot->FindGroup("SME").value();
  snapshot->Value(Metric::kOs, sme, Scope::Total(), snapshot->Positions()[7]);  // a request's
  snapshot->WarmUp(std::stop_token());
  EXPECT_EQ(snapshot->ReadCount(), snapshot->Positions().size());
  BumpVersion();  // nothing is left to read: the snapshot answers everything
  EXPECT_EQ(AllFigures(*snapshot), expected_);
}

TEST_F(WarmUpTest, SnapshotWarmUpReadsNothingOnceStopped) {
  const auto snapshot = FigureSnapshot::Build(pool_);
  std::stop_source stop;
  stop.request_stop();
  snapshot->WarmUp(stop.get_token());
  EXPECT_EQ(snapshot->ReadCount(), 0u);
}

TEST_F(WarmUpTest, SnapshotWarmUpThrowsStaleSnapshotAndKeepsNothingOnceTheDataMoved) {
  const auto snapshot = FigureSnapshot::Build(pool_);
  BumpVersion();
  EXPECT_THROW(snapshot->WarmUp(std::stop_token()), StaleSnapshot);
  EXPECT_EQ(snapshot->ReadCount(), 0u);
}

TEST_F(WarmUpTest, StoreWarmsUpTheCurrentSnapshotInTheBackground) {
  store_.WarmUp();
  const auto snapshot = Internal(store_.Current());
  ASSERT_TRUE(AllRead(*snapshot));
  BumpVersion();
  EXPECT_EQ(AllFigures(*snapshot), expected_);
}

TEST_F(WarmUpTest, StoreWarmsUpEachNewSnapshot) {
  store_.WarmUp();
  const auto first = Internal(store_.Current());
  ASSERT_TRUE(AllRead(*first));
  BumpVersion();
  const auto second = Internal(store_.Current());
  ASSERT_NE(second.get(), first.get());
  ASSERT_TRUE(AllRead(*second));
  BumpVersion();
  EXPECT_EQ(AllFigures(*second), expected_);
}

TEST_F(WarmUpTest, StoreWarmUpKeepsNothingOnceTheDataMovedOn) {
  db::Pool one_connection(connection_string_, 1);
  FigureStore store(one_connection);
  const auto old = Internal(store.Current());
  {
    auto lease = one_connection.Acquire();  // the warm-up's batch waits for the connection
    store.WarmUp();
    BumpVersion();
  }
  // The new snapshot's warm-up starts after the old one ended (it joins it first).
  const auto current = Internal(store.Current());
  ASSERT_NE(current.get(), old.get());
  ASSERT_TRUE(AllRead(*current));
  EXPECT_EQ(old->ReadCount(), 0u);
  EXPECT_EQ(AllFigures(*current), expected_);
}

TEST_F(WarmUpTest, DestroyingTheStoreStopsAndJoinsItsWarmUp) {
  db::Pool one_connection(connection_string_, 1);
  auto store = std::make_unique<FigureStore>(one_connection);
  store->WarmUp();
  const auto snapshot = Internal(store->Current());
  store.reset();
  // No warm-up is left running: the only connection is free, and nothing more is read.
  EXPECT_TRUE(one_connection.Healthy(std::chrono::milliseconds(0)));
  const std::size_t read = snapshot->ReadCount();
  EXPECT_EQ(Value("SELECT count(*) FROM agg_position WHERE periode = $1::date",
                  snapshot->Positions().back().ToIso()),
            "3");
  EXPECT_EQ(snapshot->ReadCount(), read);
}

TEST_F(WarmUpTest, ThreadsReadingWhileTheStoreWarmsUpReadTheSameFigures) {
  store_.WarmUp();
  std::vector<std::string> seen(8);
  std::vector<std::thread> threads;
  for (std::size_t thread_idx = 0; thread_idx < seen.size(); ++thread_idx) {
    threads.emplace_back([&, thread_idx] {
      seen[thread_idx] = store_.Read([](const Snapshot& snapshot) { return AllFigures(snapshot); });
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& text : seen) EXPECT_EQ(text, expected_);
  EXPECT_TRUE(AllRead(*Internal(store_.Current())));
}

}  // namespace
}  // namespace smedash::metrics::testing
