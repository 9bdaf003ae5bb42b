//! Builds the aggregates of the positions a load replaces from the load's own rows, as they
//! stream past, and stores them at the end of the load's transaction. A load holds every
//! row of each position it loads, so this equals recomputing from loan_data
//! (RefreshAggregates, the reference the tests compare with) without reading the rows
//! back: the SQL recomputation costs more than the whole COPY. Owned by metrics.
#pragma once
#include <cstdint>
#include <pqxx/transaction_base>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "metrics/customer_counter.hpp"
#include "metrics/segment_map.hpp"

namespace smedash::metrics {

// What the aggregates need of one stored loan_data row.
struct AggregateRow {
  std::string_view periode;  // "yyyy-mm-dd"
  std::string_view kode_uker;
  const std::string* uker = nullptr;  // none when the file has no UKER column
  std::string_view kanca;
  const std::string* code = nullptr;
  int kol_adk = 1;
  bool restructured = false;
  std::int64_t os_cents = 0;  // effective outstanding
  std::string_view cif_no;
};

class PositionAggregator {
 public:
  explicit PositionAggregator(SegmentCatalog segments);

  void Add(const AggregateRow& row);

  // CODEs of added rows that segment_map does not list (sorted): they count as SMALL NCC.
  std::vector<std::string> UnknownCodes() const;

  // In `tx`, after the rows are in loan_data: upserts units, replaces agg_position and
  // agg_nsb of every position added, recounts the NSB of other positions of units whose
  // kanca or office status the load changed (RecountMovedUnits), and bumps data_version.
  // Sorts the collected customers: call once, at the end.
  void Store(pqxx::transaction_base& tx);

 private:
  struct Sum {
    __int128 os_cents = 0;  // numeric(20,2) holds more than int64 cents
    std::uint64_t accounts = 0;
  };
  struct Unit {
    std::string code;
    bool seen = false;
    std::uint32_t periode = 0;  // latest position with rows of the unit
    bool has_uker = false;
    std::string uker;   // smallest UKER (byte order) at that position
    std::string kanca;  // smallest KANCA at that position
  };

  std::uint32_t PeriodeNumber(std::string_view periode);
  std::uint32_t UnitNumber(std::string_view code);
  void NoteUnitNames(Unit& unit, std::uint32_t periode, const AggregateRow& row);

  std::vector<UnitPlace> PlacesOfUnits(pqxx::transaction_base& tx,
                                       std::vector<std::string>& kanca_keys) const;
  void StorePositions(pqxx::transaction_base& tx) const;
  void StoreCustomerCounts(pqxx::transaction_base& tx);

  SegmentCatalog segments_;
  std::vector<std::string> periodes_;
  std::vector<Unit> units_;
  std::unordered_map<std::string, std::uint32_t> unit_numbers_;
  std::unordered_map<std::uint64_t, Sum> sums_;  // key: see PositionKey in the .cpp
  std::vector<CustomerFact> customers_;          // one per row with os > 0
  std::string cifs_;                             // their CIFNOs, each NUL-terminated
  std::unordered_set<std::string> unknown_codes_;
  // The last row's lookups, reused while they repeat (files come sorted by unit often).
  bool has_last_code_ = false;
  std::string last_code_;
  std::uint8_t last_segment_ = 0;
  std::uint32_t last_periode_number_ = 0;
  std::string last_periode_;
  std::uint32_t last_unit_number_ = 0;
  std::string last_unit_;
};

}  // namespace smedash::metrics
