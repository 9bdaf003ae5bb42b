#include "metrics/segment_map.hpp"

#include <algorithm>
#include <pqxx/pqxx>
#include <stdexcept>

#include "metrics/sql.hpp"

namespace smedash::metrics {

std::vector<std::string> UnknownCodes(pqxx::transaction_base& tx,
                                      const std::vector<std::string>& codes) {
  static const std::string kSql = sql::Query("segment_map_unknown.sql");
  std::vector<std::string> unknown;
  if (codes.empty()) return unknown;
  for (const auto& row : tx.exec_params(kSql, sql::ArrayLiteral(codes))) {
    unknown.push_back(row[0].as<std::string>());
  }
  return unknown;
}

SegmentCatalog SegmentCatalog::Load(pqxx::transaction_base& tx) {
  static const std::string kMap = sql::Query("segment_map_all.sql");
  static const std::string kGroups = sql::Query("segment_group_members.sql");
  SegmentCatalog catalog;
  catalog.fallback_ = catalog.Number(std::string(kFallbackSegment));
  for (const auto& row : tx.exec_params(kMap)) {
    catalog.by_code_.emplace(row[0].as<std::string>(), catalog.Number(row[1].as<std::string>()));
  }
  for (const auto& row : tx.exec_params(kGroups)) {
    const auto code = row[0].as<std::string>();
    const auto bit = static_cast<std::uint8_t>(1u << catalog.Number(row[1].as<std::string>()));
    auto group = std::find_if(catalog.groups_.begin(), catalog.groups_.end(),
                              [&](const Group& existing) { return existing.code == code; });
    if (group == catalog.groups_.end()) {
      catalog.groups_.push_back(Group{code, bit});
    } else {
      group->mask |= bit;
    }
  }
  return catalog;
}

std::uint8_t SegmentCatalog::SegmentOf(const std::string& code) const {
  const auto found = by_code_.find(code);
  return found == by_code_.end() ? kUnknown : found->second;
}

std::uint8_t SegmentCatalog::Number(const std::string& segment) {
  const auto found = std::find(segments_.begin(), segments_.end(), segment);
  if (found != segments_.end()) return static_cast<std::uint8_t>(found - segments_.begin());
  if (segments_.size() == kMaxSegments) {
    throw std::runtime_error("more than 8 segments in segment_map and segment_groups");
  }
  segments_.push_back(segment);
  return static_cast<std::uint8_t>(segments_.size() - 1);
}

}  // namespace smedash::metrics
