// Each delete mode removes exactly what it says and nothing else: the rows of the chosen
// positions (counted in loan_data), and with them the dashboards' figures, which end up
// exactly as they were before those positions were loaded; the data version (ETag) moves
// and the delete is in the audit log.
#include "delete_data_fixture.hpp"

namespace smedash::testing {
namespace {

using Rows = std::map<std::string, long>;

const std::vector<std::string> kAllDates = {"31/12/2024", "30/09/2025", "08/10/2025", "09/10/2025"};

// A unit that moves: KCP 777 is in KC Garut on 30/09 and in KC Bandung AA, renamed, on
// 01/10. The dashboards place a unit by its latest rows, so 01/10 moves its 30/09 figures.
constexpr const char* kMovedUnitBefore =
    "PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS\n"
    "30/09/2025,KC Garut,25,KC Garut,200000000000001,G1,43207,1,1000000000\n"
    "30/09/2025,KC Bandung AA,5,KC Bandung AA,200000000000002,B1,43207,1,2000000000\n"
    "30/09/2025,KC Garut,777,KCP Pindah,200000000000003,P1,43207,3,300000000\n";
constexpr const char* kMovedUnitAfter =
    "PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS\n"
    "01/10/2025,KC Garut,25,KC Garut,200000000000001,G1,43207,1,1000000000\n"
    "01/10/2025,KC Bandung AA,5,KC Bandung AA,200000000000002,B1,43207,1,2000000000\n"
    "01/10/2025,KC Bandung AA,777,KCP Pindah Baru,200000000000003,P1,43207,3,300000000\n";

Rows Without(Rows rows, const std::vector<std::string>& positions) {
  for (const auto& position : positions) rows.erase(position);
  return rows;
}

TEST_F(DeleteDataTest, OnePositionGoesAndTheFiguresAreAsBeforeItWasLoaded) {
  Import("tanpa 0810.csv", WorkedExampleRows({"31/12/2024", "30/09/2025", "09/10/2025"}));
  const auto figures_without = Figures({"2025-10-09", "2025-09-30", "2024-12-31"});
  Import("0810.csv", WorkedExampleRows({"08/10/2025"}));
  const auto figures_with = Figures({"2025-10-09", "2025-09-30", "2024-12-31"});
  ASSERT_NE(figures_with, figures_without);  // 08/10 is column D of 09/10
  const auto rows_before = RowsPerPosition();
  ASSERT_EQ(rows_before.size(), 4u);
  const auto tag_before = PositionsTag();

  const auto preview = JsonOf(Preview("mode=position&position=2025-10-08"));
  EXPECT_EQ(boost::json::serialize(preview.at("positions")),
            R"([{"position":"2025-10-08","rows":6,"os":"16600000000.00"}])");
  EXPECT_EQ(preview.at("rows").as_int64(), rows_before.at("2025-10-08"));
  EXPECT_EQ(Text(preview.at("os")), "16600000000.00");  // domain.md: D = 16.600 juta
  EXPECT_TRUE(preview.at("can_delete").as_bool());
  EXPECT_EQ(RowsPerPosition(), rows_before) << "a preview deletes nothing";

  const auto done = PreviewAndDelete("mode=position&position=2025-10-08",
                                     {{"mode", "position"}, {"position", "2025-10-08"}});
  EXPECT_EQ(done.at("deleted").at("rows").as_int64(), 6);
  EXPECT_EQ(RowsPerPosition(), Without(rows_before, {"2025-10-08"}));
  EXPECT_EQ(Figures({"2025-10-09", "2025-09-30", "2024-12-31"}), figures_without);
  EXPECT_EQ(Get("/api/v1/dashboard/os?position=2025-10-08").status, 404);
  EXPECT_EQ(Count("SELECT count(*) FROM agg_position WHERE periode = '2025-10-08'"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM agg_nsb WHERE periode = '2025-10-08'"), 0);

  const auto tag_after = PositionsTag();
  EXPECT_NE(tag_after, tag_before);
  EXPECT_EQ(Get("/api/v1/positions", {{"if-none-match", tag_before}}).status, 200);
  EXPECT_EQ(std::to_string(done.at("data_version").as_int64()),
            tag_after.substr(2, tag_after.size() - 3));  // "d42"

  ASSERT_EQ(DeleteAuditCount(), 1);
  const auto audit = LastDeleteAudit();
  EXPECT_EQ(Text(audit.at("actor_name")), "admin");
  EXPECT_EQ(Text(audit.at("target")), "position:2025-10-08");
  EXPECT_EQ(Text(audit.at("ip_address")), "192.0.2.10");
  const auto& detail = audit.at("detail");
  EXPECT_EQ(Text(detail.at("mode")), "position");
  EXPECT_EQ(detail.at("rows").as_int64(), 6);
  EXPECT_EQ(Text(detail.at("os")), "16600000000.00");
  EXPECT_EQ(Texts(detail.at("positions"), "position"), std::vector<std::string>{"2025-10-08"});
}

TEST_F(DeleteDataTest, ARangeIncludesBothEndsAndEverythingBetweenOnly) {
  Import("ujung.csv", WorkedExampleRows({"31/12/2024", "09/10/2025"}));
  const auto figures_without = Figures({"2025-10-09", "2024-12-31"});
  Import("tengah.csv", WorkedExampleRows({"30/09/2025", "08/10/2025"}));
  const auto rows_before = RowsPerPosition();

  // Loaded positions at both ends are included; ends without data change nothing.
  const std::string expected = R"([{"position":"2025-09-30","rows":5,"os":"15250000000.00"},)"
                               R"({"position":"2025-10-08","rows":6,"os":"16600000000.00"}])";
  for (const std::string query :
       {"mode=range&from=2025-09-30&to=2025-10-08", "mode=range&from=2025-01-01&to=2025-10-08",
        "mode=range&from=2025-09-30&to=2025-10-08&position=2024-12-31"}) {
    const auto preview = JsonOf(Preview(query));
    EXPECT_EQ(boost::json::serialize(preview.at("positions")), expected) << query;
    EXPECT_EQ(preview.at("rows").as_int64(), 11) << query;
    EXPECT_EQ(Text(preview.at("os")), "31850000000.00") << query;
  }

  const auto done =
      PreviewAndDelete("mode=range&from=2025-09-30&to=2025-10-08",
                       {{"mode", "range"}, {"from", "2025-09-30"}, {"to", "2025-10-08"}});
  EXPECT_EQ(boost::json::serialize(done.at("deleted").at("positions")), expected);
  EXPECT_EQ(RowsPerPosition(), Without(rows_before, {"2025-09-30", "2025-10-08"}));
  EXPECT_EQ(Figures({"2025-10-09", "2024-12-31"}), figures_without);
  EXPECT_EQ(DashboardPositions(), (std::vector<std::string>{"2025-10-09", "2024-12-31"}));
  EXPECT_EQ(Text(LastDeleteAudit().at("target")), "range:2025-09-30..2025-10-08");
}

TEST_F(DeleteDataTest, AUnitWithNoRowsLeftLeavesTheTables) {
  // KCP Cikajang (1346) has rows only on 08/10 and 09/10.
  Import("september.csv", WorkedExampleRows({"31/12/2024", "30/09/2025"}));
  const auto figures_without = Figures({"2025-09-30", "2024-12-31"});
  Import("oktober.csv", WorkedExampleRows({"08/10/2025", "09/10/2025"}));
  const auto kcps = Texts(OsTable(Os("position=2025-09-30"), "kcp_only"), "code");
  ASSERT_NE(std::find(kcps.begin(), kcps.end(), "1346"), kcps.end());

  PreviewAndDelete("mode=range&from=2025-10-01&to=2025-10-31",
                   {{"mode", "range"}, {"from", "2025-10-01"}, {"to", "2025-10-31"}});
  EXPECT_EQ(Texts(OsTable(Os("position=2025-09-30"), "kcp_only"), "code"),
            std::vector<std::string>{"675"});
  EXPECT_EQ(Figures({"2025-09-30", "2024-12-31"}), figures_without);
  EXPECT_EQ(Count("SELECT count(*) FROM units WHERE kode_uker = '1346'"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM agg_unit_place WHERE kode_uker = '1346'"), 0);
}

TEST_F(DeleteDataTest, AUnitWhoseLatestRowsGoReturnsToItsEarlierKanca) {
  Import("30 sep.csv", kMovedUnitBefore);
  const auto figures_without = Figures({"2025-09-30"});
  Import("01 okt.csv", kMovedUnitAfter);
  const auto moved = Find(OsTable(Os("position=2025-09-30"), "konsol"), "name", "KC Bandung AA");
  ASSERT_EQ(Values(moved).at("E"), "2300000000.00");  // 777 counted in Bandung on 30/09

  PreviewAndDelete("mode=position&position=2025-10-01",
                   {{"mode", "position"}, {"position", "2025-10-01"}});
  EXPECT_EQ(Figures({"2025-09-30"}), figures_without);
  const auto os = Os("metric=npl&position=2025-09-30");
  EXPECT_EQ(Values(Find(OsTable(os, "konsol"), "name", "KC Garut")).at("E"), "300000000.00");
  const auto& kcp = Find(OsTable(os, "kcp_only"), "code", "777");
  EXPECT_EQ(Text(kcp.at("name")), "KCP Pindah");
  EXPECT_EQ(Text(kcp.at("kanca_name")), "KC Garut");
  EXPECT_EQ(Count("SELECT count(*) FROM units WHERE kode_uker = '777' AND kanca_key = 'KC GARUT' "
                  "AND last_periode = '2025-09-30'"),
            1);
  EXPECT_EQ(
      Count(
          "SELECT count(*) FROM agg_unit_place WHERE kode_uker = '777' AND kanca_key = 'KC GARUT'"),
      1);
}

TEST_F(DeleteDataTest, EverythingGoesOnlyWithTheTypedConfirmation) {
  ImportWorkedExample();
  const auto rows_before = RowsPerPosition();
  const auto tag_before = PositionsTag();
  const auto uploads_before = Count("SELECT count(*) FROM uploads");

  for (const auto& typed :
       {boost::json::value(nullptr), boost::json::value(""), boost::json::value("hapus semua data"),
        boost::json::value(" HAPUS SEMUA DATA"), boost::json::value("HAPUS SEMUA"),
        boost::json::value("DELETE ALL DATA")}) {
    const auto refused = Delete({{"mode", "all"}, {"confirmation", typed}});
    EXPECT_EQ(refused.status, 400) << boost::json::serialize(typed);
    EXPECT_EQ(Text(JsonOf(refused).at("error").at("field")), "confirmation");
  }
  EXPECT_EQ(Delete({{"mode", "all"}}).status, 400);
  EXPECT_EQ(RowsPerPosition(), rows_before);
  EXPECT_EQ(PositionsTag(), tag_before);
  EXPECT_EQ(DeleteAuditCount(), 0);

  const auto preview = JsonOf(Preview("mode=all"));
  EXPECT_EQ(Texts(preview.at("positions"), "position"),
            (std::vector<std::string>{"2024-12-31", "2025-09-30", "2025-10-08", "2025-10-09"}));
  EXPECT_EQ(preview.at("rows").as_int64(), 20);
  EXPECT_EQ(Text(preview.at("os")), "60750000000.00");  // 11.500 + 15.250 + 16.600 + 17.400

  PreviewAndDelete("mode=all", {{"mode", "all"}, {"confirmation", "HAPUS SEMUA DATA"}});
  EXPECT_TRUE(RowsPerPosition().empty());
  EXPECT_TRUE(DashboardPositions().empty());
  EXPECT_TRUE(GetJson("/api/v1/dashboard/home").at("position").is_null());
  EXPECT_TRUE(Os("metric=os").at("position").is_null());
  for (const std::string table : {"agg_position", "agg_nsb", "units", "agg_unit_place"}) {
    EXPECT_EQ(Count("SELECT count(*) FROM " + table), 0) << table;
  }
  // The uploads stay in the history: only their data went.
  EXPECT_EQ(Count("SELECT count(*) FROM uploads"), uploads_before);
  EXPECT_NE(PositionsTag(), tag_before);
  EXPECT_EQ(Text(LastDeleteAudit().at("target")), "all");
  EXPECT_EQ(LastDeleteAudit().at("detail").at("rows").as_int64(), 20);
}

}  // namespace
}  // namespace smedash::testing
