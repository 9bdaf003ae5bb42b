//! The units table (domain.md section 3) kept from loaded rows: shared by the two ways
//! aggregates are maintained (RefreshAggregates from loan_data, PositionAggregator from a
//! load's rows). Internal to metrics.
#pragma once
#include <optional>
#include <pqxx/transaction_base>
#include <string>
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
// Returns the units that moved to another kanca.
std::vector<std::string> UpsertUnits(pqxx::transaction_base& tx,
                                     const std::vector<UnitAtPosition>& latest);

// After units moved to another kanca: recomputes agg_nsb at the positions, other than
// `done`, where any of `moved` has rows, since their kanca-level counts changed.
void RefreshMovedUnits(pqxx::transaction_base& tx, const std::vector<std::string>& moved,
                       const std::vector<std::string>& done);

}  // namespace smedash::metrics
