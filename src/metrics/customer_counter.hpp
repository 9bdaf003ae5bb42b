//! Exact distinct-customer counts (NSB, domain.md section 5) per position × level (unit,
//! kanca, total, all offices, all KCPs) × group, from one (position, customer, unit, segment) fact
//! per row kept in memory. Pure; used by PositionAggregator. Owned by metrics.
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace smedash::metrics {

// One row's customer: its CIFNO's hash and where the CIFNO is in the caller's buffer of
// CIFNOs (NUL-terminated), and the row's position, unit and segment numbers. Identity is the
// CIFNO itself: equal hashes are confirmed by comparing the text, so counts stay exact.
struct CustomerFact {
  static constexpr std::uint32_t kMaxPeriodes = 1u << 12;
  static constexpr std::uint32_t kMaxUnits = 1u << 16;
  static constexpr std::uint32_t kMaxSegments = 1u << 3;

  CustomerFact(std::uint64_t cif_hash, std::uint32_t cif_offset, std::uint32_t periode,
               std::uint32_t unit, std::uint32_t segment)
      : hash(cif_hash), cif(cif_offset), place(periode << 19 | unit << 3 | segment) {
    if (periode >= kMaxPeriodes || unit >= kMaxUnits || segment >= kMaxSegments) {
      throw std::length_error("one load holds too many positions or units");
    }
  }
  std::uint32_t Periode() const { return place >> 19; }
  std::uint32_t Unit() const { return (place >> 3) & (kMaxUnits - 1); }
  std::uint32_t Segment() const { return place & (kMaxSegments - 1); }

  std::uint64_t hash;
  std::uint32_t cif;
  std::uint32_t place;  // position, unit, segment: sorts by position first
};

// kOffices: every kanca's own office together; kKcps: every KCP together (agg_nsb levels
// 'offices' and 'kcps').
enum class CountLevel { kUnit, kKanca, kTotal, kOffices, kKcps };

struct CustomerCount {
  std::uint32_t periode;
  CountLevel level;
  std::uint32_t key;    // unit number, kanca number, or 0 for the other levels
  std::uint32_t group;  // index into the group masks
  std::uint64_t customers;
};

// Where a unit stands in the hierarchy (unit_hierarchy): its kanca's number and whether it
// is that kanca's own office (else a KCP).
struct UnitPlace {
  std::uint32_t kanca = 0;
  bool office = false;
};

// Counts, for every group mask (bit n = segment n), the distinct customers of each unit,
// each kanca, all offices, all KCPs and in total, per position; `units[unit]` places each
// unit number. Counts of zero are left out. `facts` is sorted in place; repeats are
// harmless. `cifs` holds the CIFNOs the facts point into.
std::vector<CustomerCount> CountCustomers(std::vector<CustomerFact>& facts, std::string_view cifs,
                                          const std::vector<UnitPlace>& units,
                                          const std::vector<std::uint8_t>& group_masks);

}  // namespace smedash::metrics
