//! The comparison block every dashboard table shares (docs/dashboard-api.md): the dates of
//! columns A..E and Y, and per row the values of a subject at those dates with the changes
//! DtD, MoM, MtD, YtD, YoY and their %, in domain.md section 6's rules.
#pragma once
#include <array>
#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <span>

#include "dashboard/selection.hpp"
#include "metrics/comparison_dates.hpp"
#include "metrics/figure_store.hpp"

namespace smedash::dashboard {

struct ChangeFigure {
  metrics::Decimal value;                   // current − base (percentage points for ratios)
  std::optional<metrics::Decimal> percent;  // value / |base| × 100; none when base is 0
};

// current − base; none when either is none (a missing column is never a 0 change).
std::optional<ChangeFigure> ChangeBetween(const std::optional<metrics::Decimal>& current,
                                          const std::optional<metrics::Decimal>& base);

struct Comparison {
  std::array<std::optional<metrics::Decimal>, 6> values;  // in metrics::kAllColumns order
  std::array<std::optional<ChangeFigure>, 5> changes;     // in metrics::kAllChanges order

  const std::optional<metrics::Decimal>& At(metrics::Column column) const {
    return values[static_cast<std::size_t>(column)];
  }
  const std::optional<ChangeFigure>& Of(metrics::Change change) const {
    return changes[static_cast<std::size_t>(change)];
  }
};

// One request's comparison: the snapshot, the dates compared, the JSON arena.
class ComparisonRows {
 public:
  ComparisonRows(const metrics::Snapshot& snapshot, const metrics::ComparisonDates& dates,
                 boost::json::storage_ptr storage)
      : snapshot_(snapshot), dates_(dates), storage_(std::move(storage)) {}

  Comparison Compare(const Subject& subject) const;
  // Reads the figures of the compared dates and of `also` (a trend's dates) in one go, so
  // a cold request waits for one query rather than one per date (metrics::Snapshot).
  void Prefetch(std::span<const core::Date> also = {}) const;

  // {"A": "2024-12-31", "B": null, ...}
  boost::json::object ColumnsJson() const;
  // Adds "values" {"A".."Y"} and "changes" {"dtd".."yoy"} of `subject` to `row`; returns
  // them (the komitmen columns measure E against the target).
  Comparison AddTo(boost::json::object& row, const Subject& subject) const;
  // {"value", "percent"} or null.
  boost::json::value ChangeJson(const std::optional<ChangeFigure>& change) const;

 private:
  const metrics::Snapshot& snapshot_;
  metrics::ComparisonDates dates_;
  boost::json::storage_ptr storage_;
};

}  // namespace smedash::dashboard
