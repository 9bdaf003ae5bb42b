#include "dashboard/daily_service.hpp"

#include <boost/json/array.hpp>
#include <stdexcept>
#include <vector>

#include "dashboard/json_values.hpp"
#include "dashboard/selection.hpp"

namespace smedash::dashboard {
namespace {

using boost::json::array;
using boost::json::object;
using metrics::Scope;

constexpr std::size_t kDefaultDailyPositions = 60;
constexpr int kDefaultMonthlyMonths = 13;

struct DailyLine {
  const metrics::Snapshot& snapshot;
  std::size_t group;
  Scope scope;
  const boost::json::storage_ptr& storage;

  // {"position", "os", "dpk", ..., "nsb"}, after any fields already in `point`.
  object Point(core::Date position, object point) const {
    point.emplace("position", DateJson(position, storage));
    for (const metrics::Metric metric : metrics::kAllMetrics) {
      point.emplace(metrics::MetricName(metric),
                    DecimalJson(snapshot.Value(metric, group, scope, position), storage));
    }
    return point;
  }
};

core::Date MonthsBack(core::Date date, int months) {
  return date.FirstDayOfMonth().AddMonths(-months).value_or(date.FirstDayOfMonth());
}

// The positions in [from, to]; `from` defaults to the 60th last position up to `to`.
void AddDaily(object& result, const DailyLine& line, const DailyQuery& query, core::Date to) {
  std::optional<core::Date> from = query.from;
  if (!from) {
    const auto last = LastPositions(line.snapshot, to, kDefaultDailyPositions);
    from = last.empty() ? to : last.front();
  }
  const auto positions = PositionsBetween(line.snapshot, from, to);
  line.snapshot.Prefetch(positions);
  array points(line.storage);
  for (const core::Date position : positions) {
    points.push_back(line.Point(position, object(line.storage)));
  }
  result.emplace("from", DateJson(*from, line.storage));
  result.emplace("points", std::move(points));
}

// One series per month, oldest first, each the month's positions (up to `to`) by day.
void AddCompare(object& result, const DailyLine& line, const DailyQuery& query, core::Date to) {
  array series(line.storage);
  const core::Date first_month = MonthsBack(to, query.months - 1);
  line.snapshot.Prefetch(PositionsBetween(line.snapshot, first_month, to));
  for (int offset = query.months - 1; offset >= 0; --offset) {
    const core::Date month = MonthsBack(to, offset);
    const core::Date month_end = offset == 0 ? to : month.LastDayOfMonth();
    array points(line.storage);
    for (const core::Date position : PositionsBetween(line.snapshot, month, month_end)) {
      object point(line.storage);
      point["day"] = position.Day();
      points.push_back(line.Point(position, std::move(point)));
    }
    object item(line.storage);
    item.emplace("month", MonthJson(month, line.storage));
    item.emplace("points", std::move(points));
    series.push_back(std::move(item));
  }
  result.emplace("from", DateJson(first_month, line.storage));
  result["months"] = query.months;
  result.emplace("series", std::move(series));
}

// The last loaded position of each month in [from, to]; `from` defaults to 13 months.
void AddMonthly(object& result, const DailyLine& line, const DailyQuery& query, core::Date to) {
  const core::Date from = query.from.value_or(MonthsBack(to, kDefaultMonthlyMonths - 1));
  const auto positions = PositionsBetween(line.snapshot, from, to);
  std::vector<core::Date> month_ends;
  for (std::size_t position_idx = 0; position_idx < positions.size(); ++position_idx) {
    const core::Date position = positions[position_idx];
    const bool last_of_month = position_idx + 1 == positions.size() ||
                               positions[position_idx + 1].Month() != position.Month() ||
                               positions[position_idx + 1].Year() != position.Year();
    if (last_of_month) month_ends.push_back(position);
  }
  line.snapshot.Prefetch(month_ends);
  array points(line.storage);
  for (const core::Date position : month_ends) {
    object point(line.storage);
    point.emplace("month", MonthJson(position, line.storage));
    points.push_back(line.Point(position, std::move(point)));
  }
  result.emplace("from", DateJson(from, line.storage));
  result.emplace("points", std::move(points));
}

void AddMetrics(object& result, const boost::json::storage_ptr& storage) {
  array metrics_info(storage);
  for (const metrics::Metric metric : metrics::kAllMetrics) {
    object info(storage);
    AddMetricFields(info, metric);
    metrics_info.push_back(std::move(info));
  }
  result.emplace("metrics", std::move(metrics_info));
}

}  // namespace

std::optional<DailyView> ParseDailyView(std::string_view text) {
  for (const DailyView view : {DailyView::kDaily, DailyView::kCompare, DailyView::kMonthly}) {
    if (DailyViewName(view) == text) return view;
  }
  return std::nullopt;
}

std::string_view DailyViewName(DailyView view) {
  switch (view) {
    case DailyView::kDaily:
      return "daily";
    case DailyView::kCompare:
      return "compare";
    case DailyView::kMonthly:
      return "monthly";
  }
  throw std::logic_error("unknown daily view");
}

boost::json::object BuildDaily(const metrics::Snapshot& snapshot, const DailyQuery& query,
                               const boost::json::storage_ptr& storage) {
  const std::size_t group = SelectGroup(snapshot, query.group);
  const auto latest = SelectPosition(snapshot, std::nullopt);
  const auto kanca = latest ? SelectKanca(snapshot, query.kanca) : std::nullopt;

  object result(storage);
  result.emplace("position", DateJson(latest, storage));
  result["view"] = DailyViewName(query.view);
  result["group"] = snapshot.Groups()[group].code;
  result.emplace("kanca", KancaJson(snapshot.Units(), kanca, storage));
  AddMetrics(result, storage);
  const std::optional<core::Date> to = query.to ? query.to : latest;
  result.emplace("to", DateJson(to, storage));
  if (!latest) {
    result.emplace("from", DateJson(query.from, storage));
    if (query.view == DailyView::kCompare) result["months"] = query.months;
    result.emplace(query.view == DailyView::kCompare ? "series" : "points", array(storage));
    return result;
  }
  const DailyLine line{snapshot, group, kanca ? Scope::Konsol(*kanca) : Scope::Total(), storage};
  switch (query.view) {
    case DailyView::kDaily:
      AddDaily(result, line, query, *to);
      break;
    case DailyView::kCompare:
      AddCompare(result, line, query, *to);
      break;
    case DailyView::kMonthly:
      AddMonthly(result, line, query, *to);
      break;
  }
  return result;
}

}  // namespace smedash::dashboard
