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

const PositionFigures* FigureSnapshot::FiguresAt(core::Date position) const {
  const auto found = std::lower_bound(positions_.begin(), positions_.end(), position);
  if (found == positions_.end() || *found != position) return nullptr;
  Cached& cached = cached_[static_cast<std::size_t>(found - positions_.begin())];
  if (const auto* figures = cached.figures.load(std::memory_order_acquire)) return figures;
  // One reader loads; others asking for the same position wait for it, other positions
  // load in parallel. A failed load (StaleSnapshot) leaves the position to be tried again.
  std::lock_guard lock(cached.loading);
  if (const auto* figures = cached.figures.load(std::memory_order_relaxed)) return figures;
  cached.owned = std::make_unique<const PositionFigures>(ReadFigures(position));
  cached.figures.store(cached.owned.get(), std::memory_order_release);
  return cached.owned.get();
}

PositionFigures FigureSnapshot::ReadFigures(core::Date position) const {
  auto lease = pool_.Acquire();
  ReadTransaction tx(*lease);
  if (ReadDataVersion(tx) != version_) throw StaleSnapshot();
  PositionFigures figures = ReadPositionFigures(tx, layout_, keys_, position);
  tx.commit();
  return figures;
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
