#include "metrics/figure_store.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <pqxx/pqxx>

#include "metrics/achievement.hpp"
#include "metrics/figure_reads.hpp"
#include "metrics/figure_snapshot.hpp"

namespace smedash::metrics {

std::optional<std::size_t> Snapshot::FindGroup(std::string_view code) const {
  const auto& groups = Groups();
  for (std::size_t group_idx = 0; group_idx < groups.size(); ++group_idx) {
    if (groups[group_idx].code == code) return group_idx;
  }
  return std::nullopt;
}

namespace {

// The units whose rows `scope` covers, as indexes into units.Units().
std::vector<std::size_t> UnitsIn(const Hierarchy& units, const Scope& scope) {
  const auto& kancas = units.Kancas();
  std::vector<std::size_t> covered;
  auto add_kanca = [&](std::size_t kanca_idx, bool with_kcps) {
    const auto& kanca = kancas.at(kanca_idx);
    if (kanca.office) covered.push_back(*kanca.office);
    if (with_kcps) covered.insert(covered.end(), kanca.kcps.begin(), kanca.kcps.end());
  };
  switch (scope.kind) {
    case Scope::Kind::kTotal:
      for (std::size_t unit_idx = 0; unit_idx < units.Units().size(); ++unit_idx) {
        covered.push_back(unit_idx);
      }
      break;
    case Scope::Kind::kKonsol:
      add_kanca(scope.index, true);
      break;
    case Scope::Kind::kOffice:
      add_kanca(scope.index, false);
      break;
    case Scope::Kind::kUnit:
      if (scope.index >= units.Units().size()) throw std::out_of_range("unit index out of range");
      covered.push_back(scope.index);
      break;
    case Scope::Kind::kOffices:
      for (std::size_t kanca_idx = 0; kanca_idx < kancas.size(); ++kanca_idx) {
        add_kanca(kanca_idx, false);
      }
      break;
    case Scope::Kind::kKcps:
      covered = units.KcpsInOrder();
      break;
  }
  return covered;
}

}  // namespace

std::optional<Decimal> Snapshot::Target(Metric metric, std::size_t group, const Scope& scope,
                                        core::Date position) const {
  // Most groups and metrics have no target: no units listed, no month read for them.
  if (TargetGroupsOf(Groups().at(group).code).empty() || !TargetMeasureOf(metric)) {
    return std::nullopt;
  }
  return Target(metric, group, UnitsIn(Units(), scope), position);
}

std::optional<Decimal> Snapshot::Target(Metric metric, std::size_t group,
                                        std::span<const std::size_t> units,
                                        core::Date position) const {
  return TargetsOf(position).Target(metric, Groups().at(group).code, units);
}

FigureStore::FigureStore(db::Pool& pool, const db::ChangeFeed* changes)
    : pool_(pool), changes_(changes) {}

FigureStore::~FigureStore() {
  std::jthread last;
  {
    std::lock_guard lock(mutex_);
    warm_up_ = false;  // a warm-up still building the first snapshot starts no other
    last = std::move(warm_up_thread_);
  }
  // `last` is stopped and joined here, outside the lock its thread may still need; it
  // joins the warm-ups before it first.
}

std::shared_ptr<const Snapshot> FigureStore::Current() {
  const std::int64_t version = CurrentVersion();
  // Built under the lock: threads that find the version moved wait for one new snapshot
  // instead of each reading the same positions, groups and units.
  std::lock_guard lock(mutex_);
  if (!current_ || current_->Version() < version) Replace(FigureSnapshot::Build(pool_));
  return current_;
}

std::int64_t FigureStore::CurrentVersion() {
  // Taken before the read: a change during the read moves the stamp, so the version read
  // is kept under a stamp that is already old and is asked again next time.
  const std::uint64_t stamp = changes_ ? changes_->Stamp(db::ChangeTopic::kData) : 0;
  if (stamp != 0) {
    std::lock_guard lock(version_mutex_);
    if (known_stamp_ == stamp) return known_version_;
  }
  std::int64_t version = 0;
  {
    auto lease = pool_.Acquire();
    pqxx::nontransaction tx(*lease);
    version = ReadDataVersion(tx);
  }
  if (stamp != 0) {
    std::lock_guard lock(version_mutex_);
    if (stamp >= known_stamp_) {
      known_stamp_ = stamp;
      known_version_ = version;
    }
  }
  return version;
}

void FigureStore::WarmUp() {
  std::lock_guard lock(mutex_);
  warm_up_ = true;
  StartWarmUp(current_);
}

void FigureStore::Replace(std::shared_ptr<const FigureSnapshot> snapshot) {
  current_ = std::move(snapshot);
  if (warm_up_) StartWarmUp(current_);
}

void FigureStore::StartWarmUp(std::shared_ptr<const FigureSnapshot> snapshot) {
  std::jthread previous = std::move(warm_up_thread_);
  previous.request_stop();  // its snapshot is replaced: it ends after its current batch
  warm_up_thread_ = std::jthread([this, previous = std::move(previous),
                                  snapshot = std::move(snapshot)](std::stop_token stop) mutable {
    if (previous.joinable()) previous.join();
    RunWarmUp(stop, std::move(snapshot));
  });
}

void FigureStore::RunWarmUp(std::stop_token stop,
                            std::shared_ptr<const FigureSnapshot> snapshot) noexcept {
  try {
    if (!snapshot) {
      // At start-up the first snapshot is built here, so the server neither waits for
      // the database nor fails when it is not up yet. Current() hands the new snapshot's
      // warm-up to a thread of its own.
      if (!stop.stop_requested()) Current();
      return;
    }
    const auto started = std::chrono::steady_clock::now();
    snapshot->WarmUp(stop);
    if (stop.stop_requested() || snapshot->Positions().empty()) return;
    const auto elapsed = std::chrono::steady_clock::now() - started;
    spdlog::info("dashboard figures of {} positions (data version {}) read in {} ms",
                 snapshot->ReadCount(), snapshot->Version(),
                 std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count());
  } catch (const StaleSnapshot&) {
    // The data moved on: the next request builds a new snapshot, and its warm-up starts.
  } catch (const std::exception& error) {
    spdlog::warn("dashboard warm-up stopped: {}", error.what());
  }
}

}  // namespace smedash::metrics
