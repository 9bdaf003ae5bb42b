// CSV/XLSX formula injection (issue 7): a name someone typed that starts with = + - @ (or a
// tab or CR) reaches every export, and no export lets a spreadsheet run it: a CSV writes it
// behind a ' (core::CsvField), an XLSX as a string cell, which reads back as that very text
// (a formula cell would read back as its cached result).
#include <algorithm>
#include <iterator>
#include <regex>
#include <set>

#include "hostile_data_fixture.hpp"
#include "http/request.hpp"

namespace smedash::testing {
namespace {

bool StartsLikeAFormula(const std::string& text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string::npos;
}

// A cell a spreadsheet would evaluate: formula-like text that is not a plain number (a
// negative change) or the lone "-" of a missing value.
bool IsLiveFormula(const std::string& text) {
  static const std::regex number(R"([-+]?[0-9][0-9.,]*%?)");
  return StartsLikeAFormula(text) && text != "-" && !std::regex_match(text, number);
}

class ExportFormulaTest : public HostileDataTest {
 protected:
  // Each of `names` is in the CSV, and wherever it is, a ' comes first (so no field starts
  // with it). Read as text: the dashboards' CSVs start with lines of filters, no table.
  void ExpectCsvNeutralised(const std::string& target, const std::vector<std::string>& names) {
    SCOPED_TRACE(target);
    const auto response = Get(target);
    ASSERT_EQ(response.status, 200) << response.body.substr(0, 300);
    const std::string body = BodyOf(response);
    for (const auto& name : names) {
      std::string written;  // as a CSV field holds it: quotes doubled
      for (const char c : name) written += c == '"' ? std::string("\"\"") : std::string(1, c);
      std::size_t found = 0;
      for (auto at = body.find(written); at != std::string::npos; at = body.find(written, at + 1)) {
        ++found;
        EXPECT_TRUE(at > 0 && body[at - 1] == '\'') << name << " at " << at << " of\n" << body;
      }
      EXPECT_GT(found, 0u) << name << " is not in\n" << body;
    }
  }

  // A CSV with a header line, read back by the upload's reader: no cell would run.
  void ExpectNoLiveFormula(const std::string& target, const Client& client) {
    SCOPED_TRACE(target);
    const auto response = Send(http::Method::kGet, target, &client);
    ASSERT_EQ(response.status, 200) << response.body.substr(0, 300);
    const auto rows = ReadBack(response, "export.csv");
    EXPECT_GT(rows.size(), 1u);
    for (const auto& row : rows) {
      for (const auto& cell : row) EXPECT_FALSE(IsLiveFormula(cell.text)) << cell.text;
    }
  }

  // Each of `names` is a text cell of the XLSX holding exactly that text.
  void ExpectXlsxText(const std::string& target, const std::vector<std::string>& names) {
    SCOPED_TRACE(target);
    const auto response = Get(target);
    ASSERT_EQ(response.status, 200) << response.body.substr(0, 300);
    std::set<std::string> texts;
    for (const auto& row : ReadBack(response, "export.xlsx")) {
      for (const auto& cell : row) {
        if (cell.kind == ingest::Cell::Kind::kText) texts.insert(cell.text);
      }
    }
    for (const auto& name : names) EXPECT_TRUE(texts.contains(name)) << name;
  }

  static std::vector<std::string> StartingLikeAFormula(const std::vector<std::string>& all) {
    std::vector<std::string> names;
    std::copy_if(all.begin(), all.end(), std::back_inserter(names), StartsLikeAFormula);
    return names;
  }
  static std::vector<std::string> FormulaDebtors() { return StartingLikeAFormula(kHostileDebtors); }
  static std::vector<std::string> FormulaUnits() { return StartingLikeAFormula(kHostileUnitNames); }

  static constexpr const char* kFormulaKanca = "=2+5+cmd|' /C calc'!A0";
};

TEST_F(ExportFormulaTest, TheViewDataCsvAndXlsxNeverHoldAFormula) {
  ASSERT_EQ(FormulaDebtors().size(), 4u);
  const std::string csv = "/api/v1/loan-data/export?format=csv&position=all";
  ExpectCsvNeutralised(csv, FormulaDebtors());
  Client english = admin_;
  english.lang = "en";
  ExpectNoLiveFormula(csv, admin_);
  ExpectNoLiveFormula(csv, english);
  ExpectXlsxText("/api/v1/loan-data/export?format=xlsx&position=all", FormulaDebtors());
}

TEST_F(ExportFormulaTest, TheUploadIssuesCsvAndXlsxNeverHoldAFormula) {
  const std::string issues = "/api/v1/uploads/" + std::to_string(hostile_upload_id_) + "/issues";
  ExpectCsvNeutralised(issues + ".csv", {kRejectedOs});
  ExpectNoLiveFormula(issues + ".csv", admin_);
  ExpectXlsxText(issues + ".xlsx", {kRejectedOs});
}

TEST_F(ExportFormulaTest, TheAuditCsvNeverHoldsAFormula) {
  ExpectCsvNeutralised("/api/v1/audit.csv", {kFormulaUsername});
  ExpectNoLiveFormula("/api/v1/audit.csv", admin_);
}

TEST_F(ExportFormulaTest, DashboardExportsNeverHoldAFormula) {
  ASSERT_EQ(FormulaUnits().size(), 4u);
  const std::string position = std::string("&position=") + kHostilePosition;
  for (const std::string table : {"konsol", "kanca_only", "kcp_only"}) {
    const std::string os = "/api/v1/dashboard/os/export?table=" + table + position;
    const auto names =
        table == "kcp_only" ? FormulaUnits() : std::vector<std::string>{kFormulaKanca};
    ExpectCsvNeutralised(os + "&format=csv", names);
  }
  // The XLSX holds the tables as sheets; the reader reads the first (KONSOL), written by the
  // same cell writer as the others.
  ExpectXlsxText("/api/v1/dashboard/os/export?format=xlsx" + position, {kFormulaKanca});
  // One kanca: its name is in the filters written above the table.
  for (const std::string path :
       {"/api/v1/dashboard/summary/export", "/api/v1/dashboard/daily/export"}) {
    const std::string target = path + "?kanca=25" + position + "&format=";
    ExpectCsvNeutralised(target + "csv", {kFormulaKanca});
    ExpectXlsxText(target + "xlsx", {kFormulaKanca});
  }
}

TEST_F(ExportFormulaTest, TheKomitmenAndUnitTemplatesNeverHoldAFormula) {
  ExpectCsvNeutralised("/api/v1/komitmen/template.csv", FormulaUnits());
  ExpectNoLiveFormula("/api/v1/komitmen/template.csv", admin_);
  ExpectXlsxText("/api/v1/komitmen/template.xlsx", FormulaUnits());
  ExpectCsvNeutralised("/api/v1/units/template.csv", FormulaUnits());
  ExpectNoLiveFormula("/api/v1/units/template.csv", admin_);
}

}  // namespace
}  // namespace smedash::testing
