#include "data_management/unit_master_repository.hpp"

#include <pqxx/pqxx>

#include "data_management/sql.hpp"
#include "metrics/sql.hpp"

namespace smedash::data_management::unit_master_repository {
namespace {

std::optional<std::string> Optional(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return field.as<std::string>();
}

UnitRow ReadUnit(const pqxx::row& row) {
  UnitRow unit;
  unit.kode_uker = row[0].as<std::string>();
  unit.uker = row[1].as<std::string>();
  unit.kanca = row[2].as<std::string>();
  unit.kanca_key = row[3].as<std::string>();
  unit.kode_kanca = Optional(row[4]);
  unit.is_office = row[5].as<bool>();
  unit.last_position = Optional(row[6]);
  unit.rows_uker = Optional(row[7]);
  unit.rows_kanca = Optional(row[8]);
  if (!row[9].is_null()) {
    unit.master = MasterEntry{
        {unit.kode_uker, row[9].as<std::string>(), row[10].as<std::string>(),
         row[11].as<std::string>()},
        row[12].as<std::string>(),
        row[13].as<std::string>(),
        row[14].as<std::string>(),
    };
  }
  return unit;
}

}  // namespace

std::vector<UnitRow> Units(pqxx::transaction_base& tx) {
  static const std::string kSql = sql::Query("unit_master_units.sql");
  std::vector<UnitRow> units;
  for (const auto& row : tx.exec_params(kSql)) units.push_back(ReadUnit(row));
  return units;
}

std::map<std::string, MasterEntry> LockEntries(pqxx::transaction_base& tx,
                                               const std::vector<std::string>& codes) {
  static const std::string kSql = sql::Query("unit_master_entries.sql");
  std::map<std::string, MasterEntry> entries;
  for (const auto& row : tx.exec_params(kSql, metrics::sql::ArrayLiteral(codes))) {
    MasterEntry entry{{row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
                       row[3].as<std::string>()},
                      row[4].as<std::string>(),
                      "",
                      ""};
    entries.emplace(entry.values.kode_uker, std::move(entry));
  }
  return entries;
}

void Upsert(pqxx::transaction_base& tx, const std::vector<MasterValues>& entries,
            const std::string& source, std::int64_t user_id) {
  static const std::string kSql = sql::Query("unit_master_upsert.sql");
  std::vector<std::string> codes, names, kanca_codes, kancas;
  for (const auto& entry : entries) {
    codes.push_back(entry.kode_uker);
    names.push_back(entry.uker);
    kanca_codes.push_back(entry.kode_kanca);
    kancas.push_back(entry.kanca);
  }
  tx.exec_params0(kSql, metrics::sql::ArrayLiteral(codes), metrics::sql::ArrayLiteral(names),
                  metrics::sql::ArrayLiteral(kanca_codes), metrics::sql::ArrayLiteral(kancas),
                  source, user_id);
}

void Delete(pqxx::transaction_base& tx, const std::string& code) {
  static const std::string kSql = sql::Query("unit_master_delete.sql");
  tx.exec_params0(kSql, code);
}

std::set<std::string> WithData(pqxx::transaction_base& tx, const std::vector<std::string>& codes) {
  static const std::string kSql = sql::Query("unit_master_with_data.sql");
  std::set<std::string> found;
  for (const auto& row : tx.exec_params(kSql, metrics::sql::ArrayLiteral(codes))) {
    found.insert(row[0].as<std::string>());
  }
  return found;
}

}  // namespace smedash::data_management::unit_master_repository
