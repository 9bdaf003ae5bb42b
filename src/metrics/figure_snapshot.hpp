//! The FigureStore's Snapshot: positions, groups and units at one data_version, and each
//! position's figures read on first use, by a prefetch or by the warm-up, and kept (request
//! threads and the warm-up share one snapshot). Internal to metrics; callers see only
//! Snapshot.
#pragma once
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <stop_token>
#include <vector>

#include "db/pool.hpp"
#include "metrics/figure_reads.hpp"
#include "metrics/figure_store.hpp"
#include "metrics/position_figures.hpp"

namespace smedash::metrics {

class FigureSnapshot final : public Snapshot {
 public:
  // Positions a warm-up query reads: it holds a pooled connection for one batch only (tens
  // of milliseconds at 300 positions of 33,000 accounts) and sees a stop between batches.
  static constexpr std::size_t kWarmUpBatch = 24;
  // Positions a prefetch query reads at most: a request's comparison columns and trend
  // (about 36) in one query, a long daily range in a few bounded ones.
  static constexpr std::size_t kPrefetchBatch = 64;

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
  void Prefetch(std::span<const core::Date> positions) const override;
  const MonthTargets& TargetsOf(core::Date position) const override;

  // Reads the targets of the latest position's month first (the month a dashboard shows
  // by default), then every position not read yet, newest first (the ones asked for most), a batch
  // per query, until all are read or `stop` is requested. Throws StaleSnapshot when the
  // data moved on (the warm-up of this snapshot is then pointless).
  void WarmUp(std::stop_token stop) const;
  // Positions whose figures are read (for tests and the warm-up's log line).
  std::size_t ReadCount() const;

 private:
  // One position's figures, set once by the first load to finish. Loads do not wait for
  // each other (a request never waits for the warm-up's batch): two loads of a position
  // read the same rows at the same version, and the later one's result is dropped.
  class Cached {
   public:
    Cached() = default;
    Cached(const Cached&) = delete;
    Cached& operator=(const Cached&) = delete;
    ~Cached() { delete figures_.load(std::memory_order_relaxed); }

    const PositionFigures* Get() const { return figures_.load(std::memory_order_acquire); }
    void Keep(std::unique_ptr<const PositionFigures> loaded);

   private:
    std::atomic<const PositionFigures*> figures_{nullptr};  // owned
  };

  // nullopt when `position` is not loaded.
  std::optional<std::size_t> IndexOf(core::Date position) const;
  // nullptr when `position` is not loaded; throws StaleSnapshot when the data moved on.
  const PositionFigures* FiguresAt(core::Date position) const;
  // Reads the positions at `indexes` (ascending) in one transaction at this version.
  void Load(std::span<const std::size_t> indexes) const;
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
  // The months' targets read so far, by first day of month; a month is read under the lock
  // (one small query), so requests asking for the same month wait for one read.
  mutable std::mutex targets_mutex_;
  mutable std::map<core::Date, std::unique_ptr<const MonthTargets>> targets_;
};

}  // namespace smedash::metrics
