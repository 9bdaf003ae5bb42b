#include "metrics/units.hpp"

#include <algorithm>
#include <pqxx/pqxx>

#include "metrics/aggregates.hpp"
#include "metrics/sql.hpp"

namespace smedash::metrics {
namespace {

// Binds `units` as the four arrays units_upsert.sql and units_rewind.sql take.
void ExecWithUnits(pqxx::transaction_base& tx, const std::string& query,
                   const std::vector<UnitAtPosition>& units) {
  std::vector<std::string> codes, kancas, periodes;
  std::vector<std::optional<std::string>> ukers;
  for (const auto& unit : units) {
    codes.push_back(unit.kode_uker);
    ukers.push_back(unit.uker);
    kancas.push_back(unit.kanca);
    periodes.push_back(unit.periode);
  }
  tx.exec_params0(query, sql::ArrayLiteral(codes), sql::ArrayLiteral(ukers),
                  sql::ArrayLiteral(kancas), sql::ArrayLiteral(periodes));
}

}  // namespace

void UpsertUnits(pqxx::transaction_base& tx, const std::vector<UnitAtPosition>& latest) {
  static const std::string kSql = sql::Query("units_upsert.sql");
  ExecWithUnits(tx, kSql, latest);
}

void RewindUnits(pqxx::transaction_base& tx, const std::vector<UnitAtPosition>& earlier) {
  static const std::string kSql = sql::Query("units_rewind.sql");
  if (!earlier.empty()) ExecWithUnits(tx, kSql, earlier);
}

void RemoveUnits(pqxx::transaction_base& tx, const std::vector<std::string>& codes) {
  static const std::string kSql = sql::Query("units_remove.sql");
  if (!codes.empty()) tx.exec_params0(kSql, sql::ArrayLiteral(codes));
}

std::unordered_map<std::string, HierarchyPlace> PlacesInHierarchy(
    pqxx::transaction_base& tx, const std::vector<std::string>& codes) {
  static const std::string kSql = sql::Query("unit_hierarchy_places.sql");
  std::unordered_map<std::string, HierarchyPlace> places;
  for (const auto& row : tx.exec_params(kSql, sql::ArrayLiteral(codes))) {
    places.emplace(row[0].as<std::string>(),
                   HierarchyPlace{row[1].as<std::string>(), row[2].as<bool>()});
  }
  return places;
}

void RecountMovedUnits(pqxx::transaction_base& tx, const std::vector<std::string>& done) {
  static const std::string kMoved = sql::Query("unit_places_update.sql");
  static const std::string kPeriodes = sql::Query("periodes_of_units.sql");
  std::vector<std::string> moved;
  for (const auto& row : tx.exec_params(kMoved)) moved.push_back(row[0].as<std::string>());
  if (moved.empty()) return;
  std::vector<std::string> others;
  for (const auto& row : tx.exec_params(kPeriodes, sql::ArrayLiteral(moved))) {
    auto periode = row[0].as<std::string>();
    if (std::find(done.begin(), done.end(), periode) == done.end()) {
      others.push_back(std::move(periode));
    }
  }
  if (!others.empty()) RefreshCustomerCounts(tx, others);
}

}  // namespace smedash::metrics
