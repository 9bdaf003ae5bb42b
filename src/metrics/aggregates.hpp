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
// rows; when that moves a unit to another kanca, the NSB of every other position holding
// the unit is recomputed too. Then bumps data_version. Sets work_mem and jit for the rest
// of the transaction (see aggregate_settings.sql).
void RefreshAggregates(pqxx::transaction_base& tx, const std::vector<std::string>& periodes);

// Recomputes only agg_nsb for `periodes`, e.g. after units moved between kanca. Does not
// bump data_version.
void RefreshCustomerCounts(pqxx::transaction_base& tx, const std::vector<std::string>& periodes);

// Marks the data as changed (new ETags) and returns the new version.
std::int64_t BumpDataVersion(pqxx::transaction_base& tx);

}  // namespace smedash::metrics
