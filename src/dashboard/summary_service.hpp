//! Dashboard Summary, "Performance Highlights SME" (domain.md section 7): the ten metric
//! sections of the Konsol, Only and Medium Only tabs for RO or one kanca, shaped as
//! docs/dashboard-api.md says. The same JSON feeds the page and the export.
#pragma once
#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "metrics/figure_store.hpp"

namespace smedash::dashboard {

enum class SummaryTab { kKonsol, kOnly, kMedium };
// "konsol", "only", "medium"; nullopt for anything else.
std::optional<SummaryTab> ParseSummaryTab(std::string_view text);
std::string_view SummaryTabName(SummaryTab tab);

struct SummaryQuery {
  SummaryTab tab = SummaryTab::kKonsol;
  std::optional<std::string> kanca;    // a kanca id; none: RO (all)
  std::optional<core::Date> position;  // none: the latest loaded
};

// Throws ApiError for an unknown kanca or position.
boost::json::object BuildSummary(const metrics::Snapshot& snapshot, const SummaryQuery& query,
                                 const boost::json::storage_ptr& storage);

}  // namespace smedash::dashboard
