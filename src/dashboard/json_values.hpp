//! The dashboard API's JSON spellings (docs/dashboard-api.md "Conventions"): figures as
//! exact decimal strings, dates as "yyyy-mm-dd", null for none, and the fields naming a
//! metric or a kanca. Every value is made in the caller's storage, so a response is built
//! in one arena and serialised once.
#pragma once
#include <boost/json/object.hpp>
#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>

#include "core/date.hpp"
#include "metrics/decimal.hpp"
#include "metrics/hierarchy.hpp"
#include "metrics/metric.hpp"

namespace smedash::dashboard {

boost::json::value DecimalJson(const std::optional<metrics::Decimal>& value,
                               const boost::json::storage_ptr& storage);
boost::json::value DateJson(core::Date date, const boost::json::storage_ptr& storage);
boost::json::value DateJson(const std::optional<core::Date>& date,
                            const boost::json::storage_ptr& storage);
// "2025-10".
boost::json::value MonthJson(core::Date date, const boost::json::storage_ptr& storage);
boost::json::value OptionalText(const std::optional<std::string>& text,
                                const boost::json::storage_ptr& storage);

// "metric", "metric_kind" ("amount" | "percent" | "count") and "rise_is_good".
void AddMetricFields(boost::json::object& object, metrics::Metric metric);
// {"id", "name"} of a kanca, or null for all (RO).
boost::json::value KancaJson(const metrics::Hierarchy& units,
                             const std::optional<std::size_t>& kanca,
                             const boost::json::storage_ptr& storage);

}  // namespace smedash::dashboard
