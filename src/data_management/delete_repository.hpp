//! SQL of deleting loan data (data_management/sql/delete_*.sql); no rules here.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <pqxx/transaction_base>
#include <string>
#include <vector>

#include "data_management/delete_types.hpp"

namespace smedash::data_management::delete_repository {

// The loaded positions in [from, to] (an open end when none) with their rows and OS.
DeletedAmounts PositionsBetween(pqxx::transaction_base& tx, const std::optional<core::Date>& from,
                                const std::optional<core::Date>& to);
// Upload `id`'s positions: those that still hold its rows, with their rows and OS, and
// those that do not any more.
struct UploadPositions {
  DeletedAmounts held;
  std::vector<std::string> elsewhere;
};
UploadPositions PositionsOfUpload(pqxx::transaction_base& tx, std::int64_t id);

// The upload without positions_elsewhere and owned_file; nothing when there is none.
std::optional<UploadToDelete> FindUpload(pqxx::transaction_base& tx, std::int64_t id);
std::vector<LoadingUpload> LoadingUploads(pqxx::transaction_base& tx);
std::int64_t DataVersion(pqxx::transaction_base& tx);

// Takes ingest's LockLoanData, waiting at most `wait`. False when the wait ran out: the
// transaction is then aborted and can only be dropped.
bool LockLoanData(pqxx::transaction_base& tx, std::chrono::seconds wait);
// Empties the positions' rows (their partitions stay).
void ClearPositions(pqxx::transaction_base& tx, const std::vector<std::string>& positions);
// Removes the upload's row, its upload_periodes and upload_issues.
void RemoveUpload(pqxx::transaction_base& tx, std::int64_t id);

}  // namespace smedash::data_management::delete_repository
