//! Deleting loan data (/data/delete/): what an admin chose to delete, what that removes
//! (positions with their rows and OS), the upload an "upload" delete is about, and what a
//! delete did. JSON shapes live in delete_handlers.cpp.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"

namespace smedash::data_management {

enum class DeleteMode {
  kPosition,  // one position date
  kRange,     // every position from..to, both included
  kUpload,    // the rows one upload loaded that are still in loan_data, and the upload
  kAll,       // every position
};

struct DeleteSelection {
  DeleteMode mode = DeleteMode::kPosition;
  std::optional<core::Date> position;  // kPosition
  std::optional<core::Date> from, to;  // kRange, from <= to
  std::int64_t upload_id = 0;          // kUpload
};

// A position that goes, with what it holds: rows (accounts) and OS, an exact decimal
// string with 2 decimals ("17400000000.00").
struct PositionAmount {
  std::string position;  // "yyyy-mm-dd"
  std::int64_t rows = 0;
  std::string os;
};

// The positions that go (ascending) and their totals.
struct DeletedAmounts {
  std::vector<PositionAmount> positions;
  std::int64_t rows = 0;
  std::string os = "0.00";

  bool Empty() const { return positions.empty(); }
  std::vector<std::string> Dates() const {
    std::vector<std::string> dates;
    for (const auto& position : positions) dates.push_back(position.position);
    return dates;
  }
};

// The upload a kUpload delete removes.
struct UploadToDelete {
  std::int64_t id = 0;
  std::string file_name;
  std::string status;       // uploads.status; only "completed" uploads can be deleted
  std::string uploaded_by;  // username, "" for `smedash import`
  std::string created_at;   // ISO-8601 UTC
  std::string sha256;
  std::string stored_path;  // as recorded: relative to the data folder, or absolute (CLI)
  std::int64_t rows_accepted = 0;
  // Positions it loaded that no longer hold its rows (a later upload replaced them, or
  // they were deleted); nothing of them goes.
  std::vector<std::string> positions_elsewhere;
  // The server's own copy of the file, which the delete removes (after the commit); none
  // for `smedash import`, whose recorded file is the admin's own.
  std::optional<std::filesystem::path> owned_file;
  bool owned_file_exists = false;
};

// An upload being loaded right now: a delete waits for it (for a while).
struct LoadingUpload {
  std::int64_t id = 0;
  std::string file_name;
};

struct DeletePreview {
  DeleteSelection selection;
  DeletedAmounts amounts;
  std::optional<UploadToDelete> upload;
  std::vector<LoadingUpload> loading;
  std::int64_t data_version = 0;  // send it back with the delete: 409 if the data moved
  // A kUpload delete removes the upload even when none of its rows is left; the others
  // need at least one position.
  bool CanDelete() const { return upload.has_value() || !amounts.Empty(); }
};

struct DeleteRequest {
  DeleteSelection selection;
  std::string confirmation;                  // kAll: must be kConfirmAllText exactly
  std::optional<std::int64_t> data_version;  // the preview's; none skips the check
};

struct DeleteDone {
  DeleteSelection selection;
  DeletedAmounts amounts;
  std::optional<std::int64_t> upload_id;  // kUpload: the upload removed
  bool file_removed = false;
  std::int64_t data_version = 0;  // after the delete
};

}  // namespace smedash::data_management
