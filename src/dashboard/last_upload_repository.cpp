#include "dashboard/last_upload_repository.hpp"

#include <pqxx/pqxx>

#include "dashboard/sql.hpp"

namespace smedash::dashboard {

std::optional<LastUpload> FindLastUpload(db::Pool& pool) {
  static const std::string kSql = sql::Query("last_upload.sql");
  auto connection = pool.Acquire();
  pqxx::read_transaction tx(*connection);
  const auto result = tx.exec(kSql);
  if (result.empty()) return std::nullopt;
  const auto& row = result[0];
  LastUpload upload;
  upload.id = row[0].as<std::int64_t>();
  upload.file_name = row[1].as<std::string>();
  upload.status = row[2].as<std::string>();
  upload.created_at = row[3].as<std::string>();
  if (!row[4].is_null()) upload.completed_at = row[4].as<std::string>();
  upload.rows_accepted = row[5].as<std::int64_t>();
  upload.rows_rejected = row[6].as<std::int64_t>();
  return upload;
}

}  // namespace smedash::dashboard
