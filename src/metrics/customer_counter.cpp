#include "metrics/customer_counter.hpp"

#include <algorithm>
#include <utility>

namespace smedash::metrics {
namespace {

// Per-group counters of one position for every unit, kanca and the total, in flat arrays:
// a load adds a few counts per customer, so a map lookup per count would dominate.
class PositionCounts {
 public:
  PositionCounts(std::size_t units, std::size_t kancas, const std::vector<std::uint8_t>& groups)
      : groups_(groups),
        unit_(units * groups.size()),
        kanca_(kancas * groups.size()),
        total_(groups.size()) {}

  void Add(CountLevel level, std::uint32_t key, std::uint8_t mask) {
    std::vector<std::uint64_t>& counts = level == CountLevel::kUnit    ? unit_
                                         : level == CountLevel::kKanca ? kanca_
                                                                       : total_;
    const std::size_t base = static_cast<std::size_t>(key) * groups_.size();
    for (std::size_t group = 0; group < groups_.size(); ++group) {
      if ((mask & groups_[group]) != 0) ++counts[base + group];
    }
  }

  // Appends the non-zero counts of `periode` to `out` and starts over.
  void Flush(std::uint32_t periode, std::vector<CustomerCount>& out) {
    for (auto level : {CountLevel::kUnit, CountLevel::kKanca, CountLevel::kTotal}) {
      std::vector<std::uint64_t>& counts = level == CountLevel::kUnit    ? unit_
                                           : level == CountLevel::kKanca ? kanca_
                                                                         : total_;
      for (std::size_t idx = 0; idx < counts.size(); ++idx) {
        if (counts[idx] == 0) continue;
        out.push_back(CustomerCount{periode, level,
                                    static_cast<std::uint32_t>(idx / groups_.size()),
                                    static_cast<std::uint32_t>(idx % groups_.size()), counts[idx]});
        counts[idx] = 0;
      }
    }
  }

 private:
  const std::vector<std::uint8_t>& groups_;
  std::vector<std::uint64_t> unit_, kanca_, total_;
};

}  // namespace

std::vector<CustomerCount> CountCustomers(std::vector<CustomerFact>& facts, std::string_view cifs,
                                          const std::vector<std::uint32_t>& unit_kanca,
                                          const std::vector<std::uint8_t>& group_masks) {
  auto cif = [cifs](const CustomerFact& fact) {
    return std::string_view(cifs.data() + fact.cif);  // NUL-terminated
  };
  auto same_customer = [&](const CustomerFact& a, const CustomerFact& b) {
    return a.Periode() == b.Periode() && a.hash == b.hash && (a.cif == b.cif || cif(a) == cif(b));
  };
  // Sorted, a customer's facts at one position are adjacent and ordered by unit: each
  // customer is then counted once per unit, kanca and total from one short run, and no
  // set of customers is ever built. The text is compared only when hashes are equal.
  std::sort(facts.begin(), facts.end(), [&](const CustomerFact& a, const CustomerFact& b) {
    if (a.Periode() != b.Periode()) return a.Periode() < b.Periode();
    if (a.hash != b.hash) return a.hash < b.hash;
    if (a.cif != b.cif) {
      const int order = cif(a).compare(cif(b));
      if (order != 0) return order < 0;
    }
    return a.place < b.place;
  });
  const std::size_t kancas =
      unit_kanca.empty() ? 0 : *std::max_element(unit_kanca.begin(), unit_kanca.end()) + 1;
  PositionCounts counts(unit_kanca.size(), kancas, group_masks);
  std::vector<CustomerCount> result;
  std::vector<std::pair<std::uint32_t, std::uint8_t>> kanca_masks;  // of the current customer
  for (std::size_t run_start = 0; run_start < facts.size();) {
    const CustomerFact& first = facts[run_start];
    const std::uint32_t periode = first.Periode();
    std::uint8_t total_mask = 0;
    kanca_masks.clear();
    std::size_t fact_idx = run_start;
    while (fact_idx < facts.size() && same_customer(facts[fact_idx], first)) {
      const std::uint32_t unit = facts[fact_idx].Unit();
      std::uint8_t unit_mask = 0;
      for (; fact_idx < facts.size() && same_customer(facts[fact_idx], first) &&
             facts[fact_idx].Unit() == unit;
           ++fact_idx) {
        unit_mask |= static_cast<std::uint8_t>(1u << facts[fact_idx].Segment());
      }
      counts.Add(CountLevel::kUnit, unit, unit_mask);
      total_mask |= unit_mask;
      const std::uint32_t kanca = unit_kanca.at(unit);
      auto known = std::find_if(kanca_masks.begin(), kanca_masks.end(),
                                [&](const auto& entry) { return entry.first == kanca; });
      if (known == kanca_masks.end()) {
        kanca_masks.emplace_back(kanca, unit_mask);
      } else {
        known->second |= unit_mask;
      }
    }
    for (const auto& [kanca, mask] : kanca_masks) counts.Add(CountLevel::kKanca, kanca, mask);
    counts.Add(CountLevel::kTotal, 0, total_mask);
    run_start = fact_idx;
    if (run_start == facts.size() || facts[run_start].Periode() != periode) {
      counts.Flush(periode, result);
    }
  }
  return result;
}

}  // namespace smedash::metrics
