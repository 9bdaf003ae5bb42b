#include "dashboard/export/dashboard_export.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "dashboard/export/csv_writer.hpp"
#include "dashboard/export/json_access.hpp"
#include "dashboard/export/table_builders.hpp"
#include "dashboard/export/xlsx_writer.hpp"

namespace smedash::dashboard {
namespace {

using exports::Table;

constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr std::string_view kCsvType = "text/csv; charset=utf-8";

std::string OsTableId(const ExportRequest& request) {
  const std::string id = request.table.empty() ? "konsol" : request.table;
  const auto& ids = exports::kOsTableIds;
  if (std::find(std::begin(ids), std::end(ids), id) == std::end(ids)) {
    throw std::invalid_argument("export: unknown OS table \"" + id + "\"");
  }
  return id;
}

std::vector<Table> BuildTables(const boost::json::object& data, const ExportRequest& request,
                               const exports::ExportContext& context) {
  if (request.kind == "os") {
    std::vector<Table> tables = exports::BuildOsTables(data, context);
    if (request.format == ExportFormat::kXlsx) return tables;
    const std::string id = OsTableId(request);
    const auto& ids = exports::kOsTableIds;
    const auto index = std::find(std::begin(ids), std::end(ids), id) - std::begin(ids);
    return {std::move(tables[static_cast<std::size_t>(index)])};
  }
  if (request.kind == "summary") return {exports::BuildSummaryTable(data, context)};
  if (request.kind == "daily") return {exports::BuildDailyTable(data, context)};
  throw std::invalid_argument("export: unknown kind \"" + request.kind + "\"");
}

// The parts that tell two exports apart; only [A-Za-z0-9_-] so the name needs no quoting
// in Content-Disposition ("k:kc baru" kanca ids become "k-kc-baru").
std::string FileName(const boost::json::object& data, const ExportRequest& request) {
  std::vector<std::string> parts = {request.kind};
  if (request.kind == "os") {
    if (request.format == ExportFormat::kCsv) parts.push_back(OsTableId(request));
    parts.push_back(exports::StringOrEmpty(data, "group"));
    parts.push_back(exports::StringOrEmpty(data, "metric"));
  } else if (request.kind == "summary") {
    parts.push_back(exports::StringOrEmpty(data, "tab"));
  } else {
    parts.push_back(exports::StringOrEmpty(data, "view"));
    parts.push_back(exports::StringOrEmpty(data, "group"));
  }
  if (const boost::json::object* kanca = exports::OptionalObject(data, "kanca")) {
    parts.push_back(exports::StringOrEmpty(*kanca, "id"));
  }
  const std::string position = exports::StringOrEmpty(data, "position");
  parts.push_back(position.empty() ? "empty" : position);
  std::string name;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!name.empty()) name += '_';
    for (const char c : part)
      name += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ? c : '-';
  }
  return name + (request.format == ExportFormat::kXlsx ? ".xlsx" : ".csv");
}

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view text) {
  if (text == "csv") return ExportFormat::kCsv;
  if (text == "xlsx") return ExportFormat::kXlsx;
  return std::nullopt;
}

std::optional<AmountUnit> ParseAmountUnit(std::string_view text) {
  if (text == "rp") return AmountUnit::kRupiah;
  if (text == "juta") return AmountUnit::kJuta;
  if (text == "m") return AmountUnit::kMiliar;
  return std::nullopt;
}

ExportFile ExportDashboard(const boost::json::object& data, const ExportRequest& request,
                           const ui::Translations& texts) {
  const exports::ExportContext context(texts, request.lang, request.unit);
  const std::vector<Table> tables = BuildTables(data, request, context);
  ExportFile file{.file_name = FileName(data, request), .content_type = {}, .body = {}};
  if (request.format == ExportFormat::kXlsx) {
    file.content_type = kXlsxType;
    file.body = exports::WriteXlsx(tables);
  } else {
    file.content_type = kCsvType;
    file.body = exports::WriteCsv(tables.front(), request.lang);
  }
  return file;
}

}  // namespace smedash::dashboard
