//! Helpers for the komitmen reader's tests: komitmen files written as CSV row by row (the
//! two header rows, then unit rows with chosen target cells), the fixture set written by
//! openpyxl and LibreOffice (make_fixtures.py), and exact expected values.
#pragma once
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/money.hpp"
#include "komitmen/target_file.hpp"
#include "komitmen/target_layout.hpp"
#include "support/script_fixtures.hpp"
#include "support/temp_dir.hpp"

namespace smedash::core {
// Money in test failures as "1500500000.00", not as bytes.
inline void PrintTo(const Money& money, std::ostream* out) { *out << money.ToString(); }
}  // namespace smedash::core

namespace smedash::komitmen::testing {

// An exact amount: "1500500000" or "0.50".
inline core::Money Exact(const std::string& decimal) { return core::Money::Parse(decimal).value(); }

inline std::size_t Target(TargetGroup group, Measure measure) {
  return TargetIndex(group, measure);
}

// One CSV line of the layout: A-D, then the targets given (by TargetIndex), others empty.
inline std::string Line(const std::vector<std::string>& unit,
                        const std::map<std::size_t, std::string>& targets = {},
                        char delimiter = ',') {
  std::vector<std::string> cells(kFileColumns);
  for (std::size_t i = 0; i < unit.size(); ++i) cells[i] = unit[i];
  for (const auto& [index, text] : targets) cells[FileColumnOf(index)] = text;
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line += delimiter;
    const bool quote = cells[i].find_first_of(std::string{delimiter, '"'}) != std::string::npos;
    line += quote ? "\"" + cells[i] + "\"" : cells[i];
  }
  return line + "\n";
}

// The two header rows (their text is never matched) followed by `rows`.
inline std::string File(const std::vector<std::string>& rows, char delimiter = ',') {
  std::string text = Line({}, {{0, "KUR RITEL"}, {5, "SMALL SD 5M"}}, delimiter);
  text += Line({"KODE KANCA", "KODE UKER", "NAMA KANCA", "NAMA UKER"}, {{0, "DEB"}}, delimiter);
  for (const auto& row : rows) text += row;
  return text;
}

inline TargetFile ReadCsv(const std::string& text, const std::string& name = "komitmen.csv") {
  const unit_testing::TempDir dir;
  return ReadTargetFile(dir.Write(name, text), name);
}

// One row's issue as "line column value key", for compact expectations.
inline std::string Render(const TargetIssue& issue) {
  return std::to_string(issue.line) + " " + issue.column + " '" + issue.value + "' " + issue.key;
}

inline std::vector<std::string> Rendered(const std::vector<TargetIssue>& issues) {
  std::vector<std::string> out;
  for (const auto& issue : issues) out.push_back(Render(issue));
  return out;
}

// The folder make_fixtures.py writes: openpyxl/, csv/, libreoffice-from-xlsx/,
// libreoffice-from-csv/, each with komitmen.* holding the same sheet.
inline const std::filesystem::path& Fixtures() {
  static const std::filesystem::path folder =
      unit_testing::ScriptFixtures(KOMITMEN_FIXTURE_SCRIPT, KOMITMEN_FIXTURE_CACHE);
  return folder;
}

}  // namespace smedash::komitmen::testing
