//! Upkeep of the tables the dashboards read (agg_position, agg_nsb, units, data_version),
//! always in the caller's transaction, so readers see loan data and its figures change
//! together. Owned by metrics; loads use PositionAggregator, everything else (deleting
//! positions, segment map or unit edits) these.
#pragma once
#include <cstdint>
#include <pqxx/transaction_base>
#include <string>
#include <vector>

namespace smedash::metrics {

// Recomputes agg_position and agg_nsb for `periodes` ("yyyy-mm-dd") from loan_data (a
// position with no rows left simply loses its figures), first updating units from those
// rows (a unit whose latest rows are gone goes back to its latest remaining position, or
// leaves units when it has none); when that moves a unit to another kanca or changes which unit is
// a kanca's office, the NSB of every other position holding the units that moved is recomputed too.
// Then bumps data_version. Sets work_mem and jit for the rest of the transaction (see
// aggregate_settings.sql). The caller holds ingest's LockLoanData.
void RefreshAggregates(pqxx::transaction_base& tx, const std::vector<std::string>& periodes);

// Recomputes only agg_nsb for `periodes`, e.g. after units moved between kanca. Does not
// bump data_version.
void RefreshCustomerCounts(pqxx::transaction_base& tx, const std::vector<std::string>& periodes);

// After unit_master entries of `units` (KODE UKER) were added, changed or removed, in the
// same transaction: their kanca or office status may have moved, and with them other
// units' (a kanca's previous office becomes a KCP), so agg_nsb is recomputed at every
// position where any unit whose place moved has rows (agg_position does not depend on the
// hierarchy). Which units moved is found by comparing unit_hierarchy with the places
// agg_nsb was counted at, so `units` only names the edit. Waits for a running load (takes
// the loan data lock). Bumps data_version.
void RefreshAfterHierarchyChange(pqxx::transaction_base& tx, const std::vector<std::string>& units);

// After segment_map entries of `codes` were added, changed or removed, in the same
// transaction: recomputes agg_position and agg_nsb at every position with rows of those
// codes. Waits for a running load (takes the loan data lock). Bumps data_version.
void RefreshAfterSegmentMapChange(pqxx::transaction_base& tx,
                                  const std::vector<std::string>& codes);

// Marks the data as changed (new ETags) and returns the new version.
std::int64_t BumpDataVersion(pqxx::transaction_base& tx);

}  // namespace smedash::metrics
