//! The units table (domain.md section 3) kept from loaded rows, and where each unit stands
//! in unit_hierarchy as agg_nsb counts it: shared by the two ways aggregates are maintained
//! (RefreshAggregates from loan_data, PositionAggregator from a load's rows) and by the
//! refresh after an admin's hierarchy edit. Internal to metrics.
#pragma once
#include <optional>
#include <pqxx/transaction_base>
#include <string>
#include <unordered_map>
#include <vector>

namespace smedash::metrics {

// A unit's names at its latest position among some rows (see units_latest_rows.sql).
struct UnitAtPosition {
  std::string kode_uker;
  std::optional<std::string> uker;
  std::string kanca;
  std::string periode;  // "yyyy-mm-dd"
};

// Updates units from `latest`, never with an older position than a unit already has.
void UpsertUnits(pqxx::transaction_base& tx, const std::vector<UnitAtPosition>& latest);

// Sets units from `earlier`, each an older position than the unit has: its rows there were
// deleted, and what the rows say now is what its latest remaining position says.
void RewindUnits(pqxx::transaction_base& tx, const std::vector<UnitAtPosition>& earlier);

// Removes `codes` (units with no rows left) from units and agg_unit_place.
void RemoveUnits(pqxx::transaction_base& tx, const std::vector<std::string>& codes);

// A unit's effective kanca (normalised key) and whether it is that kanca's own office.
struct HierarchyPlace {
  std::string kanca_key;
  bool office = false;
};

// The places of `codes` in unit_hierarchy now; units without data are absent.
std::unordered_map<std::string, HierarchyPlace> PlacesInHierarchy(
    pqxx::transaction_base& tx, const std::vector<std::string>& codes);

// agg_nsb counts each unit where unit_hierarchy puts it, and agg_unit_place remembers those
// places. After units or unit_master changed (a unit moved kanca, a new office took over,
// an admin's edit), this recounts agg_nsb at every position, other than `done`, where a
// unit whose place moved has rows, then records the new places. `done`: positions just
// counted with the new places.
void RecountMovedUnits(pqxx::transaction_base& tx, const std::vector<std::string>& done);

}  // namespace smedash::metrics
