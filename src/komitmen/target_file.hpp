//! Reading the bank's komitmen (monthly target) file (issue 6; layout in target_layout.hpp):
//! each unit row checked the way loan rows are — a bad row is left out with its line, column,
//! value and reason — and regional total rows used only to check the units' sum.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/sheet.hpp"
#include "komitmen/target_layout.hpp"

namespace smedash::komitmen {

struct TargetRow {
  std::uint64_t line = 0;             // the row number the admin sees
  std::string kode_kanca, kode_uker;  // normalised like data_management::NormalizeCodeText
  std::string kanca, uker;            // normalised like NormalizeNameText
  TargetValues values;
};

struct TargetIssue {
  std::uint64_t line = 0;
  std::string column;  // "E" (ColumnLetter), "" for the whole row
  std::string value;   // the cell as found (for the admin), may be ""
  std::string key;     // translation key, "komitmen.file.*"
  std::map<std::string, std::string> args;
};

struct TargetFile {
  std::vector<TargetRow> rows;        // valid unit rows, file order
  std::vector<TargetIssue> rejected;  // rows left out (one issue per row: its first fault)
  std::vector<TargetIssue> warnings;  // regional total vs sum beyond 1 %
  std::size_t region_rows = 0;        // rows recognised as regional totals
  std::string describe;               // RowReader::Describe()
};

// Rows 1-2 are headers (skipped, not matched); data from row 3. A row whose column D has
// the word "Region" or "RO" (any case) is a regional total: each of its targets is compared
// with the sum of the valid unit rows, and a difference above 1 % of its value is a
// warning. Throws ingest::FileError (with a komitmen.file.* key) when the file holds no
// data row, or the reader's own FileError when the file cannot be read.
TargetFile ReadTargetFile(ingest::RowReader& reader);
// The same for a file on disk; its format from its content and `original_name`'s
// extension (.xlsx, .xls, .csv), as loan files are opened.
TargetFile ReadTargetFile(const std::filesystem::path& path, const std::string& original_name);

// Translation keys of the reader's messages (web/i18n/{id,en}/komitmen_file.json). Every
// row issue has the arg {target} ("KUR RITEL OS") when it is about a target cell.
namespace file_key {
inline constexpr std::string_view kNoRows = "komitmen.file.no_rows";
inline constexpr std::string_view kKodeKancaMissing = "komitmen.file.kode_kanca_missing";
inline constexpr std::string_view kKodeKancaInvalid = "komitmen.file.kode_kanca_invalid";
inline constexpr std::string_view kKodeUkerMissing = "komitmen.file.kode_uker_missing";
inline constexpr std::string_view kKodeUkerInvalid = "komitmen.file.kode_uker_invalid";
inline constexpr std::string_view kNamaKancaInvalid = "komitmen.file.nama_kanca_invalid";
inline constexpr std::string_view kNamaUkerMissing = "komitmen.file.nama_uker_missing";
inline constexpr std::string_view kNamaUkerInvalid = "komitmen.file.nama_uker_invalid";
inline constexpr std::string_view kNumber = "komitmen.file.number";
inline constexpr std::string_view kNumberAmbiguous = "komitmen.file.number_ambiguous";
inline constexpr std::string_view kNumberNotIndonesian = "komitmen.file.number_not_id";
inline constexpr std::string_view kNumberNotInternational = "komitmen.file.number_not_en";
inline constexpr std::string_view kNegative = "komitmen.file.negative";
inline constexpr std::string_view kTooLarge = "komitmen.file.too_large";
inline constexpr std::string_view kDuplicate = "komitmen.file.duplicate";  // {first_line}
// Warning: {target}, {region} and {units} in the file's unit (Rp juta, or debtors for DEB).
inline constexpr std::string_view kRegionMismatch = "komitmen.file.region_mismatch";
inline constexpr std::array kAll = {
    kNoRows,          kKodeKancaMissing, kKodeKancaInvalid,    kKodeUkerMissing,
    kKodeUkerInvalid, kNamaKancaInvalid, kNamaUkerMissing,     kNamaUkerInvalid,
    kNumber,          kNumberAmbiguous,  kNumberNotIndonesian, kNumberNotInternational,
    kNegative,        kTooLarge,         kDuplicate,           kRegionMismatch,
};
}  // namespace file_key

}  // namespace smedash::komitmen
