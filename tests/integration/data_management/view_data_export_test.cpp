// The View data exports: the CSV holds exactly the filtered rows in the table's order
// within each position, values written in the UI language's style and text never a
// formula; the XLSX holds the same rows, and above the sheet limit it is refused with a
// message; an export stops when the data changes under it.
#include <fmt/format.h>

#include <fstream>
#include <pqxx/pqxx>

#include "ingest/columns.hpp"
#include "ingest/open_reader.hpp"
#include "view_data_fixture.hpp"

namespace smedash::testing {
namespace {

using Table = std::vector<std::vector<std::string>>;

class ViewDataExportTest : public ViewDataTest {
 protected:
  http::Response Export(const std::string& query, const Client& client) {
    return Send(http::Method::kGet, "/api/v1/loan-data/export?" + query, &client);
  }

  // The exported file read back by the upload's own reader, as cell texts.
  Table ReadBack(const std::string& body, ingest::FileFormat format) {
    const auto file =
        data_dir_.Path() / (format == ingest::FileFormat::kCsv ? "back.csv" : "back.xlsx");
    std::ofstream(file, std::ios::binary) << body;
    auto reader = ingest::OpenReader(file, format);
    Table table;
    ingest::Row row;
    while (reader->Next(row)) {
      std::vector<std::string> cells;
      for (const auto& cell : row) cells.push_back(cell.text);
      table.push_back(std::move(cells));
    }
    return table;
  }

  // Per row, in `order_by`: position, account, name, effective OS, PLAFON, FLAG RESTRUK
  // and segment as the Indonesian CSV writes them.
  Table ExpectedIndonesian(const std::string& where, const std::string& order_by) {
    pqxx::connection connection(connection_string_);
    pqxx::read_transaction tx(connection);
    Table table;
    const auto rows = tx.exec(fmt::format(
        "SELECT to_char(l.periode, 'DD/MM/YYYY'), l.nomor_rekening, "
        "coalesce(l.nama_debitur, ''), replace(l.os::text, '.', ','), "
        "coalesce(replace(l.plafon::text, '.', ','), ''), "
        "CASE l.flag_restruk WHEN true THEN 'Y' WHEN false THEN 'N' ELSE '' END, "
        "coalesce(m.segment, 'SMALL NCC') "
        "FROM loan_data l LEFT JOIN segment_map m ON m.code = l.code WHERE {} ORDER BY {}",
        where, order_by));
    for (const auto& row : rows) {
      std::vector<std::string> cells;
      for (const auto& field : row) cells.push_back(field.as<std::string>());
      // A name a spreadsheet would run as a formula is written with a leading '.
      if (!cells[2].empty() && std::string_view("=+-@").find(cells[2][0]) != std::string::npos) {
        cells[2] = "'" + cells[2];
      }
      table.push_back(std::move(cells));
    }
    return table;
  }

  static std::size_t ColumnOf(const Table& table, const std::string& header) {
    const auto& headers = table.at(0);
    const auto found = std::find(headers.begin(), headers.end(), header);
    EXPECT_NE(found, headers.end()) << header;
    return static_cast<std::size_t>(found - headers.begin());
  }

  // The columns ExpectedIndonesian gives, picked from an exported table (header dropped).
  static Table Picked(const Table& table) {
    const std::vector<std::string> headers = {"PERIODE",    "NOMOR REKENING", "NAMA DEBITUR",
                                              "OS EFEKTIF", "PLAFON",         "FLAG RESTRUK",
                                              "SEGMENT"};
    Table picked;
    for (std::size_t row_idx = 1; row_idx < table.size(); ++row_idx) {
      std::vector<std::string> cells;
      for (const auto& header : headers) {
        const auto column = ColumnOf(table, header);
        const auto& row = table[row_idx];
        cells.push_back(column < row.size() ? row[column] : "");
      }
      picked.push_back(std::move(cells));
    }
    return picked;
  }
};

TEST_F(ViewDataExportTest, TheCsvHoldsExactlyTheFilteredRowsInTheTablesOrder) {
  auto response = Export("format=csv&position=all&segment=SMALL+NCC&sort=periode&dir=asc", admin_);
  ASSERT_EQ(response.status, 200) << response.body;
  ASSERT_TRUE(response.stream) << "a CSV export is streamed, not built in memory";
  EXPECT_EQ(response.Header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(response.Header("Content-Disposition"),
            "attachment; filename=\"data-pinjaman-semua-posisi.csv\"");
  const Table table = ReadBack(BodyOf(response), ingest::FileFormat::kCsv);
  ASSERT_FALSE(table.empty());
  EXPECT_EQ(table[0].front(), "PERIODE");
  EXPECT_EQ(table[0].back(), "SEGMENT");
  // Every column of the file, then the effective OS and the segment.
  EXPECT_EQ(table[0].size(), ingest::kColumnCount + 2);
  EXPECT_EQ(Picked(table), ExpectedIndonesian("coalesce(m.segment, 'SMALL NCC') = 'SMALL NCC'",
                                              "l.periode, l.nomor_rekening"));
}

TEST_F(ViewDataExportTest, EachPositionIsExportedInTheTablesSortNewestFirst) {
  auto response = Export("format=csv&position=all&sort=os&dir=desc", admin_);
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(Picked(ReadBack(BodyOf(response), ingest::FileFormat::kCsv)),
            ExpectedIndonesian("true", "l.periode DESC, l.os DESC, l.nomor_rekening DESC"));
}

TEST_F(ViewDataExportTest, TheCsvNeverHoldsAFormula) {
  auto response = Export("format=csv&position=all&q=hyperlink", admin_);
  ASSERT_EQ(response.status, 200) << response.body;
  const std::string body = BodyOf(response);
  EXPECT_EQ(body.find(";=HYPERLINK"), std::string::npos) << body;
  EXPECT_NE(body.find(";\"'=HYPERLINK(\"\"x\"\")\";"), std::string::npos) << body;
}

TEST_F(ViewDataExportTest, TheEnglishCsvUsesCommasPointsAndIsoDates) {
  Client english = admin_;
  english.lang = "en";
  auto response = Export("format=csv&position=2025-10-08&q=PT+Sama&sort=nomor_rekening", english);
  ASSERT_EQ(response.status, 200) << response.body;
  const Table table = ReadBack(BodyOf(response), ingest::FileFormat::kCsv);
  const auto os = ColumnOf(table, "OS EFEKTIF");
  const auto periode = ColumnOf(table, "PERIODE");
  ASSERT_EQ(table.size() - 1,
            static_cast<std::size_t>(Count("SELECT count(*) FROM loan_data WHERE "
                                           "periode = '2025-10-08' AND nama_debitur = 'PT Sama'")));
  for (std::size_t row_idx = 1; row_idx < table.size(); ++row_idx) {
    EXPECT_EQ(table[row_idx][periode], "2025-10-08");
    EXPECT_EQ(table[row_idx][os],
              Scalar("SELECT os::text FROM loan_data WHERE periode = '2025-10-08' AND "
                     "nomor_rekening = '" +
                     table[row_idx][ColumnOf(table, "NOMOR REKENING")] + "'"));
  }
}

TEST_F(ViewDataExportTest, TheXlsxHoldsTheFilteredRowsAsNumbersDatesAndText) {
  auto response = Export("format=xlsx&position=2025-10-08&sort=nomor_rekening&dir=asc", admin_);
  ASSERT_EQ(response.status, 200) << response.body;
  ASSERT_TRUE(response.stream);
  const Table table = ReadBack(BodyOf(response), ingest::FileFormat::kXlsx);
  ASSERT_EQ(table.size(), 38u);  // the header and 37 rows
  const auto account = ColumnOf(table, "NOMOR REKENING");
  const auto name = ColumnOf(table, "NAMA DEBITUR");
  const auto os = ColumnOf(table, "OS EFEKTIF");
  const auto periode = ColumnOf(table, "PERIODE");
  const RowKeys keys = KeysFromSql("l.periode = '2025-10-08'", "l.nomor_rekening");
  for (std::size_t row_idx = 1; row_idx < table.size(); ++row_idx) {
    const auto& row = table[row_idx];
    EXPECT_EQ(row[periode] + "/" + row[account], keys[row_idx - 1]);
    const std::string where =
        " FROM loan_data WHERE periode = '2025-10-08' AND nomor_rekening = '" + row[account] + "'";
    // A number cell reads back as its exact decimal; trailing zeros are not kept.
    EXPECT_EQ(row[os], Scalar("SELECT trim_scale(os)::text" + where));
    // Text is text: a name starting with = is written as it is, not as a formula.
    EXPECT_EQ(name < row.size() ? row[name] : "",
              Scalar("SELECT coalesce(nama_debitur, '')" + where));
  }
}

TEST_F(ViewDataExportTest, AnXlsxAboveTheSheetLimitIsRefusedWithAMessage) {
  // 41 rows at the latest position, the limit is 40 in these tests.
  auto response = Export("format=xlsx", admin_);
  EXPECT_EQ(response.status, 400);
  EXPECT_FALSE(response.stream);
  const auto error = JsonOf(response).at("error").as_object();
  EXPECT_EQ(error.at("code").as_string(), "too_many_rows");
  EXPECT_NE(std::string(error.at("message").as_string()).find("CSV"), std::string::npos)
      << error.at("message").as_string();
  // The CSV of the same rows is fine, and a narrower XLSX too.
  EXPECT_EQ(Export("format=csv", admin_).status, 200);
  EXPECT_EQ(Export("format=xlsx&grade=1", admin_).status, 200);
  // Followed as a download link, the refusal is a page the admin reads.
  auto page = SendAccepting("/api/v1/loan-data/export?format=xlsx", &admin_,
                            "text/html,application/xhtml+xml");
  EXPECT_EQ(page.status, 400);
  EXPECT_NE(page.body.find("CSV"), std::string::npos);
  EXPECT_EQ(page.Header("Content-Type"), "text/html; charset=utf-8");
}

TEST_F(ViewDataExportTest, AnExportStopsWhenTheDataChangesUnderIt) {
  auto response = Export("format=csv&position=all", admin_);
  ASSERT_EQ(response.status, 200);
  ASSERT_TRUE(response.stream->Next());                      // the header
  ASSERT_TRUE(response.stream->Next());                      // the first rows
  Execute("UPDATE data_version SET version = version + 1");  // as a load or a delete does
  EXPECT_THROW(response.stream->Next(), std::runtime_error);
}

}  // namespace
}  // namespace smedash::testing
