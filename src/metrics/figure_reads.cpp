#include "metrics/figure_reads.hpp"

#include <algorithm>
#include <pqxx/pqxx>
#include <span>
#include <stdexcept>

#include "metrics/sql.hpp"

namespace smedash::metrics {
namespace {

// PostgreSQL's text of a numeric with at most 2 decimals ("-1234.50") as cents, exactly.
__int128 ParseCents(std::string_view text) {
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  const auto point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction = point == std::string_view::npos ? "" : text.substr(point + 1);
  if (whole.empty() || fraction.size() > 2) {
    throw std::runtime_error("unexpected amount text: " + std::string(text));
  }
  __int128 cents = 0;
  auto append = [&](char digit) {
    if (digit < '0' || digit > '9' || __builtin_mul_overflow(cents, 10, &cents) ||
        __builtin_add_overflow(cents, digit - '0', &cents)) {
      throw std::runtime_error("unexpected amount text: " + std::string(text));
    }
  };
  for (const char digit : whole) append(digit);
  for (std::size_t decimal_idx = 0; decimal_idx < 2; ++decimal_idx) {
    append(decimal_idx < fraction.size() ? fraction[decimal_idx] : '0');
  }
  return negative ? -cents : cents;
}

// The figures a row of `position_text` (PostgreSQL's date text) adds to; `positions`
// ascending, `figures` in the same order.
PositionFigures& FiguresOf(std::span<const core::Date> positions,
                           std::vector<PositionFigures>& figures, std::string_view position_text) {
  const auto position = core::Date::ParseIso(position_text);
  const auto found =
      position ? std::lower_bound(positions.begin(), positions.end(), *position) : positions.end();
  if (found == positions.end() || *found != *position) {
    throw std::runtime_error("a row of a position not asked for: " + std::string(position_text));
  }
  return figures[static_cast<std::size_t>(found - positions.begin())];
}

void ReadSums(pqxx::transaction_base& tx, const FigureLayout& layout, const FigureKeys& keys,
              std::span<const core::Date> positions, const std::string& positions_array,
              std::vector<PositionFigures>& figures) {
  static const std::string kSql = sql::Query("figures_positions_sums.sql");
  for (const auto& row : tx.exec_params(kSql, positions_array)) {
    const auto segment = keys.Segment(row[2].c_str());
    if (!segment) continue;  // a segment no group lists counts in no figure
    FiguresOf(positions, figures, row[0].c_str())
        .AddRow(layout.SlotsOfRow(keys.Unit(row[1].c_str())), *segment, row[3].as<int>(),
                row[4].as<bool>(), ParseCents(row[5].c_str()));
  }
}

// The slot an agg_nsb row describes; nullopt for a unit or kanca the hierarchy no longer
// has, or a level this reader does not know.
std::optional<std::size_t> CustomerSlot(const FigureLayout& layout, const FigureKeys& keys,
                                        std::string_view level, const std::string& key) {
  if (level == "unit") {
    const auto unit = keys.Unit(key);
    return unit ? std::optional(layout.UnitSlot(*unit)) : std::nullopt;
  }
  if (level == "kanca") {
    const auto kanca = keys.KancaByKey(key);
    return kanca ? std::optional(layout.KancaSlot(*kanca)) : std::nullopt;
  }
  if (level == "total") return layout.TotalSlot();
  if (level == "offices") return layout.OfficesSlot();
  if (level == "kcps") return layout.KcpsSlot();
  return std::nullopt;
}

void ReadCustomers(pqxx::transaction_base& tx, const FigureLayout& layout, const FigureKeys& keys,
                   std::span<const core::Date> positions, const std::string& positions_array,
                   std::vector<PositionFigures>& figures) {
  static const std::string kSql = sql::Query("figures_positions_customers.sql");
  for (const auto& row : tx.exec_params(kSql, positions_array)) {
    const auto slot = CustomerSlot(layout, keys, row[1].c_str(), row[2].as<std::string>());
    const auto group = keys.Group(row[3].c_str());
    if (slot && group) {
      FiguresOf(positions, figures, row[0].c_str())
          .SetCustomers(*slot, *group, row[4].as<std::int64_t>());
    }
  }
}

}  // namespace

std::int64_t ReadDataVersion(pqxx::transaction_base& tx) {
  static const std::string kSql = sql::Query("figures_data_version.sql");
  return tx.exec_params1(kSql)[0].as<std::int64_t>();
}

std::vector<core::Date> ReadLoadedPositions(pqxx::transaction_base& tx) {
  static const std::string kSql = sql::Query("figures_loaded_positions.sql");
  std::vector<core::Date> positions;
  for (const auto& row : tx.exec_params(kSql)) {
    const auto date = core::Date::ParseIso(row[0].c_str());
    if (!date) throw std::runtime_error(std::string("unexpected position text: ") + row[0].c_str());
    positions.push_back(*date);
  }
  return positions;
}

std::vector<SegmentGroupInfo> ReadSegmentGroups(pqxx::transaction_base& tx) {
  static const std::string kSql = sql::Query("figures_segment_groups.sql");
  std::vector<SegmentGroupInfo> groups;
  for (const auto& row : tx.exec_params(kSql)) {
    const std::string code = row[0].as<std::string>();
    if (groups.empty() || groups.back().code != code) {
      groups.push_back(
          SegmentGroupInfo{.code = code, .label = row[1].as<std::string>(), .segments = {}});
    }
    if (!row[2].is_null()) groups.back().segments.push_back(row[2].as<std::string>());
  }
  return groups;
}

FigureKeys::FigureKeys(const Hierarchy& hierarchy, const std::vector<SegmentGroupInfo>& groups)
    : hierarchy_(&hierarchy) {
  for (const auto& group : groups) {
    group_codes_.push_back(group.code);
    auto& indexes = group_segments_.emplace_back();
    for (const auto& segment : group.segments) {
      auto known = std::find(segments_.begin(), segments_.end(), segment);
      if (known == segments_.end()) known = segments_.insert(segments_.end(), segment);
      const auto index = static_cast<std::size_t>(known - segments_.begin());
      if (std::find(indexes.begin(), indexes.end(), index) == indexes.end())
        indexes.push_back(index);
    }
  }
  for (std::size_t kanca_idx = 0; kanca_idx < hierarchy.Kancas().size(); ++kanca_idx) {
    kanca_by_key_.emplace(hierarchy.Kancas()[kanca_idx].key, kanca_idx);
  }
}

std::optional<std::size_t> FigureKeys::Segment(std::string_view name) const {
  const auto found = std::find(segments_.begin(), segments_.end(), name);
  if (found == segments_.end()) return std::nullopt;
  return static_cast<std::size_t>(found - segments_.begin());
}

std::optional<std::size_t> FigureKeys::Group(std::string_view code) const {
  const auto found = std::find(group_codes_.begin(), group_codes_.end(), code);
  if (found == group_codes_.end()) return std::nullopt;
  return static_cast<std::size_t>(found - group_codes_.begin());
}

std::optional<std::size_t> FigureKeys::KancaByKey(const std::string& key) const {
  const auto found = kanca_by_key_.find(key);
  if (found == kanca_by_key_.end()) return std::nullopt;
  return found->second;
}

std::vector<PositionFigures> ReadPositionsFigures(pqxx::transaction_base& tx,
                                                  const FigureLayout& layout,
                                                  const FigureKeys& keys,
                                                  std::span<const core::Date> positions) {
  if (!std::is_sorted(positions.begin(), positions.end()) ||
      std::adjacent_find(positions.begin(), positions.end()) != positions.end()) {
    throw std::invalid_argument("positions to read must be ascending and distinct");
  }
  std::vector<std::string> texts;
  texts.reserve(positions.size());
  for (const core::Date position : positions) texts.push_back(position.ToIso());
  const std::string positions_array = sql::ArrayLiteral(texts);
  std::vector<PositionFigures> figures(positions.size(), PositionFigures(layout));
  ReadSums(tx, layout, keys, positions, positions_array, figures);
  ReadCustomers(tx, layout, keys, positions, positions_array, figures);
  return figures;
}

}  // namespace smedash::metrics
