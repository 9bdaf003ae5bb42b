// Processing staged uploads with the job workers: the worked example loads, a second
// upload of a position replaces it, bad rows are reported with their lines and can be
// downloaded, and "process" queues an upload exactly once.
#include <fstream>
#include <sstream>

#include "upload_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

std::string ProcessPath(std::int64_t id) {
  return "/api/v1/uploads/" + std::to_string(id) + "/process";
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The worked example's header and the rows of one position, changed.
const char* const kNinthOctoberAgain =
    "PERIODE,KANCA,KODE UKER,UKER,NOMOR REKENING,NAMA DEBITUR,CIFNO,FLAG RESTRUK,"
    "KOLEKTIBILITAS LANCAR,KOLEKTIBILITAS DPK,KOLEKTIBILITAS KURANG LANCAR,"
    "KOLEKTIBILITAS DIRAGUKAN,KOLEKTIBILITAS MACET,CODE,KOL_ADK,OS\n"
    "09/10/2025,KC Bandung AA,5,KC Bandung AA,100000000000001,PT "
    "Satu,C1,N,11000000000,0,0,0,0,42210,1,11000000000\n"
    "09/10/2025,KC Garut,25,KC Garut,100000000000004,Toko "
    "Empat,C4,N,0,0,500000000,0,0,80065,3,500000000\n"
    "09/10/2025,KC Garut,25,KC Garut,100000000000008,Baru "
    "Delapan,C8,N,700000000,0,0,0,0,43209,1,700000000\n";

// Line 3 repeats line 2's account; line 4 has an amount that is a formula.
const char* const kBadRows =
    "PERIODE,KANCA,KODE UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS\n"
    "09/10/2025,KC Garut,25,100000000000004,C4,80065,3,500000000\n"
    "09/10/2025,KC Garut,25,100000000000004,C4,80065,3,500000000\n"
    "09/10/2025,KC Garut,25,100000000000006,C2,43207,1,=SUM(A1:A2)\n"
    "09/10/2025,KC Garut,25,100000000000007,C7,43208,1,0\n";

TEST_F(UploadTest, ProcessingLoadsTheWorkedExample) {
  Client admin = SignInAdmin();
  const auto id = Stage(admin, "posisi.csv", kWorkedExample);
  auto queued = Send(Method::kPost, ProcessPath(id), &admin);
  ASSERT_EQ(queued.status, 202) << queued.body;
  EXPECT_EQ(JsonOf(queued).at("upload").at("status").as_string(), "queued");
  EXPECT_FALSE(JsonOf(queued).at("upload").at("queued_at").is_null());

  // A double click: the upload is queued once, and the second answer says so.
  auto again = Send(Method::kPost, ProcessPath(id), &admin);
  ASSERT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(JsonOf(again).at("error").at("status").as_string(), "queued");
  EXPECT_NE(JsonOf(again).at("error").at("message").as_string().find("antrian"), std::string::npos);

  StartWorkers();
  auto upload = WaitForUpload(admin, id);
  ASSERT_EQ(upload.at("status").as_string(), "completed") << boost::json::serialize(upload);
  EXPECT_EQ(upload.at("rows_total").as_int64(), 20);
  EXPECT_EQ(upload.at("rows_accepted").as_int64(), 20);
  EXPECT_EQ(upload.at("rows_rejected").as_int64(), 0);
  EXPECT_EQ(upload.at("rows_replaced").as_int64(), 0);
  EXPECT_EQ(upload.at("attempts").as_int64(), 1);
  EXPECT_TRUE(upload.at("error").is_null());
  EXPECT_FALSE(upload.at("duration_seconds").is_null());
  EXPECT_EQ(boost::json::serialize(upload.at("unknown_codes")), R"(["99999"])");
  EXPECT_EQ(boost::json::serialize(upload.at("periodes")),
            R"([{"periode":"2024-12-31","rows_loaded":2,"rows_replaced":0},)"
            R"({"periode":"2025-09-30","rows_loaded":5,"rows_replaced":0},)"
            R"({"periode":"2025-10-08","rows_loaded":6,"rows_replaced":0},)"
            R"({"periode":"2025-10-09","rows_loaded":7,"rows_replaced":0}])");

  EXPECT_EQ(Count("SELECT count(*) FROM loan_data"), 20);
  EXPECT_EQ(Scalar("SELECT os FROM loan_data WHERE periode = '2025-10-09' "
                   "AND nomor_rekening = '100000000000005'"),
            "400000000.00");  // no OS cell: the MACET amount
  EXPECT_EQ(Scalar("SELECT code || ' ' || kode_uker || ' ' || kol_adk FROM loan_data "
                   "WHERE periode = '2025-10-08' AND nomor_rekening = '100000000000004'"),
            "80065 25 2");
  EXPECT_EQ(Scalar("SELECT sum(os) FROM loan_data WHERE periode = '2025-10-09'"), "17400000000.00");

  auto finished = Send(Method::kPost, ProcessPath(id), &admin);
  EXPECT_EQ(finished.status, 409);
  EXPECT_EQ(JsonOf(finished).at("error").at("status").as_string(), "completed");
  EXPECT_EQ(Count("SELECT count(*) FROM uploads"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'upload.process'"), 1);
}

TEST_F(UploadTest, UploadingAPositionAgainReplacesIt) {
  Client admin = SignInAdmin();
  StartWorkers();
  const auto first = Stage(admin, "posisi.csv", kWorkedExample);
  ASSERT_EQ(Send(Method::kPost, ProcessPath(first), &admin).status, 202);
  ASSERT_EQ(WaitForUpload(admin, first).at("status").as_string(), "completed");

  const auto second = Stage(admin, "posisi 9 okt.csv", kNinthOctoberAgain);
  ASSERT_EQ(Send(Method::kPost, ProcessPath(second), &admin).status, 202);
  auto upload = WaitForUpload(admin, second);
  ASSERT_EQ(upload.at("status").as_string(), "completed") << boost::json::serialize(upload);
  EXPECT_EQ(upload.at("rows_accepted").as_int64(), 3);
  EXPECT_EQ(upload.at("rows_replaced").as_int64(), 7);
  EXPECT_EQ(boost::json::serialize(upload.at("periodes")),
            R"([{"periode":"2025-10-09","rows_loaded":3,"rows_replaced":7}])");
  EXPECT_EQ(Count("SELECT count(*) FROM loan_data"), 20 - 7 + 3);
  EXPECT_EQ(Count("SELECT count(*) FROM loan_data WHERE periode = '2025-10-08'"), 6);
  EXPECT_EQ(Scalar("SELECT os FROM loan_data WHERE periode = '2025-10-09' "
                   "AND nomor_rekening = '100000000000001'"),
            "11000000000.00");
}

TEST_F(UploadTest, RejectedRowsAreReportedWithTheirLinesAndDownloadable) {
  Client admin = SignInAdmin();
  StartWorkers();
  const auto id = Stage(admin, "baris buruk.csv", kBadRows);
  ASSERT_EQ(Send(Method::kPost, ProcessPath(id), &admin).status, 202);
  auto upload = WaitForUpload(admin, id);
  ASSERT_EQ(upload.at("status").as_string(), "completed") << boost::json::serialize(upload);
  EXPECT_EQ(upload.at("rows_total").as_int64(), 4);
  EXPECT_EQ(upload.at("rows_accepted").as_int64(), 2);
  EXPECT_EQ(upload.at("rows_rejected").as_int64(), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM loan_data"), 2);

  const std::string base = "/api/v1/uploads/" + std::to_string(id);
  auto page = Send(Method::kGet, base + "/issues?kind=rejected&per_page=1", &admin);
  ASSERT_EQ(page.status, 200) << page.body;
  auto issues = JsonOf(page);
  EXPECT_EQ(issues.at("total").as_int64(), 2);
  EXPECT_EQ(issues.at("page").as_int64(), 1);
  const auto& duplicate = issues.at("items").as_array().at(0).as_object();
  EXPECT_EQ(duplicate.at("line").as_int64(), 3);
  EXPECT_EQ(duplicate.at("column").as_string(), "NOMOR REKENING");
  EXPECT_EQ(duplicate.at("raw_value").as_string(), "100000000000004");
  EXPECT_TRUE(duplicate.at("rejects_row").as_bool());
  EXPECT_NE(duplicate.at("reason").as_string().find("baris 2"), std::string::npos)
      << duplicate.at("reason").as_string();

  auto second =
      JsonOf(Send(Method::kGet, base + "/issues?kind=rejected&per_page=1&page=2", &admin));
  const auto& formula = second.at("items").as_array().at(0).as_object();
  EXPECT_EQ(formula.at("line").as_int64(), 4);
  EXPECT_EQ(formula.at("column").as_string(), "OS");
  EXPECT_EQ(JsonOf(Send(Method::kGet, base + "/issues?kind=warning", &admin)).at("total"), 0);
  EXPECT_EQ(Send(Method::kGet, base + "/issues?kind=odd", &admin).status, 400);

  Client english = admin;
  english.lang = "en";
  auto translated = JsonOf(Send(Method::kGet, base + "/issues", &english));
  EXPECT_NE(translated.at("items").at(0).at("reason").as_string().find("line 2"), std::string::npos)
      << translated.at("items").at(0).at("reason").as_string();

  auto csv = Send(Method::kGet, base + "/issues.csv", &admin);
  ASSERT_EQ(csv.status, 200) << csv.body;
  ASSERT_TRUE(csv.file.has_value());
  EXPECT_EQ(csv.Header("Content-Type").value_or(""), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.Header("Content-Disposition").value_or(""),
            "attachment; filename=\"upload-" + std::to_string(id) + "-issues.csv\"");
  const std::string text = ReadFile(*csv.file);
  EXPECT_TRUE(
      text.starts_with("\xEF\xBB\xBF"
                       "Baris,Kolom,Nilai,Alasan,Jenis\r\n"))
      << text;
  EXPECT_NE(text.find("\r\n3,NOMOR REKENING,100000000000004,"), std::string::npos) << text;
  // A formula in the file stays text in a spreadsheet.
  EXPECT_NE(text.find("\r\n4,OS,'=SUM(A1:A2),"), std::string::npos) << text;

  auto xlsx = Send(Method::kGet, base + "/issues.xlsx?kind=rejected", &admin);
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  ASSERT_TRUE(xlsx.file.has_value());
  EXPECT_TRUE(ReadFile(*xlsx.file).starts_with("PK"));  // a zip, as XLSX is
  EXPECT_EQ(Send(Method::kGet, "/api/v1/uploads/999/issues.csv", &admin).status, 404);
}

}  // namespace
}  // namespace smedash::testing
