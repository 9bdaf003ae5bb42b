// The job queue in the uploads table: one claim per queued upload, and jobs a dead server
// left 'processing' are queued again or, after three attempts, failed with the reason.
#include <chrono>
#include <memory>
#include <pqxx/pqxx>
#include <thread>

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

  // A worker's connection closed: its backend exits a moment later, and the job's lock
  // (an advisory lock with two keys, the second the upload id) goes with it.
  void WaitUntilUnlocked(std::int64_t id) {
    const std::string held =
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND objid = " +
        std::to_string(id);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (Count(held) > 0 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_EQ(Count(held), 0);
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
  // Live: claimed by a worker whose connection is still open.
  const auto live = UploadIn("status = 'queued', queued_at = now()");
  pqxx::connection worker(connection_string_);
  ASSERT_TRUE(ingest::ClaimNextJob(worker).has_value());
  const auto command_line = UploadIn(
      "status = 'processing', attempts = 0, started_at = now() - interval '1 hour', "
      "heartbeat_at = NULL");
  auto recovered = Recover();
  EXPECT_TRUE(recovered.requeued.empty());
  EXPECT_TRUE(recovered.failed.empty());
  EXPECT_EQ(StatusOf(live), "processing 1");
  EXPECT_EQ(StatusOf(command_line), "processing 0");
}

TEST_F(JobQueueTest, ARunningCommandLineImportHoldsItsJobAgainstTheSweep) {
  // As ImportCommand leaves it: 'processing' with a fresh heartbeat, never claimed. Without
  // the job's lock a running server's sweep took it for a dead worker's job and loaded the
  // file a second time under the import's feet (a duplicate-key failure, seen in CI).
  const auto id =
      UploadIn("status = 'processing', attempts = 0, started_at = now(), heartbeat_at = now()");
  auto importer = std::make_unique<pqxx::connection>(connection_string_);
  {
    pqxx::work tx(*importer);
    ingest::HoldJob(tx, id);
    tx.commit();
  }
  EXPECT_TRUE(Recover().requeued.empty());
  EXPECT_EQ(StatusOf(id), "processing 0");
  importer.reset();  // the import died with its connection: now it is a dead job
  WaitUntilUnlocked(id);
  EXPECT_EQ(Recover().requeued, std::vector<std::int64_t>{id});
}

TEST_F(JobQueueTest, AJobWhoseWorkerConnectionEndedIsQueuedAgainWithoutWaiting) {
  // As after kill -9: the heartbeat is fresh, but the worker's session, and with it the
  // job's lock, is gone. Its backend exits a moment after the connection closes.
  const auto id = UploadIn("status = 'queued', queued_at = now()");
  auto worker = std::make_unique<pqxx::connection>(connection_string_);
  ASSERT_TRUE(ingest::ClaimNextJob(*worker).has_value());
  EXPECT_TRUE(Recover().requeued.empty()) << "its worker still holds it";
  worker.reset();
  WaitUntilUnlocked(id);
  EXPECT_EQ(Recover().requeued, std::vector<std::int64_t>{id});
  EXPECT_EQ(StatusOf(id), "queued 1");
}

TEST_F(JobQueueTest, AJobThisProcessRunsIsLeftToItsWorker) {
  // A restarted PostgreSQL drops every lock while our worker lives on to record the
  // verdict: the sweep of the same process must not requeue the job under its feet.
  const auto id = UploadIn("status = 'queued', queued_at = now()");
  auto worker = std::make_unique<pqxx::connection>(connection_string_);
  ASSERT_TRUE(ingest::ClaimNextJob(*worker).has_value());
  worker.reset();
  WaitUntilUnlocked(id);
  pqxx::connection sweeper(connection_string_);
  const auto own = ingest::RecoverStaleJobs(sweeper, std::chrono::seconds(60), 3, {id});
  EXPECT_TRUE(own.requeued.empty());
  EXPECT_EQ(StatusOf(id), "processing 1");
  EXPECT_EQ(Recover().requeued, std::vector<std::int64_t>{id}) << "another process's sweep";
}

TEST_F(JobQueueTest, AFinishedJobLetsGoOfItsLock) {
  // A worker keeps its connection for the next job, and session locks live in
  // PostgreSQL's shared lock table: held past each job, they would pile up until it is
  // full. Released, the claim no longer makes the upload look alive.
  const auto id = UploadIn("status = 'queued', queued_at = now()");
  pqxx::connection worker(connection_string_);
  ASSERT_TRUE(ingest::ClaimNextJob(worker).has_value());
  ingest::ReleaseJob(worker, id);
  EXPECT_EQ(Recover().requeued, std::vector<std::int64_t>{id});
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
