#include "dashboard/home_service.hpp"

#include <algorithm>
#include <array>
#include <boost/json/array.hpp>

#include "dashboard/comparison_rows.hpp"
#include "dashboard/json_values.hpp"
#include "dashboard/selection.hpp"

namespace smedash::dashboard {
namespace {

using boost::json::array;
using boost::json::object;
using metrics::Metric;

constexpr std::array kCardMetrics{Metric::kOs, Metric::kDpkPct, Metric::kNplPct, Metric::kLarPct,
                                  Metric::kNsb};
constexpr std::size_t kTrendPositions = 30;
constexpr int kMissingDaysSpan = 28;  // the 4 weeks ending at the latest position

array Cards(const ComparisonRows& rows, std::size_t sme, const boost::json::storage_ptr& storage) {
  array cards(storage);
  for (const Metric metric : kCardMetrics) {
    const Comparison comparison = rows.Compare({metric, sme, metrics::Scope::Total(), nullptr});
    object card(storage);
    AddMetricFields(card, metric);
    card.emplace("value", DecimalJson(comparison.At(metrics::Column::kE), storage));
    card.emplace("dtd", rows.ChangeJson(comparison.Of(metrics::Change::kDtd)));
    card.emplace("mtd", rows.ChangeJson(comparison.Of(metrics::Change::kMtd)));
    cards.push_back(std::move(card));
  }
  return cards;
}

array Trend(const metrics::Snapshot& snapshot, std::size_t sme, core::Date latest,
            const boost::json::storage_ptr& storage) {
  array points(storage);
  for (const core::Date position : LastPositions(snapshot, latest, kTrendPositions)) {
    object point(storage);
    point.emplace("position", DateJson(position, storage));
    point.emplace(
        "os",
        DecimalJson(snapshot.Value(Metric::kOs, sme, metrics::Scope::Total(), position), storage));
    points.push_back(std::move(point));
  }
  return points;
}

// Monday to Friday of the 4 weeks up to `latest` with no position loaded, ascending.
array MissingDays(const metrics::Snapshot& snapshot, core::Date latest,
                  const boost::json::storage_ptr& storage) {
  array days(storage);
  const auto& positions = snapshot.Positions();
  for (int back = kMissingDaysSpan - 1; back >= 0; --back) {
    const auto day = latest.AddDays(-back);
    if (!day || day->IsWeekend()) continue;
    if (!std::binary_search(positions.begin(), positions.end(), *day)) {
      days.push_back(DateJson(*day, storage));
    }
  }
  return days;
}

boost::json::value UploadJson(const std::optional<LastUpload>& upload,
                              const boost::json::storage_ptr& storage) {
  if (!upload) return boost::json::value(nullptr, storage);
  object object(storage);
  object["id"] = upload->id;
  object["file_name"] = upload->file_name;
  object["status"] = upload->status;
  object["created_at"] = upload->created_at;
  object.emplace("completed_at", OptionalText(upload->completed_at, storage));
  object["rows_accepted"] = upload->rows_accepted;
  object["rows_rejected"] = upload->rows_rejected;
  return object;
}

}  // namespace

boost::json::object BuildHome(const metrics::Snapshot& snapshot,
                              const std::optional<LastUpload>& last_upload,
                              const boost::json::storage_ptr& storage) {
  const std::size_t sme = SelectGroup(snapshot, "SME");
  const auto latest = SelectPosition(snapshot, std::nullopt);
  const metrics::ComparisonDates dates =
      latest ? metrics::CompareDates(snapshot.Positions(), *latest) : metrics::ComparisonDates{};
  const ComparisonRows rows(snapshot, dates, storage);
  if (latest) rows.Prefetch(LastPositions(snapshot, *latest, kTrendPositions));

  object result(storage);
  result.emplace("position", DateJson(latest, storage));
  result.emplace("columns", rows.ColumnsJson());
  result.emplace("cards", latest ? Cards(rows, sme, storage) : array(storage));
  result.emplace("trend", latest ? Trend(snapshot, sme, *latest, storage) : array(storage));
  result.emplace("last_upload", UploadJson(last_upload, storage));
  result.emplace("missing_days", latest ? MissingDays(snapshot, *latest, storage) : array(storage));
  return result;
}

}  // namespace smedash::dashboard
