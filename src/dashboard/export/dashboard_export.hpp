//! Dashboard table exports (issue 4, docs/dashboard-api.md "Exports"): turns the JSON object
//! that /api/v1/dashboard/{os,summary,daily} answers into an XLSX or CSV file. The caller
//! builds that JSON exactly as for the JSON endpoint, then hands it here; this module only
//! lays it out, so the file always shows the same numbers as the page.
#pragma once
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "ui/i18n.hpp"

namespace smedash::dashboard {

enum class ExportFormat { kCsv, kXlsx };
// How amounts are shown: rupiah, Rp juta (10^6) or Rp M (miliar, 10^9). Percentages and
// counts are never scaled.
enum class AmountUnit { kRupiah, kJuta, kMiliar };

// Query parameter values: format=csv|xlsx, unit=rp|juta|m; nullopt for anything else (the
// caller answers 400 bad_parameter).
std::optional<ExportFormat> ParseExportFormat(std::string_view text);
std::optional<AmountUnit> ParseAmountUnit(std::string_view text);

struct ExportRequest {
  std::string kind;  // "os", "summary" or "daily": which JSON shape `data` is
  ExportFormat format = ExportFormat::kXlsx;
  AmountUnit unit = AmountUnit::kRupiah;
  std::string lang = "id";  // "id" or "en": labels, month names and (CSV) number style
  // CSV only (one table per file): the OS table, "konsol" | "kanca_only" | "kcp_only";
  // empty = "konsol". Ignored for summary/daily and for XLSX (one sheet per table).
  std::string table;
};

struct ExportFile {
  std::string file_name;     // e.g. "os_SME_os_2025-10-09.xlsx" (ASCII, no quotes)
  std::string content_type;  // "text/csv; charset=utf-8" or the XLSX MIME type
  std::string body;          // the file's bytes
};

// Lays `data` (the endpoint's JSON, as documented) out as a file: XLSX with one sheet per
// table (OS: all three), CSV with one table (OS: request.table). Besides the documented
// fields it reads, when present, "kanca": {"id","name"} | null (the kanca filter line) and,
// for daily, "group", "from", "to", "months" (filter lines; from/to default to the points'
// span). `data` with "position": null gives a file with the header block and no rows.
// Throws std::invalid_argument when request.kind or request.table is unknown or `data`
// does not have the documented shape (e.g. a figure that is not a decimal string).
ExportFile ExportDashboard(const boost::json::object& data, const ExportRequest& request,
                           const ui::Translations& texts);

}  // namespace smedash::dashboard
