#include "metrics/hierarchy.hpp"

#include <algorithm>
#include <numeric>
#include <pqxx/pqxx>
#include <stdexcept>
#include <unordered_map>

#include "metrics/sql.hpp"

namespace smedash::metrics {
namespace {

bool AllDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view WithoutLeadingZeros(std::string_view digits) {
  const auto first = digits.find_first_not_of('0');
  return first == std::string_view::npos ? std::string_view() : digits.substr(first);
}

// Kanca display order (domain.md section 3): by code, those without one last by name;
// the key settles ties so the order never depends on the input's.
bool KancaLess(const HierarchyKanca& left, const HierarchyKanca& right) {
  if (left.code.has_value() != right.code.has_value()) return left.code.has_value();
  if (left.code && *left.code != *right.code) return CodeLess(*left.code, *right.code);
  if (left.name != right.name) return left.name < right.name;
  return left.key < right.key;
}

// Indexes 0..size-1 sorted by `less` on the items.
template <typename Item, typename Less>
std::vector<std::size_t> SortedOrder(const std::vector<Item>& items, Less less) {
  std::vector<std::size_t> order(items.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t left, std::size_t right) {
    return less(items[left], items[right]);
  });
  return order;
}

// new_index[old] for a permutation given as order[new] = old.
std::vector<std::size_t> Inverse(const std::vector<std::size_t>& order) {
  std::vector<std::size_t> new_index(order.size());
  for (std::size_t position = 0; position < order.size(); ++position)
    new_index[order[position]] = position;
  return new_index;
}

// At most one office per kanca, the lowest code, so KANCA ONLY + Σ KCP ONLY = KONSOL
// (the unit_hierarchy view guarantees the same; this keeps Build honest for any input).
void KeepOneOfficePerKanca(std::vector<HierarchyUnit>& units, std::size_t kanca_count) {
  std::vector<std::optional<std::size_t>> office(kanca_count);
  for (std::size_t unit_idx = 0; unit_idx < units.size(); ++unit_idx) {
    auto& current = office[units[unit_idx].kanca];
    if (!units[unit_idx].is_office) continue;
    if (current && CodeLess(units[*current].code, units[unit_idx].code)) {
      units[unit_idx].is_office = false;
    } else {
      if (current) units[*current].is_office = false;
      current = unit_idx;
    }
  }
}

}  // namespace

bool CodeLess(std::string_view left, std::string_view right) {
  const bool left_digits = AllDigits(left);
  const bool right_digits = AllDigits(right);
  if (left_digits != right_digits) return left_digits;
  if (left_digits) {
    const auto left_number = WithoutLeadingZeros(left);
    const auto right_number = WithoutLeadingZeros(right);
    if (left_number.size() != right_number.size()) return left_number.size() < right_number.size();
    if (left_number != right_number) return left_number < right_number;
  }
  return left < right;  // same number ("05", "5") or both not numbers: by text
}

Hierarchy Hierarchy::Load(pqxx::transaction_base& tx) {
  static const std::string kSql = sql::Query("hierarchy_units.sql");
  std::vector<HierarchyUnit> units;
  std::vector<HierarchyKanca> kancas;
  std::unordered_map<std::string, std::size_t> kanca_by_key;
  for (const auto& row : tx.exec_params(kSql)) {
    const std::string key = row[2].as<std::string>();
    auto [found, inserted] = kanca_by_key.try_emplace(key, kancas.size());
    if (inserted) {
      HierarchyKanca kanca;
      kanca.key = key;
      if (!row[4].is_null()) kanca.code = row[4].as<std::string>();
      kanca.name = row[5].as<std::string>();
      kancas.push_back(std::move(kanca));
    }
    units.push_back(HierarchyUnit{.code = row[0].as<std::string>(),
                                  .name = row[1].as<std::string>(),
                                  .kanca = found->second,
                                  .is_office = row[3].as<bool>()});
  }
  return Build(std::move(units), std::move(kancas));
}

Hierarchy Hierarchy::Build(std::vector<HierarchyUnit> units, std::vector<HierarchyKanca> kancas) {
  for (const auto& unit : units) {
    if (unit.kanca >= kancas.size())
      throw std::invalid_argument("unit " + unit.code + " has no kanca");
  }
  const std::vector<std::size_t> kanca_order = SortedOrder(kancas, KancaLess);
  const std::vector<std::size_t> new_kanca = Inverse(kanca_order);
  for (auto& unit : units) unit.kanca = new_kanca[unit.kanca];
  KeepOneOfficePerKanca(units, kancas.size());
  // Units in display order: kanca by kanca, the office first, then the KCPs by code.
  const std::vector<std::size_t> unit_order =
      SortedOrder(units, [](const HierarchyUnit& left, const HierarchyUnit& right) {
        if (left.kanca != right.kanca) return left.kanca < right.kanca;
        if (left.is_office != right.is_office) return left.is_office;
        return CodeLess(left.code, right.code);
      });

  Hierarchy hierarchy;
  for (const std::size_t old_idx : kanca_order) {
    HierarchyKanca kanca = std::move(kancas[old_idx]);
    kanca.id.clear();
    kanca.office.reset();
    kanca.kcps.clear();
    hierarchy.kancas_.push_back(std::move(kanca));
  }
  for (const std::size_t old_idx : unit_order) {
    const std::size_t unit_idx = hierarchy.units_.size();
    HierarchyUnit& unit = hierarchy.units_.emplace_back(std::move(units[old_idx]));
    if (!hierarchy.unit_by_code_.try_emplace(unit.code, unit_idx).second) {
      throw std::invalid_argument("unit " + unit.code + " listed twice");
    }
    HierarchyKanca& kanca = hierarchy.kancas_[unit.kanca];
    if (unit.is_office) {
      kanca.office = unit_idx;
    } else {
      kanca.kcps.push_back(unit_idx);
      hierarchy.kcps_in_order_.push_back(unit_idx);
    }
  }
  hierarchy.AssignKancaIds();
  return hierarchy;
}

// A kanca's id is its code, unless another kanca already shows that code (a master entry
// naming a code another kanca's office has): then the one whose office has the code keeps
// it and the other is named by key, so every id finds exactly one kanca.
void Hierarchy::AssignKancaIds() {
  auto claim = [this](std::size_t kanca_idx, const std::string& id) {
    if (!kanca_by_id_.try_emplace(id, kanca_idx).second) return false;
    kancas_[kanca_idx].id = id;
    return true;
  };
  for (std::size_t kanca_idx = 0; kanca_idx < kancas_.size(); ++kanca_idx) {
    const auto& kanca = kancas_[kanca_idx];
    if (kanca.code && kanca.office && units_[*kanca.office].code == *kanca.code)
      claim(kanca_idx, *kanca.code);
  }
  for (std::size_t kanca_idx = 0; kanca_idx < kancas_.size(); ++kanca_idx) {
    const auto& kanca = kancas_[kanca_idx];
    if (!kanca.id.empty()) continue;
    if (kanca.code && claim(kanca_idx, *kanca.code)) continue;
    if (!claim(kanca_idx, "k:" + kanca.key)) {
      throw std::invalid_argument("kanca key " + kanca.key + " listed twice");
    }
  }
}

std::optional<std::size_t> Hierarchy::FindKanca(std::string_view id) const {
  const auto found = kanca_by_id_.find(id);
  if (found == kanca_by_id_.end()) return std::nullopt;
  return found->second;
}

std::optional<std::size_t> Hierarchy::FindUnit(std::string_view code) const {
  const auto found = unit_by_code_.find(code);
  if (found == unit_by_code_.end()) return std::nullopt;
  return found->second;
}

}  // namespace smedash::metrics
