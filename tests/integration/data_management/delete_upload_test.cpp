// Deleting an upload: the rows it loaded that are still in loan_data go (positions a later
// upload replaced stay with that upload), the upload leaves the history with its stored
// file, and the audit entry keeps what it was. A command-line import's file is the
// admin's own and stays; a file already gone does not stop the delete.
#include <filesystem>
#include <pqxx/pqxx>

#include "delete_data_fixture.hpp"

namespace smedash::testing {
namespace {

namespace fs = std::filesystem;

class DeleteUploadTest : public DeleteDataTest {
 protected:
  std::string StoredPath(std::int64_t id) {
    pqxx::connection connection(connection_string_);
    pqxx::read_transaction tx(connection);
    return tx.exec_params1("SELECT stored_path FROM uploads WHERE id = $1", id)[0]
        .as<std::string>();
  }
  long UploadRows(std::int64_t id) {
    return Count("SELECT count(*) FROM uploads WHERE id = " + std::to_string(id));
  }
  boost::json::object DeleteUpload(std::int64_t id) {
    return PreviewAndDelete("mode=upload&upload=" + std::to_string(id),
                            {{"mode", "upload"}, {"upload", id}});
  }
};

TEST_F(DeleteUploadTest, TheRowsItStillHoldsGoWithItsHistoryRowAndFile) {
  const auto first = UploadThroughWeb(
      "contoh.csv", WorkedExampleRows({"31/12/2024", "30/09/2025", "08/10/2025", "09/10/2025"}));
  const auto later = UploadThroughWeb("ganti 09-10.csv", WorkedExampleRows({"09/10/2025"}));
  ASSERT_GT(first, 0);
  ASSERT_GT(later, 0);
  const fs::path first_file = config_.data_dir / StoredPath(first);
  const fs::path later_file = config_.data_dir / StoredPath(later);
  ASSERT_TRUE(fs::exists(first_file));
  const auto rows_before = RowsPerPosition();
  ASSERT_EQ(rows_before.size(), 4u);

  const auto preview = JsonOf(Preview("mode=upload&upload=" + std::to_string(first)));
  EXPECT_EQ(Texts(preview.at("positions"), "position"),
            (std::vector<std::string>{"2024-12-31", "2025-09-30", "2025-10-08"}));
  EXPECT_EQ(preview.at("rows").as_int64(), 13);
  EXPECT_EQ(Text(preview.at("os")), "43350000000.00");  // 11.500 + 15.250 + 16.600 juta
  const auto& upload = preview.at("upload");
  EXPECT_EQ(upload.at("id").as_int64(), first);
  EXPECT_EQ(Text(upload.at("file_name")), "contoh.csv");
  EXPECT_EQ(Text(upload.at("uploaded_by")), "admin");
  EXPECT_EQ(TextsOf(upload.at("positions_elsewhere")), std::vector<std::string>{"2025-10-09"});
  EXPECT_EQ(Text(upload.at("file")), "stored");

  const auto done = DeleteUpload(first);
  EXPECT_EQ(done.at("deleted").at("upload_id").as_int64(), first);
  EXPECT_TRUE(done.at("deleted").at("file_removed").as_bool());
  EXPECT_EQ(RowsPerPosition(), (std::map<std::string, long>{{"2025-10-09", 7}}));
  EXPECT_EQ(Count("SELECT count(*) FROM loan_data WHERE upload_id <> " + std::to_string(later)), 0);
  EXPECT_EQ(DashboardPositions(), std::vector<std::string>{"2025-10-09"});
  EXPECT_EQ(OsTotal(Os("position=2025-10-09"), "konsol", "E"), "17400000000.00");
  EXPECT_FALSE(fs::exists(first_file));
  EXPECT_TRUE(fs::exists(later_file));
  EXPECT_EQ(UploadRows(first), 0);
  EXPECT_EQ(
      Count("SELECT count(*) FROM upload_periodes WHERE upload_id = " + std::to_string(first)), 0);
  EXPECT_EQ(UploadRows(later), 1);
  EXPECT_EQ(Send(http::Method::kGet, "/api/v1/uploads/" + std::to_string(first), &admin_).status,
            404);

  const auto audit = LastDeleteAudit();
  EXPECT_EQ(Text(audit.at("target")), "upload:" + std::to_string(first));
  const auto& recorded = audit.at("detail").at("upload");
  EXPECT_EQ(Text(recorded.at("file_name")), "contoh.csv");
  EXPECT_EQ(Text(recorded.at("uploaded_by")), "admin");
  EXPECT_EQ(TextsOf(recorded.at("positions_elsewhere")), std::vector<std::string>{"2025-10-09"});
  EXPECT_EQ(audit.at("detail").at("rows").as_int64(), 13);
}

TEST_F(DeleteUploadTest, AnUploadWhoseRowsWereAllReplacedGoesWithoutTouchingData) {
  const auto first = UploadThroughWeb("pertama.csv", WorkedExampleRows({"09/10/2025"}));
  const auto later = UploadThroughWeb("kedua.csv", WorkedExampleRows({"09/10/2025"}));
  const fs::path first_file = config_.data_dir / StoredPath(first);
  const auto rows_before = RowsPerPosition();
  const auto tag_before = PositionsTag();

  const auto preview = JsonOf(Preview("mode=upload&upload=" + std::to_string(first)));
  EXPECT_TRUE(preview.at("positions").as_array().empty());
  EXPECT_EQ(preview.at("rows").as_int64(), 0);
  EXPECT_TRUE(preview.at("can_delete").as_bool());

  DeleteUpload(first);
  EXPECT_EQ(RowsPerPosition(), rows_before);
  EXPECT_EQ(PositionsTag(), tag_before);  // no figure changed
  EXPECT_FALSE(fs::exists(first_file));
  EXPECT_EQ(UploadRows(first), 0);
  EXPECT_EQ(UploadRows(later), 1);
}

TEST_F(DeleteUploadTest, ACommandLineImportKeepsTheAdminsOwnFile) {
  Import("impor.csv", WorkedExampleRows({"30/09/2025"}));
  const auto id = LastUploadId();
  const fs::path file = StoredPath(id);
  ASSERT_TRUE(file.is_absolute());
  ASSERT_TRUE(fs::exists(file));

  EXPECT_EQ(
      Text(JsonOf(Preview("mode=upload&upload=" + std::to_string(id))).at("upload").at("file")),
      "outside");
  const auto done = DeleteUpload(id);
  EXPECT_FALSE(done.at("deleted").at("file_removed").as_bool());
  EXPECT_TRUE(RowsPerPosition().empty());
  EXPECT_TRUE(fs::exists(file));
}

TEST_F(DeleteUploadTest, AStoredFileAlreadyGoneDoesNotStopTheDelete) {
  const auto id = UploadThroughWeb("hilang.csv", WorkedExampleRows({"30/09/2025"}));
  fs::remove(config_.data_dir / StoredPath(id));

  EXPECT_EQ(
      Text(JsonOf(Preview("mode=upload&upload=" + std::to_string(id))).at("upload").at("file")),
      "missing");
  const auto done = DeleteUpload(id);
  EXPECT_FALSE(done.at("deleted").at("file_removed").as_bool());
  EXPECT_TRUE(RowsPerPosition().empty());
  EXPECT_EQ(UploadRows(id), 0);
}

TEST_F(DeleteUploadTest, OnlyACompletedUploadCanBeDeleted) {
  // Staged, never sent to processing: withdrawn on the upload page, not deleted here.
  const auto id = StageThroughWeb("staged.csv", WorkedExampleRows({"30/09/2025"}));
  ASSERT_GT(id, 0);

  const auto preview = Preview("mode=upload&upload=" + std::to_string(id));
  EXPECT_EQ(preview.status, 409);
  const auto error = JsonOf(preview).at("error");
  EXPECT_EQ(Text(error.at("code")), "upload_state");
  EXPECT_EQ(Text(error.at("field")), "upload");
  EXPECT_NE(Text(error.at("message")).find("Menunggu diproses"), std::string::npos)
      << "the status as the upload page names it: " << Text(error.at("message"));
  EXPECT_EQ(Delete({{"mode", "upload"}, {"upload", id}}).status, 409);
  EXPECT_EQ(UploadRows(id), 1);

  const auto unknown = Delete({{"mode", "upload"}, {"upload", id + 100}});
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(Text(JsonOf(unknown).at("error").at("field")), "upload");
  EXPECT_EQ(DeleteAuditCount(), 0);
}

}  // namespace
}  // namespace smedash::testing
