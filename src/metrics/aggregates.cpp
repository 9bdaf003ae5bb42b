#include "metrics/aggregates.hpp"

#include <pqxx/pqxx>
#include <set>

#include "metrics/sql.hpp"
#include "metrics/units.hpp"

namespace smedash::metrics {
namespace {

// The key of ingest's LockLoanData (ingest/load/load_lock.cpp; metrics cannot include
// ingest): aggregates recomputed after an admin's edit must not interleave with a load,
// which reads the segment map and hierarchy as they were when it started or stored.
// tests/integration/metrics/aggregates/loan_data_lock_test.cpp checks they are one lock.
constexpr std::int64_t kLoanDataLockKey = 0x6c6f616e64617461;

void LockLoanData(pqxx::transaction_base& tx) {
  static const std::string kSql = sql::Query("loan_data_lock.sql");
  tx.exec_params(kSql, kLoanDataLockKey);
}

void UseAggregateSettings(pqxx::transaction_base& tx) {
  static const std::string kSql = sql::Query("aggregate_settings.sql");
  tx.exec_params(kSql);
}

std::vector<UnitAtPosition> LatestUnits(pqxx::transaction_base& tx, const std::string& periodes) {
  static const std::string kSql = sql::Query("units_latest_rows.sql");
  std::vector<UnitAtPosition> units;
  for (const auto& row : tx.exec_params(kSql, periodes)) {
    UnitAtPosition unit;
    unit.kode_uker = row[0].as<std::string>();
    if (!row[1].is_null()) unit.uker = row[1].as<std::string>();
    unit.kanca = row[2].as<std::string>();
    unit.periode = row[3].as<std::string>();
    units.push_back(std::move(unit));
  }
  return units;
}

// After positions were deleted (their agg_position already recomputed): a unit whose
// latest rows were there takes its names and kanca from its latest remaining position, as
// if those positions had never been loaded, and a unit with no rows left leaves the
// hierarchy. Without this, a unit kept the kanca of deleted rows, and a unit with no data
// stayed listed in every table. RecountMovedUnits then recounts what that moved.
void RewindUnitsWithoutRows(pqxx::transaction_base& tx, const std::string& periodes) {
  static const std::string kStale = sql::Query("units_without_latest_rows.sql");
  std::vector<std::string> gone;
  std::set<std::string> stale;
  std::set<std::string> earlier;
  for (const auto& row : tx.exec_params(kStale, periodes)) {
    auto code = row[0].as<std::string>();
    if (row[1].is_null()) {
      gone.push_back(std::move(code));
    } else {
      earlier.insert(row[1].as<std::string>());
      stale.insert(std::move(code));
    }
  }
  RemoveUnits(tx, gone);
  if (stale.empty()) return;
  std::vector<UnitAtPosition> rewound;
  // Each stale unit's latest row among these positions is at its latest remaining one.
  const std::vector<std::string> positions(earlier.begin(), earlier.end());
  for (auto& unit : LatestUnits(tx, sql::ArrayLiteral(positions))) {
    if (stale.contains(unit.kode_uker)) rewound.push_back(std::move(unit));
  }
  RewindUnits(tx, rewound);
}

}  // namespace

void RefreshAggregates(pqxx::transaction_base& tx, const std::vector<std::string>& periodes) {
  static const std::string kDeletePositions = sql::Query("agg_position_delete.sql");
  static const std::string kInsertPositions = sql::Query("agg_position_insert.sql");
  UseAggregateSettings(tx);
  const std::string periode_array = sql::ArrayLiteral(periodes);
  // Units first: NSB per kanca, office and KCP follows their place in the hierarchy.
  UpsertUnits(tx, LatestUnits(tx, periode_array));
  tx.exec_params0(kDeletePositions, periode_array);
  tx.exec_params0(kInsertPositions, periode_array);
  RewindUnitsWithoutRows(tx, periode_array);
  RefreshCustomerCounts(tx, periodes);
  RecountMovedUnits(tx, periodes);
  BumpDataVersion(tx);
}

void RefreshCustomerCounts(pqxx::transaction_base& tx, const std::vector<std::string>& periodes) {
  static const std::string kDelete = sql::Query("agg_nsb_delete.sql");
  static const std::string kInsert = sql::Query("agg_nsb_insert.sql");
  UseAggregateSettings(tx);
  const std::string periode_array = sql::ArrayLiteral(periodes);
  tx.exec_params0(kDelete, periode_array);
  tx.exec_params0(kInsert, periode_array);
}

void RefreshAfterHierarchyChange(pqxx::transaction_base& tx,
                                 const std::vector<std::string>& /*units*/) {
  LockLoanData(tx);
  RecountMovedUnits(tx, {});
  BumpDataVersion(tx);
}

void RefreshAfterSegmentMapChange(pqxx::transaction_base& tx,
                                  const std::vector<std::string>& codes) {
  static const std::string kPositions = sql::Query("positions_with_codes.sql");
  LockLoanData(tx);
  std::vector<std::string> periodes;
  for (const auto& row : tx.exec_params(kPositions, sql::ArrayLiteral(codes))) {
    periodes.push_back(row[0].as<std::string>());
  }
  if (periodes.empty()) {
    BumpDataVersion(tx);
  } else {
    RefreshAggregates(tx, periodes);  // bumps data_version
  }
}

std::int64_t BumpDataVersion(pqxx::transaction_base& tx) {
  static const std::string kSql = sql::Query("data_version_bump.sql");
  return tx.exec_params1(kSql)[0].as<std::int64_t>();
}

}  // namespace smedash::metrics
