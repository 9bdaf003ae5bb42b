//! Grafik Harian (domain.md section 7): every metric of a group over RO or one kanca, per
//! position in a range (daily), per day of the last months (compare) or at each month's
//! last position (monthly), shaped as docs/dashboard-api.md says.
#pragma once
#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "metrics/figure_store.hpp"

namespace smedash::dashboard {

enum class DailyView { kDaily, kCompare, kMonthly };
// "daily", "compare", "monthly"; nullopt for anything else.
std::optional<DailyView> ParseDailyView(std::string_view text);
std::string_view DailyViewName(DailyView view);

struct DailyQuery {
  static constexpr int kDefaultMonths = 3;
  static constexpr int kMaxMonths = 12;

  DailyView view = DailyView::kDaily;
  std::string group = "SME";
  std::optional<std::string> kanca;  // a kanca id; none: RO (all)
  std::optional<core::Date> from, to;
  int months = kDefaultMonths;  // compare: 1..kMaxMonths
};

// Throws ApiError for an unknown group or kanca.
boost::json::object BuildDaily(const metrics::Snapshot& snapshot, const DailyQuery& query,
                               const boost::json::storage_ptr& storage);

}  // namespace smedash::dashboard
