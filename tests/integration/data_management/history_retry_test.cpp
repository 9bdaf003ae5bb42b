// POST /api/v1/uploads/{id}/retry ("process again"): only a failed upload whose file is
// still kept goes back to the queue, with its earlier report cleared; the job workers
// then run it like a new one, and the audit log names who asked.
#include <fmt/format.h>

#include "history_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

// Every row is rejected (KOL_ADK 9 and 0), so the file fails with two issues.
const char* const kAllRowsRejected =
    "PERIODE,KANCA,KODE UKER,NOMOR REKENING,CIFNO,CODE,KOL_ADK,OS\n"
    "09/10/2025,KC Garut,25,100000000000004,C4,80065,9,500000000\n"
    "09/10/2025,KC Garut,25,100000000000006,C2,43207,0,700000000\n";

std::string RetryPath(std::int64_t id) { return fmt::format("/api/v1/uploads/{}/retry", id); }
std::string ProcessPath(std::int64_t id) { return fmt::format("/api/v1/uploads/{}/process", id); }

class HistoryRetryTest : public HistoryTest {
 protected:
  // A loadable file whose job died three times: the recovery sweep failed it.
  std::int64_t InterruptedUpload(const Client& admin) {
    const auto id = Stage(admin, "posisi.csv", kWorkedExample);
    Execute(fmt::format(
        "UPDATE uploads SET status = 'failed', attempts = 3, error_key = "
        "'ingest.file.interrupted', "
        "error_args = '{{\"attempts\": \"3\"}}', error_log = 'berhenti', started_at = now(), "
        "completed_at = now(), duration_seconds = 61 WHERE id = {}",
        id));
    return id;
  }
};

TEST_F(HistoryRetryTest, AFailedUploadIsQueuedAgainAndLoads) {
  Client admin = SignInAdmin();
  const auto id = InterruptedUpload(admin);

  auto response = Send(Method::kPost, RetryPath(id), &admin);
  ASSERT_EQ(response.status, 202) << response.body;
  const auto queued = JsonOf(response).at("upload").as_object();
  EXPECT_EQ(queued.at("status").as_string(), "queued");
  EXPECT_TRUE(queued.at("error").is_null());
  EXPECT_TRUE(queued.at("error_log").is_null());
  EXPECT_TRUE(queued.at("completed_at").is_null());
  EXPECT_TRUE(queued.at("duration_seconds").is_null());
  EXPECT_EQ(queued.at("attempts").as_int64(), 0);
  EXPECT_EQ(Count(fmt::format("SELECT count(*) FROM audit_log WHERE action = 'upload.retry' AND "
                              "target = 'upload:{}' AND actor_name = 'admin' AND "
                              "detail->>'previous_error' = 'ingest.file.interrupted' AND "
                              "ip_address = '192.0.2.10'",
                              id)),
            1);

  // Queued once: a second click finds it queued.
  auto again = Send(Method::kPost, RetryPath(id), &admin);
  ASSERT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(JsonOf(again).at("error").at("status").as_string(), "queued");

  StartWorkers();
  const auto done = WaitForUpload(admin, id);
  EXPECT_EQ(done.at("status").as_string(), "completed") << boost::json::serialize(done);
  EXPECT_EQ(done.at("rows_accepted").as_int64(), 20);
  EXPECT_EQ(done.at("attempts").as_int64(), 1);
  EXPECT_TRUE(done.at("error").is_null());
  EXPECT_EQ(Count("SELECT count(*) FROM loan_data"), 20);
}

TEST_F(HistoryRetryTest, ARetriedRunWritesItsOwnReport) {
  Client admin = SignInAdmin();
  StartWorkers();
  const auto id = Stage(admin, "buruk.csv", kAllRowsRejected);
  ASSERT_EQ(Send(Method::kPost, ProcessPath(id), &admin).status, 202);
  auto failed = WaitForUpload(admin, id);
  ASSERT_EQ(failed.at("status").as_string(), "failed");
  ASSERT_EQ(Count(fmt::format("SELECT count(*) FROM upload_issues WHERE upload_id = {}", id)), 2);

  ASSERT_EQ(Send(Method::kPost, RetryPath(id), &admin).status, 202);
  failed = WaitForUpload(admin, id);
  // The same verdict from a second run, not a clash with the first run's issues.
  EXPECT_EQ(failed.at("status").as_string(), "failed");
  EXPECT_EQ(failed.at("error").at("key").as_string(), "ingest.file.no_rows_accepted")
      << boost::json::serialize(failed);
  EXPECT_EQ(failed.at("rows_rejected").as_int64(), 2);
  EXPECT_EQ(Count(fmt::format("SELECT count(*) FROM upload_issues WHERE upload_id = {}", id)), 2);
  auto issues = JsonOf(Send(Method::kGet, fmt::format("/api/v1/uploads/{}/issues", id), &admin));
  EXPECT_EQ(issues.at("total").as_int64(), 2);
  EXPECT_EQ(issues.at("items").at(0).at("line").as_int64(), 2);
}

TEST_F(HistoryRetryTest, OnlyAFailedUploadCanBeRetried) {
  Client admin = SignInAdmin();
  const auto staged = Stage(admin, "posisi.csv", kWorkedExample);
  auto refused = Send(Method::kPost, RetryPath(staged), &admin);
  ASSERT_EQ(refused.status, 409) << refused.body;
  const auto error = JsonOf(refused).at("error").as_object();
  EXPECT_EQ(error.at("code").as_string(), "conflict");
  EXPECT_EQ(error.at("status").as_string(), "staged");
  EXPECT_EQ(error.at("message").as_string(),
            "Hanya unggahan yang gagal yang dapat diproses ulang; status unggahan ini Menunggu "
            "diproses.");

  StartWorkers();
  ASSERT_EQ(Send(Method::kPost, ProcessPath(staged), &admin).status, 202);
  ASSERT_EQ(WaitForUpload(admin, staged).at("status").as_string(), "completed");
  auto completed = Send(Method::kPost, RetryPath(staged), &admin);
  ASSERT_EQ(completed.status, 409);
  EXPECT_EQ(JsonOf(completed).at("error").at("status").as_string(), "completed");
  EXPECT_EQ(Scalar(fmt::format("SELECT status FROM uploads WHERE id = {}", staged)), "completed");

  auto missing = Send(Method::kPost, RetryPath(staged + 100), &admin);
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'upload.retry'"), 0);
}

TEST_F(HistoryRetryTest, AFailedUploadWithoutItsFileCannotBeRetried) {
  Client admin = SignInAdmin();
  const auto id = InterruptedUpload(admin);
  const auto stored = Scalar(fmt::format("SELECT stored_path FROM uploads WHERE id = {}", id));
  std::filesystem::remove(data_dir_.Path() / stored);

  auto refused = Send(Method::kPost, RetryPath(id), &admin);
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(JsonOf(refused).at("error").at("code").as_string(), "file_gone");
  EXPECT_EQ(Scalar(fmt::format("SELECT status FROM uploads WHERE id = {}", id)), "failed");
  EXPECT_EQ(Scalar(fmt::format("SELECT error_key FROM uploads WHERE id = {}", id)),
            "ingest.file.interrupted");
}

}  // namespace
}  // namespace smedash::testing
