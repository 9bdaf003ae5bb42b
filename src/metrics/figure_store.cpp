#include "metrics/figure_store.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <pqxx/pqxx>

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
