//! The rules of a delete request that need no database: reading the selection (mode and
//! its dates or upload) from a query string or JSON body, the typed confirmation of
//! "everything", which stored files are the server's to remove, and the audit target.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "data_management/delete_types.hpp"
#include "data_management/reference_data.hpp"

namespace smedash::data_management {

// Exactly what an admin types to delete everything, in both languages.
inline constexpr std::string_view kConfirmAllText = "HAPUS SEMUA DATA";

// A request field by name: its text, nothing when absent or empty.
using FieldReader = std::function<std::optional<std::string>(std::string_view name)>;

// mode=position&position=yyyy-mm-dd, mode=range&from=…&to=…, mode=upload&upload=ID,
// mode=all. A missing or bad value is a 400 problem naming its field.
std::variant<DeleteSelection, ReferenceProblem> ParseDeleteSelection(const FieldReader& field);

// What a selection without data says (404 "nothing_to_delete"); the preview shows its
// message instead of a table.
ReferenceProblem NothingToDelete(const DeleteSelection& selection);

std::string_view ModeName(DeleteMode mode);

// True only for kConfirmAllText exactly: no other case, no surrounding spaces.
bool ConfirmsDeleteAll(std::string_view typed);

// The file a delete of this upload removes: `stored_path` under `data_dir` when it is a
// relative path without "..", as the upload API stores files; nothing for an absolute path
// (`smedash import` records where the admin's own file lies: never ours to remove).
std::optional<std::filesystem::path> OwnedStoredFile(const std::filesystem::path& data_dir,
                                                     const std::string& stored_path);

// The audit entry's target: "position:2025-10-09", "range:2025-10-01..2025-10-09",
// "upload:12", "all".
std::string AuditTarget(const DeleteSelection& selection);

// "09/10/2025" from "2025-10-09": dates in messages, the same in both languages.
std::string DisplayDate(std::string_view iso);

}  // namespace smedash::data_management
