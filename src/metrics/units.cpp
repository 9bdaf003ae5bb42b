#include "metrics/units.hpp"

#include <algorithm>
#include <pqxx/pqxx>

#include "metrics/aggregates.hpp"
#include "metrics/sql.hpp"

namespace smedash::metrics {

std::vector<std::string> UpsertUnits(pqxx::transaction_base& tx,
                                     const std::vector<UnitAtPosition>& latest) {
  static const std::string kSql = sql::Query("units_upsert.sql");
  std::vector<std::string> codes, kancas, periodes;
  std::vector<std::optional<std::string>> ukers;
  for (const auto& unit : latest) {
    codes.push_back(unit.kode_uker);
    ukers.push_back(unit.uker);
    kancas.push_back(unit.kanca);
    periodes.push_back(unit.periode);
  }
  std::vector<std::string> moved;
  for (const auto& row : tx.exec_params(kSql, sql::ArrayLiteral(codes), sql::ArrayLiteral(ukers),
                                        sql::ArrayLiteral(kancas), sql::ArrayLiteral(periodes))) {
    moved.push_back(row[0].as<std::string>());
  }
  return moved;
}

void RefreshMovedUnits(pqxx::transaction_base& tx, const std::vector<std::string>& moved,
                       const std::vector<std::string>& done) {
  static const std::string kSql = sql::Query("periodes_of_units.sql");
  if (moved.empty()) return;
  std::vector<std::string> others;
  for (const auto& row : tx.exec_params(kSql, sql::ArrayLiteral(moved))) {
    auto periode = row[0].as<std::string>();
    if (std::find(done.begin(), done.end(), periode) == done.end()) {
      others.push_back(std::move(periode));
    }
  }
  if (!others.empty()) RefreshCustomerCounts(tx, others);
}

}  // namespace smedash::metrics
