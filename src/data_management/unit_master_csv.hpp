//! The unit master list file (domain.md section 3): `KODE UKER, UKER, KODE KANCA, KANCA`,
//! read into checked lines, and written back as a template. Headers match the way loan
//! files' do (case, spaces, underscores, hyphens and dots alike; columns in any order;
//! others ignored); ',' or ';' between fields, quotes as RFC 4180; UTF-8 with or without a
//! byte order mark (other bytes are read as Windows-1252, as loan files are). Pure: no
//! database, so every rule is unit-tested.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace smedash::data_management {

inline constexpr std::array<std::string_view, 4> kMasterHeaders = {"KODE UKER", "UKER",
                                                                   "KODE KANCA", "KANCA"};

// One unit's master entry: codes as the loader stores them, names trimmed and collapsed.
// The unit is its kanca's own office when kode_uker = kode_kanca, otherwise a KCP.
struct MasterValues {
  std::string kode_uker;
  std::string uker;
  std::string kode_kanca;
  std::string kanca;

  bool operator==(const MasterValues&) const = default;
};

struct MasterCsvLine {
  std::uint64_t line = 0;  // 1-based; the header is line 1
  MasterValues values;
};

// A line left out, and why: reason_key is a translation key, args fill its placeholders.
struct InvalidMasterLine {
  std::uint64_t line = 0;
  std::string kode_uker;  // as written (may be empty)
  std::string reason_key;
  std::map<std::string, std::string> args;
};

struct MasterCsv {
  std::vector<MasterCsvLine> lines;
  std::vector<InvalidMasterLine> invalid;  // by line
  char delimiter = ',';
  bool windows_1252 = false;                 // the bytes were not UTF-8
  std::vector<std::string> unknown_headers;  // as written, ignored
};

// The whole file cannot be used (no header, a required column missing...).
struct MasterCsvRefusal {
  std::string key;
  std::map<std::string, std::string> args;
};

// Checks each line on its own (every field present and valid) and against the lines
// before it: a KODE UKER listed twice, a KODE KANCA with two KANCA names, or a KANCA with
// two KODE KANCA makes the later line invalid, naming the earlier one.
std::variant<MasterCsv, MasterCsvRefusal> ParseMasterCsv(std::string_view content);

// A master list file of `units` (header first, ',' delimited, UTF-8 with a BOM so Excel
// opens it as UTF-8). Fields that start like a formula get a leading ' (CSV injection);
// ParseMasterCsv drops it again.
std::string MasterCsvText(const std::vector<MasterValues>& units);

}  // namespace smedash::data_management
