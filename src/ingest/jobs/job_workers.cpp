#include "ingest/jobs/job_workers.hpp"

#include <spdlog/spdlog.h>

#include <pqxx/pqxx>

#include "ingest/jobs/job_queue.hpp"
#include "ingest/pipeline.hpp"

namespace smedash::ingest {
namespace {

// Thrown from on_progress to stop an import when the server stops. Deliberately not a
// std::exception, so that no `catch (const std::exception&)` inside the pipeline takes it
// for a failure of the file; it unwinds to the worker, which requeues the upload.
struct JobInterrupted {};

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
      const auto recovered =
          RecoverStaleJobs(*connection, options_.stale_after, options_.max_attempts);
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
  Heartbeat heartbeat(connection_string_, job->upload_id, options_.heartbeat);
  ImportOptions import;
  import.upload_id = job->upload_id;
  import.original_name = job->file_name;
  import.number_style = job->number_style;
  import.on_progress = [ this, &heartbeat ](const ImportProgress& progress) {
    if (stop_) throw JobInterrupted{};
  heartbeat.Report(progress);
};
const auto id = job->upload_id;
try {
  const ImportReport report = RunImport(*connection, options_.data_dir / job->stored_path, import);
  LogReport(*job, report);
  FinishJob(*connection, id, report);
} catch (const JobInterrupted&) {
  connection.reset();  // a half-sent COPY may remain on it
  spdlog::info("upload {}: interrupted by shutdown; queued again", id);
  WithFreshConnection(connection_string_, id, [id](auto& fresh) { RequeueJob(fresh, id, true); });
} catch (const pqxx::broken_connection& error) {
  connection.reset();
  spdlog::warn("upload {}: database connection lost ({}); queued again", id, error.what());
  WithFreshConnection(connection_string_, id, [id](auto& fresh) { RequeueJob(fresh, id, false); });
} catch (const std::exception& error) {
  connection.reset();
  spdlog::error("upload {}: failed: {}", id, error.what());
  const std::string detail = error.what();
  WithFreshConnection(connection_string_, id, [id, &detail](auto& fresh) {
    FailJob(fresh, id, "ingest.file.internal", detail);
  });
} catch (...) {
  connection.reset();
  spdlog::error("upload {}: failed: non-standard exception", id);
  WithFreshConnection(connection_string_, id, [id](auto& fresh) {
    FailJob(fresh, id, "ingest.file.internal", "non-standard exception");
  });
}
return true;
}  // namespace smedash::ingest

}  // namespace smedash::ingest
