//! The dashboard API's query parameters (docs/dashboard-api.md), parsed once into the
//! services' typed queries. A value that does not parse is ApiError bad_parameter naming
//! the field; an absent or empty value takes the default. Groups and kanca ids are data,
//! so the services check them against the snapshot.
#pragma once
#include <string>
#include <string_view>

#include "dashboard/daily_service.hpp"
#include "dashboard/export/dashboard_export.hpp"
#include "dashboard/os_service.hpp"
#include "dashboard/summary_service.hpp"
#include "http/request.hpp"

namespace smedash::dashboard {

OsQuery OsQueryFrom(const http::Request& request);
SummaryQuery SummaryQueryFrom(const http::Request& request);
DailyQuery DailyQueryFrom(const http::Request& request);

struct ExportOptions {
  ExportFormat format = ExportFormat::kXlsx;
  AmountUnit unit = AmountUnit::kJuta;  // the pages' default
  std::string table;                    // CSV of the OS tables: konsol | kanca_only | kcp_only
};
// format=xlsx|csv, unit=rp|juta|m and, for `kind` "os", table=konsol|kanca_only|kcp_only.
ExportOptions ExportOptionsFrom(const http::Request& request, std::string_view kind);

}  // namespace smedash::dashboard
