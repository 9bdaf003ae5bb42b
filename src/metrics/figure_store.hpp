//! Every dashboard figure (domain.md sections 4-5) for any group, level and position, read
//! from the aggregate tables (agg_position, agg_nsb) and never from loan_data. A Snapshot
//! is the data at one data_version: positions' figures are read on first use (several in
//! one query when a request prefetches them, all of them in the background once the store
//! warms up) and kept while the version stands, so a dashboard request costs one version
//! check plus arithmetic in memory. Owned by metrics; dashboard reads figures only
//! through this.
#pragma once
#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <stop_token>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "db/change_feed.hpp"
#include "db/pool.hpp"
#include "metrics/decimal.hpp"
#include "metrics/hierarchy.hpp"
#include "metrics/metric.hpp"
#include "metrics/targets.hpp"

namespace smedash::metrics {

// A group the UI offers (segment_groups): "SME", "MEDIUM", "SMALL_KUR", "SMALL",
// "SMALL_NCC", "CC", "KUR", in sort_order.
struct SegmentGroupInfo {
  std::string code;
  std::string label;  // "Small + KUR"
  std::vector<std::string> segments;
};

// Which rows a figure covers.
struct Scope {
  enum class Kind {
    kTotal,    // every row (RO)
    kKonsol,   // a kanca with its KCPs; index = kanca
    kOffice,   // a kanca's own office only (KANCA ONLY); index = kanca; zero when it has none
    kUnit,     // one unit; index = unit
    kOffices,  // every kanca's own office together (total of KANCA ONLY)
    kKcps,     // every KCP together (total of KCP ONLY)
  };
  Kind kind = Kind::kTotal;
  std::size_t index = 0;

  static Scope Total() { return {Kind::kTotal, 0}; }
  static Scope Konsol(std::size_t kanca) { return {Kind::kKonsol, kanca}; }
  static Scope Office(std::size_t kanca) { return {Kind::kOffice, kanca}; }
  static Scope Unit(std::size_t unit) { return {Kind::kUnit, unit}; }
  static Scope Offices() { return {Kind::kOffices, 0}; }
  static Scope Kcps() { return {Kind::kKcps, 0}; }
};

// Thrown by Snapshot reads when the data changed while the snapshot was being filled in;
// FigureStore::Read retries on a fresh snapshot.
class StaleSnapshot : public std::runtime_error {
 public:
  StaleSnapshot() : std::runtime_error("dashboard data changed while it was read") {}
};

class Snapshot {
 public:
  virtual ~Snapshot() = default;

  virtual std::int64_t Version() const = 0;
  // Loaded positions, ascending.
  virtual const std::vector<core::Date>& Positions() const = 0;
  virtual const std::vector<SegmentGroupInfo>& Groups() const = 0;
  virtual const Hierarchy& Units() const = 0;
  // Index into Groups() of a group code; nullopt when unknown.
  std::optional<std::size_t> FindGroup(std::string_view code) const;

  // The figure for `group` (index into Groups()) over `scope` at `position`:
  //  - nullopt when `position` is not loaded;
  //  - amounts and NSB: 0 when no row of the scope and group is there;
  //  - percentages: nullopt when the scope's OS in the group is 0 (domain.md section 5).
  // Kinds and scales: see MetricKind and Decimal.
  // The first read of a position takes a pooled connection (and throws StaleSnapshot when
  // the data moved on since the snapshot was made): never read while holding a Lease of
  // the same pool. Scope indexes out of range throw std::out_of_range.
  virtual std::optional<Decimal> Value(Metric metric, std::size_t group, const Scope& scope,
                                       core::Date position) const = 0;

  // OS of the group over the scope at `position` split by KOL_ADK 1..5 ([0] = KOL 1);
  // nullopt when the position is not loaded.
  virtual std::optional<std::array<Decimal, 5>> OsByGrade(std::size_t group, const Scope& scope,
                                                          core::Date position) const = 0;

  // Reads the figures of those of `positions` that are loaded and not read yet, together
  // (one query per table for up to 64), so a request about to read many positions waits
  // for one query instead of one per position. Value and OsByGrade read what is still
  // missing anyway. Same rules as their first read: a pooled connection, StaleSnapshot.
  virtual void Prefetch(std::span<const core::Date> positions) const = 0;

  // The targets (komitmen) of the month `position` is in: read on the month's first use
  // and kept with the snapshot (every komitmen change bumps the data_version, so a new
  // snapshot reads them again). Same rules as Value's first read: a pooled connection,
  // StaleSnapshot.
  virtual const MonthTargets& TargetsOf(core::Date position) const = 0;
  // The target of `metric` for `group` over `scope`, or over `units` (indexes into
  // Units().Units()), in the month of `position` (MonthTargets::Target).
  std::optional<Decimal> Target(Metric metric, std::size_t group, const Scope& scope,
                                core::Date position) const;
  std::optional<Decimal> Target(Metric metric, std::size_t group,
                                std::span<const std::size_t> units, core::Date position) const;
};

class FigureSnapshot;

class FigureStore {
 public:
  // With `changes`, the data_version is asked once per change instead of once per request
  // (kept while the feed's stamp stands); without, every request asks.
  explicit FigureStore(db::Pool& pool, const db::ChangeFeed* changes = nullptr);
  // Stops and joins the warm-up.
  ~FigureStore();
  FigureStore(const FigureStore&) = delete;
  FigureStore& operator=(const FigureStore&) = delete;

  // The snapshot for the current data_version (one small query; the snapshot is built
  // when the version moved since the last call).
  std::shared_ptr<const Snapshot> Current();

  // Calls `read` with the current snapshot; when it throws StaleSnapshot, calls it again
  // with a new one (up to 3 times, then rethrows).
  template <typename Reader>
  auto Read(Reader&& read) -> decltype(read(std::declval<const Snapshot&>())) {
    for (int attempt = 1;; ++attempt) {
      auto snapshot = Current();
      try {
        return read(*snapshot);
      } catch (const StaleSnapshot&) {
        if (attempt == 3) throw;
      }
    }
  }

  // Just the current data_version (for ETags before any figure is needed): from memory
  // while the change feed says it stands, else one small query.
  std::int64_t CurrentVersion();

  // From now on every snapshot reads all its positions in the background, newest first,
  // on one thread of this store holding one pooled connection per batch, and the current
  // one starts now (built on that thread: returns at once and never throws; failures are
  // logged). Requests never wait for it: what they need first they read themselves. A
  // warm-up ends when done, when a newer snapshot replaces its own, when the data moves
  // on (StaleSnapshot), or when the store goes. Without it, positions are read on use.
  void WarmUp();

 private:
  // Both under mutex_.
  void Replace(std::shared_ptr<const FigureSnapshot> snapshot);
  void StartWarmUp(std::shared_ptr<const FigureSnapshot> snapshot);
  // The warm-up thread's work; `snapshot` null: build the current one first.
  void RunWarmUp(std::stop_token stop, std::shared_ptr<const FigureSnapshot> snapshot) noexcept;

  db::Pool& pool_;
  const db::ChangeFeed* changes_;
  std::mutex mutex_;
  // The version last read and the feed's stamp taken before reading it (0: none kept);
  // their own lock, so a version check never waits for a snapshot being built.
  std::mutex version_mutex_;
  std::uint64_t known_stamp_ = 0;
  std::int64_t known_version_ = 0;
  std::shared_ptr<const FigureSnapshot> current_;
  bool warm_up_ = false;
  // The latest warm-up; it joins the one it replaced before starting, so one runs at a
  // time and the request that replaced a snapshot does not wait for the old batch.
  std::jthread warm_up_thread_;
};

}  // namespace smedash::metrics
