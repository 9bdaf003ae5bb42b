#include "ingest/jobs/job_queue.hpp"

#include <boost/json.hpp>
#include <cmath>
#include <pqxx/pqxx>

#include "ingest/preview.hpp"
#include "ingest/sql.hpp"

namespace smedash::ingest {
namespace {

// The message kept in error_log for an upload that lost every attempt to a dying server;
// the page shows the translation of 'ingest.file.interrupted' instead.
constexpr const char* kInterruptedLog = "Server berhenti saat memproses; diulang {attempts} kali";

// The class of the advisory locks a worker holds on its running jobs (job_claim.sql): the
// first key of the two-key form, the job's upload id the second. The other advisory
// locks of the application use the one-key form, a separate key space.
constexpr int kJobLockClass = 0x6a6f6273;  // "jobs"

// Every query of the queue, read once; a missing one is a build mistake and throws.
struct JobQueries {
  std::string claim = sql::Query("job_claim.sql");
  std::string heartbeat = sql::Query("job_heartbeat.sql");
  std::string requeue_stale = sql::Query("job_requeue_stale.sql");
  std::string fail_stale = sql::Query("job_fail_stale.sql");
  std::string requeue = sql::Query("job_requeue.sql");
  std::string fail = sql::Query("job_fail.sql");
  std::string finish = sql::Query("job_finish.sql");
  std::string release = sql::Query("job_release.sql");
  std::string hold = sql::Query("job_hold.sql");
};

const JobQueries& Queries() {
  static const JobQueries queries;
  return queries;
}

std::vector<std::int64_t> Ids(const pqxx::result& result) {
  std::vector<std::int64_t> ids;
  for (const auto& row : result) ids.push_back(row[0].as<std::int64_t>());
  return ids;
}

// A bigint[] literal of `ids`.
std::string IdArray(const std::vector<std::int64_t>& ids) {
  std::string array = "{";
  for (const auto id : ids) {
    if (array.size() > 1) array += ',';
    array += std::to_string(id);
  }
  return array + "}";
}

}  // namespace

void CheckJobQueries() { Queries(); }

std::optional<ClaimedJob> ClaimNextJob(pqxx::connection& connection) {
  pqxx::work tx(connection);
  auto result = tx.exec_params(Queries().claim, kJobLockClass);
  tx.commit();
  if (result.empty()) return std::nullopt;
  const auto& row = result[0];
  ClaimedJob job;
  job.upload_id = row[0].as<std::int64_t>();
  job.stored_path = row[1].as<std::string>();
  job.file_name = row[2].as<std::string>();
  job.number_style = ParseNumberStyle(row[3].as<std::string>()).value_or(NumberStyle::kAuto);
  job.attempts = row[4].as<int>();
  return job;
}

void WriteHeartbeat(pqxx::connection& connection, std::int64_t upload_id,
                    const std::optional<std::string>& progress_json) {
  pqxx::work tx(connection);
  tx.exec_params0(Queries().heartbeat, upload_id, progress_json ? progress_json->c_str() : nullptr);
  tx.commit();
}

RecoveredJobs RecoverStaleJobs(pqxx::connection& connection, std::chrono::seconds stale_after,
                               int max_attempts, const std::vector<std::int64_t>& running_here) {
  const double seconds = static_cast<double>(stale_after.count());
  const std::string running = IdArray(running_here);
  pqxx::work tx(connection);
  RecoveredJobs recovered;
  recovered.requeued =
      Ids(tx.exec_params(Queries().requeue_stale, seconds, max_attempts, kJobLockClass, running));
  recovered.failed = Ids(tx.exec_params(Queries().fail_stale, seconds, max_attempts,
                                        kInterruptedLog, kJobLockClass, running));
  tx.commit();
  return recovered;
}

void RequeueJob(pqxx::connection& connection, std::int64_t upload_id, bool not_an_attempt) {
  pqxx::work tx(connection);
  tx.exec_params0(Queries().requeue, upload_id, not_an_attempt);
  tx.commit();
}

void FailJob(pqxx::connection& connection, std::int64_t upload_id, const std::string& error_key,
             const std::string& error_log) {
  pqxx::work tx(connection);
  tx.exec_params0(Queries().fail, upload_id, error_key, "{}", error_log);
  tx.commit();
}

void FinishJob(pqxx::connection& connection, std::int64_t upload_id, const ImportReport& report) {
  const bool completed = report.status == ImportReport::Status::kCompleted;
  pqxx::work tx(connection);
  tx.exec_params0(Queries().finish, upload_id, completed ? "completed" : "failed",
                  report.rows_total, report.rows_accepted, report.rows_rejected, report.warnings,
                  completed ? std::string() : report.error_key,
                  completed ? std::string() : report.error, report.reader, report.seconds);
  tx.commit();
}

void HoldJob(pqxx::transaction_base& tx, std::int64_t upload_id) {
  tx.exec_params1(Queries().hold, kJobLockClass, upload_id);
}

void ReleaseJob(pqxx::connection& connection, std::int64_t upload_id) {
  pqxx::nontransaction tx(connection);
  tx.exec_params1(Queries().release, kJobLockClass, upload_id);
}

std::string ProgressJson(const ImportProgress& progress, std::chrono::duration<double> elapsed) {
  const double seconds = elapsed.count();
  boost::json::object json{
      {"bytes_read", progress.bytes_read}, {"bytes_total", progress.bytes_total},
      {"rows_read", progress.rows_read},   {"rows_rejected", progress.rows_rejected},
      {"phase", progress.phase},           {"elapsed_seconds", std::round(seconds * 10) / 10},
      {"rows_per_second", nullptr},        {"eta_seconds", nullptr},
  };
  if (seconds >= 0.5 && progress.rows_read > 0) {
    json["rows_per_second"] = std::round(static_cast<double>(progress.rows_read) / seconds);
  }
  // Bytes, not rows, measure how far along the file is: the row count is unknown until
  // the end. After reading, the last phase (aggregates) has no estimate.
  if (progress.phase == "reading" && seconds >= 0.5 && progress.bytes_read > 0 &&
      progress.bytes_total >= progress.bytes_read) {
    const double rate = static_cast<double>(progress.bytes_read) / seconds;
    json["eta_seconds"] =
        std::ceil(static_cast<double>(progress.bytes_total - progress.bytes_read) / rate);
  }
  return boost::json::serialize(json);
}

}  // namespace smedash::ingest
