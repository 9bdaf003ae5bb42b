#include "metrics/position_aggregator.hpp"

#include <algorithm>
#include <functional>
#include <pqxx/pqxx>
#include <stdexcept>

#include "metrics/aggregates.hpp"
#include "metrics/customer_counter.hpp"
#include "metrics/sql.hpp"
#include "metrics/units.hpp"

namespace smedash::metrics {
namespace {

// agg_position's grain packed in one integer: position, unit, segment, grade (3 bits),
// restructured (1 bit), within CustomerFact's limits.
std::uint64_t PositionKey(std::uint64_t periode, std::uint64_t unit, std::uint64_t segment,
                          int kol_adk, bool restructured) {
  return periode << 27 | unit << 7 | segment << 4 | static_cast<std::uint64_t>(kol_adk) << 1 |
         (restructured ? 1u : 0u);
}

// Cents as numeric text ("-1234.05"); sums can exceed int64.
std::string CentsText(__int128 cents) {
  const bool negative = cents < 0;
  unsigned __int128 magnitude =
      negative ? -static_cast<unsigned __int128>(cents) : static_cast<unsigned __int128>(cents);
  std::string digits;
  do {
    digits += static_cast<char>('0' + static_cast<int>(magnitude % 10));
    magnitude /= 10;
  } while (magnitude != 0);
  while (digits.size() < 3) digits += '0';
  digits.insert(2, 1, '.');
  if (negative) digits += '-';
  return {digits.rbegin(), digits.rend()};
}

}  // namespace

PositionAggregator::PositionAggregator(SegmentCatalog segments) : segments_(std::move(segments)) {
  if (segments_.Segments().size() > CustomerFact::kMaxSegments) {
    throw std::length_error("too many segments for PositionAggregator");
  }
}

std::uint32_t PositionAggregator::PeriodeNumber(std::string_view periode) {
  if (!periodes_.empty() && last_periode_ == periode) return last_periode_number_;
  auto found = std::find(periodes_.begin(), periodes_.end(), periode);
  if (found == periodes_.end()) {
    if (periodes_.size() >= CustomerFact::kMaxPeriodes) {
      throw std::length_error("one load holds too many positions");
    }
    found = periodes_.insert(periodes_.end(), std::string(periode));
  }
  last_periode_ = periode;
  last_periode_number_ = static_cast<std::uint32_t>(found - periodes_.begin());
  return last_periode_number_;
}

std::uint32_t PositionAggregator::UnitNumber(std::string_view code) {
  if (!units_.empty() && last_unit_ == code) return last_unit_number_;
  auto [entry, inserted] =
      unit_numbers_.try_emplace(std::string(code), static_cast<std::uint32_t>(units_.size()));
  if (inserted) {
    if (units_.size() >= CustomerFact::kMaxUnits) {
      throw std::length_error("one load holds too many units");
    }
    units_.emplace_back();
    units_.back().code = code;
  }
  last_unit_ = code;
  last_unit_number_ = entry->second;
  return last_unit_number_;
}

// The unit's names at its latest position, the smallest (byte order) where rows of that
// position disagree: what units_latest_rows.sql picks from loan_data.
void PositionAggregator::NoteUnitNames(Unit& unit, std::uint32_t periode, const AggregateRow& row) {
  if (!unit.seen || periodes_[unit.periode] < row.periode) {
    unit.seen = true;
    unit.periode = periode;
    unit.kanca = row.kanca;
    unit.has_uker = row.uker != nullptr;
    unit.uker = row.uker ? *row.uker : std::string();
    return;
  }
  if (unit.periode != periode) return;
  if (row.kanca < unit.kanca) unit.kanca = row.kanca;
  if (row.uker && (!unit.has_uker || *row.uker < unit.uker)) {
    unit.has_uker = true;
    unit.uker = *row.uker;
  }
}

void PositionAggregator::Add(const AggregateRow& row) {
  const std::uint32_t periode = PeriodeNumber(row.periode);
  const std::uint32_t unit = UnitNumber(row.kode_uker);
  NoteUnitNames(units_[unit], periode, row);
  static const std::string kNoCode;
  const std::string& code = row.code ? *row.code : kNoCode;
  if (!has_last_code_ || code != last_code_) {
    std::uint8_t segment = segments_.SegmentOf(code);
    if (segment == SegmentCatalog::kUnknown) {
      segment = segments_.FallbackSegment();
      unknown_codes_.insert(code);
    }
    has_last_code_ = true;
    last_code_ = code;
    last_segment_ = segment;
  }
  Sum& sum = sums_[PositionKey(periode, unit, last_segment_, row.kol_adk, row.restructured)];
  sum.os_cents += row.os_cents;
  ++sum.accounts;
  if (row.os_cents > 0) {
    // Only the text and its hash now: whether two rows share a customer is settled by
    // sorting at the end, which is cheaper than a table lookup per row.
    if (cifs_.size() + row.cif_no.size() >= UINT32_MAX) {
      throw std::length_error("one load holds too many CIFNO bytes");
    }
    customers_.emplace_back(std::hash<std::string_view>{}(row.cif_no),
                            static_cast<std::uint32_t>(cifs_.size()), periode, unit, last_segment_);
    cifs_.append(row.cif_no);
    cifs_ += '\0';
  }
}

std::vector<std::string> PositionAggregator::UnknownCodes() const {
  std::vector<std::string> codes(unknown_codes_.begin(), unknown_codes_.end());
  std::sort(codes.begin(), codes.end());
  return codes;
}

// Each unit's place (kanca number, office or KCP), in the order of units_; `kanca_keys`
// gets the kanca keys by number. Read from unit_hierarchy after the units upsert: a unit's
// kanca is the one at its latest position, which may be newer than this load, unless a
// master entry says otherwise.
std::vector<UnitPlace> PositionAggregator::PlacesOfUnits(
    pqxx::transaction_base& tx, std::vector<std::string>& kanca_keys) const {
  std::vector<std::string> codes;
  for (const auto& unit : units_) codes.push_back(unit.code);
  const auto places = PlacesInHierarchy(tx, codes);
  std::vector<UnitPlace> result;
  for (const auto& unit : units_) {
    const HierarchyPlace& place = places.at(unit.code);
    auto known = std::find(kanca_keys.begin(), kanca_keys.end(), place.kanca_key);
    if (known == kanca_keys.end()) known = kanca_keys.insert(kanca_keys.end(), place.kanca_key);
    result.push_back(
        UnitPlace{static_cast<std::uint32_t>(known - kanca_keys.begin()), place.office});
  }
  return result;
}

void PositionAggregator::StorePositions(pqxx::transaction_base& tx) const {
  static const std::string kInsert = sql::Query("agg_position_insert_values.sql");
  std::vector<std::string> periodes, units, segments, grades, restructured, os, accounts;
  for (const auto& [key, sum] : sums_) {
    periodes.push_back(periodes_[key >> 27]);
    units.push_back(units_[(key >> 7) & (CustomerFact::kMaxUnits - 1)].code);
    segments.push_back(segments_.Segments()[(key >> 4) & 7]);
    grades.push_back(std::to_string((key >> 1) & 7));
    restructured.push_back((key & 1) != 0 ? "t" : "f");
    os.push_back(CentsText(sum.os_cents));
    accounts.push_back(std::to_string(sum.accounts));
  }
  tx.exec_params0(kInsert, sql::ArrayLiteral(periodes), sql::ArrayLiteral(units),
                  sql::ArrayLiteral(segments), sql::ArrayLiteral(grades),
                  sql::ArrayLiteral(restructured), sql::ArrayLiteral(os),
                  sql::ArrayLiteral(accounts));
}

void PositionAggregator::StoreCustomerCounts(pqxx::transaction_base& tx) {
  static const std::string kInsert = sql::Query("agg_nsb_insert_values.sql");
  std::vector<std::string> kanca_keys;
  const std::vector<UnitPlace> places = PlacesOfUnits(tx, kanca_keys);
  std::vector<std::uint8_t> group_masks;
  for (const auto& group : segments_.Groups()) group_masks.push_back(group.mask);
  std::vector<std::string> periodes, levels, keys, groups, customers;
  for (const auto& count : CountCustomers(customers_, cifs_, places, group_masks)) {
    periodes.push_back(periodes_[count.periode]);
    switch (count.level) {
      case CountLevel::kUnit:
        levels.emplace_back("unit");
        keys.push_back(units_[count.key].code);
        break;
      case CountLevel::kKanca:
        levels.emplace_back("kanca");
        keys.push_back(kanca_keys[count.key]);
        break;
      case CountLevel::kTotal:
        levels.emplace_back("total");
        keys.emplace_back();
        break;
      case CountLevel::kOffices:
        levels.emplace_back("offices");
        keys.emplace_back();
        break;
      case CountLevel::kKcps:
        levels.emplace_back("kcps");
        keys.emplace_back();
        break;
    }
    groups.push_back(segments_.Groups()[count.group].code);
    customers.push_back(std::to_string(count.customers));
  }
  tx.exec_params0(kInsert, sql::ArrayLiteral(periodes), sql::ArrayLiteral(levels),
                  sql::ArrayLiteral(keys), sql::ArrayLiteral(groups), sql::ArrayLiteral(customers));
}

void PositionAggregator::Store(pqxx::transaction_base& tx) {
  static const std::string kDeletePositions = sql::Query("agg_position_delete.sql");
  static const std::string kDeleteCustomers = sql::Query("agg_nsb_delete.sql");
  if (periodes_.empty()) return;
  std::vector<UnitAtPosition> latest;
  for (const auto& unit : units_) {
    latest.push_back(
        UnitAtPosition{.kode_uker = unit.code,
                       .uker = unit.has_uker ? std::optional<std::string>(unit.uker) : std::nullopt,
                       .kanca = unit.kanca,
                       .periode = periodes_[unit.periode]});
  }
  // Units first: NSB per kanca, office and KCP follows their place in the hierarchy.
  UpsertUnits(tx, latest);
  const std::string periode_array = sql::ArrayLiteral(periodes_);
  tx.exec_params0(kDeletePositions, periode_array);
  tx.exec_params0(kDeleteCustomers, periode_array);
  StorePositions(tx);
  StoreCustomerCounts(tx);
  RecountMovedUnits(tx, periodes_);
  BumpDataVersion(tx);
}

}  // namespace smedash::metrics
