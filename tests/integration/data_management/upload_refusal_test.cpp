// Files that cannot be processed: each gets a preview that says why, the upload is
// recorded as failed with that reason, processing is refused, and no loan data changes.
#include "upload_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

class RefusalTest : public UploadTest {
 protected:
  // Loads the worked example first, so "nothing changes" is checked against real data.
  void SetUp() override {
    UploadTest::SetUp();
    admin_ = SignInAdmin();
    StartWorkers();
    const auto id = Stage(admin_, "posisi.csv", kWorkedExample);
    ASSERT_EQ(Send(Method::kPost, Process(id), &admin_).status, 202);
    ASSERT_EQ(WaitForUpload(admin_, id).at("status").as_string(), "completed");
  }

  static std::string Process(std::int64_t id) {
    return "/api/v1/uploads/" + std::to_string(id) + "/process";
  }

  // Uploads `content`, checks the refusal and that nothing else changed; returns the
  // preview's problem.
  boost::json::object ExpectRefused(const std::string& name, const std::string& content) {
    const auto loans = Count("SELECT count(*) FROM loan_data");
    const auto aggregates = Scalar("SELECT sum(os) FROM loan_data");
    auto response = Upload(&admin_, name, content);
    EXPECT_EQ(response.status, 201) << response.body;
    auto body = JsonOf(response);
    const auto& preview = body.at("preview").as_object();
    EXPECT_FALSE(preview.at("can_process").as_bool()) << response.body;
    auto problem = preview.at("problem").as_object();
    EXPECT_FALSE(problem.at("message").as_string().empty());
    EXPECT_NE(problem.at("message").as_string(), problem.at("key").as_string())
        << "untranslated: " << problem.at("key").as_string();

    const auto& upload = body.at("upload").as_object();
    EXPECT_EQ(upload.at("status").as_string(), "failed");
    EXPECT_EQ(upload.at("error").at("key"), problem.at("key"));
    const auto id = upload.at("id").as_int64();
    auto process = Send(Method::kPost, Process(id), &admin_);
    EXPECT_EQ(process.status, 409) << process.body;
    EXPECT_NE(JsonOf(process).at("error").at("message").as_string().find(
                  std::string(problem.at("message").as_string())),
              std::string::npos)
        << process.body;
    EXPECT_EQ(Count("SELECT count(*) FROM loan_data"), loans);
    EXPECT_EQ(Scalar("SELECT sum(os) FROM loan_data"), aggregates);
    EXPECT_EQ(Count("SELECT count(*) FROM uploads WHERE status IN ('queued', 'processing')"), 0);
    return problem;
  }

  Client admin_;
};

TEST_F(RefusalTest, AMissingRequiredColumnIsNamed) {
  auto problem = ExpectRefused("tanpa cif.csv",
                               "PERIODE,KANCA,KODE UKER,NOMOR REKENING,CODE,KOL_ADK,OS,CATATAN\n"
                               "09/10/2025,KC Garut,25,100000000000004,80065,3,500000000,x\n");
  EXPECT_EQ(problem.at("key").as_string(), "ingest.file.missing_columns");
  EXPECT_NE(problem.at("message").as_string().find("CIFNO"), std::string::npos);
}

TEST_F(RefusalTest, AnEmptyFile) {
  auto problem = ExpectRefused("kosong.csv", "");
  EXPECT_TRUE(problem.at("key").as_string().starts_with("ingest.file.")) << problem.at("key");
}

TEST_F(RefusalTest, AFileWithOnlyAHeader) {
  auto problem =
      ExpectRefused("judul.csv", "PERIODE,KANCA,KODE UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS\n");
  EXPECT_EQ(problem.at("key").as_string(), "ingest.file.header_only");
}

TEST_F(RefusalTest, ABinaryFileNamedCsv) {
  std::string binary;
  for (int byte = 0; byte < 4096; ++byte) binary += static_cast<char>((byte * 7919) % 256);
  auto problem = ExpectRefused("gambar.csv", binary);
  EXPECT_EQ(problem.at("key").as_string(), "ingest.file.binary");
}

TEST_F(RefusalTest, AnXlsxThatIsNotAZip) {
  auto problem = ExpectRefused("posisi.xlsx", kWorkedExample);
  EXPECT_EQ(problem.at("key").as_string(), "ingest.file.content_text");
  EXPECT_NE(problem.at("message").as_string().find(
                "File bernama .xlsx tetapi isinya bukan XLSX (zip): isinya teks"),
            std::string::npos)
      << problem.at("message");
}

// The reader's refusal is a key with its arguments, so an English admin reads it in English.
TEST_F(RefusalTest, AnEnglishAdminReadsTheReadersRefusalInEnglish) {
  admin_.lang = "en";
  auto problem = ExpectRefused("posisi.xlsx", kWorkedExample);
  EXPECT_EQ(problem.at("key").as_string(), "ingest.file.content_text");
  EXPECT_NE(problem.at("message").as_string().find(
                "The file is named .xlsx but its content is not XLSX (zip): it is text"),
            std::string::npos)
      << problem.at("message");
}

TEST_F(RefusalTest, NoReadablePositionDate) {
  auto problem = ExpectRefused("tanggal.csv",
                               "PERIODE,KANCA,KODE UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS\n"
                               "kemarin,KC Garut,25,100000000000004,C4,80065,3,500000000\n");
  EXPECT_EQ(problem.at("key").as_string(), "upload.preview.no_periode");
}

}  // namespace
}  // namespace smedash::testing
