// The job queue in the uploads table: one claim per queued upload, and jobs a dead server
// left 'processing' are queued again or, after three attempts, failed with the reason.
#include <pqxx/pqxx>

#include "ingest/jobs/job_queue.hpp"
#include "upload_fixture.hpp"

namespace smedash::testing {
namespace {

using http::Method;

class JobQueueTest : public UploadTest {
 protected:
  // A staged worked example, then set to `state` directly (as a crashed worker left it).
  std::int64_t UploadIn(const std::string& state) {
    Client admin = SignInAdmin();
    const auto id = Stage(admin, "posisi.csv", kWorkedExample);
    Execute("UPDATE uploads SET " + state + " WHERE id = " + std::to_string(id));
    return id;
  }

  std::string StatusOf(std::int64_t id) {
    return Scalar("SELECT status || ' ' || attempts FROM uploads WHERE id = " + std::to_string(id));
  }

  ingest::RecoveredJobs Recover() {
    pqxx::connection connection(connection_string_);
    return ingest::RecoverStaleJobs(connection, std::chrono::seconds(60), 3);
  }
};

TEST_F(JobQueueTest, AQueuedUploadIsClaimedOnce) {
  const auto id = UploadIn("status = 'queued', queued_at = now()");
  pqxx::connection first(connection_string_);
  pqxx::connection second(connection_string_);
  auto claimed = ingest::ClaimNextJob(first);
  ASSERT_TRUE(claimed.has_value());
  EXPECT_EQ(claimed->upload_id, id);
  EXPECT_EQ(claimed->attempts, 1);
  EXPECT_EQ(claimed->file_name, "posisi.csv");
  EXPECT_FALSE(ingest::ClaimNextJob(second).has_value());
  EXPECT_EQ(StatusOf(id), "processing 1");
  EXPECT_EQ(Count("SELECT count(*) FROM uploads WHERE heartbeat_at IS NOT NULL"), 1);
}

TEST_F(JobQueueTest, AStaleJobIsQueuedAgain) {
  const auto id = UploadIn(
      "status = 'processing', attempts = 1, started_at = now() - interval '10 minutes', "
      "heartbeat_at = now() - interval '5 minutes'");
  auto recovered = Recover();
  EXPECT_EQ(recovered.requeued, std::vector<std::int64_t>{id});
  EXPECT_TRUE(recovered.failed.empty());
  EXPECT_EQ(StatusOf(id), "queued 1");
}

TEST_F(JobQueueTest, AJobThatDiedThreeTimesFailsWithTheReason) {
  const auto id = UploadIn(
      "status = 'processing', attempts = 3, started_at = now() - interval '10 minutes', "
      "heartbeat_at = now() - interval '2 minutes'");
  auto recovered = Recover();
  EXPECT_EQ(recovered.failed, std::vector<std::int64_t>{id});
  EXPECT_EQ(StatusOf(id), "failed 3");
  Client admin = SignInAdmin();
  auto upload = JsonOf(Send(Method::kGet, "/api/v1/uploads/" + std::to_string(id), &admin));
  EXPECT_EQ(upload.at("upload").at("error").at("key").as_string(), "ingest.file.interrupted");
  EXPECT_EQ(upload.at("upload").at("error").at("message").as_string(),
            "Server berhenti saat memproses; diulang 3 kali.");
  EXPECT_EQ(Scalar("SELECT error_log FROM uploads WHERE id = " + std::to_string(id)),
            "Server berhenti saat memproses; diulang 3 kali");
}

TEST_F(JobQueueTest, LiveAndCommandLineJobsAreLeftAlone) {
  const auto live = UploadIn("status = 'processing', attempts = 1, heartbeat_at = now()");
  const auto command_line = UploadIn(
      "status = 'processing', attempts = 0, started_at = now() - interval '1 hour', "
      "heartbeat_at = NULL");
  auto recovered = Recover();
  EXPECT_TRUE(recovered.requeued.empty());
  EXPECT_TRUE(recovered.failed.empty());
  EXPECT_EQ(StatusOf(live), "processing 1");
  EXPECT_EQ(StatusOf(command_line), "processing 0");
}

TEST_F(JobQueueTest, WorkersFinishAJobADeadServerLeftBehind) {
  // As after kill -9 mid-job: claimed, beating stopped, nothing of it loaded.
  const auto id = UploadIn(
      "status = 'processing', attempts = 1, queued_at = now() - interval '10 minutes', "
      "started_at = now() - interval '10 minutes', heartbeat_at = now() - interval '5 minutes'");
  StartWorkers();  // the sweep runs at start
  Client admin = SignInAdmin();
  auto upload = WaitForUpload(admin, id);
  EXPECT_EQ(upload.at("status").as_string(), "completed") << boost::json::serialize(upload);
  EXPECT_EQ(upload.at("attempts").as_int64(), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM loan_data"), 20);
}

}  // namespace
}  // namespace smedash::testing
