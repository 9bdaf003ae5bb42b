// FigureStore's snapshots: one per data_version, positions read lazily and kept, a read
// that meets newer data refused (StaleSnapshot) and retried by Read.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "figures_fixture.hpp"

namespace smedash::metrics::testing {
namespace {

class SnapshotTest : public FiguresTest {
 protected:
  void SetUp() override { ImportWorkedExample(); }

  std::optional<Decimal> SmeOs(const Snapshot& snapshot, core::Date position) {
    return snapshot.Value(Metric::kOs, snapshot.FindGroup("SME").value(), Scope::Total(), position);
  }
};

TEST_F(SnapshotTest, CurrentIsTheSameSnapshotWhileTheVersionStands) {
  const auto first = store_.Current();
  const auto second = store_.Current();
  EXPECT_EQ(first.get(), second.get());
  EXPECT_EQ(first->Version(), store_.CurrentVersion());
  EXPECT_EQ(first->Version(), std::stoll(Value("SELECT version FROM data_version")));
}

TEST_F(SnapshotTest, CurrentIsANewSnapshotAfterTheVersionMoves) {
  const auto before = store_.Current();
  BumpVersion();
  EXPECT_EQ(store_.CurrentVersion(), before->Version() + 1);
  const auto after = store_.Current();
  EXPECT_NE(after.get(), before.get());
  EXPECT_EQ(after->Version(), before->Version() + 1);
  EXPECT_EQ(store_.Current().get(), after.get());
  EXPECT_EQ(SmeOs(*after, kE)->ToString(), Juta(17400));
}

TEST_F(SnapshotTest, UnloadedPositionGivesNone) {
  const auto snapshot = store_.Current();
  const std::size_t sme = snapshot->FindGroup("SME").value();
  for (const auto date :
       {core::Date::FromYmd(2025, 10, 7).value(), core::Date::FromYmd(2025, 10, 10).value(),
        core::Date::FromYmd(2024, 12, 30).value()}) {
    for (const Metric metric : kAllMetrics) {
      EXPECT_FALSE(snapshot->Value(metric, sme, Scope::Total(), date).has_value())
          << MetricName(metric) << " " << date.ToIso();
    }
    EXPECT_FALSE(snapshot->OsByGrade(sme, Scope::Total(), date).has_value());
  }
}

TEST_F(SnapshotTest, StaleSnapshotWhenTheVersionMovesBeforeALazyRead) {
  const auto snapshot = store_.Current();
  EXPECT_EQ(SmeOs(*snapshot, kD)->ToString(), Juta(16600));  // read while current
  BumpVersion();
  EXPECT_THROW(SmeOs(*snapshot, kE), StaleSnapshot);
  EXPECT_THROW(snapshot->OsByGrade(0, Scope::Total(), kE), StaleSnapshot);
  // A position read before the change stays as it was read: one snapshot, one version.
  EXPECT_EQ(SmeOs(*snapshot, kD)->ToString(), Juta(16600));
  // A fresh snapshot reads it.
  EXPECT_EQ(SmeOs(*store_.Current(), kE)->ToString(), Juta(17400));
}

TEST_F(SnapshotTest, ReadRetriesOnAFreshSnapshot) {
  std::vector<std::int64_t> versions;
  const auto os = store_.Read([&](const Snapshot& snapshot) {
    versions.push_back(snapshot.Version());
    if (versions.size() == 1) BumpVersion();  // the data changes under the first attempt
    return SmeOs(snapshot, kE);
  });
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[1], versions[0] + 1);
  EXPECT_EQ(os->ToString(), Juta(17400));
}

TEST_F(SnapshotTest, ReadGivesUpAfterThreeStaleAttempts) {
  int attempts = 0;
  EXPECT_THROW(store_.Read([&](const Snapshot& snapshot) {
    ++attempts;
    BumpVersion();
    return SmeOs(snapshot, kE);
  }),
               StaleSnapshot);
  EXPECT_EQ(attempts, 3);
}

TEST_F(SnapshotTest, ReimportedPositionShowsInTheNextSnapshot) {
  const auto before = store_.Current();
  EXPECT_EQ(SmeOs(*before, kC)->ToString(), Juta(15250));
  ImportCsv("ulang.csv",
            "PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS\n"
            "30/09/2025,KC Garut,25,KC Garut,100000000000004,C4,80065,1,123000000\n");
  const auto after = store_.Current();
  EXPECT_GT(after->Version(), before->Version());
  EXPECT_EQ(SmeOs(*after, kC)->ToString(), "123000000.00");
  EXPECT_EQ(SmeOs(*after, kE)->ToString(), Juta(17400));
  EXPECT_EQ(SmeOs(*before, kC)->ToString(), Juta(15250)) << "read before the change";
  EXPECT_THROW(SmeOs(*before, kE), StaleSnapshot) << "never read before the change";
}

TEST_F(SnapshotTest, ThreadsSharingASnapshotReadTheSameFigures) {
  // The expected lines from a store of its own, read on one thread.
  FigureStore reference_store(pool_);
  const auto reference = reference_store.Current();
  auto lines = [](const Snapshot& snapshot) {
    std::string text;
    for (const core::Date position : snapshot.Positions()) {
      for (std::size_t group = 0; group < snapshot.Groups().size(); ++group) {
        for (std::size_t kanca = 0; kanca < snapshot.Units().Kancas().size(); ++kanca) {
          for (const Metric metric : kAllMetrics) {
            const auto value = snapshot.Value(metric, group, Scope::Konsol(kanca), position);
            text += value ? value->ToString() : "none";
            text += ',';
          }
        }
      }
    }
    return text;
  };
  const std::string expected = lines(*reference);
  const auto shared = store_.Current();  // nothing read yet: the threads race to fill it
  std::vector<std::string> seen(8);
  std::vector<std::thread> threads;
  for (std::size_t thread_idx = 0; thread_idx < seen.size(); ++thread_idx) {
    threads.emplace_back([&, thread_idx] { seen[thread_idx] = lines(*shared); });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& text : seen) EXPECT_EQ(text, expected);
}

class EmptySnapshotTest : public FiguresTest {};

TEST_F(EmptySnapshotTest, NothingLoadedHasGroupsButNoPositionsOrUnits) {
  const auto snapshot = store_.Current();
  EXPECT_TRUE(snapshot->Positions().empty());
  EXPECT_EQ(snapshot->Groups().size(), 7u);
  EXPECT_TRUE(snapshot->Units().Kancas().empty());
  EXPECT_TRUE(snapshot->Units().Units().empty());
  EXPECT_FALSE(snapshot->Value(Metric::kOs, 0, Scope::Total(), kE).has_value());
  EXPECT_FALSE(snapshot->OsByGrade(0, Scope::Offices(), kE).has_value());
}

}  // namespace
}  // namespace smedash::metrics::testing
