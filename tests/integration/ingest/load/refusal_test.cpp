// Files refused as a whole change no loan data and say why in the uploads row.
#include <gtest/gtest.h>

#include <string>

#include "load_fixture.hpp"

namespace smedash::ingest::testing {
namespace {

class RefusalTest : public LoadTest {
 protected:
  void SetUp() override {
    ASSERT_EQ(Import(WriteFile("contoh.csv", kWorkedExampleCsv)).status,
              ImportReport::Status::kCompleted);
    before_ = State();
  }
  // Everything a refused file must leave alone.
  std::string State() {
    return Value("SELECT count(*) || '|' || sum(os) FROM loan_data") + "#" +
           Value("SELECT count(*) || '|' || sum(os) FROM agg_position") + "#" +
           Value("SELECT count(*) || '|' || sum(customers) FROM agg_nsb") + "#" +
           Value("SELECT version FROM data_version") + "#" +
           Value("SELECT count(*) FROM audit_log");
  }
  std::string Verdict() {
    return Value(
        "SELECT status || '|' || coalesce(error_key, '') || '|' || rows_accepted "
        "FROM uploads WHERE id = $1",
        last_upload_id_);
  }
  std::string before_;
};

TEST_F(RefusalTest, MissingRequiredColumnListsMissingAndFound) {
  // The worked example without its CIFNO column.
  std::string csv = kWorkedExampleCsv;
  std::string without;
  for (std::size_t start = 0; start < csv.size();) {
    const std::size_t end = csv.find('\n', start);
    std::string line = csv.substr(start, end - start);
    std::size_t field_start = 0;
    for (int field = 0; field < 6; ++field) field_start = line.find(',', field_start) + 1;
    const std::size_t field_end = line.find(',', field_start);
    without += line.substr(0, field_start) + line.substr(field_end + 1) + "\n";
    start = end + 1;
  }
  ASSERT_EQ(without.substr(0, without.find('\n')).find("CIFNO"), std::string::npos);

  const ImportReport report = Import(WriteFile("tanpa_cif.csv", without));
  EXPECT_EQ(report.status, ImportReport::Status::kFailed);
  EXPECT_EQ(report.error_key, "ingest.file.missing_columns");
  EXPECT_EQ(report.error_args.at("missing"), "CIFNO");
  EXPECT_NE(report.error_args.at("found").find("NOMOR REKENING"), std::string::npos);
  EXPECT_NE(report.error.find("CIFNO"), std::string::npos) << report.error;
  EXPECT_EQ(Verdict(), "failed|ingest.file.missing_columns|0");
  EXPECT_EQ(Value("SELECT error_args->>'missing' FROM uploads WHERE id = $1", last_upload_id_),
            "CIFNO");
  EXPECT_EQ(State(), before_);
}

TEST_F(RefusalTest, HeaderOnlyFile) {
  const ImportReport report = Import(
      WriteFile("kosong.csv", "PERIODE,KANCA,KODE UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS\n"));
  EXPECT_EQ(report.status, ImportReport::Status::kFailed);
  EXPECT_EQ(Verdict(), "failed|ingest.file.header_only|0");
  EXPECT_EQ(State(), before_);
}

TEST_F(RefusalTest, EmptyFile) {
  const ImportReport report = Import(WriteFile("hampa.csv", ""));
  EXPECT_EQ(report.status, ImportReport::Status::kFailed);
  EXPECT_FALSE(report.error_key.empty());
  EXPECT_EQ(Value("SELECT status FROM uploads WHERE id = $1", last_upload_id_), "failed");
  EXPECT_EQ(State(), before_);
}

TEST_F(RefusalTest, UnreadableFileKeepsTheReadersMessage) {
  const ImportReport report = Import(WriteFile("rusak.xlsx", "this is not a zip archive"));
  EXPECT_EQ(report.status, ImportReport::Status::kFailed);
  EXPECT_FALSE(report.error.empty());
  EXPECT_EQ(Value("SELECT status || '|' || (length(error_log) > 0) FROM uploads WHERE id = $1",
                  last_upload_id_),
            "failed|true");
  EXPECT_EQ(State(), before_);
}

TEST_F(RefusalTest, FileThatBreaksMidwayLeavesNothingBehind) {
  // Thousands of good rows (several COPY chunks sent), replacing a loaded position, then a
  // quote that never closes: the whole file is refused and the old rows stay.
  std::string csv = "PERIODE,KANCA,KODE UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS\n";
  for (int row = 0; row < 5000; ++row) {
    csv += "09/10/2025,KC Garut,25," + std::to_string(5000000 + row) + ",C1,43207,1,100\n";
  }
  csv += "09/10/2025,\"KC Garut,25,1,C1,43207,1,100\n";
  const ImportReport report = Import(WriteFile("putus.csv", csv));
  EXPECT_EQ(report.status, ImportReport::Status::kFailed);
  EXPECT_EQ(report.error_key, "ingest.file.unterminated_quote");
  EXPECT_EQ(report.error_args.at("line"), "5002");
  EXPECT_NE(report.error.find("baris 5002"), std::string::npos) << report.error;
  EXPECT_EQ(Verdict(), "failed|ingest.file.unterminated_quote|0");
  // error_log keeps the reader's Indonesian text, for those who read the table.
  EXPECT_EQ(Value("SELECT error_log FROM uploads WHERE id = $1", last_upload_id_), report.error);
  EXPECT_EQ(State(), before_);
  EXPECT_EQ(Value("SELECT count(*) FROM loan_data WHERE periode = '2025-10-09'"), "7");
}

TEST_F(RefusalTest, EveryRowRejectedLoadsNothingButKeepsTheReasons) {
  const std::string csv =
      "PERIODE,KANCA,KODE UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS\n"
      "09/10/2025,KC Garut,25,111,C1,43207,9,100\n"
      "bukan tanggal,KC Garut,25,222,C2,43207,1,100\n";
  const ImportReport report = Import(WriteFile("buruk.csv", csv));
  EXPECT_EQ(report.status, ImportReport::Status::kFailed);
  EXPECT_EQ(report.rows_total, 2u);
  EXPECT_EQ(report.rows_rejected, 2u);
  EXPECT_EQ(Verdict(), "failed|ingest.file.no_rows_accepted|0");
  EXPECT_EQ(Column("SELECT line || ':' || column_name FROM upload_issues WHERE upload_id = $1 "
                   "AND rejects_row ORDER BY seq",
                   last_upload_id_),
            (std::vector<std::string>{"2:KOL_ADK", "3:PERIODE"}));
  EXPECT_EQ(State(), before_);
}

TEST_F(RefusalTest, RejectedRowsDoNotStopTheOthers) {
  const std::string csv =
      "PERIODE,KANCA,KODE UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS\n"
      "10/10/2025,KC Garut,25,111,C1,43207,9,100\n"
      "10/10/2025,KC Garut,25,222,C2,43207,1,250\n";
  const ImportReport report = Import(WriteFile("campur.csv", csv));
  ASSERT_EQ(report.status, ImportReport::Status::kCompleted) << report.error;
  EXPECT_EQ(report.rows_accepted, 1u);
  EXPECT_EQ(report.rows_rejected, 1u);
  EXPECT_EQ(Value("SELECT sum(os) FROM agg_position WHERE periode = '2025-10-10'"), "250.00");
  EXPECT_EQ(Value("SELECT count(*) FROM upload_issues WHERE upload_id = $1 AND rejects_row",
                  last_upload_id_),
            "1");
}

TEST_F(RefusalTest, IssuesAreCappedButCounted) {
  std::string csv = "PERIODE,KANCA,KODE UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS\n";
  for (int row = 0; row < 30; ++row) {
    csv += "10/10/2025,KC Garut,25," + std::to_string(1000 + row) + ",C1,43207," +
           (row % 2 == 0 ? "9" : "1") + ",100\n";
  }
  ImportOptions options;
  const auto file = WriteFile("banyak.csv", csv);
  options.upload_id = last_upload_id_ = CreateUpload(file);
  options.original_name = "banyak.csv";
  options.max_issues_stored = 5;
  int progress_calls = 0;
  options.on_progress = [&](const ImportProgress&) { ++progress_calls; };
  const ImportReport report = RunImport(connection_, file, options);
  ASSERT_EQ(report.status, ImportReport::Status::kCompleted) << report.error;
  EXPECT_EQ(report.rows_rejected, 15u);
  EXPECT_EQ(Value("SELECT count(*) FROM upload_issues WHERE upload_id = $1", last_upload_id_), "5");
  EXPECT_EQ(Value("SELECT rows_rejected FROM uploads WHERE id = $1", last_upload_id_), "15");
  EXPECT_GE(progress_calls, 1);
}

}  // namespace
}  // namespace smedash::ingest::testing
