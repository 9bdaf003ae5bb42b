// The View data CSV: header, values in each UI language's style, formulas neutralised.
#include <gtest/gtest.h>

#include "data_management/view_data_columns.hpp"
#include "data_management/view_data_export.hpp"

namespace smedash::data_management::view_data {
namespace {

LoanRow RowWith(std::map<std::string_view, std::optional<std::string>> values) {
  LoanRow row;
  for (const auto& column : ViewColumns()) {
    const auto found = values.find(column.name);
    row.values.push_back(found == values.end() ? std::nullopt : found->second);
  }
  row.segment = "SMALL NCC";
  return row;
}

// The fields of a CSV line written without quotes.
std::vector<std::string> Fields(const std::string& line, char delimiter) {
  std::vector<std::string> fields(1);
  for (const char c : line) {
    if (c == delimiter) {
      fields.emplace_back();
    } else if (c != '\r' && c != '\n') {
      fields.back() += c;
    }
  }
  return fields;
}

std::size_t IndexOf(std::string_view name) {
  const auto& columns = ViewColumns();
  for (std::size_t index = 0; index < columns.size(); ++index) {
    if (columns[index].name == name) return index;
  }
  ADD_FAILURE() << name;
  return 0;
}

TEST(ViewDataCsv, TheHeaderNamesTheFilesColumnsThenEffectiveOsAndSegment) {
  const std::string header = CsvHeader(CsvStyleFor("id"));
  ASSERT_TRUE(
      header.starts_with("\xEF\xBB\xBF"
                         "PERIODE;KANCA;KODE UKER;UKER;"));
  EXPECT_TRUE(header.ends_with(";OS;NASABAH;DUB NASABAH;OS EFEKTIF;SEGMENT\r\n")) << header;
  EXPECT_TRUE(CsvHeader(CsvStyleFor("en")).ends_with(",OS EFEKTIF,SEGMENT\r\n"));
}

TEST(ViewDataCsv, IndonesianRowsUseSemicolonsDecimalCommasAndDayFirstDates) {
  const LoanRow row = RowWith({{"periode", "2025-10-09"},
                               {"nomor_rekening", "000501000000275"},
                               {"os", "-1234567.89"},
                               {"rate", "11.5000"},
                               {"kol_adk", "3"},
                               {"flag_restruk", "t"},
                               {"dub_nasabah", "f"}});
  std::string line;
  AppendCsvRow(line, row, CsvStyleFor("id"));
  const auto fields = Fields(line, ';');
  ASSERT_EQ(fields.size(), ViewColumns().size() + 1);
  EXPECT_EQ(fields[IndexOf("periode")], "09/10/2025");
  EXPECT_EQ(fields[IndexOf("nomor_rekening")], "000501000000275");  // kept as text
  EXPECT_EQ(fields[IndexOf("os")], "-1234567,89");  // a negative number is no formula
  EXPECT_EQ(fields[IndexOf("rate")], "11,5000");
  EXPECT_EQ(fields[IndexOf("kol_adk")], "3");
  EXPECT_EQ(fields[IndexOf("flag_restruk")], "Y");
  EXPECT_EQ(fields[IndexOf("dub_nasabah")], "N");
  EXPECT_EQ(fields[IndexOf("plafon")], "");  // NULL
  EXPECT_EQ(fields.back(), "SMALL NCC");
  EXPECT_TRUE(line.ends_with("\r\n"));
}

TEST(ViewDataCsv, EnglishRowsUseCommasPointsAndIsoDates) {
  std::string line;
  AppendCsvRow(line, RowWith({{"periode", "2025-10-09"}, {"os", "1234567.89"}}), CsvStyleFor("en"));
  const auto fields = Fields(line, ',');
  EXPECT_EQ(fields[IndexOf("periode")], "2025-10-09");
  EXPECT_EQ(fields[IndexOf("os")], "1234567.89");
}

}  // namespace
}  // namespace smedash::data_management::view_data
