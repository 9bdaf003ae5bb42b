#include "metrics/achievement.hpp"

#include <array>

namespace smedash::metrics {
namespace {

using komitmen::Measure;
using komitmen::TargetGroup;

constexpr std::array kKur{TargetGroup::kKurRitel};
constexpr std::array kSmallNcc{TargetGroup::kKecilNcc};
constexpr std::array kCc{TargetGroup::kKecilCc};
constexpr std::array kSmall{TargetGroup::kKecilNcc, TargetGroup::kKecilCc};
constexpr std::array kSmallKur{TargetGroup::kSmallSd5m};

Decimal Percent(int whole) { return Decimal::Scaled(whole * 10000, Decimal::kPercentScale); }

Decimal Clamped(const Decimal& percent) {
  if (percent < Percent(0)) return Percent(0);
  if (percent > Percent(kAchievementCap)) return Percent(kAchievementCap);
  return percent;
}

std::optional<Decimal> AchievementPercent(Metric metric, const Decimal& target,
                                          const Decimal& actual) {
  if (RiseIsGood(metric)) {
    if (target.IsZero()) return actual >= Decimal() ? Percent(kAchievementCap) : Percent(0);
    return Clamped(*Decimal::Percent(actual, target));
  }
  // Lower is better: nothing bad at all meets any target.
  if (actual.IsZero()) return Percent(kAchievementCap);
  return Clamped(*Decimal::Percent(target, actual));
}

}  // namespace

std::span<const TargetGroup> TargetGroupsOf(std::string_view group_code) {
  if (group_code == "KUR") return kKur;
  if (group_code == "SMALL_NCC") return kSmallNcc;
  if (group_code == "CC") return kCc;
  if (group_code == "SMALL") return kSmall;
  if (group_code == "SMALL_KUR") return kSmallKur;
  return {};
}

std::optional<Measure> TargetMeasureOf(Metric metric) {
  switch (metric) {
    case Metric::kOs:
      return Measure::kOs;
    case Metric::kNsb:
      return Measure::kDeb;
    case Metric::kDpk:
    case Metric::kDpkPct:
      return Measure::kDpk;
    case Metric::kNpl:
    case Metric::kNplPct:
      return Measure::kNpl;
    default:
      return std::nullopt;
  }
}

std::optional<Decimal> RatioTarget(const std::optional<Decimal>& part,
                                   const std::optional<Decimal>& os) {
  if (!part || !os) return std::nullopt;
  return Decimal::Percent(*part, *os);
}

Achievement Achieve(Metric metric, const Decimal& target, const std::optional<Decimal>& actual) {
  Achievement achievement{target, std::nullopt, std::nullopt};
  if (!actual) return achievement;
  achievement.percent = AchievementPercent(metric, target, *actual);
  achievement.gap = actual->Minus(target);
  return achievement;
}

}  // namespace smedash::metrics
