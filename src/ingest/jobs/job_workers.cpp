#include "ingest/jobs/job_workers.hpp"

#include <spdlog/spdlog.h>

#include <functional>
#include <optional>
#include <pqxx/pqxx>

#include "db/connection_lost.hpp"
#include "ingest/jobs/job_queue.hpp"
#include "ingest/pipeline.hpp"

namespace smedash::ingest {
namespace {

// Thrown from on_progress to stop an import when the server stops. Deliberately not a
// std::exception, so that no `catch (const std::exception&)` inside the pipeline takes it
// for a failure of the file; it unwinds to the worker, which requeues the upload.
struct JobInterrupted {};

// How often a worker that lost the database tries to reach it again.
constexpr std::chrono::milliseconds kReconnectInterval{1000};

// A short connection for recording a job's outcome after its own connection failed.
template <typename Action>
void WithFreshConnection(const std::string& connection_string, std::int64_t upload_id,
                         Action action) {
  try {
    pqxx::connection connection(connection_string);
    action(connection);
  } catch (const std::exception& error) {
    // The recovery sweep finds the upload once its heartbeat is stale.
    spdlog::error("upload {}: outcome not recorded: {}", upload_id, error.what());
  }
}

// Keeps an upload in JobWorkers::running_ while its worker holds it.
class RunningHere {
 public:
  RunningHere(std::mutex& mutex, std::set<std::int64_t>& running, std::int64_t upload_id)
      : mutex_(mutex), running_(running), upload_id_(upload_id) {
    std::lock_guard lock(mutex_);
    running_.insert(upload_id_);
  }
  ~RunningHere() {
    std::lock_guard lock(mutex_);
    running_.erase(upload_id_);
  }
  RunningHere(const RunningHere&) = delete;
  RunningHere& operator=(const RunningHere&) = delete;

 private:
  std::mutex& mutex_;
  std::set<std::int64_t>& running_;
  const std::int64_t upload_id_;
};

// Hands the import's progress to the heartbeat, and stops the import once the server stops.
std::function<void(const ImportProgress&)> ProgressTo(Heartbeat& heartbeat,
                                                      const std::atomic<bool>& stop) {
  return [&heartbeat, &stop](const ImportProgress& progress) {
    if (stop) throw JobInterrupted();
    heartbeat.Report(progress);
  };
}

void LogReport(const ClaimedJob& job, const ImportReport& report) {
  if (report.status == ImportReport::Status::kCompleted) {
    spdlog::info("upload {}: completed: {} rows read, {} accepted, {} rejected, {:.1f} s",
                 job.upload_id, report.rows_total, report.rows_accepted, report.rows_rejected,
                 report.seconds);
  } else {
    spdlog::info("upload {}: failed: {} ({})", job.upload_id, report.error, report.error_key);
  }
}

}  // namespace

JobWorkerOptions JobWorkerOptions::FromConfig(const core::Config& config) {
  JobWorkerOptions options;
  options.threads = config.ingest_workers;
  options.data_dir = config.data_dir;
  return options;
}

JobWorkers::JobWorkers(std::string connection_string, JobWorkerOptions options,
                       std::shared_ptr<JobSignal> signal)
    : connection_string_(std::move(connection_string)),
      options_(std::move(options)),
      signal_(signal ? std::move(signal) : std::make_shared<JobSignal>()) {
  CheckJobQueries();
  try {
    threads_.emplace_back([this] { SweepLoop(); });
    for (unsigned index = 0; index < options_.threads; ++index) {
      threads_.emplace_back([this, index] { WorkLoop(index); });
    }
  } catch (...) {
    stop_ = true;
    signal_->Notify();
    for (auto& thread : threads_) thread.join();
    throw;
  }
  spdlog::info("ingest: {} job worker(s) started", options_.threads);
}

JobWorkers::~JobWorkers() {
  stop_ = true;
  signal_->Notify();
  for (auto& thread : threads_) thread.join();
}

void JobWorkers::WorkLoop(unsigned index) {
  std::unique_ptr<pqxx::connection> connection;
  while (!stop_) {
    // Read before looking for work, so a Notify while we look is not lost.
    const std::uint64_t seen = signal_->Generation();
    bool ran = false;
    try {
      if (!connection) connection = std::make_unique<pqxx::connection>(connection_string_);
      ran = RunNext(connection);
    } catch (const std::exception& error) {
      spdlog::warn("ingest worker {}: {}", index, error.what());
      connection.reset();
    }
    if (!ran) signal_->Wait(seen, options_.poll_interval, [this] { return stop_.load(); });
  }
}

void JobWorkers::SweepLoop() {
  std::unique_ptr<pqxx::connection> connection;
  while (!stop_) {
    const std::uint64_t seen = signal_->Generation();
    try {
      if (!connection) connection = std::make_unique<pqxx::connection>(connection_string_);
      std::vector<std::int64_t> running;
      {
        std::lock_guard lock(running_mutex_);
        running.assign(running_.begin(), running_.end());
      }
      const auto recovered =
          RecoverStaleJobs(*connection, options_.stale_after, options_.max_attempts, running);
      for (const auto id : recovered.requeued) {
        spdlog::warn("upload {}: its worker stopped mid-job; queued again", id);
      }
      for (const auto id : recovered.failed) {
        spdlog::error("upload {}: its worker stopped mid-job too often; failed", id);
      }
      if (!recovered.requeued.empty()) signal_->Notify();
    } catch (const std::exception& error) {
      spdlog::warn("ingest recovery sweep: {}", error.what());
      connection.reset();
    }
    // Wake-ups for queued uploads do not concern the sweep: sleep the whole interval.
    const auto due = std::chrono::steady_clock::now() + options_.recovery_interval;
    for (auto now = std::chrono::steady_clock::now(); !stop_ && now < due;
         now = std::chrono::steady_clock::now()) {
      signal_->Wait(seen, std::chrono::duration_cast<std::chrono::milliseconds>(due - now),
                    [this] { return stop_.load(); });
    }
  }
}

bool JobWorkers::RunNext(std::unique_ptr<pqxx::connection>& connection) {
  const auto job = ClaimNextJob(*connection);
  if (!job) return false;
  spdlog::info("upload {}: processing '{}' (attempt {})", job->upload_id, job->file_name,
               job->attempts);
  const auto id = job->upload_id;
  const RunningHere running(running_mutex_, running_, id);
  std::optional<std::string> database_lost;
  {
    Heartbeat heartbeat(connection_string_, id, options_.heartbeat);
    ImportOptions import;
    import.upload_id = id;
    import.original_name = job->file_name;
    import.number_style = job->number_style;
    import.on_progress = ProgressTo(heartbeat, stop_);
    try {
      const ImportReport report =
          RunImport(*connection, options_.data_dir / job->stored_path, import);
      LogReport(*job, report);
      FinishJob(*connection, id, report);
      ReleaseJob(*connection, id);
    } catch (const JobInterrupted&) {
      connection.reset();  // a half-sent COPY may remain on it
      spdlog::info("upload {}: interrupted by shutdown; queued again", id);
      WithFreshConnection(connection_string_, id,
                          [id](auto& fresh) { RequeueJob(fresh, id, true); });
    } catch (const std::exception& error) {
      connection.reset();
      if (db::IsConnectionLost(error)) {
        database_lost = error.what();
      } else {
        spdlog::error("upload {}: failed: {}", id, error.what());
        const std::string detail = error.what();
        WithFreshConnection(connection_string_, id, [id, &detail](auto& fresh) {
          FailJob(fresh, id, "ingest.file.internal", detail);
        });
      }
    } catch (...) {
      connection.reset();
      spdlog::error("upload {}: failed: non-standard exception", id);
      WithFreshConnection(connection_string_, id, [id](auto& fresh) {
        FailJob(fresh, id, "ingest.file.internal", "non-standard exception");
      });
    }
  }  // the heartbeat stops before we wait for the database
  if (database_lost) RecordDatabaseLost(id, *database_lost);
  return true;
}

// PostgreSQL went away mid-import (stopped, restarted, crashed): the load transaction died
// with it, so nothing of the file stayed. The admin is told so, rather than the file being
// loaded again behind their back, and can process it again from the history. The verdict
// needs the database back; this thread has nothing else to do until then. A server that
// stops first leaves the upload to the recovery sweep of its next start.
void JobWorkers::RecordDatabaseLost(std::int64_t upload_id, const std::string& detail) {
  spdlog::error("upload {}: database connection lost: {}", upload_id, detail);
  while (!stop_) {
    const std::uint64_t seen = signal_->Generation();
    try {
      pqxx::connection fresh(connection_string_);
      FailJob(fresh, upload_id, "ingest.file.database_lost", detail);
      spdlog::info("upload {}: failed: the database connection was lost", upload_id);
      return;
    } catch (const std::exception& error) {
      spdlog::debug("upload {}: database still unreachable: {}", upload_id, error.what());
    }
    signal_->Wait(seen, kReconnectInterval, [this] { return stop_.load(); });
  }
}

}  // namespace smedash::ingest
