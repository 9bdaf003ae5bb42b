//! Dashboard OS (domain.md section 7): one metric of one group at a position, in the KANCA
//! KONSOL, KANCA ONLY and KCP ONLY tables with their totals, and the three charts, shaped as
//! docs/dashboard-api.md says. The same JSON feeds the page and the export.
#pragma once
#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>
#include <optional>
#include <string>

#include "core/date.hpp"
#include "metrics/figure_store.hpp"

namespace smedash::dashboard {

struct OsQuery {
  std::string group = "SME";
  metrics::Metric metric = metrics::Metric::kOs;
  std::optional<core::Date> position;  // none: the latest loaded
  std::optional<std::string> kanca;    // a kanca id; none: every kanca
};

// Throws ApiError for an unknown group, kanca or position.
boost::json::object BuildOsDashboard(const metrics::Snapshot& snapshot, const OsQuery& query,
                                     const boost::json::storage_ptr& storage);

}  // namespace smedash::dashboard
