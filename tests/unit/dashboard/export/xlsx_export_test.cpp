// XLSX exports read back by openpyxl (an independent reader): one sheet per table, numbers
// stored as numbers with their display format, the header block, frozen titles, formulas
// never created from text.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "export_fixtures.hpp"

namespace smedash::dashboard {
namespace {

using testing::Request;
using testing::Texts;

// The workbook as read_xlsx.py prints it.
boost::json::object ReadBack(const std::string& body) {
  const auto dir = std::filesystem::temp_directory_path();
  const auto stem = "smedash-export-test-" +
                    std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                    ::testing::UnitTest::GetInstance()->current_test_info()->name();
  const auto xlsx = dir / (stem + ".xlsx");
  const auto json = dir / (stem + ".json");
  std::ofstream(xlsx, std::ios::binary) << body;
  // Debian's python3 has python3-openpyxl (scripts/install-deps); a PATH python may not.
  const std::string command =
      "/usr/bin/python3 '" READ_XLSX_SCRIPT "' '" + xlsx.string() + "' > '" + json.string() + "'";
  const int status = std::system(command.c_str());
  std::ifstream in(json);
  std::stringstream text;
  text << in.rdbuf();
  std::filesystem::remove(xlsx);
  std::filesystem::remove(json);
  if (status != 0) throw std::runtime_error("read_xlsx.py failed: " + command);
  return boost::json::parse(text.str()).as_object();
}

boost::json::object Workbook(const boost::json::object& data, const std::string& kind,
                             AmountUnit unit, const std::string& lang) {
  const ExportFile file =
      ExportDashboard(data, Request(kind, ExportFormat::kXlsx, unit, lang), Texts());
  EXPECT_EQ(file.content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  return ReadBack(file.body);
}

const boost::json::object& Sheet(const boost::json::object& book, std::size_t index) {
  return book.at("sheets").as_array().at(index).as_object();
}

const boost::json::object& At(const boost::json::object& sheet, const char* cell) {
  const auto& cells = sheet.at("cells").as_object();
  if (!cells.contains(cell)) throw std::out_of_range(std::string("no cell ") + cell);
  return cells.at(cell).as_object();
}

std::string Str(const boost::json::value& value) { return std::string(value.as_string()); }

void ExpectText(const boost::json::object& sheet, const char* cell, const std::string& text) {
  const auto& found = At(sheet, cell);
  EXPECT_EQ(Str(found.at("type")), "s") << cell;
  EXPECT_EQ(Str(found.at("value")), text) << cell;
}

void ExpectNumber(const boost::json::object& sheet, const char* cell, double value,
                  const std::string& format) {
  const auto& found = At(sheet, cell);
  EXPECT_EQ(Str(found.at("type")), "n") << cell;
  EXPECT_DOUBLE_EQ(found.at("value").to_number<double>(), value) << cell;
  EXPECT_EQ(Str(found.at("format")), format) << cell;
}

bool Bold(const boost::json::object& sheet, const char* cell) {
  return At(sheet, cell).at("bold").as_bool();
}

TEST(XlsxExportTest, OsHasOneSheetPerTableInPageOrder) {
  const auto book = Workbook(testing::OsAnswer(), "os", AmountUnit::kJuta, "id");
  ASSERT_EQ(book.at("sheets").as_array().size(), 3u);
  EXPECT_EQ(Str(Sheet(book, 0).at("name")), "KANCA KONSOL");
  EXPECT_EQ(Str(Sheet(book, 1).at("name")), "KANCA ONLY");
  EXPECT_EQ(Str(Sheet(book, 2).at("name")), "KCP ONLY");
}

TEST(XlsxExportTest, HeaderBlockIsBoldWithRealDates) {
  const auto sheet = Sheet(Workbook(testing::OsAnswer(), "os", AmountUnit::kJuta, "id"), 0);
  ExpectText(sheet, "A1", "Dashboard OS – KANCA KONSOL");
  EXPECT_TRUE(Bold(sheet, "A1"));
  ExpectText(sheet, "A2", "Segmen");
  EXPECT_TRUE(Bold(sheet, "A2"));
  ExpectText(sheet, "B2", "SME");
  EXPECT_FALSE(Bold(sheet, "B2"));
  ExpectText(sheet, "A5", "Posisi");
  EXPECT_EQ(Str(At(sheet, "B5").at("type")), "d");
  EXPECT_EQ(Str(At(sheet, "B5").at("value")), "2025-10-09");
  EXPECT_EQ(Str(At(sheet, "B5").at("format")), "dd/mm/yyyy");
  ExpectText(sheet, "B6", "Rp juta");
  ExpectText(sheet, "A7", "A – Desember tahun lalu");
  EXPECT_EQ(Str(At(sheet, "B7").at("value")), "2024-12-31");
  ExpectText(sheet, "B8", "–");  // B not loaded
}

TEST(XlsxExportTest, ColumnTitlesShowTheComparedDatesAndStayInView) {
  const auto sheet = Sheet(Workbook(testing::OsAnswer(), "os", AmountUnit::kJuta, "en"), 0);
  EXPECT_FALSE(sheet.at("cells").as_object().contains("A13"));  // the empty row
  ExpectText(sheet, "A14", "Code");
  ExpectText(sheet, "C14", "31-Dec-24");
  ExpectText(sheet, "D14", "–");
  ExpectText(sheet, "G14", "09-Oct-25");
  ExpectText(sheet, "H14", "DtD");
  ExpectText(sheet, "Q14", "%");
  EXPECT_TRUE(Bold(sheet, "G14"));
  EXPECT_EQ(Str(sheet.at("freeze")), "C15");  // titles and the code/name columns
  const auto& widths = sheet.at("widths").as_object();
  EXPECT_GE(widths.at("B").to_number<double>(), 13.0);  // "KC Bandung AA"
  EXPECT_GE(widths.at("C").to_number<double>(), 11.0);  // "11,500.00"
}

TEST(XlsxExportTest, NumbersAreNumbersInTheirDisplayFormat) {
  const auto book = Workbook(testing::OsAnswer(), "os", AmountUnit::kJuta, "id");
  const auto& konsol = Sheet(book, 0);
  ExpectText(konsol, "A15", "5");
  ExpectText(konsol, "B15", "KC Bandung AA");
  ExpectNumber(konsol, "C15", 11500, "#,##0.00");
  ExpectText(konsol, "D15", "–");
  ExpectNumber(konsol, "G15", 15000, "#,##0.00");
  ExpectNumber(konsol, "H15", 500, "#,##0.00;(#,##0.00)");
  ExpectNumber(konsol, "I15", 3.4483, "0.0;(0.0)");
  ExpectText(konsol, "J15", "–");  // MoM: B not loaded
  EXPECT_FALSE(Bold(konsol, "G15"));
  ExpectText(konsol, "B17", "TOTAL");
  ExpectNumber(konsol, "G17", 17400, "#,##0.00");
  EXPECT_TRUE(Bold(konsol, "B17"));
  EXPECT_TRUE(Bold(konsol, "G17"));

  const auto& kanca_only = Sheet(book, 1);
  ExpectNumber(kanca_only, "H15", -250.0000005, "#,##0.00;(#,##0.00)");
  ExpectNumber(kanca_only, "I15", -11.1111, "0.0;(0.0)");

  const auto& kcp_only = Sheet(book, 2);
  ExpectText(kcp_only, "C14", "Kanca");
  ExpectText(kcp_only, "C15", "KC Garut");
  ExpectNumber(kcp_only, "H15", 401.23456789, "#,##0.00");
  EXPECT_EQ(Str(kcp_only.at("freeze")), "D15");
}

// Issue 6: with targets in the month of E the Komitmen, % Ach and Gap columns follow the
// comparison block, in the metric's unit; a row without a target shows "–".
TEST(XlsxExportTest, KomitmenColumnsFollowWhenTheMonthHasTargets) {
  boost::json::object data = testing::OsAnswer();
  data["komitmen"] = boost::json::parse(R"({"month": "2025-10-01"})");
  auto& konsol = data.at("tables").as_array()[0].as_object();
  auto& rows = konsol.at("rows").as_array();
  rows[0].as_object()["komitmen"] = nullptr;
  // KC Garut: 2.400 against 2.500 = 96 %, gap −100 (Rp juta).
  rows[1].as_object()["komitmen"] = boost::json::parse(
      R"({"target": "2500000000.00", "achievement": "96.0000", "gap": "-100000000.00"})");
  const auto book = Workbook(data, "os", AmountUnit::kJuta, "id");
  const auto& sheet = Sheet(book, 0);
  ExpectText(sheet, "R14", "Komitmen Okt'25");
  ExpectText(sheet, "S14", "% Ach");
  ExpectText(sheet, "T14", "Gap");
  ExpectText(sheet, "R15", "–");
  ExpectText(sheet, "S15", "–");
  ExpectNumber(sheet, "R16", 2500, "#,##0.00");
  ExpectNumber(sheet, "S16", 96, "0.00");
  ExpectNumber(sheet, "T16", -100, "#,##0.00;(#,##0.00)");
  // Every table has the columns (KCP ONLY after its Kanca column).
  ExpectText(Sheet(book, 2), "S14", "Komitmen Okt'25");

  const auto without = Sheet(Workbook(testing::OsAnswer(), "os", AmountUnit::kJuta, "id"), 0);
  EXPECT_FALSE(without.at("cells").as_object().contains("R14"));
}

TEST(XlsxExportTest, TextThatLooksLikeAFormulaStaysText) {
  boost::json::object data = testing::OsAnswer();
  auto& rows = data["tables"].as_array()[0].as_object()["rows"].as_array();
  rows[0].as_object()["name"] = "=1+2";
  rows[1].as_object()["name"] = "@SUM(A1:A2)";
  const auto sheet = Sheet(Workbook(data, "os", AmountUnit::kRupiah, "id"), 0);
  ExpectText(sheet, "B15", "=1+2");
  ExpectText(sheet, "B16", "@SUM(A1:A2)");
  ExpectNumber(sheet, "C15", 11500000000, "#,##0.00");
}

TEST(XlsxExportTest, SummarySectionsKeepTheirOwnKinds) {
  const auto book = Workbook(testing::SummaryAnswer(), "summary", AmountUnit::kMiliar, "en");
  ASSERT_EQ(book.at("sheets").as_array().size(), 1u);
  const auto& sheet = Sheet(book, 0);
  EXPECT_EQ(Str(sheet.at("name")), "Konsol");
  ExpectText(sheet, "B5", "Rp billion");
  ExpectText(sheet, "A13", "Metric");
  ExpectText(sheet, "A14", "END BAL");
  EXPECT_TRUE(Bold(sheet, "B14"));  // the SME header row
  ExpectNumber(sheet, "G14", 17.4, "#,##0.00");
  EXPECT_FALSE(Bold(sheet, "B15"));
  ExpectText(sheet, "A16", "% NPL");
  ExpectNumber(sheet, "G16", 5.1724, "0.00");
  ExpectNumber(sheet, "H16", 2.7628, "0.00;(0.00)");
  ExpectText(sheet, "M16", "–");  // change % of a zero base
  ExpectText(sheet, "A18", "CUSTOMERS");
  ExpectNumber(sheet, "G18", 5, "#,##0");
  ExpectNumber(sheet, "L18", 1, "#,##0;(#,##0)");
  EXPECT_EQ(Str(sheet.at("freeze")), "C14");
}

TEST(XlsxExportTest, DailyPositionsAreDates) {
  const auto book = Workbook(testing::DailyAnswer(), "daily", AmountUnit::kJuta, "id");
  const auto& sheet = Sheet(book, 0);
  EXPECT_EQ(Str(sheet.at("name")), "Harian");
  ExpectText(sheet, "A9", "Posisi");
  EXPECT_EQ(Str(At(sheet, "A10").at("type")), "d");
  EXPECT_EQ(Str(At(sheet, "A10").at("value")), "2025-10-08");
  ExpectNumber(sheet, "B11", 17400, "#,##0.00");
  ExpectNumber(sheet, "C11", 2000, "#,##0.00");
  ExpectNumber(sheet, "D11", 11.4943, "0.00");
  ExpectNumber(sheet, "K11", 5, "#,##0");
  EXPECT_EQ(Str(sheet.at("freeze")), "B10");
}

TEST(XlsxExportTest, NothingLoadedStillGivesAWorkbookWithItsSheets) {
  const boost::json::object data = testing::Json(
      R"({"position": null, "group": "SME", "metric": "nsb", "tables": [], "charts": {}})");
  const auto book = Workbook(data, "os", AmountUnit::kJuta, "id");
  ASSERT_EQ(book.at("sheets").as_array().size(), 3u);
  ExpectText(Sheet(book, 0), "A4", "Posisi");
  ExpectText(Sheet(book, 0), "B4", "–");
  ExpectText(Sheet(book, 0), "A12", "Kode");  // no unit line for a count metric
}

}  // namespace
}  // namespace smedash::dashboard
