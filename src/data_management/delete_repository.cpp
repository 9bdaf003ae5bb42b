#include "data_management/delete_repository.hpp"

#include <pqxx/pqxx>

#include "data_management/sql.hpp"
#include "ingest/load/load_lock.hpp"
#include "metrics/sql.hpp"

namespace smedash::data_management::delete_repository {
namespace {

// PostgreSQL's lock_not_available: lock_timeout ran out.
constexpr std::string_view kLockNotAvailable = "55P03";

// Rows of delete_positions_between.sql.
DeletedAmounts AmountsOf(const pqxx::result& result) {
  DeletedAmounts amounts;
  for (const auto& row : result) {
    amounts.positions.push_back(
        {row[0].as<std::string>(), row[1].as<std::int64_t>(), row[2].as<std::string>()});
    amounts.rows = row[3].as<std::int64_t>();
    amounts.os = row[4].as<std::string>();
  }
  return amounts;
}

std::optional<std::string> IsoOrNull(const std::optional<core::Date>& date) {
  if (!date) return std::nullopt;
  return date->ToIso();
}

}  // namespace

DeletedAmounts PositionsBetween(pqxx::transaction_base& tx, const std::optional<core::Date>& from,
                                const std::optional<core::Date>& to) {
  static const std::string kSql = sql::Query("delete_positions_between.sql");
  const auto first = IsoOrNull(from);
  const auto last = IsoOrNull(to);
  return AmountsOf(tx.exec_params(kSql, sql::OrNull(first), sql::OrNull(last)));
}

UploadPositions PositionsOfUpload(pqxx::transaction_base& tx, std::int64_t id) {
  static const std::string kSql = sql::Query("delete_upload_positions.sql");
  UploadPositions positions;
  for (const auto& row : tx.exec_params(kSql, id)) {
    auto date = row[0].as<std::string>();
    if (!row[1].as<bool>()) {
      positions.elsewhere.push_back(std::move(date));
      continue;
    }
    positions.held.positions.push_back(
        {std::move(date), row[2].as<std::int64_t>(), row[3].as<std::string>()});
    positions.held.rows = row[4].as<std::int64_t>();
    positions.held.os = row[5].as<std::string>();
  }
  return positions;
}

std::optional<UploadToDelete> FindUpload(pqxx::transaction_base& tx, std::int64_t id) {
  static const std::string kSql = sql::Query("delete_upload_find.sql");
  const auto result = tx.exec_params(kSql, id);
  if (result.empty()) return std::nullopt;
  const auto& row = result[0];
  UploadToDelete upload;
  upload.id = row[0].as<std::int64_t>();
  upload.file_name = row[1].as<std::string>();
  upload.status = row[2].as<std::string>();
  upload.uploaded_by = row[3].as<std::string>();
  upload.created_at = row[4].as<std::string>();
  upload.sha256 = row[5].as<std::string>();
  upload.stored_path = row[6].as<std::string>();
  upload.rows_accepted = row[7].as<std::int64_t>();
  return upload;
}

std::vector<LoadingUpload> LoadingUploads(pqxx::transaction_base& tx) {
  static const std::string kSql = sql::Query("delete_uploads_loading.sql");
  std::vector<LoadingUpload> uploads;
  for (const auto& row : tx.exec_params(kSql)) {
    uploads.push_back({row[0].as<std::int64_t>(), row[1].as<std::string>()});
  }
  return uploads;
}

std::int64_t DataVersion(pqxx::transaction_base& tx) {
  static const std::string kSql = sql::Query("delete_data_version.sql");
  return tx.exec_params1(kSql)[0].as<std::int64_t>();
}

bool LockLoanData(pqxx::transaction_base& tx, std::chrono::seconds wait) {
  static const std::string kWait = sql::Query("delete_lock_wait.sql");
  static const std::string kWaitEnd = sql::Query("delete_lock_wait_end.sql");
  tx.exec_params(kWait, std::to_string(wait.count()) + "s");
  try {
    ingest::LockLoanData(tx);
  } catch (const pqxx::sql_error& error) {
    if (error.sqlstate() != kLockNotAvailable) throw;
    return false;
  }
  tx.exec_params(kWaitEnd);
  return true;
}

void ClearPositions(pqxx::transaction_base& tx, const std::vector<std::string>& positions) {
  static const std::string kSql = sql::Query("delete_clear_positions.sql");
  tx.exec_params(kSql, metrics::sql::ArrayLiteral(positions));
}

void RemoveUpload(pqxx::transaction_base& tx, std::int64_t id) {
  static const std::string kSql = sql::Query("delete_upload_remove.sql");
  tx.exec_params0(kSql, id);
}

}  // namespace smedash::data_management::delete_repository
