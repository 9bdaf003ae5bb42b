#include "data_management/segment_map_repository.hpp"

#include <pqxx/pqxx>

#include "data_management/sql.hpp"

namespace smedash::data_management::segment_map_repository {

std::vector<MappedCode> List(pqxx::transaction_base& tx) {
  static const std::string kSql = sql::Query("segment_map_list.sql");
  std::vector<MappedCode> codes;
  for (const auto& row : tx.exec_params(kSql)) {
    codes.push_back({row[0].as<std::string>(), row[1].as<std::string>()});
  }
  return codes;
}

std::optional<std::string> LatestPosition(pqxx::transaction_base& tx) {
  static const std::string kSql = sql::Query("segment_map_latest_position.sql");
  const auto field = tx.exec_params1(kSql)[0];
  if (field.is_null()) return std::nullopt;
  return field.as<std::string>();
}

std::vector<CodeUsage> UsageAt(pqxx::transaction_base& tx, const std::string& position) {
  static const std::string kSql = sql::Query("segment_map_code_usage.sql");
  std::vector<CodeUsage> usage;
  for (const auto& row : tx.exec_params(kSql, position)) {
    usage.push_back(
        {row[0].as<std::string>(), row[1].as<std::int64_t>(), row[2].as<std::string>()});
  }
  return usage;
}

std::vector<std::string> UnknownCodesOfUploads(pqxx::transaction_base& tx) {
  static const std::string kSql = sql::Query("segment_map_unknown_uploaded.sql");
  std::vector<std::string> codes;
  for (const auto& row : tx.exec_params(kSql)) codes.push_back(row[0].as<std::string>());
  return codes;
}

std::optional<std::string> LockCode(pqxx::transaction_base& tx, const std::string& code) {
  static const std::string kSql = sql::Query("segment_map_lock_code.sql");
  const auto rows = tx.exec_params(kSql, code);
  if (rows.empty()) return std::nullopt;
  return rows[0][0].as<std::string>();
}

bool Insert(pqxx::transaction_base& tx, const std::string& code, const std::string& segment) {
  static const std::string kSql = sql::Query("segment_map_insert.sql");
  return !tx.exec_params(kSql, code, segment).empty();
}

void Update(pqxx::transaction_base& tx, const std::string& code, const std::string& segment) {
  static const std::string kSql = sql::Query("segment_map_update.sql");
  tx.exec_params0(kSql, code, segment);
}

void Delete(pqxx::transaction_base& tx, const std::string& code) {
  static const std::string kSql = sql::Query("segment_map_delete.sql");
  tx.exec_params0(kSql, code);
}

}  // namespace smedash::data_management::segment_map_repository
