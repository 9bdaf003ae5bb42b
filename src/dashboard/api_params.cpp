#include "dashboard/api_params.hpp"

#include <charconv>

#include "dashboard/api_error.hpp"

namespace smedash::dashboard {
namespace {

// The parameter's value; nullopt when absent or empty (the default applies).
std::optional<std::string> Param(const http::Request& request, std::string_view name) {
  auto value = request.Query(name);
  if (!value || value->empty()) return std::nullopt;
  return value;
}

std::optional<core::Date> DateParam(const http::Request& request, std::string_view name) {
  const auto text = Param(request, name);
  if (!text) return std::nullopt;
  const auto date = core::Date::ParseIso(*text);
  if (!date) throw ApiError::BadParameter(name, "yyyy-mm-dd");
  return date;
}

std::string GroupParam(const http::Request& request) {
  return Param(request, "group").value_or("SME");
}

// A kanca id, or nullopt for "all" (RO).
std::optional<std::string> KancaParam(const http::Request& request) {
  auto id = Param(request, "kanca");
  if (id && *id == "all") return std::nullopt;
  return id;
}

metrics::Metric MetricParam(const http::Request& request) {
  const auto text = Param(request, "metric");
  if (!text) return metrics::Metric::kOs;
  if (const auto metric = metrics::ParseMetric(*text)) return *metric;
  std::string accepted;
  for (const metrics::Metric metric : metrics::kAllMetrics) {
    if (!accepted.empty()) accepted += ", ";
    accepted += metrics::MetricName(metric);
  }
  throw ApiError::BadParameter("metric", accepted);
}

int MonthsParam(const http::Request& request) {
  const auto text = Param(request, "months");
  if (!text) return DailyQuery::kDefaultMonths;
  int months = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), months);
  if (error != std::errc() || end != text->data() + text->size() || months < 1 ||
      months > DailyQuery::kMaxMonths) {
    throw ApiError::BadParameter("months", "1-" + std::to_string(DailyQuery::kMaxMonths));
  }
  return months;
}

}  // namespace

OsQuery OsQueryFrom(const http::Request& request) {
  OsQuery query;
  query.group = GroupParam(request);
  query.metric = MetricParam(request);
  query.position = DateParam(request, "position");
  query.kanca = KancaParam(request);
  return query;
}

SummaryQuery SummaryQueryFrom(const http::Request& request) {
  SummaryQuery query;
  if (const auto text = Param(request, "tab")) {
    const auto tab = ParseSummaryTab(*text);
    if (!tab) throw ApiError::BadParameter("tab", "konsol, only, medium");
    query.tab = *tab;
  }
  query.kanca = KancaParam(request);
  query.position = DateParam(request, "position");
  return query;
}

DailyQuery DailyQueryFrom(const http::Request& request) {
  DailyQuery query;
  if (const auto text = Param(request, "view")) {
    const auto view = ParseDailyView(*text);
    if (!view) throw ApiError::BadParameter("view", "daily, compare, monthly");
    query.view = *view;
  }
  query.group = GroupParam(request);
  query.kanca = KancaParam(request);
  query.from = DateParam(request, "from");
  query.to = DateParam(request, "to");
  if (query.from && query.to && *query.from > *query.to) {
    throw ApiError::BadParameter("from", "from <= to");
  }
  query.months = MonthsParam(request);
  return query;
}

ExportOptions ExportOptionsFrom(const http::Request& request, std::string_view kind) {
  ExportOptions options;
  if (const auto text = Param(request, "format")) {
    const auto format = ParseExportFormat(*text);
    if (!format) throw ApiError::BadParameter("format", "xlsx, csv");
    options.format = *format;
  }
  if (const auto text = Param(request, "unit")) {
    const auto unit = ParseAmountUnit(*text);
    if (!unit) throw ApiError::BadParameter("unit", "rp, juta, m");
    options.unit = *unit;
  }
  // Only the OS export has several tables; the others ignore the parameter.
  const auto table = kind == "os" ? Param(request, "table") : std::nullopt;
  if (const auto& text = table) {
    if (*text != "konsol" && *text != "kanca_only" && *text != "kcp_only") {
      throw ApiError::BadParameter("table", "konsol, kanca_only, kcp_only");
    }
    options.table = *text;
  }
  return options;
}

}  // namespace smedash::dashboard
