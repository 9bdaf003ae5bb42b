// Snapshot::Prefetch: many positions read together give the figures that reading them one
// by one gives, read once and kept, under the same one-version rule (StaleSnapshot).
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "figures_fixture.hpp"
#include "metrics/figure_snapshot.hpp"

namespace smedash::metrics::testing {
namespace {

// More than one prefetch query's worth (FigureSnapshot::kPrefetchBatch).
constexpr int kPositions = 70;

class PrefetchTest : public FiguresTest {
 protected:
  void SetUp() override { ImportDailyPositions(kPositions); }

  // The figures read position by position, on a store of their own.
  std::string LazilyRead() {
    FigureStore lazy(pool_);
    return AllFigures(*lazy.Current());
  }

  static std::shared_ptr<const FigureSnapshot> Internal(std::shared_ptr<const Snapshot> snapshot) {
    return std::dynamic_pointer_cast<const FigureSnapshot>(snapshot);
  }
};

TEST_F(PrefetchTest, ReadsEveryPositionAskedForAndEqualsReadingThemOneByOne) {
  const std::string expected = LazilyRead();
  const auto snapshot = Internal(store_.Current());
  ASSERT_EQ(snapshot->Positions().size(), static_cast<std::size_t>(kPositions));
  ASSERT_GT(snapshot->Positions().size(), FigureSnapshot::kPrefetchBatch);
  snapshot->Prefetch(snapshot->Positions());
  EXPECT_EQ(snapshot->ReadCount(), snapshot->Positions().size());
  // Every position was read before the data moved on: the snapshot answers everything.
  BumpVersion();
  EXPECT_EQ(AllFigures(*snapshot), expected);
}

TEST_F(PrefetchTest, ReadsOnlyTheLoadedPositionsAskedFor) {
  const auto snapshot = Internal(store_.Current());
  const auto& positions = snapshot->Positions();
  // Unsorted, repeated, and with dates that are not loaded.
  const std::vector<core::Date> asked{positions[40],
                                      positions[3],
                                      core::Date::FromYmd(2024, 12, 31).value(),
                                      positions[40],
                                      core::Date::FromYmd(2030, 1, 1).value(),
                                      positions[0]};
  snapshot->Prefetch(asked);
  EXPECT_EQ(snapshot->ReadCount(), 3u);
  BumpVersion();
  const std::size_t sme = snapshot->FindGroup("SME").value();
  for (const std::size_t index : {0, 3, 40}) {
    EXPECT_NO_THROW(snapshot->Value(Metric::kOs, sme, Scope::Total(), positions[index]));
  }
  EXPECT_THROW(snapshot->Value(Metric::kOs, sme, Scope::Total(), positions[1]), StaleSnapshot);
}

TEST_F(PrefetchTest, SmeTotalOfEachPositionIsTheSumOfItsAggregateRows) {
  const auto snapshot = store_.Current();
  snapshot->Prefetch(snapshot->Positions());
  const std::size_t sme = snapshot->FindGroup("SME").value();
  for (const core::Date position : snapshot->Positions()) {
    const std::string expected = Value(
        "SELECT coalesce(sum(os), 0)::numeric(20,2)::text FROM agg_position "
        "WHERE periode = $1::date AND segment IN "
        "(SELECT unnest(segments) FROM segment_groups WHERE group_code = 'SME')",
        position.ToIso());
    ASSERT_NE(expected, "0.00") << "every position has SME rows";
    EXPECT_EQ(snapshot->Value(Metric::kOs, sme, Scope::Total(), position)->ToString(), expected)
        << position.ToIso();
  }
}

TEST_F(PrefetchTest, StaleSnapshotWhenTheVersionMovedAndNothingIsKept) {
  const auto snapshot = Internal(store_.Current());
  const auto& positions = snapshot->Positions();
  snapshot->Prefetch(std::vector<core::Date>{positions[0]});
  BumpVersion();
  EXPECT_THROW(snapshot->Prefetch(positions), StaleSnapshot);
  EXPECT_EQ(snapshot->ReadCount(), 1u);
  // Asking only for what was read before the change needs no query.
  EXPECT_NO_THROW(snapshot->Prefetch(std::vector<core::Date>{positions[0]}));
}

}  // namespace
}  // namespace smedash::metrics::testing
