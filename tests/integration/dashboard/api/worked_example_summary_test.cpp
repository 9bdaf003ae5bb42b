// domain.md section 10 through GET /api/v1/dashboard/summary: the ten sections of the
// Konsol, Only and Medium Only tabs, for the whole region and for one kanca.
#include "dashboard_api_fixture.hpp"

namespace smedash::testing {
namespace {

using Strings = std::vector<std::string>;

class WorkedExampleSummaryTest : public DashboardApiTest {
 protected:
  void SetUp() override {
    DashboardApiTest::SetUp();
    ImportWorkedExample();
  }
};

std::string Juta(long juta) { return std::to_string(juta * 1000000L) + ".00"; }

const boost::json::object& Section(const boost::json::object& summary, const std::string& metric) {
  return Find(summary.at("sections"), "metric", metric);
}

// The figure of `metric` in the row of `group` (a header or a row) at `column`.
std::string Figure(const boost::json::object& summary, const std::string& metric,
                   const std::string& group, const std::string& column = "E") {
  return Text(Find(Section(summary, metric).at("rows"), "group", group).at("values").at(column));
}

// os|dpk|npl|lr|lar|nsb|npl_pct of a group at a column: domain.md's table layout.
std::string Line(const boost::json::object& summary, const std::string& group,
                 const std::string& column = "E") {
  std::string line;
  for (const char* metric : {"os", "dpk", "npl", "lr", "lar", "nsb", "npl_pct"}) {
    if (!line.empty()) line += '|';
    line += Figure(summary, metric, group, column);
  }
  return line;
}

std::string Line(long os, long dpk, long npl, long lr, long lar, int nsb, const std::string& pct) {
  return Juta(os) + "|" + Juta(dpk) + "|" + Juta(npl) + "|" + Juta(lr) + "|" + Juta(lar) + "|" +
         std::to_string(nsb) + "|" + pct;
}

TEST_F(WorkedExampleSummaryTest, KonsolTabHasTenSectionsOfSevenRows) {
  const auto summary = GetJson("/api/v1/dashboard/summary?tab=konsol&kanca=all");
  EXPECT_EQ(Text(summary.at("position")), "2025-10-09");
  EXPECT_EQ(Text(summary.at("tab")), "konsol");
  EXPECT_TRUE(summary.at("kanca").is_null());
  EXPECT_EQ(Text(summary.at("columns").at("A")), "2024-12-31");
  EXPECT_EQ(
      Texts(summary.at("sections"), "metric"),
      (Strings{"os", "dpk", "dpk_pct", "npl", "npl_pct", "lr", "lr_pct", "lar", "lar_pct", "nsb"}));
  for (const auto& section : summary.at("sections").as_array()) {
    EXPECT_EQ(Texts(section.at("rows"), "kind"),
              (Strings{"header", "row", "row", "row", "row", "row", "row"}));
    EXPECT_EQ(Texts(section.at("rows"), "group"),
              (Strings{"SME", "MEDIUM", "SMALL_KUR", "SMALL", "SMALL_NCC", "CC", "KUR"}));
    EXPECT_EQ(Texts(section.at("rows"), "label"),
              (Strings{"SME", "Medium", "Small + KUR", "Small", "– Small Non CC", "– CC", "KUR"}));
  }
  EXPECT_EQ(Text(Section(summary, "dpk_pct").at("metric_kind")), "percent");
  EXPECT_FALSE(Section(summary, "dpk_pct").at("rise_is_good").as_bool());
  EXPECT_TRUE(Section(summary, "nsb").at("rise_is_good").as_bool());
}

TEST_F(WorkedExampleSummaryTest, KonsolTabForTheRegionGivesTheWorkedTotals) {
  const auto summary = GetJson("/api/v1/dashboard/summary?tab=konsol");
  EXPECT_EQ(Line(summary, "SME", "E"), Line(17400, 2000, 900, 3000, 5900, 5, "5.1724"));
  EXPECT_EQ(Line(summary, "SME", "D"), Line(16600, 500, 400, 3000, 3900, 5, "2.4096"));
  EXPECT_EQ(Line(summary, "SME", "C"), Line(15250, 0, 0, 2800, 2800, 4, "0.0000"));
  EXPECT_EQ(Line(summary, "SME", "A"), Line(11500, 0, 0, 2500, 2500, 2, "0.0000"));
  EXPECT_EQ(Line(summary, "SMALL_KUR"), Line(7400, 2000, 900, 3000, 5900, 4, "12.1622"));
  EXPECT_EQ(Line(summary, "SMALL"), Line(6900, 2000, 400, 3000, 5400, 3, "5.7971"));
  EXPECT_EQ(Line(summary, "SMALL_NCC"), Line(3900, 2000, 400, 0, 2400, 2, "10.2564"));
  EXPECT_EQ(Line(summary, "CC"), Line(3000, 0, 0, 3000, 3000, 1, "0.0000"));  // SMALL − NCC
  EXPECT_EQ(Line(summary, "KUR"), Line(500, 0, 500, 0, 500, 1, "100.0000"));
  EXPECT_EQ(Line(summary, "MEDIUM"), Line(10000, 0, 0, 0, 0, 1, "0.0000"));
  const auto& sme_os = Find(Section(summary, "os").at("rows"), "group", "SME");
  EXPECT_EQ(ChangeOf(sme_os, "dtd"), Juta(800) + "|4.8193");
  EXPECT_EQ(ChangeOf(sme_os, "mom"), "null");
}

TEST_F(WorkedExampleSummaryTest, KonsolTabForOneKanca) {
  const auto summary = GetJson("/api/v1/dashboard/summary?tab=konsol&kanca=25");
  EXPECT_EQ(Text(summary.at("kanca").at("id")), "25");
  EXPECT_EQ(Text(summary.at("kanca").at("name")), "KC Garut");
  EXPECT_EQ(Figure(summary, "os", "SME"), Juta(2400));
  EXPECT_EQ(Figure(summary, "npl", "SME"), Juta(900));
  EXPECT_EQ(Figure(summary, "npl_pct", "SME"), "37.5000");
  EXPECT_EQ(Figure(summary, "nsb", "SME"), "3");
}

TEST_F(WorkedExampleSummaryTest, OnlyTabCountsTheKancaOfficesAlone) {
  const auto region = GetJson("/api/v1/dashboard/summary?tab=only&kanca=all");
  EXPECT_EQ(Text(region.at("tab")), "only");
  EXPECT_EQ(Figure(region, "os", "SME"), Juta(15000));
  EXPECT_EQ(Figure(region, "nsb", "SME"), "4");  // C1, C3, C4, C2
  const auto garut = GetJson("/api/v1/dashboard/summary?tab=only&kanca=25");
  EXPECT_EQ(Figure(garut, "os", "SME"), Juta(2000));
  EXPECT_EQ(Figure(garut, "npl", "SME"), Juta(500));
  EXPECT_EQ(Figure(garut, "nsb", "SME"), "2");
  EXPECT_EQ(Figure(garut, "os", "KUR"), Juta(500));
}

TEST_F(WorkedExampleSummaryTest, MediumTabListsEachKancaKonsol) {
  const auto summary = GetJson("/api/v1/dashboard/summary?tab=medium&kanca=all");
  EXPECT_EQ(Text(summary.at("tab")), "medium");
  const auto& rows = Section(summary, "os").at("rows");
  EXPECT_EQ(Texts(rows, "kind"), (Strings{"header", "row", "row"}));
  EXPECT_EQ(Texts(rows, "group"), (Strings{"MEDIUM", "MEDIUM", "MEDIUM"}));
  EXPECT_EQ(Texts(rows, "label"), (Strings{"TOTAL", "KC Bandung AA", "KC Garut"}));
  const auto& header = rows.as_array()[0];
  EXPECT_EQ(Text(header.at("values").at("E")), Juta(10000));
  EXPECT_EQ(ChangeOf(header, "dtd"), Juta(500) + "|5.2632");
  EXPECT_EQ(ChangeOf(header, "ytd"), Juta(1000) + "|11.1111");
  EXPECT_EQ(Text(rows.as_array()[1].at("kanca_id")), "5");
  EXPECT_EQ(Text(rows.as_array()[1].at("values").at("E")), Juta(10000));
  EXPECT_EQ(Text(rows.as_array()[2].at("values").at("E")), Juta(0));
  EXPECT_EQ(Text(Section(summary, "nsb").at("rows").as_array()[0].at("values").at("E")), "1");
  EXPECT_EQ(summary.at("sections").as_array().size(), 10u);
}

TEST_F(WorkedExampleSummaryTest, MediumTabForOneKancaListsItsUnits) {
  const auto summary = GetJson("/api/v1/dashboard/summary?tab=medium&kanca=5");
  const auto& rows = Section(summary, "os").at("rows");
  EXPECT_EQ(Texts(rows, "kind"), (Strings{"header", "row", "row"}));
  EXPECT_EQ(Texts(rows, "code"), (Strings{"5", "5", "675"}));
  EXPECT_EQ(Texts(rows, "label"),
            (Strings{"KC Bandung AA", "KC Bandung AA", "KCP Rajawali Bandung"}));
  EXPECT_EQ(Texts(rows, "kanca_id"), (Strings{"5", "5", "5"}));
  std::vector<std::string> at_e;
  for (const auto& row : rows.as_array()) at_e.push_back(Text(row.at("values").at("E")));
  EXPECT_EQ(at_e, (Strings{Juta(10000), Juta(10000), Juta(0)}));
}

}  // namespace
}  // namespace smedash::testing
