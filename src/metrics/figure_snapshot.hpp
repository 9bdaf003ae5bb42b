//! The FigureStore's Snapshot: positions, groups and units at one data_version, and each
//! position's figures read on first use and kept (several request threads share one
//! snapshot). Internal to metrics; callers see only Snapshot.
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "db/pool.hpp"
#include "metrics/figure_reads.hpp"
#include "metrics/figure_store.hpp"
#include "metrics/position_figures.hpp"

namespace smedash::metrics {

class FigureSnapshot final : public Snapshot {
 public:
  // Reads version, positions, groups and units in one consistent transaction.
  static std::shared_ptr<const FigureSnapshot> Build(db::Pool& pool);

  FigureSnapshot(db::Pool& pool, std::int64_t version, std::vector<core::Date> positions,
                 std::vector<SegmentGroupInfo> groups, Hierarchy units);
  FigureSnapshot(const FigureSnapshot&) = delete;
  FigureSnapshot& operator=(const FigureSnapshot&) = delete;

  std::int64_t Version() const override { return version_; }
  const std::vector<core::Date>& Positions() const override { return positions_; }
  const std::vector<SegmentGroupInfo>& Groups() const override { return groups_; }
  const Hierarchy& Units() const override { return units_; }

  std::optional<Decimal> Value(Metric metric, std::size_t group, const Scope& scope,
                               core::Date position) const override;
  std::optional<std::array<Decimal, 5>> OsByGrade(std::size_t group, const Scope& scope,
                                                  core::Date position) const override;

 private:
  // One position's figures, filled in once by the first reader.
  struct Cached {
    std::mutex loading;
    std::atomic<const PositionFigures*> figures{nullptr};
    std::unique_ptr<const PositionFigures> owned;
  };

  // nullptr when `position` is not loaded; throws StaleSnapshot when the data moved on.
  const PositionFigures* FiguresAt(core::Date position) const;
  PositionFigures ReadFigures(core::Date position) const;
  // The slot of `scope`; nullopt for the office of a kanca without one.
  std::optional<std::size_t> SlotOf(const Scope& scope) const;
  // The OS sums of the group's segments over the scope (zero when SlotOf is nullopt).
  OsSums SumsOf(const PositionFigures& figures, std::size_t group, const Scope& scope) const;

  db::Pool& pool_;
  const std::int64_t version_;
  const std::vector<core::Date> positions_;
  const std::vector<SegmentGroupInfo> groups_;
  const Hierarchy units_;
  const FigureKeys keys_;                   // refers to units_
  const FigureLayout layout_;               // sized from units_ and keys_
  const std::unique_ptr<Cached[]> cached_;  // one per position
};

}  // namespace smedash::metrics
