//! Kanca and units as the dashboards show them (domain.md section 3), read from the
//! unit_hierarchy view (rows' names corrected by admins' master entries). Immutable once
//! built; ordered for display.
#pragma once
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <pqxx/transaction_base>
#include <string>
#include <string_view>
#include <vector>

namespace smedash::metrics {

struct HierarchyUnit {
  std::string code;        // KODE UKER
  std::string name;        // UKER ("" when unknown)
  std::size_t kanca = 0;   // index into Hierarchy::Kancas()
  bool is_office = false;  // the kanca's own office (KANCA ONLY); else a KCP
};

struct HierarchyKanca {
  // Identifies the kanca in URLs and the API: its code, or "k:" + key when it has none.
  std::string id;
  std::optional<std::string> code;    // the office's KODE UKER
  std::string name;                   // as written (the office's KANCA when there is one)
  std::string key;                    // normalised: trimmed, spaces collapsed, upper case
  std::optional<std::size_t> office;  // index into Units()
  std::vector<std::size_t> kcps;      // indexes into Units(), by code (numerically)
};

class Hierarchy {
 public:
  static Hierarchy Load(pqxx::transaction_base& tx);
  // For tests and callers that already have the rows (kancas get sorted here). Each unit's
  // `kanca` indexes `kancas`; the kancas' id, office and kcps are derived from the units
  // (input values are ignored), and a kanca keeps at most one office (the lowest code).
  static Hierarchy Build(std::vector<HierarchyUnit> units, std::vector<HierarchyKanca> kancas);

  // Kanca by code ascending (numerically), those without a code last by name.
  const std::vector<HierarchyKanca>& Kancas() const { return kancas_; }
  // Kanca by kanca in that order, each kanca's office first, then its KCPs by code.
  const std::vector<HierarchyUnit>& Units() const { return units_; }
  // Every KCP of every kanca, in the kanca order, then by code.
  const std::vector<std::size_t>& KcpsInOrder() const { return kcps_in_order_; }

  // By HierarchyKanca::id; nullopt when unknown.
  std::optional<std::size_t> FindKanca(std::string_view id) const;
  std::optional<std::size_t> FindUnit(std::string_view code) const;

 private:
  std::vector<HierarchyUnit> units_;
  std::vector<HierarchyKanca> kancas_;
  std::vector<std::size_t> kcps_in_order_;
  std::map<std::string, std::size_t, std::less<>> kanca_by_id_;
  std::map<std::string, std::size_t, std::less<>> unit_by_code_;

  void AssignKancaIds();
};

// "5" < "25" < "100": all-digit codes by number, others after them by text.
bool CodeLess(std::string_view left, std::string_view right);

}  // namespace smedash::metrics
