#include "metrics/figure_snapshot.hpp"

#include <algorithm>
#include <pqxx/pqxx>
#include <stdexcept>

namespace smedash::metrics {
namespace {

// Read-only and repeatable read: every query of the transaction sees the same data, so
// the data_version it reads is the version of the figures it reads.
using ReadTransaction = pqxx::transaction<pqxx::repeatable_read, pqxx::read_only>;

__int128 Sum(std::initializer_list<__int128> values) {
  __int128 sum = 0;
  for (const __int128 value : values) {
    if (__builtin_add_overflow(sum, value, &sum)) throw std::overflow_error("figure out of range");
  }
  return sum;
}

// The amount behind `metric` (domain.md section 5): its own for amounts, the share's
// numerator for percentages.
__int128 AmountFrom(const OsSums& sums, Metric metric) {
  const auto& grade = sums.by_grade;
  const __int128 dpk = grade[1];
  const __int128 npl = Sum({grade[2], grade[3], grade[4]});
  const __int128 lr = sums.restructured_current;
  switch (AmountOf(metric)) {
    case Metric::kOs:
      return Sum({grade[0], grade[1], grade[2], grade[3], grade[4]});
    case Metric::kDpk:
      return dpk;
    case Metric::kNpl:
      return npl;
    case Metric::kLr:
      return lr;
    case Metric::kLar:
      return Sum({dpk, npl, lr});
    default:
      throw std::logic_error("not an amount metric");
  }
}

}  // namespace

std::shared_ptr<const FigureSnapshot> FigureSnapshot::Build(db::Pool& pool) {
  auto lease = pool.Acquire();
  ReadTransaction tx(*lease);
  const std::int64_t version = ReadDataVersion(tx);
  std::vector<core::Date> positions = ReadLoadedPositions(tx);
  std::vector<SegmentGroupInfo> groups = ReadSegmentGroups(tx);
  Hierarchy units = Hierarchy::Load(tx);
  tx.commit();
  return std::make_shared<const FigureSnapshot>(pool, version, std::move(positions),
                                                std::move(groups), std::move(units));
}

FigureSnapshot::FigureSnapshot(db::Pool& pool, std::int64_t version,
                               std::vector<core::Date> positions,
                               std::vector<SegmentGroupInfo> groups, Hierarchy units)
    : pool_(pool),
      version_(version),
      positions_(std::move(positions)),
      groups_(std::move(groups)),
      units_(std::move(units)),
      keys_(units_, groups_),
      layout_(units_, keys_.Segments().size(), groups_.size()),
      cached_(std::make_unique<Cached[]>(positions_.size())) {}

std::optional<Decimal> FigureSnapshot::Value(Metric metric, std::size_t group, const Scope& scope,
                                             core::Date position) const {
  if (group >= groups_.size()) throw std::out_of_range("group index out of range");
  const PositionFigures* figures = FiguresAt(position);
  if (figures == nullptr) return std::nullopt;
  if (metric == Metric::kNsb) {
    const auto slot = SlotOf(scope);
    return Decimal::Count(slot ? figures->Customers(*slot, group) : 0);
  }
  const OsSums sums = SumsOf(*figures, group, scope);
  const Decimal amount = Decimal::Cents(AmountFrom(sums, metric));
  if (KindOf(metric) == MetricKind::kAmount) return amount;
  return Decimal::Percent(amount, Decimal::Cents(AmountFrom(sums, Metric::kOs)));
}

std::optional<std::array<Decimal, 5>> FigureSnapshot::OsByGrade(std::size_t group,
                                                                const Scope& scope,
                                                                core::Date position) const {
  if (group >= groups_.size()) throw std::out_of_range("group index out of range");
  const PositionFigures* figures = FiguresAt(position);
  if (figures == nullptr) return std::nullopt;
  const OsSums sums = SumsOf(*figures, group, scope);
  std::array<Decimal, 5> by_grade;
  for (std::size_t grade_idx = 0; grade_idx < by_grade.size(); ++grade_idx) {
    by_grade[grade_idx] = Decimal::Cents(sums.by_grade[grade_idx]);
  }
  return by_grade;
}

void FigureSnapshot::Prefetch(std::span<const core::Date> positions) const {
  std::vector<std::size_t> missing;
  for (const core::Date position : positions) {
    const auto index = IndexOf(position);
    if (index && cached_[*index].Get() == nullptr) missing.push_back(*index);
  }
  std::sort(missing.begin(), missing.end());
  missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
  for (std::size_t first = 0; first < missing.size(); first += kPrefetchBatch) {
    const std::size_t count = std::min(kPrefetchBatch, missing.size() - first);
    Load(std::span(missing).subspan(first, count));
  }
}

const MonthTargets& FigureSnapshot::TargetsOf(core::Date position) const {
  const core::Date month = position.FirstDayOfMonth();
  std::lock_guard lock(targets_mutex_);
  if (const auto found = targets_.find(month); found != targets_.end()) return *found->second;
  auto lease = pool_.Acquire();
  ReadTransaction tx(*lease);
  if (ReadDataVersion(tx) != version_) throw StaleSnapshot();
  auto targets = std::make_unique<const MonthTargets>(ReadMonthTargets(tx, units_, month));
  tx.commit();
  return *targets_.emplace(month, std::move(targets)).first->second;
}

void FigureSnapshot::WarmUp(std::stop_token stop) const {
  if (!positions_.empty() && !stop.stop_requested()) TargetsOf(positions_.back());
  std::size_t next = positions_.size();  // counts down: the newest positions first
  while (!stop.stop_requested()) {
    std::vector<std::size_t> batch;
    while (next > 0 && batch.size() < kWarmUpBatch) {
      --next;
      if (cached_[next].Get() == nullptr) batch.push_back(next);  // else a request read it
    }
    if (batch.empty()) return;
    std::reverse(batch.begin(), batch.end());
    Load(batch);
  }
}

std::size_t FigureSnapshot::ReadCount() const {
  std::size_t count = 0;
  for (std::size_t index = 0; index < positions_.size(); ++index) {
    if (cached_[index].Get() != nullptr) ++count;
  }
  return count;
}

void FigureSnapshot::Cached::Keep(std::unique_ptr<const PositionFigures> loaded) {
  const PositionFigures* expected = nullptr;
  if (figures_.compare_exchange_strong(expected, loaded.get(), std::memory_order_acq_rel)) {
    loaded.release();  // owned by figures_ now
  }
}

std::optional<std::size_t> FigureSnapshot::IndexOf(core::Date position) const {
  const auto found = std::lower_bound(positions_.begin(), positions_.end(), position);
  if (found == positions_.end() || *found != position) return std::nullopt;
  return static_cast<std::size_t>(found - positions_.begin());
}

const PositionFigures* FigureSnapshot::FiguresAt(core::Date position) const {
  const auto index = IndexOf(position);
  if (!index) return nullptr;
  if (const auto* figures = cached_[*index].Get()) return figures;
  const std::size_t indexes[] = {*index};
  Load(indexes);
  return cached_[*index].Get();
}

void FigureSnapshot::Load(std::span<const std::size_t> indexes) const {
  std::vector<core::Date> dates;
  dates.reserve(indexes.size());
  for (const std::size_t index : indexes) dates.push_back(positions_.at(index));
  std::vector<PositionFigures> figures;
  {
    // Held for the queries only: the pool is shared with the request threads.
    auto lease = pool_.Acquire();
    ReadTransaction tx(*lease);
    if (ReadDataVersion(tx) != version_) throw StaleSnapshot();
    figures = ReadPositionsFigures(tx, layout_, keys_, dates);
    tx.commit();
  }
  for (std::size_t batch_idx = 0; batch_idx < indexes.size(); ++batch_idx) {
    cached_[indexes[batch_idx]].Keep(
        std::make_unique<const PositionFigures>(std::move(figures[batch_idx])));
  }
}

std::optional<std::size_t> FigureSnapshot::SlotOf(const Scope& scope) const {
  const auto& kancas = units_.Kancas();
  switch (scope.kind) {
    case Scope::Kind::kTotal:
      return layout_.TotalSlot();
    case Scope::Kind::kKonsol:
      if (scope.index >= kancas.size()) throw std::out_of_range("kanca index out of range");
      return layout_.KancaSlot(scope.index);
    case Scope::Kind::kOffice: {
      if (scope.index >= kancas.size()) throw std::out_of_range("kanca index out of range");
      const auto office = kancas[scope.index].office;
      return office ? std::optional(layout_.UnitSlot(*office)) : std::nullopt;
    }
    case Scope::Kind::kUnit:
      if (scope.index >= units_.Units().size()) throw std::out_of_range("unit index out of range");
      return layout_.UnitSlot(scope.index);
    case Scope::Kind::kOffices:
      return layout_.OfficesSlot();
    case Scope::Kind::kKcps:
      return layout_.KcpsSlot();
  }
  throw std::logic_error("unknown scope kind");
}

OsSums FigureSnapshot::SumsOf(const PositionFigures& figures, std::size_t group,
                              const Scope& scope) const {
  OsSums sums;
  const auto slot = SlotOf(scope);
  if (!slot) return sums;
  for (const std::size_t segment : keys_.SegmentsOf(group)) sums.Add(figures.Sums(*slot, segment));
  return sums;
}

}  // namespace smedash::metrics
