#include "dashboard/json_values.hpp"

#include <boost/json/string.hpp>
#include <string_view>

namespace smedash::dashboard {

boost::json::value DecimalJson(const std::optional<metrics::Decimal>& value,
                               const boost::json::storage_ptr& storage) {
  if (!value) return boost::json::value(nullptr, storage);
  return boost::json::value(boost::json::string(value->ToString(), storage));
}

boost::json::value DateJson(core::Date date, const boost::json::storage_ptr& storage) {
  char text[core::Date::kIsoSize];
  date.FormatIso(text);
  return boost::json::value(boost::json::string(std::string_view(text, sizeof text), storage));
}

boost::json::value DateJson(const std::optional<core::Date>& date,
                            const boost::json::storage_ptr& storage) {
  if (!date) return boost::json::value(nullptr, storage);
  return DateJson(*date, storage);
}

boost::json::value MonthJson(core::Date date, const boost::json::storage_ptr& storage) {
  char text[core::Date::kIsoSize];
  date.FormatIso(text);
  return boost::json::value(boost::json::string(std::string_view(text, 7), storage));
}

boost::json::value OptionalText(const std::optional<std::string>& text,
                                const boost::json::storage_ptr& storage) {
  if (!text) return boost::json::value(nullptr, storage);
  return boost::json::value(boost::json::string(*text, storage));
}

void AddMetricFields(boost::json::object& object, metrics::Metric metric) {
  object["metric"] = metrics::MetricName(metric);
  switch (metrics::KindOf(metric)) {
    case metrics::MetricKind::kAmount:
      object["metric_kind"] = "amount";
      break;
    case metrics::MetricKind::kPercent:
      object["metric_kind"] = "percent";
      break;
    case metrics::MetricKind::kCount:
      object["metric_kind"] = "count";
      break;
  }
  object["rise_is_good"] = metrics::RiseIsGood(metric);
}

boost::json::value KancaJson(const metrics::Hierarchy& units,
                             const std::optional<std::size_t>& kanca,
                             const boost::json::storage_ptr& storage) {
  if (!kanca) return boost::json::value(nullptr, storage);
  const auto& info = units.Kancas()[*kanca];
  boost::json::object object(storage);
  object["id"] = info.id;
  object["name"] = info.name;
  return object;
}

}  // namespace smedash::dashboard
