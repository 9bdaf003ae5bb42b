//! The FigureStore's queries (metrics/sql/figures_*.sql, hierarchy_units.sql): what a
//! snapshot is built from and the figures of a batch of positions. No caching, no rules beyond
//! turning rows into indexes. Internal to metrics.
#pragma once
#include <cstdint>
#include <optional>
#include <pqxx/transaction_base>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.hpp"
#include "metrics/figure_store.hpp"
#include "metrics/hierarchy.hpp"
#include "metrics/position_figures.hpp"

namespace smedash::metrics {

std::int64_t ReadDataVersion(pqxx::transaction_base& tx);
// Ascending.
std::vector<core::Date> ReadLoadedPositions(pqxx::transaction_base& tx);
std::vector<SegmentGroupInfo> ReadSegmentGroups(pqxx::transaction_base& tx);

// How the aggregate rows' keys map to a snapshot's indexes.
class FigureKeys {
 public:
  FigureKeys(const Hierarchy& hierarchy, const std::vector<SegmentGroupInfo>& groups);

  // Segments in the order groups first name them; a row of another segment is in no group.
  const std::vector<std::string>& Segments() const { return segments_; }
  // Segment indexes of each group (index into the groups given).
  const std::vector<std::size_t>& SegmentsOf(std::size_t group) const {
    return group_segments_.at(group);
  }

  std::optional<std::size_t> Segment(std::string_view name) const;
  std::optional<std::size_t> Group(std::string_view code) const;
  std::optional<std::size_t> Unit(std::string_view code) const {
    return hierarchy_->FindUnit(code);
  }
  std::optional<std::size_t> KancaByKey(const std::string& key) const;

 private:
  const Hierarchy* hierarchy_;
  std::vector<std::string> segments_;
  std::vector<std::string> group_codes_;
  std::vector<std::vector<std::size_t>> group_segments_;
  std::unordered_map<std::string, std::size_t> kanca_by_key_;
};

// Every agg_position and agg_nsb row of `positions` (ascending, distinct) added up into
// `layout`'s slots, one PositionFigures per position in the same order: two queries
// however many positions, so a batch pays the round trips and the per-query work once.
std::vector<PositionFigures> ReadPositionsFigures(pqxx::transaction_base& tx,
                                                  const FigureLayout& layout,
                                                  const FigureKeys& keys,
                                                  std::span<const core::Date> positions);

}  // namespace smedash::metrics
