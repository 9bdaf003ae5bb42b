// Loading a position again replaces it, and only it; duplicates inside one file are
// rejected row by row with the line of the first occurrence.
#include <gtest/gtest.h>

#include <string>

#include "load_fixture.hpp"

namespace smedash::ingest::testing {
namespace {

constexpr const char* kHeader =
    "PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,CIFNO,FLAG RESTRUK,CODE,KOL_ADK,OS\n";

class ReplaceTest : public LoadTest {
 protected:
  std::string SmeTotal(const std::string& periode) {
    return Value("SELECT coalesce(sum(os), 0)::text FROM agg_position WHERE periode = $1::date",
                 periode);
  }
  std::string Snapshot() {
    return Value(
               "SELECT string_agg(periode || ' ' || kode_uker || ' ' || segment || ' ' || kol_adk "
               "|| ' ' "
               "|| restructured || ' ' || os || ' ' || accounts, ';' ORDER BY periode, kode_uker, "
               "segment, kol_adk, restructured) FROM agg_position") +
           "#" +
           Value(
               "SELECT string_agg(periode || ' ' || level || ' ' || level_key || ' ' || "
               "group_code || ' ' || customers, ';' ORDER BY periode, level, level_key, "
               "group_code) FROM agg_nsb");
  }
};

TEST_F(ReplaceTest, SameFileTwiceReplacesEveryPosition) {
  const auto file = WriteFile("contoh.csv", kWorkedExampleCsv);
  ASSERT_EQ(Import(file).status, ImportReport::Status::kCompleted);
  const std::string before = Snapshot();

  const ImportReport again = Import(file);
  ASSERT_EQ(again.status, ImportReport::Status::kCompleted) << again.error;
  const std::map<std::string, std::uint64_t> replaced = {
      {"2024-12-31", 2}, {"2025-09-30", 5}, {"2025-10-08", 6}, {"2025-10-09", 7}};
  EXPECT_EQ(again.rows_replaced, replaced);
  EXPECT_EQ(Value("SELECT count(*) FROM loan_data"), "20");
  EXPECT_EQ(Value("SELECT count(*) FROM loan_data WHERE upload_id = $1", last_upload_id_), "20");
  EXPECT_EQ(Snapshot(), before) << "figures must not double";
  EXPECT_EQ(Value("SELECT rows_replaced FROM uploads WHERE id = $1", last_upload_id_), "20");
  EXPECT_EQ(
      Value("SELECT sum(rows_replaced) FROM upload_periodes WHERE upload_id = $1", last_upload_id_),
      "20");
}

TEST_F(ReplaceTest, OverlappingFileReplacesOnlyItsPositions) {
  ASSERT_EQ(Import(WriteFile("contoh.csv", kWorkedExampleCsv)).status,
            ImportReport::Status::kCompleted);
  const std::string other_positions_before = Value(
      "SELECT string_agg(periode || ' ' || os, ';' ORDER BY periode, kode_uker, segment, "
      "kol_adk) FROM agg_position WHERE periode < '2025-10-09'");
  const std::string update = std::string(kHeader) +
                             "09/10/2025,KC Garut,25,KC Garut,900000000000001,C9,N,43207,1,100\n"
                             "10/10/2025,KC Garut,25,KC Garut,900000000000001,C9,N,43207,1,200\n"
                             "09/10/2025,KC Garut,25,KC Garut,900000000000002,C9,N,43207,2,50\n";
  const ImportReport report = Import(WriteFile("update.csv", update));
  ASSERT_EQ(report.status, ImportReport::Status::kCompleted) << report.error;
  const std::map<std::string, std::uint64_t> replaced = {{"2025-10-09", 7}, {"2025-10-10", 0}};
  EXPECT_EQ(report.rows_replaced, replaced);
  EXPECT_EQ(Value("SELECT count(*) FROM loan_data"), std::to_string(20 - 7 + 3));
  EXPECT_EQ(SmeTotal("2025-10-09"), "150.00");
  EXPECT_EQ(SmeTotal("2025-10-10"), "200.00");
  EXPECT_EQ(SmeTotal("2025-10-08"), "16600000000.00");
  EXPECT_EQ(Value("SELECT string_agg(periode || ' ' || os, ';' ORDER BY periode, kode_uker, "
                  "segment, kol_adk) FROM agg_position WHERE periode < '2025-10-09'"),
            other_positions_before);
  EXPECT_EQ(Value("SELECT customers FROM agg_nsb WHERE periode = '2025-10-09' AND level = "
                  "'total' AND group_code = 'SME'"),
            "1");
}

TEST_F(ReplaceTest, DuplicateAccountInOneFileIsRejectedWithBothLines) {
  const std::string file = std::string(kHeader) +
                           "09/10/2025,KC Garut,25,KC Garut,111,C1,N,43207,1,100\n"
                           "09/10/2025,KC Garut,25,KC Garut,222,C2,N,43207,1,200\n"
                           "09/10/2025,KC Garut,25,KC Garut,111,C1,N,43207,1,300\n"
                           "08/10/2025,KC Garut,25,KC Garut,111,C1,N,43207,1,400\n";
  const ImportReport report = Import(WriteFile("dup.csv", file));
  ASSERT_EQ(report.status, ImportReport::Status::kCompleted) << report.error;
  EXPECT_EQ(report.rows_total, 4u);
  EXPECT_EQ(report.rows_accepted, 3u) << "the same account at another position is no duplicate";
  EXPECT_EQ(report.rows_rejected, 1u);
  EXPECT_EQ(Value("SELECT line || '|' || column_name || '|' || raw_value || '|' || reason_key || "
                  "'|' || (args->>'first_line') || '|' || rejects_row FROM upload_issues "
                  "WHERE upload_id = $1",
                  last_upload_id_),
            "4|NOMOR REKENING|111|ingest.reject.duplicate_account|2|true");
  EXPECT_EQ(Value("SELECT os FROM loan_data WHERE periode = '2025-10-09' AND nomor_rekening = "
                  "'111'"),
            "100.00")
      << "the first occurrence is kept";
  EXPECT_EQ(Value("SELECT rows_rejected FROM uploads WHERE id = $1", last_upload_id_), "1");
}

}  // namespace
}  // namespace smedash::ingest::testing
