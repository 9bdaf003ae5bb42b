//! Regional total rows of the komitmen file (column D says "Region" or "RO"): not targets,
//! but the bank's own sum, so the reader can warn when the units do not add up to it.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/sheet.hpp"
#include "komitmen/target_file.hpp"
#include "komitmen/target_number.hpp"

namespace smedash::komitmen {

// True when `uker_name` has the word "Region", "Regional" or "RO" in any case ("TOTAL RO
// BANDUNG", "Region 5"); "KCP Rokan" or "Kanwil" are not.
bool IsRegionTotalName(std::string_view uker_name);

// Compares each target of the total row `cells` (at `line`) with the sum of that target
// over `units`, and appends a warning (file_key::kRegionMismatch) when they differ by more
// than 1 % of the total's value. Cells that are empty or not a number are not compared.
void CheckRegionTotal(std::uint64_t line, const ingest::Row& cells,
                      const std::vector<TargetRow>& units, TargetNumberReader& numbers,
                      std::vector<TargetIssue>& warnings);

}  // namespace smedash::komitmen
