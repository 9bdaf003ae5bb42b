// CSV exports: the exact text Excel opens in each UI language and unit, the header block,
// missing values and neutralised formulas.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>
#include <vector>

#include "dashboard/export/csv_writer.hpp"
#include "export_fixtures.hpp"

namespace smedash::dashboard {
namespace {

using testing::Request;
using ::testing::StartsWith;
using testing::Texts;

std::string Csv(const boost::json::object& data, const std::string& kind, AmountUnit unit,
                const std::string& lang, const std::string& table = {}) {
  const ExportFile file =
      ExportDashboard(data, Request(kind, ExportFormat::kCsv, unit, lang, table), Texts());
  EXPECT_EQ(file.content_type, "text/csv; charset=utf-8");
  return file.body;
}

std::vector<std::string> Lines(const std::string& csv) {
  std::vector<std::string> lines;
  std::size_t start = 3;  // after the BOM
  for (std::size_t end; (end = csv.find("\r\n", start)) != std::string::npos; start = end + 2) {
    lines.push_back(csv.substr(start, end - start));
  }
  return lines;
}

TEST(CsvExportTest, OsKonsolInIndonesianRpJuta) {
  EXPECT_EQ(Csv(testing::OsAnswer(), "os", AmountUnit::kJuta, "id"),
            "\xEF\xBB\xBF"
            "Dashboard OS – KANCA KONSOL\r\n"
            "Segmen;SME\r\n"
            "Indikator;OS\r\n"
            "Kanca;Semua kanca (RO)\r\n"
            "Posisi;09/10/2025\r\n"
            "Satuan;Rp juta\r\n"
            "A – Desember tahun lalu;31/12/2024\r\n"
            "B – tanggal sama bulan lalu;–\r\n"
            "C – akhir bulan lalu;30/09/2025\r\n"
            "D – posisi sebelumnya;08/10/2025\r\n"
            "E – posisi dipilih;09/10/2025\r\n"
            "Y – tanggal sama tahun lalu;–\r\n"
            "\r\n"
            "Kode;Nama;31-Des-24;–;30-Sep-25;08-Okt-25;09-Okt-25;"
            "DtD;%;MoM;%;MtD;%;YtD;%;YoY;%\r\n"
            "5;KC Bandung AA;11500,00;–;13800,00;14500,00;15000,00;"
            "500,00;3,4483;–;–;1200,00;8,6957;3500,00;30,4348;–;–\r\n"
            "25;KC Garut;–;–;1450,00;2100,00;2400,00;"
            "300,00;14,2857;–;–;950,00;65,5172;–;–;–;–\r\n"
            ";TOTAL;11500,00;–;15250,00;16600,00;17400,00;"
            "800,00;4,8193;–;–;2150,00;14,0984;5900,00;51,3043;–;–\r\n");
}

TEST(CsvExportTest, OsKonsolInEnglishRupiah) {
  EXPECT_EQ(Csv(testing::OsAnswer(), "os", AmountUnit::kRupiah, "en"),
            "\xEF\xBB\xBF"
            "Dashboard OS – KANCA KONSOL\r\n"
            "Group,SME\r\n"
            "Metric,OS\r\n"
            "Kanca,All kanca (RO)\r\n"
            "Position,2025-10-09\r\n"
            "Unit,Rp\r\n"
            "A – December of last year,2024-12-31\r\n"
            "B – same day last month,–\r\n"
            "C – end of last month,2025-09-30\r\n"
            "D – previous position,2025-10-08\r\n"
            "E – selected position,2025-10-09\r\n"
            "Y – same day last year,–\r\n"
            "\r\n"
            "Code,Name,31-Dec-24,–,30-Sep-25,08-Oct-25,09-Oct-25,"
            "DtD,%,MoM,%,MtD,%,YtD,%,YoY,%\r\n"
            "5,KC Bandung AA,11500000000.00,–,13800000000.00,14500000000.00,15000000000.00,"
            "500000000.00,3.4483,–,–,1200000000.00,8.6957,3500000000.00,30.4348,–,–\r\n"
            "25,KC Garut,–,–,1450000000.00,2100000000.00,2400000000.00,"
            "300000000.00,14.2857,–,–,950000000.00,65.5172,–,–,–,–\r\n"
            ",TOTAL,11500000000.00,–,15250000000.00,16600000000.00,17400000000.00,"
            "800000000.00,4.8193,–,–,2150000000.00,14.0984,5900000000.00,51.3043,–,–\r\n");
}

struct UnitCase {
  AmountUnit unit;
  std::string lang;
  std::string unit_line;
  std::string kcp_row;  // amounts scaled, % untouched
};

std::string UnitCaseName(const ::testing::TestParamInfo<UnitCase>& info) {
  constexpr std::string_view kUnits[] = {"rp", "juta", "m"};
  return std::string(kUnits[static_cast<int>(info.param.unit)]) + "_" + info.param.lang;
}

class CsvUnitTest : public ::testing::TestWithParam<UnitCase> {};

TEST_P(CsvUnitTest, AmountsMoveTheirDecimalPointAndPercentagesDoNot) {
  const UnitCase& c = GetParam();
  const std::vector<std::string> lines =
      Lines(Csv(testing::OsAnswer(), "os", c.unit, c.lang, "kcp_only"));
  ASSERT_EQ(lines.size(), 16u);
  EXPECT_EQ(lines[0], "Dashboard OS – KCP ONLY");
  EXPECT_EQ(lines[5], c.unit_line);
  EXPECT_EQ(lines[14], c.kcp_row);
}

INSTANTIATE_TEST_SUITE_P(
    EachUnitAndLanguage, CsvUnitTest,
    ::testing::Values(UnitCase{AmountUnit::kRupiah, "id", "Satuan;Rp",
                               "1346;KCP Cikajang;KC Garut;–;–;–;400000000,00;401234567,89;"
                               "1234567,89;0,3086;–;–;–;–;–;–;–;–"},
                      UnitCase{AmountUnit::kJuta, "id", "Satuan;Rp juta",
                               "1346;KCP Cikajang;KC Garut;–;–;–;400,00;401,23456789;"
                               "1,23456789;0,3086;–;–;–;–;–;–;–;–"},
                      UnitCase{AmountUnit::kMiliar, "id", "Satuan;Rp M (miliar)",
                               "1346;KCP Cikajang;KC Garut;–;–;–;0,40;0,40123456789;"
                               "0,00123456789;0,3086;–;–;–;–;–;–;–;–"},
                      UnitCase{AmountUnit::kRupiah, "en", "Unit,Rp",
                               "1346,KCP Cikajang,KC Garut,–,–,–,400000000.00,401234567.89,"
                               "1234567.89,0.3086,–,–,–,–,–,–,–,–"},
                      UnitCase{AmountUnit::kJuta, "en", "Unit,Rp million",
                               "1346,KCP Cikajang,KC Garut,–,–,–,400.00,401.23456789,"
                               "1.23456789,0.3086,–,–,–,–,–,–,–,–"},
                      UnitCase{AmountUnit::kMiliar, "en", "Unit,Rp billion",
                               "1346,KCP Cikajang,KC Garut,–,–,–,0.40,0.40123456789,"
                               "0.00123456789,0.3086,–,–,–,–,–,–,–,–"}),
    UnitCaseName);

TEST(CsvExportTest, NegativeChangesKeepTheirMinusAsNumbers) {
  const std::vector<std::string> lines =
      Lines(Csv(testing::OsAnswer(), "os", AmountUnit::kJuta, "id", "kanca_only"));
  EXPECT_EQ(lines[14],
            "25;KC Garut;–;–;1450,00;2250,0000005;2000,00;"
            "-250,0000005;-11,1111;–;–;550,00;37,9310;–;–;–;–");
}

TEST(CsvExportTest, PercentMetricIsNotScaledAndHasNoUnitLine) {
  boost::json::object data = testing::OsAnswer();
  data["metric"] = "npl_pct";
  data["metric_kind"] = "percent";
  data["tables"].as_array()[0].as_object()["rows"].as_array()[0].as_object()["values"] =
      testing::Json(R"({"A": "0.0000", "B": null, "C": "0.0000", "D": "2.4096",
                        "E": "5.1724", "Y": null})");
  const std::vector<std::string> lines = Lines(Csv(data, "os", AmountUnit::kMiliar, "id"));
  EXPECT_EQ(lines[2], "Indikator;% NPL");
  EXPECT_EQ(lines[5], "A – Desember tahun lalu;31/12/2024");  // no "Satuan" line
  EXPECT_THAT(lines[13], StartsWith("5;KC Bandung AA;0,0000;–;0,0000;2,4096;5,1724"));
}

TEST(CsvExportTest, FormulasInTextAreNeutralised) {
  boost::json::object data = testing::OsAnswer();
  auto& rows = data["tables"].as_array()[0].as_object()["rows"].as_array();
  rows[0].as_object()["name"] = "=HYPERLINK(\"http://x\";\"y\")";
  rows[1].as_object()["name"] = "+62 812";
  rows[1].as_object()["code"] = "-1";
  data["kanca"] = testing::Json(R"j({"id": "k:x", "name": "@SUM(A1)"})j");
  const std::vector<std::string> lines = Lines(Csv(data, "os", AmountUnit::kJuta, "id"));
  EXPECT_EQ(lines[3], "Kanca;'@SUM(A1)");
  EXPECT_THAT(lines[14], StartsWith("5;\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\";"));
  EXPECT_THAT(lines[15], StartsWith("'-1;'+62 812;"));
}

TEST(CsvExportTest, NothingLoadedGivesTheHeaderBlockAndNoRows) {
  const boost::json::object data = testing::Json(
      R"({"position": null, "group": "SME", "metric": "os", "tables": [], "charts": {}})");
  const std::vector<std::string> lines = Lines(Csv(data, "os", AmountUnit::kJuta, "en"));
  ASSERT_EQ(lines.size(), 13u);
  EXPECT_EQ(lines[3], "Position,–");
  EXPECT_EQ(lines[5], "A – December of last year,–");
  EXPECT_EQ(lines[12], "Code,Name,–,–,–,–,–,DtD,%,MoM,%,MtD,%,YtD,%,YoY,%");
}

TEST(CsvExportTest, SummaryStacksTheSectionsEachInItsOwnKind) {
  const std::string csv = Csv(testing::SummaryAnswer(), "summary", AmountUnit::kMiliar, "id");
  const std::vector<std::string> lines = Lines(csv);
  ASSERT_EQ(lines.size(), 18u);
  EXPECT_EQ(lines[11], "");
  EXPECT_EQ(lines[0], "Performance Highlights SME – Konsol");
  EXPECT_EQ(lines[1], "Tab;Konsol");
  EXPECT_EQ(lines[2], "Kanca;Semua kanca (RO)");
  EXPECT_EQ(lines[3], "Posisi;09/10/2025");
  EXPECT_EQ(lines[4], "Satuan;Rp M (miliar)");
  EXPECT_EQ(lines[12],
            "Indikator;Segmen;31-Des-24;–;30-Sep-25;08-Okt-25;09-Okt-25;"
            "DtD;%;MoM;%;MtD;%;YtD;%;YoY;%");
  EXPECT_EQ(lines[13],
            "END BAL;SME;11,50;–;15,25;16,60;17,40;"
            "0,80;4,8193;–;–;2,15;14,0984;5,90;51,3043;–;–");
  EXPECT_EQ(lines[14], "END BAL;Medium;9,00;–;9,20;9,50;10,00;–;–;–;–;–;–;–;–;–;–");
  EXPECT_EQ(lines[15],
            "% NPL;SME;0,0000;–;0,0000;2,4096;5,1724;"
            "2,7628;114,6578;–;–;5,1724;–;–;–;–;–");
  EXPECT_EQ(lines[16], "% NPL;KUR;–;–;0,0000;0,0000;100,0000;–;–;–;–;–;–;–;–;–;–");
  EXPECT_EQ(lines[17], "NASABAH;SME;2;–;4;5;5;0;0,0000;–;–;1;25,0000;3;150,0000;–;–");
}

TEST(CsvExportTest, SummaryMediumTabListsUnitsWithTheirCode) {
  boost::json::object data = testing::SummaryAnswer();
  data["tab"] = "medium";
  data["kanca"] = testing::Json(R"({"id": "25", "name": "KC Garut"})");
  auto& rows = data["sections"].as_array()[0].as_object()["rows"].as_array();
  rows[1].as_object()["code"] = "1346";
  rows[1].as_object()["label"] = "KCP Cikajang";
  const std::vector<std::string> lines = Lines(Csv(data, "summary", AmountUnit::kJuta, "en"));
  EXPECT_EQ(lines[0], "Performance Highlights SME – Medium Only");
  EXPECT_EQ(lines[2], "Kanca,KC Garut");
  EXPECT_THAT(lines[12], StartsWith("Metric,Code,Name,31-Dec"));
  EXPECT_THAT(lines[14], StartsWith("END BAL,1346,KCP Cikajang,9000.00,–,9200.00,9500.00,10"));
}

TEST(CsvExportTest, DailyListsEveryMetricPerPosition) {
  EXPECT_EQ(Csv(testing::DailyAnswer(), "daily", AmountUnit::kJuta, "id"),
            "\xEF\xBB\xBF"
            "Grafik Harian – Harian\r\n"
            "Tampilan;Harian\r\n"
            "Segmen;Small + KUR\r\n"
            "Kanca;KC Garut\r\n"
            "Dari;08/10/2025\r\n"
            "Sampai;09/10/2025\r\n"
            "Satuan;Rp juta\r\n"
            "\r\n"
            "Posisi;OS;DPK;% DPK;NPL;% NPL;LR;% LR;LAR;% LAR;NSB\r\n"
            "08/10/2025;16600,00;2000,00;11,4943;900,00;5,1724;3000,00;17,2414;5900,00;"
            "33,9080;5\r\n"
            "09/10/2025;17400,00;2000,00;11,4943;900,00;5,1724;3000,00;17,2414;5900,00;"
            "33,9080;5\r\n");
}

TEST(CsvExportTest, DailyCompareAndMonthlyNameTheirMonths) {
  const std::vector<std::string> compare =
      Lines(Csv(testing::CompareAnswer(), "daily", AmountUnit::kMiliar, "en"));
  ASSERT_EQ(compare.size(), 12u);
  EXPECT_EQ(compare[0], "Daily Chart – Month Comparison");
  EXPECT_EQ(compare[4], "Months,2");
  EXPECT_EQ(compare[5], "From,2025-09-01");
  EXPECT_EQ(compare[6], "To,2025-10-09");
  EXPECT_EQ(compare[9], "Month,Day,Position,OS,DPK,% DPK,NPL,% NPL,LR,% LR,LAR,% LAR,NSB");
  EXPECT_THAT(compare[10], StartsWith("Sep'25,30,2025-09-30,15.25,"));
  EXPECT_THAT(compare[11], StartsWith("Oct'25,9,2025-10-09,17.40,"));

  const std::vector<std::string> monthly =
      Lines(Csv(testing::MonthlyAnswer(), "daily", AmountUnit::kJuta, "id"));
  EXPECT_EQ(monthly[0], "Grafik Harian – Bulanan");
  EXPECT_EQ(monthly[4], "Dari;01/12/2024");
  EXPECT_EQ(monthly[5], "Sampai;31/10/2025");
  EXPECT_EQ(monthly[8], "Bulan;Posisi;OS;DPK;% DPK;NPL;% NPL;LR;% LR;LAR;% LAR;NSB");
  EXPECT_THAT(monthly[9], StartsWith("Des'24;31/12/2024;11500,00;2"));

  boost::json::object nothing = testing::CompareAnswer();
  nothing["series"] = boost::json::array();
  nothing["months"] = 3;
  EXPECT_EQ(Lines(Csv(nothing, "daily", AmountUnit::kJuta, "en"))[4], "Months,3");
}

TEST(ExportDashboardTest, NamesTheFileAfterWhatItHolds) {
  EXPECT_EQ(ExportDashboard(testing::OsAnswer(),
                            Request("os", ExportFormat::kCsv, AmountUnit::kJuta, "id", "kcp_only"),
                            Texts())
                .file_name,
            "os_kcp_only_SME_os_2025-10-09.csv");
  boost::json::object summary = testing::SummaryAnswer();
  summary["kanca"] = testing::Json(R"({"id": "k:kc baru", "name": "KC Baru"})");
  EXPECT_EQ(ExportDashboard(
                summary, Request("summary", ExportFormat::kXlsx, AmountUnit::kJuta, "id"), Texts())
                .file_name,
            "summary_konsol_k-kc-baru_2025-10-09.xlsx");
}

TEST(ExportDashboardTest, RejectsWhatItCannotLayOut) {
  const auto os = testing::OsAnswer();
  EXPECT_THROW(
      ExportDashboard(os, Request("home", ExportFormat::kCsv, AmountUnit::kJuta, "id"), Texts()),
      std::invalid_argument);
  EXPECT_THROW(
      ExportDashboard(os, Request("os", ExportFormat::kCsv, AmountUnit::kJuta, "id", "charts"),
                      Texts()),
      std::invalid_argument);
  boost::json::object bad = os;
  bad["tables"].as_array()[0].as_object()["total"].as_object()["values"].as_object()["E"] =
      17400000000.0;  // a float where the API promises a decimal string
  EXPECT_THROW(
      ExportDashboard(bad, Request("os", ExportFormat::kCsv, AmountUnit::kJuta, "id"), Texts()),
      std::invalid_argument);
}

TEST(ExportDashboardTest, ParsesTheQueryValues) {
  EXPECT_EQ(ParseExportFormat("csv"), ExportFormat::kCsv);
  EXPECT_EQ(ParseExportFormat("xlsx"), ExportFormat::kXlsx);
  EXPECT_EQ(ParseExportFormat("xls"), std::nullopt);
  EXPECT_EQ(ParseAmountUnit("rp"), AmountUnit::kRupiah);
  EXPECT_EQ(ParseAmountUnit("juta"), AmountUnit::kJuta);
  EXPECT_EQ(ParseAmountUnit("m"), AmountUnit::kMiliar);
  EXPECT_EQ(ParseAmountUnit("M"), std::nullopt);
}

}  // namespace
}  // namespace smedash::dashboard
