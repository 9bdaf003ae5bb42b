//! The komitmen (target) columns of the OS and Summary tables (issue 6, docs/dashboard-api.md):
//! the month of position E whose targets are used, and per row its target, % Ach and Gap
//! against the row's figure at E.
#pragma once
#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>
#include <optional>

#include "dashboard/comparison_rows.hpp"
#include "dashboard/selection.hpp"
#include "metrics/figure_store.hpp"

namespace smedash::dashboard {

class KomitmenRows {
 public:
  // `position` is E; none (nothing loaded): no row has a target.
  KomitmenRows(const metrics::Snapshot& snapshot, std::optional<core::Date> position,
               boost::json::storage_ptr storage)
      : snapshot_(snapshot), position_(position), storage_(std::move(storage)) {}

  // Adds "komitmen": {"target", "achievement", "gap"} of `subject` against `actual` (its
  // figure at E), or null when it has no target.
  void AddTo(boost::json::object& row, const Subject& subject,
             const std::optional<metrics::Decimal>& actual) const;
  // {"month": "2025-10-01"} when a row added so far had a target, else null: the pages
  // show the columns only then.
  boost::json::value MonthJson() const;

 private:
  std::optional<metrics::Decimal> TargetOf(const Subject& subject) const;

  const metrics::Snapshot& snapshot_;
  std::optional<core::Date> position_;
  boost::json::storage_ptr storage_;
  mutable bool any_ = false;  // a row had a target
};

// What every OS and Summary row shows of `subject`: the comparison block, then the
// komitmen columns measured at its E.
void AddRowFigures(boost::json::object& row, const Subject& subject, const ComparisonRows& rows,
                   const KomitmenRows& komitmen);

}  // namespace smedash::dashboard
