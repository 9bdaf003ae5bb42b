#include "metrics/customer_counter.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <utility>

namespace smedash::metrics {
namespace {

constexpr std::array kLevels = {CountLevel::kUnit, CountLevel::kKanca, CountLevel::kTotal,
                                CountLevel::kOffices, CountLevel::kKcps};

// The customers of one position per segment mask, for every unit, kanca, the total, all
// offices and all KCPs: a customer costs one increment per level, and masks become
// per-group counts only at Flush, where a mask adds its count to every group it meets. A
// load adds a few counts per customer, so anything more per count would dominate.
class PositionCounts {
 public:
  PositionCounts(std::size_t units, std::size_t kancas, const std::vector<std::uint8_t>& groups)
      : groups_(groups), per_group_(groups.size()) {
    for (auto group : groups) relevant_ |= group;
    masks_ = std::size_t{1} << std::bit_width(relevant_);
    for (auto level : kLevels) {
      const std::size_t keys = level == CountLevel::kUnit    ? units
                               : level == CountLevel::kKanca ? kancas
                                                             : 1;
      counts_[Index(level)].resize(keys * masks_);
    }
  }

  void Add(CountLevel level, std::uint32_t key, std::uint8_t mask) {
    mask &= relevant_;  // segments in no group count nowhere
    if (mask != 0) ++counts_[Index(level)][std::size_t{key} * masks_ + mask];
  }

  // Appends the non-zero counts of `periode` to `out` and starts over.
  void Flush(std::uint32_t periode, std::vector<CustomerCount>& out) {
    for (auto level : kLevels) {
      std::vector<std::uint32_t>& counts = counts_[Index(level)];
      for (std::size_t key = 0; key * masks_ < counts.size(); ++key) {
        std::fill(per_group_.begin(), per_group_.end(), 0);
        for (std::size_t mask = 1; mask < masks_; ++mask) {
          std::uint32_t& customers = counts[key * masks_ + mask];
          if (customers == 0) continue;
          for (std::size_t group = 0; group < groups_.size(); ++group) {
            if ((mask & groups_[group]) != 0) per_group_[group] += customers;
          }
          customers = 0;
        }
        for (std::size_t group = 0; group < groups_.size(); ++group) {
          if (per_group_[group] == 0) continue;
          out.push_back(CustomerCount{periode, level, static_cast<std::uint32_t>(key),
                                      static_cast<std::uint32_t>(group), per_group_[group]});
        }
      }
    }
  }

 private:
  static std::size_t Index(CountLevel level) { return static_cast<std::size_t>(level); }

  const std::vector<std::uint8_t>& groups_;
  std::uint8_t relevant_ = 0;  // segments of any group
  std::size_t masks_ = 1;      // masks of relevant segments: 1 << highest segment + 1
  // [level][key * masks_ + mask]; a position's customers per unit fit 32 bits (CIFNO
  // offsets do)
  std::array<std::vector<std::uint32_t>, kLevels.size()> counts_;
  std::vector<std::uint64_t> per_group_;
};

// One customer's segment masks at one position, gathered unit by unit, then counted once
// at each level.
class CustomerMasks {
 public:
  explicit CustomerMasks(const std::vector<UnitPlace>& units) : units_(units) {}

  void AddUnit(std::uint32_t unit, std::uint8_t mask, PositionCounts& counts) {
    counts.Add(CountLevel::kUnit, unit, mask);
    total_ |= mask;
    const UnitPlace& place = units_.at(unit);
    (place.office ? offices_ : kcps_) |= mask;
    auto known = std::find_if(kancas_.begin(), kancas_.end(),
                              [&](const auto& entry) { return entry.first == place.kanca; });
    if (known == kancas_.end()) {
      kancas_.emplace_back(place.kanca, mask);
    } else {
      known->second |= mask;
    }
  }

  // Counts the customer at the kanca, total, offices and KCPs levels and starts over.
  void Finish(PositionCounts& counts) {
    for (const auto& [kanca, mask] : kancas_) counts.Add(CountLevel::kKanca, kanca, mask);
    counts.Add(CountLevel::kTotal, 0, total_);
    counts.Add(CountLevel::kOffices, 0, offices_);
    counts.Add(CountLevel::kKcps, 0, kcps_);
    kancas_.clear();
    total_ = offices_ = kcps_ = 0;
  }

 private:
  const std::vector<UnitPlace>& units_;
  std::vector<std::pair<std::uint32_t, std::uint8_t>> kancas_;  // usually one entry
  std::uint8_t total_ = 0, offices_ = 0, kcps_ = 0;
};

}  // namespace

std::vector<CustomerCount> CountCustomers(std::vector<CustomerFact>& facts, std::string_view cifs,
                                          const std::vector<UnitPlace>& units,
                                          const std::vector<std::uint8_t>& group_masks) {
  auto cif = [cifs](const CustomerFact& fact) {
    return std::string_view(cifs.data() + fact.cif);  // NUL-terminated
  };
  auto same_customer = [&](const CustomerFact& a, const CustomerFact& b) {
    return a.Periode() == b.Periode() && a.hash == b.hash && (a.cif == b.cif || cif(a) == cif(b));
  };
  // Sorted, a customer's facts at one position are adjacent and ordered by unit: each
  // customer is then counted once per level from one short run, and no set of customers
  // is ever built. The text is compared only when hashes are equal.
  std::sort(facts.begin(), facts.end(), [&](const CustomerFact& a, const CustomerFact& b) {
    if (a.Periode() != b.Periode()) return a.Periode() < b.Periode();
    if (a.hash != b.hash) return a.hash < b.hash;
    if (a.cif != b.cif) {
      const int order = cif(a).compare(cif(b));
      if (order != 0) return order < 0;
    }
    return a.place < b.place;
  });
  std::uint32_t kancas = 0;
  for (const auto& place : units) kancas = std::max(kancas, place.kanca + 1);
  PositionCounts counts(units.size(), kancas, group_masks);
  CustomerMasks customer(units);
  std::vector<CustomerCount> result;
  for (std::size_t run_start = 0; run_start < facts.size();) {
    const CustomerFact& first = facts[run_start];
    const std::uint32_t periode = first.Periode();
    std::size_t fact_idx = run_start;
    while (fact_idx < facts.size() && same_customer(facts[fact_idx], first)) {
      const std::uint32_t unit = facts[fact_idx].Unit();
      std::uint8_t unit_mask = 0;
      for (; fact_idx < facts.size() && same_customer(facts[fact_idx], first) &&
             facts[fact_idx].Unit() == unit;
           ++fact_idx) {
        unit_mask |= static_cast<std::uint8_t>(1u << facts[fact_idx].Segment());
      }
      customer.AddUnit(unit, unit_mask, counts);
    }
    customer.Finish(counts);
    run_start = fact_idx;
    if (run_start == facts.size() || facts[run_start].Periode() != periode) {
      counts.Flush(periode, result);
    }
  }
  return result;
}

}  // namespace smedash::metrics
