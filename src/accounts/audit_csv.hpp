//! CSV text for the audit log's export, in the dashboard exports' style: UTF-8 with a BOM,
//! the UI language's separator (';' Indonesian, ',' English, what Excel expects in that
//! region), RFC 4180 quoting, and no cell a spreadsheet would run as a formula.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace smedash::accounts {

inline constexpr std::string_view kCsvUtf8Bom = "\xEF\xBB\xBF";

// Like ui::Translations, anything but English is Indonesian.
char AuditCsvDelimiter(std::string_view lang);

// The fields as one line ending in CRLF.
std::string AuditCsvLine(const std::vector<std::string>& fields, char delimiter);

// "2025-10-09 08:02:03" (local) as the language's spreadsheets read it: Indonesian
// "09/10/2025 08:02:03", English unchanged (an English, often m/d/y, region would misread
// a day-first date).
std::string AuditCsvTime(std::string_view local_time, std::string_view lang);

// A short name for the display time zone: WIB, WITA, WIT for Indonesia's, else its name.
std::string ZoneLabel(std::string_view timezone);

}  // namespace smedash::accounts
