//! SQL for the komitmen tables (migrations/0008_komitmen.sql, komitmen/sql/*.sql); no rules
//! here. Every function works in the caller's transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <pqxx/transaction_base>
#include <set>
#include <string>
#include <vector>

#include "komitmen/komitmen_types.hpp"

namespace smedash::komitmen::repository {

// An upload with the issues stored with it (a JSON array, as written by InsertUpload).
struct StoredUpload {
  UploadRecord record;
  std::string issues_json;
};

// Holds the month's lock until the transaction ends.
void LockMonth(pqxx::transaction_base& tx, core::Date month);
std::vector<StoredUpload> Uploads(pqxx::transaction_base& tx);
std::optional<StoredUpload> CurrentUpload(pqxx::transaction_base& tx, core::Date month);
std::vector<MonthUnit> MonthUnits(pqxx::transaction_base& tx, core::Date month);
std::set<std::string> KnownUnits(pqxx::transaction_base& tx, const std::vector<std::string>& codes);

struct HierarchyUnit {
  std::string kode_kanca, kode_uker, kanca, uker;
};
std::vector<HierarchyUnit> HierarchyUnits(pqxx::transaction_base& tx);

// Replaces the month's units and targets by `units`.
void ReplaceMonth(pqxx::transaction_base& tx, core::Date month,
                  const std::vector<MonthUnit>& units);
void ClearMonth(pqxx::transaction_base& tx, core::Date month);
void EndUpload(pqxx::transaction_base& tx, std::int64_t id, const std::string& status);

struct NewUpload {
  core::Date month;
  std::string file_name;
  int units = 0;
  int rejected = 0;
  std::string issues_json;
  std::int64_t user_id = 0;
  std::string username;
};
std::int64_t InsertUpload(pqxx::transaction_base& tx, const NewUpload& upload);

// Sets (or with nothing, removes) one target of a unit of the month.
void SetTarget(pqxx::transaction_base& tx, core::Date month, const std::string& kode_uker,
               TargetGroup group, Measure measure, const std::optional<core::Money>& value);
// Counts one more edit of the upload and returns the count.
int CountEdit(pqxx::transaction_base& tx, std::int64_t upload_id);

}  // namespace smedash::komitmen::repository
