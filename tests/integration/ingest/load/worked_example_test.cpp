// domain.md section 10 imported through RunImport: every listed figure, recomputed from
// the aggregate tables the dashboards read, and the stored rows themselves.
#include <gtest/gtest.h>

#include <string>

#include "load_fixture.hpp"

namespace smedash::ingest::testing {
namespace {

struct Figures {
  std::string os, dpk, npl, lr, lar, nsb, pct_npl;  // Rp juta, 2 decimals; NSB a count
  bool operator==(const Figures&) const = default;
};

void PrintTo(const Figures& f, std::ostream* out) {
  *out << "{os " << f.os << ", dpk " << f.dpk << ", npl " << f.npl << ", lr " << f.lr << ", lar "
       << f.lar << ", nsb " << f.nsb << ", %npl " << f.pct_npl << "}";
}

// The formulas of domain.md section 5 over agg_position rows chosen by `where`.
constexpr const char* kFiguresSql = R"sql(
WITH a AS (
  SELECT coalesce(sum(os), 0) AS os,
         coalesce(sum(os) FILTER (WHERE kol_adk = 2), 0) AS dpk,
         coalesce(sum(os) FILTER (WHERE kol_adk >= 3), 0) AS npl,
         coalesce(sum(os) FILTER (WHERE kol_adk = 1 AND restructured), 0) AS lr
  FROM agg_position p
  JOIN segment_groups g ON p.segment = ANY (g.segments)
  LEFT JOIN units u USING (kode_uker)
  WHERE g.group_code = $1 AND p.periode = $2::date
    AND ($3 = '' OR ($3 = 'unit' AND p.kode_uker = $4) OR ($3 = 'kanca' AND u.kanca_key = $4))
)
SELECT (os / 1000000)::numeric(20,2)::text, (dpk / 1000000)::numeric(20,2)::text,
       (npl / 1000000)::numeric(20,2)::text, (lr / 1000000)::numeric(20,2)::text,
       ((dpk + npl + lr) / 1000000)::numeric(20,2)::text,
       (SELECT customers::text FROM agg_nsb
        WHERE periode = $2::date AND group_code = $1
          AND level = CASE WHEN $3 = '' THEN 'total' ELSE $3 END
          AND level_key = $4),
       round(npl * 100 / nullif(os, 0), 2)::text
FROM a
)sql";

class WorkedExampleTest : public LoadTest {
 protected:
  void SetUp() override {
    report_ = Import(WriteFile("contoh.csv", kWorkedExampleCsv), CreateUser("admin1"));
    ASSERT_EQ(report_.status, ImportReport::Status::kCompleted) << report_.error;
  }

  // level "" = all units; "unit" with a KODE UKER; "kanca" with a kanca key.
  Figures At(const std::string& group, const std::string& periode, const std::string& level = "",
             const std::string& key = "") {
    pqxx::nontransaction tx(connection_);
    const auto row = tx.exec_params1(kFiguresSql, group, periode, level, key);
    auto text = [&](int idx) { return row[idx].is_null() ? "" : row[idx].as<std::string>(); };
    return Figures{text(0), text(1), text(2), text(3), text(4), text(5), text(6)};
  }

  ImportReport report_;
};

constexpr const char* kE = "2025-10-09";
constexpr const char* kD = "2025-10-08";
constexpr const char* kC = "2025-09-30";
constexpr const char* kA = "2024-12-31";

TEST_F(WorkedExampleTest, ReportCountsEveryRowAndPosition) {
  EXPECT_EQ(report_.rows_total, 20u);
  EXPECT_EQ(report_.rows_accepted, 20u);
  EXPECT_EQ(report_.rows_rejected, 0u);
  const std::map<std::string, std::uint64_t> by_periode = {{kA, 2}, {kC, 5}, {kD, 6}, {kE, 7}};
  EXPECT_EQ(report_.rows_by_periode, by_periode);
  for (const auto& [periode, replaced] : report_.rows_replaced) EXPECT_EQ(replaced, 0u) << periode;
  EXPECT_EQ(report_.unknown_codes, std::vector<std::string>{"99999"});
}

TEST_F(WorkedExampleTest, SmeTotalsAtEachPosition) {
  EXPECT_EQ(At("SME", kE),
            (Figures{"17400.00", "2000.00", "900.00", "3000.00", "5900.00", "5", "5.17"}));
  EXPECT_EQ(At("SME", kD),
            (Figures{"16600.00", "500.00", "400.00", "3000.00", "3900.00", "5", "2.41"}));
  EXPECT_EQ(At("SME", kC),
            (Figures{"15250.00", "0.00", "0.00", "2800.00", "2800.00", "4", "0.00"}));
  EXPECT_EQ(At("SME", kA),
            (Figures{"11500.00", "0.00", "0.00", "2500.00", "2500.00", "2", "0.00"}));
}

TEST_F(WorkedExampleTest, GroupTotalsAtE) {
  EXPECT_EQ(At("SMALL_KUR", kE),
            (Figures{"7400.00", "2000.00", "900.00", "3000.00", "5900.00", "4", "12.16"}));
  EXPECT_EQ(At("SMALL", kE),
            (Figures{"6900.00", "2000.00", "400.00", "3000.00", "5400.00", "3", "5.80"}));
  EXPECT_EQ(At("SMALL_NCC", kE),
            (Figures{"3900.00", "2000.00", "400.00", "0.00", "2400.00", "2", "10.26"}));
  EXPECT_EQ(At("KUR", kE), (Figures{"500.00", "0.00", "500.00", "0.00", "500.00", "1", "100.00"}));
  EXPECT_EQ(At("MEDIUM", kE), (Figures{"10000.00", "0.00", "0.00", "0.00", "0.00", "1", "0.00"}));
}

TEST_F(WorkedExampleTest, KancaAndUnitFiguresAtE) {
  const Figures garut = At("SME", kE, "kanca", "KC GARUT");
  EXPECT_EQ(garut.os, "2400.00");
  EXPECT_EQ(garut.npl, "900.00");
  EXPECT_EQ(garut.pct_npl, "37.50");
  EXPECT_EQ(garut.nsb, "3");
  const Figures bandung = At("SME", kE, "kanca", "KC BANDUNG AA");
  EXPECT_EQ(bandung.os, "15000.00");
  EXPECT_EQ(bandung.nsb, "3") << "C2 counts in both kanca, and once in the total";
  const Figures garut_office = At("SME", kE, "unit", "25");
  EXPECT_EQ(garut_office.os, "2000.00");
  EXPECT_EQ(garut_office.npl, "500.00");
  const Figures cikajang = At("SME", kE, "unit", "1346");
  EXPECT_EQ(cikajang.os, "400.00");
  EXPECT_EQ(cikajang.npl, "400.00");
}

TEST_F(WorkedExampleTest, UnitsComeFromTheRows) {
  EXPECT_EQ(Column("SELECT kode_uker || '|' || uker || '|' || kanca || '|' || kanca_key || '|' "
                   "|| last_periode FROM units ORDER BY kode_uker::int"),
            (std::vector<std::string>{
                "5|KC Bandung AA|KC Bandung AA|KC BANDUNG AA|2025-10-09",
                "25|KC Garut|KC Garut|KC GARUT|2025-10-09",
                "675|KCP Rajawali Bandung|KC Bandung AA|KC BANDUNG AA|2025-10-09",
                "1346|KCP Cikajang|KC Garut|KC GARUT|2025-10-09",
            }));
}

TEST_F(WorkedExampleTest, RowsAreStoredExactly) {
  EXPECT_EQ(Value("SELECT count(*) FROM loan_data"), "20");
  EXPECT_EQ(Value("SELECT os::text || '|' || coalesce(os_reported::text, 'NULL') || '|' || "
                  "kolektibilitas_macet::text || '|' || kol_adk || '|' || code || '|' || cif_no "
                  "FROM loan_data WHERE periode = '2025-10-09' AND nomor_rekening = $1",
                  "100000000000005"),
            "400000000.00|NULL|400000000.00|5|99999|C5");
  EXPECT_EQ(Value("SELECT os::text || '|' || os_reported::text || '|' || flag_restruk::text "
                  "FROM loan_data WHERE periode = '2025-10-09' AND nomor_rekening = $1",
                  "100000000000003"),
            "3000000000.00|3000000000.00|true");
  EXPECT_EQ(Value("SELECT count(*) FROM loan_data WHERE upload_id = $1", last_upload_id_), "20");
  EXPECT_EQ(Column("SELECT tableoid::regclass::text FROM loan_data GROUP BY 1 ORDER BY 1"),
            (std::vector<std::string>{"loan_data_20241231", "loan_data_20250930",
                                      "loan_data_20251008", "loan_data_20251009"}))
      << "one partition per position";
}

TEST_F(WorkedExampleTest, UploadRowHasTheVerdictAndCounts) {
  EXPECT_EQ(Value("SELECT status || '|' || rows_total || '|' || rows_accepted || '|' || "
                  "rows_rejected || '|' || warnings || '|' || rows_replaced || '|' || "
                  "array_to_string(unknown_codes, ',') || '|' || (completed_at IS NOT NULL) || "
                  "'|' || (started_at IS NOT NULL) || '|' || (duration_seconds >= 0) || '|' || "
                  "(reader <> '') || '|' || (error_key IS NULL) FROM uploads WHERE id = $1",
                  last_upload_id_),
            "completed|20|20|0|0|0|99999|true|true|true|true|true");
  EXPECT_EQ(Column("SELECT periode || ':' || rows_loaded || ':' || rows_replaced "
                   "FROM upload_periodes WHERE upload_id = $1 ORDER BY periode",
                   last_upload_id_),
            (std::vector<std::string>{"2024-12-31:2:0", "2025-09-30:5:0", "2025-10-08:6:0",
                                      "2025-10-09:7:0"}));
}

TEST_F(WorkedExampleTest, AuditNamesTheUploaderAndTheUpload) {
  EXPECT_EQ(Value("SELECT a.action || '|' || a.target || '|' || u.username || '|' || "
                  "(a.detail->>'rows_accepted') || '|' || (a.detail->'periodes')::text "
                  "FROM audit_log a JOIN users u ON u.id = a.actor_id "
                  "WHERE a.action = 'upload.load'"),
            "upload.load|upload:" + std::to_string(last_upload_id_) +
                "|admin1|20|[\"2024-12-31\", \"2025-09-30\", \"2025-10-08\", \"2025-10-09\"]");
}

TEST_F(WorkedExampleTest, DataVersionMovesWithTheLoad) {
  EXPECT_EQ(Value("SELECT version FROM data_version"), "2");
}

}  // namespace
}  // namespace smedash::ingest::testing
