//! From each dashboard JSON shape (docs/dashboard-api.md) to export tables: one table per
//! sheet, in the order the page shows them. Throw std::invalid_argument on a wrong shape.
#pragma once
#include <boost/json/object.hpp>
#include <string_view>
#include <vector>

#include "dashboard/export/export_context.hpp"
#include "dashboard/export/export_table.hpp"

namespace smedash::dashboard::exports {

// The OS table ids, in page order.
inline constexpr std::string_view kOsTableIds[] = {"konsol", "kanca_only", "kcp_only"};

// /dashboard/os: KANCA KONSOL, KANCA ONLY, KCP ONLY, always all three (empty when the JSON
// has none, e.g. nothing loaded).
std::vector<Table> BuildOsTables(const boost::json::object& data, const ExportContext& context);
// /dashboard/summary: one table, the tab's ten sections one after the other.
Table BuildSummaryTable(const boost::json::object& data, const ExportContext& context);
// /dashboard/daily: one table of the view's points (daily, compare or monthly).
Table BuildDailyTable(const boost::json::object& data, const ExportContext& context);

// Header lines shared by the builders.
// "Kanca": the name, or "all" when "kanca" is null; no line when the JSON has no "kanca".
void AddKancaLine(std::vector<HeaderLine>& header, const boost::json::object& data,
                  const ExportContext& context);
void AddUnitLine(std::vector<HeaderLine>& header, const ExportContext& context);

}  // namespace smedash::dashboard::exports
