//! SQL for the units page and the unit_master table (data_management/sql/unit_master_*.sql);
//! no rules here.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <pqxx/transaction_base>
#include <set>
#include <string>
#include <vector>

#include "data_management/unit_master_csv.hpp"

namespace smedash::data_management {

struct MasterEntry {
  MasterValues values;
  std::string source;      // "import" or "edit"
  std::string updated_at;  // ISO-8601 UTC
  std::string updated_by;  // username; "" when unknown
};

// A unit as the units page lists it.
struct UnitRow {
  std::string kode_uker;
  std::string uker;       // effective name ("" when unknown)
  std::string kanca;      // effective kanca name
  std::string kanca_key;  // normalised, upper case
  std::optional<std::string> kode_kanca;
  bool is_office = false;
  std::optional<std::string> last_position;  // nothing: a master entry without data yet
  std::optional<std::string> rows_uker;      // what the rows say
  std::optional<std::string> rows_kanca;
  std::optional<MasterEntry> master;
};

namespace unit_master_repository {

std::vector<UnitRow> Units(pqxx::transaction_base& tx);
// The master entries of `codes`, locked for the rest of the transaction, by code.
std::map<std::string, MasterEntry> LockEntries(pqxx::transaction_base& tx,
                                               const std::vector<std::string>& codes);
void Upsert(pqxx::transaction_base& tx, const std::vector<MasterValues>& entries,
            const std::string& source, std::int64_t user_id);
void Delete(pqxx::transaction_base& tx, const std::string& code);
std::set<std::string> WithData(pqxx::transaction_base& tx, const std::vector<std::string>& codes);

}  // namespace unit_master_repository
}  // namespace smedash::data_management
