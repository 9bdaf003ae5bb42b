// Number style. Excel opens a double-clicked .csv with the separators of the Windows
// region: in an Indonesian region the decimal mark is ',' and the list separator ';', so
// "1234567,89" in ';'-separated fields is read as a number there, while ',' fields with
// '.' decimals would be split apart or read as text. The Indonesian UI therefore writes
// ';' and ','; the English UI writes ',' and '.' (what an English region reads).
// No digit grouping: Excel reads numbers without it in every region, and a grouped
// "1.234" would be a thousand in one style and one-point-something in the other.
// No "sep=;" line: it makes Excel ignore the BOM and misread UTF-8 ("–" becomes "â€“").
// Dates: an Indonesian region reads 09/10/2025 as 9 October; an English (often US, m/d/y)
// region would read it as 10 September, so the English file writes 2025-10-09, which every
// region reads the same.
#include "dashboard/export/csv_writer.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "core/csv_field.hpp"
#include "core/date.hpp"
#include "dashboard/export/decimal_text.hpp"

namespace smedash::dashboard::exports {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kMissing = "–";

struct CsvStyle {
  char delimiter;
  bool decimal_comma;
  bool day_first;
};

CsvStyle StyleFor(std::string_view lang) {
  // Like ui::Translations, anything but English is Indonesian.
  if (lang == "en") return {',', false, false};
  return {';', true, true};
}

std::string DateText(std::string_view iso_date, const CsvStyle& style) {
  const auto date = core::Date::ParseIso(iso_date);
  if (!date) throw std::invalid_argument("export: bad date \"" + std::string(iso_date) + "\"");
  if (!style.day_first) return date->ToIso();
  return fmt::format("{:02}/{:02}/{:04}", date->Day(), date->Month(), date->Year());
}

std::string CellText(const Cell& cell, const CsvStyle& style) {
  switch (cell.kind) {
    case CellKind::kMissing:
      return std::string(kMissing);
    case CellKind::kText:
      return core::CsvField(cell.text, style.delimiter);
    case CellKind::kNumber:
      return WithDecimalMark(cell.text, style.decimal_comma);
    case CellKind::kDate:
      return DateText(cell.text, style);
  }
  return {};
}

void AppendLine(std::string& out, const std::vector<std::string>& fields, char delimiter) {
  for (std::size_t index = 0; index < fields.size(); ++index) {
    if (index > 0) out += delimiter;
    out += fields[index];
  }
  out += "\r\n";  // RFC 4180
}

}  // namespace

std::string WriteCsv(const Table& table, std::string_view lang) {
  const CsvStyle style = StyleFor(lang);
  std::string out(kUtf8Bom);
  AppendLine(out, {core::CsvField(table.title, style.delimiter)}, style.delimiter);
  for (const HeaderLine& line : table.header) {
    AppendLine(out, {core::CsvField(line.label, style.delimiter), CellText(line.value, style)},
               style.delimiter);
  }
  out += "\r\n";
  std::vector<std::string> fields;
  for (const std::string& title : table.columns)
    fields.push_back(core::CsvField(title, style.delimiter));
  AppendLine(out, fields, style.delimiter);
  for (const Row& row : table.rows) {
    fields.clear();
    for (const Cell& cell : row.cells) fields.push_back(CellText(cell, style));
    AppendLine(out, fields, style.delimiter);
  }
  return out;
}

}  // namespace smedash::dashboard::exports
