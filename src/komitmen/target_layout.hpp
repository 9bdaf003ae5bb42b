//! The bank's komitmen (monthly target) file, by position (issue 6): A kode kanca, B kode
//! uker, C nama kanca, D nama uker, then four target groups of five measures each, E-I KUR
//! RITEL, J-N SMALL SD 5M, O-S KECIL NCC, T-X KECIL CC, each DEB, OS, PL, NPL, DPK. Rows 1-2
//! are headers. The database (migrations/0008_komitmen.sql) and the dashboards use the
//! codes below.
#pragma once
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/money.hpp"

namespace smedash::komitmen {

enum class TargetGroup { kKurRitel, kSmallSd5m, kKecilNcc, kKecilCc };
enum class Measure { kDeb, kOs, kPl, kNpl, kDpk };

inline constexpr std::array kAllTargetGroups{TargetGroup::kKurRitel, TargetGroup::kSmallSd5m,
                                             TargetGroup::kKecilNcc, TargetGroup::kKecilCc};
inline constexpr std::array kAllMeasures{Measure::kDeb, Measure::kOs, Measure::kPl,
                                         Measure::kNpl, Measure::kDpk};

inline constexpr std::size_t kUnitColumns = 4;  // A-D
inline constexpr std::size_t kTargetColumns = kAllTargetGroups.size() * kAllMeasures.size();
inline constexpr std::size_t kFileColumns = kUnitColumns + kTargetColumns;  // A-X
inline constexpr std::size_t kHeaderRows = 2;

// "KUR_RITEL", "SMALL_SD_5M", "KECIL_NCC", "KECIL_CC" (komitmen_targets.target_group).
std::string_view GroupCode(TargetGroup group);
// "KUR RITEL", "SMALL SD 5M", "KECIL NCC", "KECIL CC" (the file's header).
std::string_view GroupLabel(TargetGroup group);
// "DEB", "OS", "PL", "NPL", "DPK" (komitmen_targets.measure and the file's header).
std::string_view MeasureCode(Measure measure);
std::optional<TargetGroup> ParseGroupCode(std::string_view code);
std::optional<Measure> ParseMeasureCode(std::string_view code);

// DEB is a number of debtors; the others are amounts, in Rp juta in the file.
inline bool IsAmount(Measure measure) { return measure != Measure::kDeb; }

// Index of a target among the kTargetColumns (0 = KUR RITEL DEB, 19 = KECIL CC DPK).
inline std::size_t TargetIndex(TargetGroup group, Measure measure) {
  return static_cast<std::size_t>(group) * kAllMeasures.size() + static_cast<std::size_t>(measure);
}
inline TargetGroup GroupAt(std::size_t target_index) {
  return kAllTargetGroups[target_index / kAllMeasures.size()];
}
inline Measure MeasureAt(std::size_t target_index) {
  return kAllMeasures[target_index % kAllMeasures.size()];
}
// The file column of a target (0-based: 4 = E).
inline std::size_t FileColumnOf(std::size_t target_index) { return kUnitColumns + target_index; }

// "A".."Z", "AA".. for a 0-based column.
std::string ColumnLetter(std::size_t column);

// A unit's targets in TargetIndex order: DEB in debtors, amounts in rupiah (the file's Rp
// juta × 1,000,000), both with two decimals; nullopt for no target ('-' or empty).
using TargetValues = std::array<std::optional<core::Money>, kTargetColumns>;

}  // namespace smedash::komitmen
