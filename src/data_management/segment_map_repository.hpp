//! SQL for the segment map page (data_management/sql/segment_map_*.sql); no rules here.
#pragma once
#include <cstdint>
#include <optional>
#include <pqxx/transaction_base>
#include <string>
#include <vector>

namespace smedash::data_management::segment_map_repository {

struct MappedCode {
  std::string code;
  std::string segment;
};

struct CodeUsage {
  std::string code;
  std::int64_t rows = 0;
  std::string os;  // exact decimal
};

std::vector<MappedCode> List(pqxx::transaction_base& tx);
std::optional<std::string> LatestPosition(pqxx::transaction_base& tx);  // "yyyy-mm-dd"
std::vector<CodeUsage> UsageAt(pqxx::transaction_base& tx, const std::string& position);
std::vector<std::string> UnknownCodesOfUploads(pqxx::transaction_base& tx);

// The code's segment, locked for the rest of the transaction; nothing when unmapped.
std::optional<std::string> LockCode(pqxx::transaction_base& tx, const std::string& code);
bool Insert(pqxx::transaction_base& tx, const std::string& code, const std::string& segment);
void Update(pqxx::transaction_base& tx, const std::string& code, const std::string& segment);
void Delete(pqxx::transaction_base& tx, const std::string& code);

}  // namespace smedash::data_management::segment_map_repository
