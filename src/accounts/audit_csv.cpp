#include "accounts/audit_csv.hpp"

#include "core/csv_field.hpp"

namespace smedash::accounts {

char AuditCsvDelimiter(std::string_view lang) { return lang == "en" ? ',' : ';'; }

std::string AuditCsvLine(const std::vector<std::string>& fields, char delimiter) {
  std::string line;
  for (std::size_t index = 0; index < fields.size(); ++index) {
    if (index > 0) line += delimiter;
    line += core::CsvField(fields[index], delimiter);
  }
  return line + "\r\n";
}

std::string AuditCsvTime(std::string_view local_time, std::string_view lang) {
  // "yyyy-mm-dd HH:MM:SS": anything else is passed through rather than mangled.
  if (lang == "en" || local_time.size() != 19 || local_time[4] != '-' || local_time[10] != ' ') {
    return std::string(local_time);
  }
  std::string text;
  text.append(local_time.substr(8, 2)).append("/");
  text.append(local_time.substr(5, 2)).append("/");
  text.append(local_time.substr(0, 4)).append(local_time.substr(10));
  return text;
}

std::string ZoneLabel(std::string_view timezone) {
  if (timezone == "Asia/Jakarta" || timezone == "Asia/Pontianak") return "WIB";
  if (timezone == "Asia/Makassar") return "WITA";
  if (timezone == "Asia/Jayapura") return "WIT";
  return std::string(timezone);
}

}  // namespace smedash::accounts
