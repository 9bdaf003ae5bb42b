#include "komitmen/target_layout.hpp"

namespace smedash::komitmen {

std::string_view GroupCode(TargetGroup group) {
  switch (group) {
    case TargetGroup::kKurRitel:
      return "KUR_RITEL";
    case TargetGroup::kSmallSd5m:
      return "SMALL_SD_5M";
    case TargetGroup::kKecilNcc:
      return "KECIL_NCC";
    case TargetGroup::kKecilCc:
      return "KECIL_CC";
  }
  return "KUR_RITEL";
}

std::string_view GroupLabel(TargetGroup group) {
  switch (group) {
    case TargetGroup::kKurRitel:
      return "KUR RITEL";
    case TargetGroup::kSmallSd5m:
      return "SMALL SD 5M";
    case TargetGroup::kKecilNcc:
      return "KECIL NCC";
    case TargetGroup::kKecilCc:
      return "KECIL CC";
  }
  return "KUR RITEL";
}

std::string_view MeasureCode(Measure measure) {
  switch (measure) {
    case Measure::kDeb:
      return "DEB";
    case Measure::kOs:
      return "OS";
    case Measure::kPl:
      return "PL";
    case Measure::kNpl:
      return "NPL";
    case Measure::kDpk:
      return "DPK";
  }
  return "DEB";
}

std::optional<TargetGroup> ParseGroupCode(std::string_view code) {
  for (const TargetGroup group : kAllTargetGroups) {
    if (GroupCode(group) == code) return group;
  }
  return std::nullopt;
}

std::optional<Measure> ParseMeasureCode(std::string_view code) {
  for (const Measure measure : kAllMeasures) {
    if (MeasureCode(measure) == code) return measure;
  }
  return std::nullopt;
}

std::string ColumnLetter(std::size_t column) {
  std::string letters;
  for (std::size_t rest = column + 1; rest > 0; rest = (rest - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (rest - 1) % 26));
  }
  return letters;
}

}  // namespace smedash::komitmen
