// Dashboard JSON answers shaped as docs/dashboard-api.md shows them, with the figures of
// domain.md section 10 (Rp), and the shipped translations.
#pragma once
#include <boost/json/parse.hpp>
#include <filesystem>
#include <string>

#include "dashboard/export/dashboard_export.hpp"
#include "ui/i18n.hpp"

namespace smedash::dashboard::testing {

inline const ui::Translations& Texts() {
  static const ui::Translations texts(std::filesystem::path(SMEDASH_WEB_ROOT) / "i18n");
  return texts;
}

inline boost::json::object Json(const std::string& text) {
  return boost::json::parse(text).as_object();
}

inline const char* kColumns = R"("columns": {"A": "2024-12-31", "B": null, "C": "2025-09-30",
                                             "D": "2025-10-08", "E": "2025-10-09", "Y": null})";

// /dashboard/os?group=SME&metric=os&position=2025-10-09: KONSOL as in the worked example,
// one KANCA ONLY row falling (a negative change), one KCP with an odd amount.
inline boost::json::object OsAnswer() {
  return Json(std::string(R"({"position": "2025-10-09", "group": "SME", "metric": "os",
    "metric_kind": "amount", "rise_is_good": true, "kanca": null, )") +
              kColumns + R"(,
    "tables": [
      {"id": "konsol", "rows": [
        {"kanca_id": "5", "code": "5", "name": "KC Bandung AA",
         "values": {"A": "11500000000.00", "B": null, "C": "13800000000.00",
                    "D": "14500000000.00", "E": "15000000000.00", "Y": null},
         "changes": {"dtd": {"value": "500000000.00", "percent": "3.4483"}, "mom": null,
                     "mtd": {"value": "1200000000.00", "percent": "8.6957"},
                     "ytd": {"value": "3500000000.00", "percent": "30.4348"}, "yoy": null}},
        {"kanca_id": "25", "code": "25", "name": "KC Garut",
         "values": {"A": null, "B": null, "C": "1450000000.00",
                    "D": "2100000000.00", "E": "2400000000.00", "Y": null},
         "changes": {"dtd": {"value": "300000000.00", "percent": "14.2857"}, "mom": null,
                     "mtd": {"value": "950000000.00", "percent": "65.5172"},
                     "ytd": null, "yoy": null}}],
       "total": {"name": "TOTAL",
         "values": {"A": "11500000000.00", "B": null, "C": "15250000000.00",
                    "D": "16600000000.00", "E": "17400000000.00", "Y": null},
         "changes": {"dtd": {"value": "800000000.00", "percent": "4.8193"}, "mom": null,
                     "mtd": {"value": "2150000000.00", "percent": "14.0984"},
                     "ytd": {"value": "5900000000.00", "percent": "51.3043"}, "yoy": null}}},
      {"id": "kanca_only", "rows": [
        {"kanca_id": "25", "code": "25", "name": "KC Garut",
         "values": {"A": null, "B": null, "C": "1450000000.00",
                    "D": "2250000000.50", "E": "2000000000.00", "Y": null},
         "changes": {"dtd": {"value": "-250000000.50", "percent": "-11.1111"}, "mom": null,
                     "mtd": {"value": "550000000.00", "percent": "37.9310"},
                     "ytd": null, "yoy": null}}],
       "total": {"name": "TOTAL",
         "values": {"A": null, "B": null, "C": "1450000000.00",
                    "D": "2250000000.50", "E": "2000000000.00", "Y": null},
         "changes": {"dtd": {"value": "-250000000.50", "percent": "-11.1111"}, "mom": null,
                     "mtd": {"value": "550000000.00", "percent": "37.9310"},
                     "ytd": null, "yoy": null}}},
      {"id": "kcp_only", "rows": [
        {"kanca_id": "25", "code": "1346", "name": "KCP Cikajang", "kanca_name": "KC Garut",
         "values": {"A": null, "B": null, "C": null,
                    "D": "400000000.00", "E": "401234567.89", "Y": null},
         "changes": {"dtd": {"value": "1234567.89", "percent": "0.3086"}, "mom": null,
                     "mtd": null, "ytd": null, "yoy": null}}],
       "total": {"name": "TOTAL",
         "values": {"A": null, "B": null, "C": null,
                    "D": "400000000.00", "E": "401234567.89", "Y": null},
         "changes": {"dtd": {"value": "1234567.89", "percent": "0.3086"}, "mom": null,
                     "mtd": null, "ytd": null, "yoy": null}}}],
    "charts": {"by_kanca": [], "by_grade": [], "trend": []}})");
}

// /dashboard/summary?tab=konsol&kanca=all, three of the ten sections (amount, percent,
// count) with their header row and one group row each.
inline boost::json::object SummaryAnswer() {
  const std::string no_changes =
      R"("changes": {"dtd": null, "mom": null, "mtd": null, "ytd": null, "yoy": null})";
  return Json(std::string(R"({"position": "2025-10-09", "tab": "konsol", "kanca": null, )") +
              kColumns + R"(, "sections": [
    {"metric": "os", "metric_kind": "amount", "rise_is_good": true, "rows": [
      {"kind": "header", "group": "SME", "label": "SME",
       "values": {"A": "11500000000.00", "B": null, "C": "15250000000.00",
                  "D": "16600000000.00", "E": "17400000000.00", "Y": null},
       "changes": {"dtd": {"value": "800000000.00", "percent": "4.8193"}, "mom": null,
                   "mtd": {"value": "2150000000.00", "percent": "14.0984"},
                   "ytd": {"value": "5900000000.00", "percent": "51.3043"}, "yoy": null}},
      {"kind": "row", "group": "MEDIUM", "label": "Medium",
       "values": {"A": "9000000000.00", "B": null, "C": "9200000000.00",
                  "D": "9500000000.00", "E": "10000000000.00", "Y": null}, )" +
              no_changes + R"(}]},
    {"metric": "npl_pct", "metric_kind": "percent", "rise_is_good": false, "rows": [
      {"kind": "header", "group": "SME", "label": "SME",
       "values": {"A": "0.0000", "B": null, "C": "0.0000", "D": "2.4096", "E": "5.1724",
                  "Y": null},
       "changes": {"dtd": {"value": "2.7628", "percent": "114.6578"}, "mom": null,
                   "mtd": {"value": "5.1724", "percent": null}, "ytd": null, "yoy": null}},
      {"kind": "row", "group": "KUR", "label": "KUR",
       "values": {"A": null, "B": null, "C": "0.0000", "D": "0.0000", "E": "100.0000",
                  "Y": null}, )" +
              no_changes + R"(}]},
    {"metric": "nsb", "metric_kind": "count", "rise_is_good": true, "rows": [
      {"kind": "header", "group": "SME", "label": "SME",
       "values": {"A": "2", "B": null, "C": "4", "D": "5", "E": "5", "Y": null},
       "changes": {"dtd": {"value": "0", "percent": "0.0000"}, "mom": null,
                   "mtd": {"value": "1", "percent": "25.0000"},
                   "ytd": {"value": "3", "percent": "150.0000"}, "yoy": null}}]}]})");
}

// One point as /dashboard/daily sends it: every metric.
inline std::string DailyPoint(const std::string& leading, const std::string& os) {
  return "{" + leading + R"(, "os": ")" + os + R"(", "dpk": "2000000000.00",
    "dpk_pct": "11.4943", "npl": "900000000.00", "npl_pct": "5.1724", "lr": "3000000000.00",
    "lr_pct": "17.2414", "lar": "5900000000.00", "lar_pct": "33.9080", "nsb": "5"})";
}

inline boost::json::object DailyAnswer() {
  return Json(R"({"view": "daily", "position": "2025-10-09", "group": "SMALL_KUR",
    "kanca": {"id": "25", "name": "KC Garut"}, "points": [)" +
              DailyPoint(R"("position": "2025-10-08")", "16600000000.00") + "," +
              DailyPoint(R"("position": "2025-10-09")", "17400000000.00") + "]}");
}

inline boost::json::object CompareAnswer() {
  return Json(R"({"view": "compare", "position": "2025-10-09", "group": "SME",
    "kanca": null, "from": "2025-09-01", "to": "2025-10-09", "series": [
      {"month": "2025-09", "points": [)" +
              DailyPoint(R"("day": 30, "position": "2025-09-30")", "15250000000.00") + R"(]},
      {"month": "2025-10", "points": [)" +
              DailyPoint(R"("day": 9, "position": "2025-10-09")", "17400000000.00") + "]}]}");
}

inline boost::json::object MonthlyAnswer() {
  return Json(R"({"view": "monthly", "position": "2025-10-09", "group": "SME",
    "kanca": null, "from": "2024-12-01", "to": "2025-10-31", "points": [)" +
              DailyPoint(R"("month": "2024-12", "position": "2024-12-31")", "11500000000.00") +
              "]}");
}

inline ExportRequest Request(std::string kind, ExportFormat format, AmountUnit unit,
                             std::string lang, std::string table = {}) {
  return ExportRequest{.kind = std::move(kind),
                       .format = format,
                       .unit = unit,
                       .lang = std::move(lang),
                       .table = std::move(table)};
}

}  // namespace smedash::dashboard::testing
