//! The server's upload job workers: threads that take queued uploads from PostgreSQL and
//! run the import, plus a sweep that requeues (or fails) jobs a dead server left behind.
//! Each thread has its own connections, never the HTTP handlers' pool.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <pqxx/connection>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/config.hpp"
#include "ingest/jobs/heartbeat.hpp"
#include "ingest/jobs/job_signal.hpp"

namespace smedash::ingest {

struct JobWorkerOptions {
  unsigned threads = 1;                           // uploads processed at once
  std::filesystem::path data_dir;                 // stored_path is relative to this
  std::chrono::milliseconds poll_interval{2000};  // to see other instances' jobs
  // How often the sweep runs. It is cheap and finds a killed server's jobs by their free
  // lock (job_queue.hpp), so a job another instance left is retried within seconds.
  std::chrono::milliseconds recovery_interval{5000};
  std::chrono::seconds stale_after{60};  // no heartbeat this long: hung, though connected
  int max_attempts = 3;                  // then 'failed', not requeued
  HeartbeatTiming heartbeat;

  static JobWorkerOptions FromConfig(const core::Config& config);
};

class JobWorkers {
 public:
  // Starts options.threads workers and the recovery sweep (which runs once at once).
  // `signal` wakes the workers when this process queues an upload; may be null.
  JobWorkers(std::string connection_string, JobWorkerOptions options,
             std::shared_ptr<JobSignal> signal);
  // Stops: a running import is interrupted at its next progress report and its upload
  // requeued (not counted as an attempt), then every thread is joined.
  ~JobWorkers();
  JobWorkers(const JobWorkers&) = delete;
  JobWorkers& operator=(const JobWorkers&) = delete;

 private:
  void WorkLoop(unsigned index);
  void SweepLoop();
  // Claims and runs one job on `connection`; false when nothing was queued.
  bool RunNext(std::unique_ptr<pqxx::connection>& connection);
  // Fails the upload as 'ingest.file.database_lost' once PostgreSQL answers again.
  void RecordDatabaseLost(std::int64_t upload_id, const std::string& detail);

  const std::string connection_string_;
  const JobWorkerOptions options_;
  const std::shared_ptr<JobSignal> signal_;  // also notified to wake every thread on stop
  std::atomic<bool> stop_{false};
  // Uploads this process's workers run (until their verdict is recorded): the sweep
  // leaves them to their worker, though PostgreSQL dropped their lock on a restart.
  std::mutex running_mutex_;
  std::set<std::int64_t> running_;
  std::vector<std::thread> threads_;
};

}  // namespace smedash::ingest
