// domain.md section 10 through GET /api/v1/positions and /api/v1/dashboard/os: the dates
// compared, the totals and their changes, the KONSOL, KANCA ONLY and KCP ONLY rows, the
// charts, and the tables narrowed to one kanca. Expected figures are the section's, in
// rupiah; percentages are its figures at the API's 4 decimals.
#include "dashboard_api_fixture.hpp"

namespace smedash::testing {
namespace {

using Strings = std::vector<std::string>;
using ValueMap = std::map<std::string, std::string>;

class WorkedExampleOsTest : public DashboardApiTest {
 protected:
  void SetUp() override {
    DashboardApiTest::SetUp();
    ImportWorkedExample();
  }

  static const boost::json::object& Table(const boost::json::object& os, const std::string& id) {
    return Find(os.at("tables"), "id", id);
  }
  // E of each row of a table, by `key` (kanca_id or code).
  static std::map<std::string, std::string> AtE(const boost::json::object& table,
                                                const std::string& key) {
    std::map<std::string, std::string> values;
    for (const auto& row : table.at("rows").as_array()) {
      values[Text(row.at(key))] = Text(row.at("values").at("E"));
    }
    values["TOTAL"] = Text(table.at("total").at("values").at("E"));
    return values;
  }
};

// Rupiah of a figure domain.md lists in Rp juta.
std::string Juta(long juta) { return std::to_string(juta * 1000000L) + ".00"; }

// "123.45" → 12345.
long long Cents(const std::string& text) {
  std::string digits = text;
  digits.erase(digits.find('.'), 1);
  return std::stoll(digits);
}

TEST_F(WorkedExampleOsTest, PositionsListLoadedDatesGroupsAndKancas) {
  const auto body = GetJson("/api/v1/positions");
  EXPECT_EQ(TextsOf(body.at("positions")),
            (Strings{"2025-10-09", "2025-10-08", "2025-09-30", "2024-12-31"}));
  EXPECT_EQ(Text(body.at("latest")), "2025-10-09");
  EXPECT_EQ(Texts(body.at("groups"), "code"),
            (Strings{"SME", "MEDIUM", "SMALL_KUR", "SMALL", "SMALL_NCC", "CC", "KUR"}));
  EXPECT_EQ(Text(Find(body.at("groups"), "code", "SMALL_KUR").at("label")), "Small + KUR");
  EXPECT_EQ(Texts(body.at("kancas"), "id"), (Strings{"5", "25"}));
  EXPECT_EQ(Texts(body.at("kancas"), "code"), (Strings{"5", "25"}));
  EXPECT_EQ(Texts(body.at("kancas"), "name"), (Strings{"KC Bandung AA", "KC Garut"}));
}

TEST_F(WorkedExampleOsTest, ColumnsAreTheDatesActuallyCompared) {
  const auto os = GetJson("/api/v1/dashboard/os?group=SME&metric=os");
  EXPECT_EQ(Text(os.at("position")), "2025-10-09");
  EXPECT_EQ(Values({{"values", os.at("columns")}}), (ValueMap{{"A", "2024-12-31"},
                                                              {"B", "null"},
                                                              {"C", "2025-09-30"},
                                                              {"D", "2025-10-08"},
                                                              {"E", "2025-10-09"},
                                                              {"Y", "null"}}));
  EXPECT_EQ(Text(os.at("metric")), "os");
  EXPECT_EQ(Text(os.at("metric_kind")), "amount");
  EXPECT_TRUE(os.at("rise_is_good").as_bool());
  EXPECT_TRUE(os.at("kanca").is_null());
}

TEST_F(WorkedExampleOsTest, SmeTotalAndItsChanges) {
  const auto os = GetJson("/api/v1/dashboard/os?group=SME&metric=os&position=2025-10-09");
  const auto& total = Table(os, "konsol").at("total");
  EXPECT_EQ(Text(total.at("name")), "TOTAL");
  EXPECT_EQ(Values(total), (ValueMap{{"A", Juta(11500)},
                                     {"B", "null"},
                                     {"C", Juta(15250)},
                                     {"D", Juta(16600)},
                                     {"E", Juta(17400)},
                                     {"Y", "null"}}));
  // DtD 800 (4,8 %), MtD 2.150 (14,1 %), YtD 5.900 (51,3 %), MoM –, YoY –.
  EXPECT_EQ(ChangeOf(total, "dtd"), Juta(800) + "|4.8193");
  EXPECT_EQ(ChangeOf(total, "mtd"), Juta(2150) + "|14.0984");
  EXPECT_EQ(ChangeOf(total, "ytd"), Juta(5900) + "|51.3043");
  EXPECT_EQ(ChangeOf(total, "mom"), "null");
  EXPECT_EQ(ChangeOf(total, "yoy"), "null");
}

TEST_F(WorkedExampleOsTest, KonsolKancaOnlyAndKcpOnlyAtE) {
  const auto os = GetJson("/api/v1/dashboard/os?group=SME&metric=os");
  EXPECT_EQ(Texts(os.at("tables"), "id"), (Strings{"konsol", "kanca_only", "kcp_only"}));
  EXPECT_EQ(AtE(Table(os, "konsol"), "kanca_id"),
            (ValueMap{{"5", Juta(15000)}, {"25", Juta(2400)}, {"TOTAL", Juta(17400)}}));
  EXPECT_EQ(AtE(Table(os, "kanca_only"), "kanca_id"),
            (ValueMap{{"5", Juta(13000)}, {"25", Juta(2000)}, {"TOTAL", Juta(15000)}}));
  EXPECT_EQ(AtE(Table(os, "kcp_only"), "code"),
            (ValueMap{{"675", Juta(2000)}, {"1346", Juta(400)}, {"TOTAL", Juta(2400)}}));
  const auto& cikajang = Find(Table(os, "kcp_only").at("rows"), "code", "1346");
  EXPECT_EQ(Text(cikajang.at("name")), "KCP Cikajang");
  EXPECT_EQ(Text(cikajang.at("kanca_id")), "25");
  EXPECT_EQ(Text(cikajang.at("kanca_name")), "KC Garut");
  const auto& bandung = Find(Table(os, "konsol").at("rows"), "kanca_id", "5");
  EXPECT_EQ(Text(bandung.at("code")), "5");
  EXPECT_EQ(Text(bandung.at("name")), "KC Bandung AA");
}

TEST_F(WorkedExampleOsTest, NplAndItsRatioPerTable) {
  const auto npl = GetJson("/api/v1/dashboard/os?group=SME&metric=npl");
  EXPECT_EQ(Text(npl.at("metric_kind")), "amount");
  EXPECT_FALSE(npl.at("rise_is_good").as_bool());
  EXPECT_EQ(AtE(Table(npl, "konsol"), "kanca_id"),
            (ValueMap{{"5", Juta(0)}, {"25", Juta(900)}, {"TOTAL", Juta(900)}}));
  EXPECT_EQ(AtE(Table(npl, "kanca_only"), "kanca_id"),
            (ValueMap{{"5", Juta(0)}, {"25", Juta(500)}, {"TOTAL", Juta(500)}}));
  EXPECT_EQ(AtE(Table(npl, "kcp_only"), "code"),
            (ValueMap{{"675", Juta(0)}, {"1346", Juta(400)}, {"TOTAL", Juta(400)}}));

  const auto ratio = GetJson("/api/v1/dashboard/os?group=SME&metric=npl_pct");
  EXPECT_EQ(Text(ratio.at("metric_kind")), "percent");
  const auto& total = Table(ratio, "konsol").at("total");
  EXPECT_EQ(Values(total), (ValueMap{{"A", "0.0000"},
                                     {"B", "null"},
                                     {"C", "0.0000"},
                                     {"D", "2.4096"},
                                     {"E", "5.1724"},
                                     {"Y", "null"}}));
  // Percentage points; the % of a change from 0 is none.
  EXPECT_EQ(ChangeOf(total, "dtd"), "2.7628|114.6580");
  EXPECT_EQ(ChangeOf(total, "mtd"), "5.1724|null");
  EXPECT_EQ(Text(Find(Table(ratio, "konsol").at("rows"), "kanca_id", "25").at("values").at("E")),
            "37.5000");
}

TEST_F(WorkedExampleOsTest, NsbCountsCustomersOncePerTable) {
  const auto nsb = GetJson("/api/v1/dashboard/os?group=SME&metric=nsb");
  EXPECT_EQ(Text(nsb.at("metric_kind")), "count");
  // 3 + 3 ≠ 5: C2 has loans in both kanca.
  EXPECT_EQ(AtE(Table(nsb, "konsol"), "kanca_id"),
            (ValueMap{{"5", "3"}, {"25", "3"}, {"TOTAL", "5"}}));
  // Offices: C1, C3 | C4, C2 (C7's OS is 0); KCPs: C2 | C5.
  EXPECT_EQ(AtE(Table(nsb, "kanca_only"), "kanca_id"),
            (ValueMap{{"5", "2"}, {"25", "2"}, {"TOTAL", "4"}}));
  EXPECT_EQ(AtE(Table(nsb, "kcp_only"), "code"),
            (ValueMap{{"675", "1"}, {"1346", "1"}, {"TOTAL", "2"}}));
  EXPECT_EQ(ChangeOf(Table(nsb, "konsol").at("total"), "mtd"), "1|25.0000");
}

TEST_F(WorkedExampleOsTest, GroupNarrowsEveryTable) {
  const auto kur = GetJson("/api/v1/dashboard/os?group=KUR&metric=npl");
  EXPECT_EQ(Text(kur.at("group")), "KUR");
  EXPECT_EQ(AtE(Table(kur, "konsol"), "kanca_id"),
            (ValueMap{{"5", Juta(0)}, {"25", Juta(500)}, {"TOTAL", Juta(500)}}));
  const auto medium = GetJson("/api/v1/dashboard/os?group=MEDIUM&metric=os");
  EXPECT_EQ(AtE(Table(medium, "konsol"), "kanca_id"),
            (ValueMap{{"5", Juta(10000)}, {"25", Juta(0)}, {"TOTAL", Juta(10000)}}));
}

TEST_F(WorkedExampleOsTest, AdditiveTotalsAreSumsOfTheirRows) {
  // KONSOL(kanca) = KANCA ONLY(kanca) + Σ its KCPs; TOTAL = Σ KONSOL; at every column.
  const auto os = GetJson("/api/v1/dashboard/os?group=SME&metric=lar");
  const auto& konsol = Table(os, "konsol");
  const auto& offices = Table(os, "kanca_only");
  const auto& kcps = Table(os, "kcp_only");
  for (const std::string column : {"A", "C", "D", "E"}) {
    auto at = [&](const boost::json::value& row) {
      return Cents(Text(row.at("values").at(column)));
    };
    long long sum_of_konsol = 0;
    for (const auto& row : konsol.at("rows").as_array()) {
      const std::string kanca = Text(row.at("kanca_id"));
      long long parts = at(Find(offices.at("rows"), "kanca_id", kanca));
      for (const auto& kcp : kcps.at("rows").as_array()) {
        if (Text(kcp.at("kanca_id")) == kanca) parts += at(kcp);
      }
      EXPECT_EQ(at(row), parts) << "kanca " << kanca << " column " << column;
      sum_of_konsol += at(row);
    }
    EXPECT_EQ(at(konsol.at("total")), sum_of_konsol) << column;
  }
  EXPECT_EQ(Values(konsol.at("total")), (ValueMap{{"A", Juta(2500)},
                                                  {"B", "null"},
                                                  {"C", Juta(2800)},
                                                  {"D", Juta(3900)},
                                                  {"E", Juta(5900)},
                                                  {"Y", "null"}}));
  EXPECT_EQ(AtE(konsol, "kanca_id"),
            (ValueMap{{"5", Juta(5000)}, {"25", Juta(900)}, {"TOTAL", Juta(5900)}}));
}

TEST_F(WorkedExampleOsTest, ChartsOfTheWholeRegion) {
  const auto os = GetJson("/api/v1/dashboard/os?group=SME&metric=os");
  const auto& charts = os.at("charts");
  EXPECT_EQ(Texts(charts.at("by_kanca"), "kanca_id"), (Strings{"5", "25"}));
  EXPECT_EQ(Texts(charts.at("by_kanca"), "value"), (Strings{Juta(15000), Juta(2400)}));
  EXPECT_EQ(Texts(charts.at("by_grade"), "os"),
            (Strings{Juta(14500), Juta(2000), Juta(500), Juta(0), Juta(400)}));
  EXPECT_EQ(charts.at("by_grade").as_array()[0].at("kol").as_int64(), 1);
  EXPECT_EQ(Texts(charts.at("trend"), "position"),
            (Strings{"2024-12-31", "2025-09-30", "2025-10-08", "2025-10-09"}));
  EXPECT_EQ(Texts(charts.at("trend"), "value"),
            (Strings{Juta(11500), Juta(15250), Juta(16600), Juta(17400)}));
}

TEST_F(WorkedExampleOsTest, OneKancaKeepsItsRowsAndChartsItsUnits) {
  const auto os = GetJson("/api/v1/dashboard/os?group=SME&metric=os&kanca=25");
  EXPECT_EQ(Text(os.at("kanca").at("id")), "25");
  EXPECT_EQ(Text(os.at("kanca").at("name")), "KC Garut");
  EXPECT_EQ(AtE(Table(os, "konsol"), "kanca_id"),
            (ValueMap{{"25", Juta(2400)}, {"TOTAL", Juta(2400)}}));
  EXPECT_EQ(AtE(Table(os, "kanca_only"), "kanca_id"),
            (ValueMap{{"25", Juta(2000)}, {"TOTAL", Juta(2000)}}));
  EXPECT_EQ(AtE(Table(os, "kcp_only"), "code"),
            (ValueMap{{"1346", Juta(400)}, {"TOTAL", Juta(400)}}));
  const auto& charts = os.at("charts");
  EXPECT_EQ(Texts(charts.at("by_kanca"), "code"), (Strings{"25", "1346"}));
  EXPECT_EQ(Texts(charts.at("by_kanca"), "value"), (Strings{Juta(2000), Juta(400)}));
  EXPECT_EQ(Texts(charts.at("by_grade"), "os"),
            (Strings{Juta(1500), Juta(0), Juta(500), Juta(0), Juta(400)}));
  EXPECT_EQ(Texts(charts.at("trend"), "value"),
            (Strings{Juta(0), Juta(1450), Juta(2100), Juta(2400)}));
}

TEST_F(WorkedExampleOsTest, KcpTotalOfOneKancaSumsItsUnits) {
  // KC Bandung AA's only KCP is 675, so its KCP total is that unit's, NSB included.
  const auto nsb = GetJson("/api/v1/dashboard/os?group=SME&metric=nsb&kanca=5");
  EXPECT_EQ(AtE(Table(nsb, "kcp_only"), "code"), (ValueMap{{"675", "1"}, {"TOTAL", "1"}}));
  const auto dpk = GetJson("/api/v1/dashboard/os?group=SME&metric=dpk_pct&kanca=5");
  EXPECT_EQ(AtE(Table(dpk, "kcp_only"), "code"),
            (ValueMap{{"675", "100.0000"}, {"TOTAL", "100.0000"}}));
}

TEST_F(WorkedExampleOsTest, AnEarlierPositionComparesItsOwnDates) {
  const auto os = GetJson("/api/v1/dashboard/os?group=SME&metric=os&position=2025-10-08");
  EXPECT_EQ(Text(os.at("position")), "2025-10-08");
  EXPECT_EQ(Values({{"values", os.at("columns")}}), (ValueMap{{"A", "2024-12-31"},
                                                              {"B", "null"},
                                                              {"C", "2025-09-30"},
                                                              {"D", "2025-09-30"},
                                                              {"E", "2025-10-08"},
                                                              {"Y", "null"}}));
  const auto& total = Table(os, "konsol").at("total");
  EXPECT_EQ(Text(total.at("values").at("E")), Juta(16600));
  EXPECT_EQ(ChangeOf(total, "dtd"), Juta(1350) + "|8.8525");
}

}  // namespace
}  // namespace smedash::testing
