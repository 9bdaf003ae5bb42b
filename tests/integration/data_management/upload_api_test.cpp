// Staging an upload through POST /api/v1/uploads: who may, what is checked before the file
// is kept, where it is kept, and the preview of the worked example.
#include <sodium.h>

#include <fstream>
#include <sstream>

#include "upload_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

std::string Sha256Hex(const std::string& text) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_F(UploadTest, AdminStagesTheWorkedExampleAndSeesItsPreview) {
  Client admin = SignInAdmin();
  auto response = Upload(&admin, "Posisi Oktober 2025.csv", kWorkedExample,
                         "number_style=auto&notes=" + http::UrlEncode("Data harian RO"));
  ASSERT_EQ(response.status, 201) << response.body;
  auto body = JsonOf(response);

  auto upload = body.at("upload").as_object();
  EXPECT_EQ(upload.at("status").as_string(), "staged");
  EXPECT_EQ(upload.at("file_name").as_string(), "Posisi Oktober 2025.csv");
  EXPECT_EQ(upload.at("notes").as_string(), "Data harian RO");
  EXPECT_EQ(upload.at("number_style").as_string(), "auto");
  EXPECT_EQ(upload.at("file_size").as_int64(), static_cast<std::int64_t>(strlen(kWorkedExample)));
  EXPECT_EQ(upload.at("sha256").as_string(), Sha256Hex(kWorkedExample));
  EXPECT_EQ(upload.at("uploaded_by").at("name").as_string(), "admin");
  EXPECT_TRUE(body.at("same_file_as").is_null());

  auto preview = body.at("preview").as_object();
  EXPECT_TRUE(preview.at("can_process").as_bool());
  EXPECT_TRUE(preview.at("problem").is_null());
  EXPECT_EQ(preview.at("format").as_string(), "CSV");
  EXPECT_FALSE(preview.at("reader").as_string().empty());
  const auto& headers = preview.at("headers").as_array();
  ASSERT_EQ(headers.size(), 16u);
  EXPECT_EQ(headers[0].at("header").as_string(), "PERIODE");
  EXPECT_EQ(headers[0].at("column").as_string(), "PERIODE");
  EXPECT_EQ(headers[0].at("status").as_string(), "mapped");
  EXPECT_EQ(headers[0].at("kind").as_string(), "date");
  EXPECT_EQ(headers[8].at("kind").as_string(), "amount");
  EXPECT_EQ(headers[14].at("column").as_string(), "KOL_ADK");
  EXPECT_TRUE(preview.at("missing_required").as_array().empty());
  EXPECT_TRUE(preview.at("unknown_headers").as_array().empty());
  EXPECT_TRUE(preview.at("periodes_scanned").as_bool());
  EXPECT_EQ(preview.at("data_rows").as_int64(), 20);
  EXPECT_EQ(boost::json::serialize(preview.at("periodes")),
            R"([{"periode":"2024-12-31","rows":2},{"periode":"2025-09-30","rows":5},)"
            R"({"periode":"2025-10-08","rows":6},{"periode":"2025-10-09","rows":7}])");

  const auto& rows = preview.at("rows").as_array();
  ASSERT_EQ(rows.size(), 10u);
  const auto& first = rows[0].as_object();
  EXPECT_EQ(first.at("line").as_int64(), 2);
  EXPECT_FALSE(first.at("rejected").as_bool());
  const auto& cells = first.at("cells").as_array();
  ASSERT_EQ(cells.size(), 16u);
  EXPECT_EQ(cells[0].at("raw").as_string(), "31/12/2024");
  EXPECT_EQ(cells[0].at("value").as_string(), "2024-12-31");
  EXPECT_EQ(cells[4].at("value").as_string(), "100000000000001");
  EXPECT_EQ(cells[15].at("raw").as_string(), "9000000000");

  // Kept under uploads/yyyy/mm/dd/<id>-<safe name>; the original name only in the database.
  const auto id = upload.at("id").as_int64();
  const auto stored = Scalar("SELECT stored_path FROM uploads WHERE id = " + std::to_string(id));
  EXPECT_TRUE(stored.starts_with("uploads/")) << stored;
  EXPECT_TRUE(stored.ends_with("/" + std::to_string(id) + "-Posisi_Oktober_2025.csv")) << stored;
  EXPECT_EQ(ReadFile(config_.data_dir / stored), kWorkedExample);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'upload.stage' AND target = "
                  "'upload:" +
                  std::to_string(id) + "'"),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM loan_data"), 0);

  // The preview again, for an admin who comes back to the staged upload.
  auto again = Send(Method::kGet, "/api/v1/uploads/" + std::to_string(id) + "/preview", &admin);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(JsonOf(again).at("preview").at("periodes"), preview.at("periodes"));
}

TEST_F(UploadTest, OnlyAdminsMayUpload) {
  CreateUser("budi", "budi-password-1", core::Role::kUser);
  Client budi = SignIn("budi", "budi-password-1");
  EXPECT_EQ(Upload(&budi, "data.csv", kWorkedExample).status, 403);
  EXPECT_EQ(Upload(nullptr, "data.csv", kWorkedExample).status, 401);
  EXPECT_EQ(Send(Method::kGet, "/api/v1/uploads", &budi).status, 403);
  EXPECT_EQ(Send(Method::kGet, "/data/upload/", &budi).status, 403);
  EXPECT_EQ(Count("SELECT count(*) FROM uploads"), 0);
}

TEST_F(UploadTest, TheUploadPageIsInTheDataMenu) {
  Client admin = SignInAdmin();
  auto page = Send(Method::kGet, "/data/upload/", &admin);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("href=\"/data/upload/\""), std::string::npos);
  EXPECT_NE(page.body.find("bi-cloud-arrow-up"), std::string::npos);
  EXPECT_NE(page.body.find("/static/app/js/upload.mjs"), std::string::npos);
  EXPECT_NE(page.body.find("data-max-bytes=\"65536\""), std::string::npos);
}

TEST_F(UploadTest, RequestsAreCheckedBeforeAnythingIsKept) {
  Client admin = SignInAdmin();
  auto wrong_type = Upload(&admin, "posisi.txt", kWorkedExample);
  EXPECT_EQ(wrong_type.status, 400);
  EXPECT_NE(JsonOf(wrong_type).at("error").at("message").as_string().find("posisi.txt"),
            std::string::npos);
  EXPECT_EQ(Upload(&admin, "", kWorkedExample).status, 400);
  EXPECT_EQ(Upload(&admin, "posisi.csv", kWorkedExample, "number_style=us").status, 400);
  EXPECT_EQ(Upload(&admin, "posisi.csv", kWorkedExample, "notes=" + std::string(1001, 'x')).status,
            400);
  EXPECT_EQ(Count("SELECT count(*) FROM uploads"), 0);
  EXPECT_FALSE(std::filesystem::exists(config_.data_dir / "uploads"));
}

TEST_F(UploadTest, AFileOverTheLimitIsRefusedWithTheLimit) {
  Client admin = SignInAdmin();
  std::string big = kWorkedExample;
  while (big.size() <= kUploadLimit) big += big;
  auto response = Upload(&admin, "besar.csv", big);
  ASSERT_EQ(response.status, 413) << response.body;
  auto error = JsonOf(response).at("error").as_object();
  EXPECT_EQ(error.at("code").as_string(), "too_large");
  EXPECT_NE(error.at("message").as_string().find("64 KB"), std::string::npos)
      << error.at("message").as_string();
  EXPECT_EQ(Count("SELECT count(*) FROM uploads"), 0);
}

TEST_F(UploadTest, AStagedUploadCanBeCancelledAndItsFileGoes) {
  Client admin = SignInAdmin();
  const auto id = Stage(admin, "posisi.csv", kWorkedExample);
  const auto stored = Scalar("SELECT stored_path FROM uploads WHERE id = " + std::to_string(id));
  ASSERT_TRUE(std::filesystem::exists(config_.data_dir / stored));

  auto cancelled = Send(Method::kDelete, "/api/v1/uploads/" + std::to_string(id), &admin);
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(JsonOf(cancelled).at("upload").at("status").as_string(), "cancelled");
  EXPECT_FALSE(std::filesystem::exists(config_.data_dir / stored));
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'upload.cancel'"), 1);

  auto process = Send(Method::kPost, "/api/v1/uploads/" + std::to_string(id) + "/process", &admin);
  EXPECT_EQ(process.status, 409);
  EXPECT_EQ(JsonOf(process).at("error").at("status").as_string(), "cancelled");
  EXPECT_EQ(Send(Method::kDelete, "/api/v1/uploads/" + std::to_string(id), &admin).status, 409);
  EXPECT_EQ(Send(Method::kDelete, "/api/v1/uploads/999", &admin).status, 404);
}

TEST_F(UploadTest, ActiveUploadsListTheAdminsOwnStagedOnes) {
  Client admin = SignInAdmin();
  CreateUser("siti", "siti-password-1", core::Role::kAdmin);
  Client siti = SignIn("siti", "siti-password-1");
  const auto mine = Stage(admin, "a.csv", kWorkedExample);
  const auto hers = Stage(siti, "b.csv", kWorkedExample);
  ASSERT_EQ(
      Send(Method::kPost, "/api/v1/uploads/" + std::to_string(hers) + "/process", &siti).status,
      202);

  auto listed = Send(Method::kGet, "/api/v1/uploads?status=active", &admin);
  ASSERT_EQ(listed.status, 200) << listed.body;
  const auto body = JsonOf(listed);
  const auto& uploads = body.at("uploads").as_array();
  ASSERT_EQ(uploads.size(), 2u);
  EXPECT_EQ(uploads[0].at("id").as_int64(), hers);  // newest first; queued: everyone's
  EXPECT_EQ(uploads[0].at("status").as_string(), "queued");
  EXPECT_EQ(uploads[1].at("id").as_int64(), mine);

  auto siti_view = JsonOf(Send(Method::kGet, "/api/v1/uploads?status=active", &siti));
  EXPECT_EQ(siti_view.at("uploads").as_array().size(), 1u);  // not admin's staged one
  EXPECT_EQ(Send(Method::kGet, "/api/v1/uploads?status=bogus", &admin).status, 400);
  EXPECT_EQ(Send(Method::kGet, "/api/v1/uploads?status=all&limit=0", &admin).status, 400);
  EXPECT_EQ(Send(Method::kGet, "/api/v1/uploads/abc", &admin).status, 404);
}

TEST_F(UploadTest, TheSameBytesAsACompletedUploadAreFlagged) {
  Client admin = SignInAdmin();
  const auto first = Stage(admin, "posisi.csv", kWorkedExample);
  Execute("UPDATE uploads SET status = 'completed' WHERE id = " + std::to_string(first));
  auto again = Upload(&admin, "posisi lagi.csv", kWorkedExample);
  ASSERT_EQ(again.status, 201);
  auto same = JsonOf(again).at("same_file_as");
  ASSERT_TRUE(same.is_object()) << again.body;
  EXPECT_EQ(same.at("id").as_int64(), first);
  EXPECT_EQ(same.at("file_name").as_string(), "posisi.csv");
}

}  // namespace
}  // namespace smedash::testing
