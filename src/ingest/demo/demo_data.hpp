//! `smedash demo-data`: realistic loan files for RO Bandung (the seed's
//! create_sample_data.py), one per position date, for demos, tests and benchmarks.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string_view>

#include "core/date.hpp"

namespace smedash::ingest::demo {

enum class DemoFormat { kCsv, kXlsx, kXls };
// Which column layout each file has (domain.md section 2): the seed's 38 columns, the
// later 33 (with OS), or the two in turn, oldest position first in the seed layout.
enum class DemoLayout { kAlternate, kSeed, kLater };

struct DemoOptions {
  std::filesystem::path out_dir;  // created when missing
  int positions = 5;              // the last N business days (Mon-Fri) up to `end`
  std::int64_t accounts = 2000;   // open accounts at the first position
  DemoFormat format = DemoFormat::kCsv;
  std::uint64_t seed = 1;
  // Fixed by default so a seed always gives the same files; a weekend means the Friday
  // before.
  core::Date end = *core::Date::FromYmd(2025, 10, 9);
  DemoLayout layout = DemoLayout::kAlternate;
};

// Limits checked by DemoDataCommand (exit status 2 with a message when exceeded).
inline constexpr int kMaxDemoPositions = 2600;  // ten years of business days
inline constexpr std::int64_t kMaxDemoAccounts = 5'000'000;
inline constexpr std::int64_t kMaxXlsAccounts = 60'000;  // XLS sheets stop at 65,536 rows

// For the command line: "csv" | "xlsx" | "xls"; "alternate" | "38" | "33".
std::optional<DemoFormat> ParseDemoFormat(std::string_view text);
std::optional<DemoLayout> ParseDemoLayout(std::string_view text);

// Writes the files `SME_POSITION_yyyymmdd.<ext>` into options.out_dir and one line per file
// on `out`. Returns 0, 1 when a file cannot be written (or LibreOffice is missing for xls),
// 2 for invalid options; the reason goes to `err`. Same options and seed, same files.
int DemoDataCommand(const DemoOptions& options, std::ostream& out, std::ostream& err);

}  // namespace smedash::ingest::demo
