#include "metrics/figure_store.hpp"

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

FigureStore::FigureStore(db::Pool& pool) : pool_(pool) {}

FigureStore::~FigureStore() = default;

std::shared_ptr<const Snapshot> FigureStore::Current() {
  const std::int64_t version = CurrentVersion();
  // Built under the lock: threads that find the version moved wait for one new snapshot
  // instead of each reading the same positions, groups and units.
  std::lock_guard lock(mutex_);
  if (!current_ || current_->Version() < version) current_ = FigureSnapshot::Build(pool_);
  return current_;
}

std::int64_t FigureStore::CurrentVersion() {
  auto lease = pool_.Acquire();
  pqxx::nontransaction tx(*lease);
  return ReadDataVersion(tx);
}

}  // namespace smedash::metrics
